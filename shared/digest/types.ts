import type { StoredStatement } from '../stances/index.js';

/**
 * A statement as a digest shows it: the stored statement's own fields (see `toDigestItem` in shared/pipeline).
 * `closest`: the digest shows a word diff against it for a changed item, and for a new one (`compareWithLedger` names a
 * new statement's closest only when it is genuinely related); never for a repeat. `withdrawn` is shown as WITHDRAWN.
 */
export type DigestItem = Pick<
  StoredStatement,
  'status' | 'speaker' | 'kind' | 'text' | 'url' | 'outlet' | 'title' | 'publishedAt' | 'withdrawn' | 'revisedAt' | 'closest'
>;

/** A source listed at the end of a digest: unhealthy now, or recovered since the last digest. */
export interface DigestSource {
  url: string;
  status: 'unhealthy' | 'recovered';
  reason: string;
  /** When it turned unhealthy. */
  since: string;
  /** First reported in this digest. */
  changed: boolean;
}

/** An article listed at the end of a digest: it failed the same way run after run, so its statements are missing. */
export interface DigestStuckArticle {
  url: string;
  /** The last error. */
  reason: string;
  /** Runs in a row it failed this way. */
  runs: number;
  /** When it began failing this way. */
  since: string;
  /** First reported in this digest. */
  changed: boolean;
}

export interface DigestInput {
  watch: { id: string; name: string };
  /** New and changed statements; rendered one article at a time, newest day first. */
  items: DigestItem[];
  /** Statements seen again in this period (not listed, counted). */
  repeats: number;
  /** Sources needing attention, listed at the end; a digest may hold only these. */
  sources?: DigestSource[];
  /** Articles needing attention, listed after the sources; a digest may hold only these. */
  articles?: DigestStuckArticle[];
  /** When the digest was made (ISO). */
  generatedAt: string;
}

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
  /**
   * The copy the archive keeps, under DynamoDB's item size: `text` past `MAX_STORED_DIGEST_TEXT_BYTES` and `html` past
   * `MAX_STORED_HTML_BYTES` (the feed serves it) cut between articles or statements, never inside one.
   */
  kept: { text: string; html: string };
}
