import type { StoredStatement } from '../stances/index.js';

/**
 * One unit of work: read one source URL once for every watch of the pass that lists it (`watchIds`), so a feed
 * that 500 watches share is fetched once, not 500 times. The SQS message body in AWS.
 */
export interface SourceMessage {
  /** The watches that list `sourceUrl`, in config order; what the source yields is fanned out to each. */
  watchIds: string[];
  sourceUrl: string;
  /**
   * Identifies the pass (the schedule's time) in logs. Not an idempotency key: a message processed
   * twice is absorbed by the conditional writes keyed on content (article, statement, digest).
   */
  runId: string;
}

/**
 * A message of one watch, as passes planned them before URLs were fetched once: such messages may still be queued
 * after a deploy, and `processSource` reads them as a `SourceMessage` of that one watch.
 */
export interface SingleWatchSourceMessage {
  watchId: string;
  sourceUrl: string;
  runId: string;
}

export interface ArticleCounts {
  fetched: number;
  new: number;
  duplicates: number;
  revised: number;
  failed: number;
  /** Fetched but not about the watch's keywords, or no article on the page. */
  skipped: number;
  /** Of `failed`: articles that have now failed the same way `STUCK_AFTER_RUNS` runs in a row (see `stuck`). */
  stuck: number;
}

/** A statement this run stored, as the run report lists it: its watch and the stored statement's own fields (see `toStanceReport`). */
export interface StanceReport extends Pick<StoredStatement, 'status' | 'speaker' | 'kind' | 'text' | 'url' | 'outlet' | 'publishedAt'> {
  watch: string;
}

export interface DigestReport {
  watch: string;
  subject: string;
  items: number;
  /** Source health changes it reports (turned unhealthy, recovered). */
  sources: number;
  /** Articles it first reports as stuck (failing the same way run after run). */
  stuckArticles: number;
  delivered: boolean;
  /** Where it went: 'stdout', an outbox file, an SNS message id. */
  deliveredTo: string[];
}

/** A page fetched but not read: not an article page, no article on it, or not about the watch. */
export interface SkipReport {
  watch: string;
  url: string;
  reason: string;
}

/** A source that turned unhealthy, or recovered, in this run; readers hear of it in the next digest. */
export interface SourceHealthChange {
  watch: string;
  url: string;
  status: 'unhealthy' | 'recovered';
  reason?: string;
}

/** An article that failed the same way run after run: its statements are missing until someone looks. */
export interface StuckArticleReport {
  watch: string;
  url: string;
  reason: string;
  /** Runs in a row it failed this way, this one included. */
  runs: number;
  /** When this streak of failures began. */
  since: string;
}

export interface FailureReport {
  watch: string;
  url: string;
  error: string;
}

/** What processing one source yields. */
export interface SourceOutcome {
  articles: ArticleCounts;
  stances: StanceReport[];
  failures: FailureReport[];
  skips: SkipReport[];
  health: SourceHealthChange[];
  stuck: StuckArticleReport[];
}

/** What `stancewatch run --json` prints: exactly this document. */
export interface PassReport {
  articles: ArticleCounts;
  stances: StanceReport[];
  digests: DigestReport[];
  failures: FailureReport[];
  skips: SkipReport[];
  /** Sources that turned unhealthy or recovered in this pass. */
  health: SourceHealthChange[];
  /** Articles that failed in this pass, and the same way in the runs before: listed in the watch's next digest. */
  stuck: StuckArticleReport[];
  /** Speakers of the config that no archived article of their watch has quoted (a misspelt name, another script). */
  unmatchedSpeakers: UnmatchedSpeakerReport[];
  /** With `run --baseline`: the watches whose backlog became the ledger instead of a digest. */
  baselined?: BaselineReport[];
}

/** A new watch's backlog recorded as its ledger by `run --baseline`, with no digest sent. */
export interface BaselineReport {
  watch: string;
  /** Statements marked delivered without being sent. */
  statements: number;
  /** Of them, the new or changed stances a digest would have listed. */
  alertable: number;
}

/** A speaker a watch lists who has no statement in its ledger although the watch has articles. */
export interface UnmatchedSpeakerReport {
  watch: string;
  speaker: string;
  reason: string;
}
