/**
 * The ledger: a watch's statements, where the next ones are judged new, changed or repeated (see
 * `compareWithLedger`). The port is declared here, beside the stances it records; shared/store implements it on
 * DynamoDB. This file imports only types and the negation token, so an adapter can use it without loading the NLP
 * libraries.
 */
import { NEGATION_TOKEN } from './patterns.js';
import { surnameOf, wordsOf } from './surname.js';
import type { LedgerEntry, StanceStatus, Statement } from './types.js';
import type { KnownSpeaker } from './speakers.js';

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

/**
 * What judging a statement needs from the whole ledger, kept as the ledger grows so that judging an article reads
 * its speakers' statements and this, never the whole ledger (see `compareWithLedger`'s `summary` option).
 */
export interface LedgerSummary {
  /** Statements in the ledger: the N of the IDF. */
  statements: number;
  /** How many ledger statements hold each claim token (`claimTokens`): the IDF's document frequencies. */
  tokenCounts: Map<string, number>;
  /**
   * Speaker labels in the ledger, where a side's members' statements are kept (see `speakerKey`): every label, or
   * those a store found under the names asked for (`labelWords`), a read that does not grow with the speakers.
   */
  speakers: Set<string>;
}

export interface Ledger {
  /** `speaker`: a name or surname, keyed like the ledger's sort key (see `speakerKey` below). */
  listStatements(watchId: string, speaker?: string): Promise<LedgerEntry[]>;
  /** The watch's `limit` most recent statements by publication date, newest first. */
  listRecentStatements(watchId: string, limit: number): Promise<LedgerEntry[]>;
  /**
   * The watch's ledger summary: counts of every statement `addStatement` recorded (see `LedgerSummary`), with the
   * counts of `terms` only (a read that does not grow with the vocabulary), or of every term when omitted, and the
   * speaker labels that can speak as one of `speakers` (by surname, see `labelWords`), or every label when omitted.
   */
  getSummary(watchId: string, terms?: Iterable<string>, speakers?: Iterable<string>): Promise<LedgerSummary>;
  /** How many ledger statements hold each of `terms`; a term none holds is absent. */
  getTermCounts(watchId: string, terms: Iterable<string>): Promise<Map<string, number>>;
  /**
   * Conditional put of the statement and its pending-digest marker, counted once in the summary; false when already
   * there (a retry).
   */
  addStatement(statement: StoredStatement): Promise<boolean>;
  /**
   * Rewrites a stored statement's claim in a newer normalisation (`claimNorm`), once: only while its stored
   * `claimNorm` differs; the summary's term counts move from the old claim's terms to the new one's. False when the
   * statement is gone or already written in `claimNorm`.
   */
  refreshClaim(watchId: string, entry: Pick<LedgerEntry, 'id' | 'speaker'>, claim: string, claimNorm: string): Promise<boolean>;
  /** Counts a restatement on the earlier statement it repeats. */
  countRepeat(watchId: string, earlier: Pick<LedgerEntry, 'id' | 'speaker'>, source: { url: string; publishedAt?: string }): Promise<void>;
  listPending(watchId: string): Promise<StoredStatement[]>;
  clearPending(watchId: string, statementIds: string[]): Promise<void>;
  listTimeline(watchId: string): Promise<StoredStatement[]>;
  /** What the watch's articles said of its speakers: the fullest role and principal each was given. */
  listKnownSpeakers(watchId: string): Promise<KnownSpeaker[]>;
  /** Keeps what an article said of its speakers, unless more was said before (see `learnSpeakers`). */
  rememberSpeakers(watchId: string, speakers: KnownSpeaker[]): Promise<void>;
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

/**
 * The words a speaker label is found under: each of its words and its surname, the two ways `speaksAs` matches a
 * label with a name's surname. A store indexes labels under these, so the labels a name can speak as are one read of
 * its surname (`surnameOf`), however many speakers the ledger holds.
 */
export function labelWords(label: string): string[] {
  return [...new Set([...wordsOf(label), surnameOf(label)])].filter(Boolean);
}

/** Who a statement speaks as: its speaker, and whom the speaker speaks for (`speaksFor`); none when unattributed. */
export function voicesOf({ speaker, speaksFor }: Pick<Statement, 'speaker' | 'speaksFor'>): string[] {
  return speaker === null ? [] : speaksFor ? [speaker, speaksFor] : [speaker];
}

/** A claim's tokens without the negation, which novelty compares as polarity: the terms the IDF counts. */
export function claimTokens(claim: string): Set<string> {
  return new Set(claim.split(/\s+/).filter((token) => token && token !== NEGATION_TOKEN));
}

/**
 * A summary counts a claim's first 300 terms: a claim is one sentence's words, so more is a page without sentence
 * breaks, and the store's update counting them must stay under DynamoDB's 4 KB expression limit.
 */
const MAX_COUNTED_TOKENS = 300;

/** A longer "term" is not a word (a run of symbols); each counted term is an attribute name in the store. */
const MAX_COUNTED_TOKEN_CHARS = 100;

/** The claim terms a statement adds to a ledger summary: the same in memory and in the store. */
export function countedTokens(claim: string): string[] {
  return [...claimTokens(claim)].filter((token) => token.length <= MAX_COUNTED_TOKEN_CHARS).slice(0, MAX_COUNTED_TOKENS);
}

/** The summary of a list of statements, counted as the store counts them: for a ledger read whole. */
export function summarizeLedger(entries: Iterable<Pick<LedgerEntry, 'speaker' | 'claim'>>): LedgerSummary {
  const summary: LedgerSummary = { statements: 0, tokenCounts: new Map(), speakers: new Set() };
  for (const entry of entries) addToSummary(summary, entry);
  return summary;
}

/** Counts one more statement in a summary (in place). */
export function addToSummary(summary: LedgerSummary, entry: Pick<LedgerEntry, 'speaker' | 'claim'>): void {
  summary.statements += 1;
  for (const token of countedTokens(entry.claim)) summary.tokenCounts.set(token, (summary.tokenCounts.get(token) ?? 0) + 1);
  if (entry.speaker) summary.speakers.add(entry.speaker);
}
