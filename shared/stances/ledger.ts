/**
 * The ledger: a watch's statements, where the next ones are judged new, changed or repeated (see
 * `compareWithLedger`). The port is declared here, beside the stances it records; shared/store implements it on
 * DynamoDB. This file imports only types, so an adapter can use it without loading the NLP libraries.
 */
import type { LedgerEntry, StanceStatus, Statement } from './types.js';

/** A statement in a watch's ledger, with where and when it was said and how it was judged. */
export interface StoredStatement extends LedgerEntry {
  watchId: string;
  status: StanceStatus;
  polarity: Statement['polarity'];
  /** The speaker dropped an earlier condition ("no longer insists on…"). */
  withdrawn?: boolean;
  /** Where in the article it was said, to keep one article's statements in reading order. */
  paragraphIndex?: number;
  /** Set when the statement came from a revision of its article: when the revision was seen. */
  revisedAt?: string;
  role?: string;
  title?: string;
  urlKey: string;
  closestId?: string;
  /** The closest earlier statement, kept so the digest can diff against it without another read. */
  closest?: { text: string; url: string; outlet?: string; publishedAt?: string };
  similarity: number;
  foundAt: string;
  repeatCount?: number;
  /** The digest this statement was given to (see `assignToDigest`); it goes out in that one only. */
  digestKey?: string;
}

export interface Ledger {
  /** `speaker`: a name or surname, keyed like the ledger's sort key (see `speakerKey` below). */
  listStatements(watchId: string, speaker?: string): Promise<LedgerEntry[]>;
  /** Conditional put of the statement and its pending-digest marker; false when already there (a retry). */
  addStatement(statement: StoredStatement): Promise<boolean>;
  /** Counts a restatement on the earlier statement it repeats. */
  countRepeat(watchId: string, earlier: Pick<LedgerEntry, 'id' | 'speaker'>, source: { url: string; publishedAt?: string }): Promise<void>;
  listPending(watchId: string): Promise<StoredStatement[]>;
  clearPending(watchId: string, statementIds: string[]): Promise<void>;
  listTimeline(watchId: string): Promise<StoredStatement[]>;
}

/**
 * The key a speaker's statements are kept under: the surname, lower case and without accents or punctuation, so a
 * speaker's history is one read whether an article gives the full name or the surname; `_` for no speaker.
 */
export function speakerKey(speaker: string | null): string {
  if (!speaker) return '_';
  const words = speaker.toLowerCase().normalize('NFKD').replace(/[^\p{L}\s-]/gu, '').trim().split(/\s+/);
  return words[words.length - 1] || '_';
}
