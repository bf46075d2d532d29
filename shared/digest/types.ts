import type { StanceStatus, StatementKind } from '../stances/types.js';

export interface DigestItem {
  status: StanceStatus;
  speaker: string | null;
  kind: StatementKind;
  text: string;
  url: string;
  outlet?: string;
  title?: string;
  publishedAt?: string;
  /** The statement gives up an earlier condition or demand ("no longer insists on …"): shown as WITHDRAWN. */
  withdrawn?: boolean;
  /** Set when the statement appeared in a later revision of the article: when that revision was seen. */
  revisedAt?: string;
  /**
   * The closest earlier statement. The digest shows a word diff against it for a changed item, and for a new one
   * (`compareWithLedger` names a new statement's closest only when it is genuinely related); never for a repeat.
   */
  closest?: { text: string; url: string; outlet?: string; publishedAt?: string };
}

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
