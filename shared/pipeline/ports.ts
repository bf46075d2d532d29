/**
 * The ports the pipeline declares for what it needs from the outside world, beside the code that consumes them (as
 * shared/extract/host-boilerplate.ts declares its memory). Adapters implement them: shared/store on DynamoDB,
 * shared/notify's ways out, the SQS queue in lambdas/lib; the composition roots (lambdas/, bin/local-runtime.ts)
 * pass them in.
 */
import type { ArticleArchive } from '../dedupe/index.js';
import type { ConditionalState } from '../fetch/types.js';
import type { Ledger, StoredStatement } from '../stances/index.js';
import type { SourceMessage } from './types.js';

/** Fans a pass out to the processing function, one message per source URL; returns how many it enqueued. */
export interface SourceQueue {
  enqueue(messages: SourceMessage[]): Promise<number>;
}

export interface UrlState {
  validators: ConditionalState;
  lastFetchedAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  /** A source's readings in a row that yielded no article (no entries, or no page with an article); source health. */
  emptyRuns?: number;
  /** Why the page was last skipped ("a PDF document, not an article page"), for `query` and support. */
  lastSkipReason?: string;
  /**
   * A source's: the watches its items have been read for. A watch not in it is new to the source and reads every
   * item whole once, since the validators and seen-marks of the URL were earned by the others (see url-state.ts).
   */
  readBy?: string[];
  /** A feed item's page: when it was first read, the start of its revisit schedule (revisit.ts). */
  firstSeenAt?: string;
  /** A feed item's page: its entry's GUID and its updated (or published) stamp when the page was last read. */
  itemGuid?: string;
  itemUpdated?: string;
}

export interface UrlStateStore {
  /** A URL's fetch state: one per URL, however many watches read it. */
  getUrlState(url: string): Promise<UrlState | undefined>;
  /**
   * Writes the state as given, except `readBy`: its ids are added to those stored, never replace them, so two
   * messages of one URL (two schedules) processed at once cannot drop each other's watches.
   */
  putUrlState(url: string, state: UrlState): Promise<void>;
}

export interface WatchArticleLink {
  watchId: string;
  urlKey: string;
  /** The article's `pageUrl`; links made before it was kept hold the normalised URL. */
  url: string;
  title: string;
  siteName?: string;
  publishedAt?: string;
  linkedAt: string;
}

export interface WatchStore {
  linkArticle(link: WatchArticleLink): Promise<void>;
  /** Which text of an article this watch has finished reading for statements, if any. */
  getWatchMark(watchId: string, urlKey: string): Promise<{ contentHash: string } | undefined>;
  /** Written last, once the article's statements are stored: a crash before it means the next run reads it again. */
  putWatchMark(watchId: string, urlKey: string, contentHash: string): Promise<void>;
  listArticles(watchId: string, options?: { limit?: number }): Promise<WatchArticleLink[]>;
}

export interface DigestRecord {
  watchId: string;
  digestKey: string;
  subject: string;
  /** The kept copy of the text sent (`RenderedDigest.kept`): cut at a paragraph past `MAX_STORED_DIGEST_TEXT_BYTES`. */
  text: string;
  /** The kept copy of the HTML sent, which the feed serves: cut to whole statements past `MAX_STORED_HTML_BYTES`. */
  html: string;
  statementIds: string[];
  /** The source health changes it reports, so a retry of a failed digest can mark them reported too. */
  healthChanges?: Array<Pick<SourceHealthRecord, 'sourceUrl' | 'status' | 'changedAt'>>;
  /** The stuck articles it first reports, likewise. */
  stuckArticles?: Array<Pick<ArticleFailureRecord, 'url' | 'stuckAt'>>;
  /** `failed`: some way out refused it; `deliveredBy` names those that took it, so a retry skips them. */
  status: 'sending' | 'delivered' | 'failed';
  /**
   * The try that holds the digest while it is `sending` (its claim, or the take-back of a failed one): only that try
   * records that it did not go out (`markFailed`), so a try another worker took over is never marked for it.
   */
  sendToken?: string;
  deliveredBy?: string[];
  createdAt: string;
  deliveredTo?: string[];
}

export interface DigestStore {
  /** Conditional put; returns the existing record instead when this digest was already made. */
  claimDigest(record: DigestRecord): Promise<{ claimed: true } | { claimed: false; existing: DigestRecord }>;
  markDelivered(watchId: string, digestKey: string, deliveredTo: string[]): Promise<void>;
  /**
   * Records that the try holding the digest (`sendToken`) did not send it, so the next run does; false when that try
   * does not hold it (another worker took it back, or the claim never landed), and nothing was written.
   */
  markFailed(watchId: string, digestKey: string, sendToken: string, deliveredBy: string[], error: string): Promise<boolean>;
  /** Takes a failed digest back for another try, held by `sendToken`; false when another worker already did. */
  retryDigest(watchId: string, digestKey: string, sendToken: string): Promise<boolean>;
  /** The digest each statement was given to, for those given to one (`digestKey` on the statement item). */
  findDigestOwners(watchId: string, statements: Array<Pick<StoredStatement, 'id' | 'speaker'>>): Promise<Map<string, string>>;
  /**
   * Gives statements to a digest, one conditional write each: only a statement no digest holds yet (or one of
   * `takeOverFrom` holds) is taken, so none goes out in two digests. Returns the ids the digest now holds.
   */
  assignToDigest(
    watchId: string,
    statements: Array<Pick<StoredStatement, 'id' | 'speaker'>>,
    digestKey: string,
    takeOverFrom: string[],
  ): Promise<string[]>;
  getDigest(watchId: string, digestKey: string): Promise<DigestRecord | undefined>;
  /** The delivered digests of a watch, newest first (its feed). */
  listDigests(watchId: string, limit: number): Promise<DigestRecord[]>;
}

/**
 * The health of one source of one watch, kept once it has turned unhealthy. A change (`status` with its
 * `changedAt`) is reported in the watch's next digest; `reportedStatus` records that it was.
 */
export interface SourceHealthRecord {
  watchId: string;
  sourceUrl: string;
  status: 'unhealthy' | 'recovered';
  /** What is wrong, for the reader: "answers with a bot wall (Cloudflare challenge) instead of its pages". */
  reason: string;
  /** When it turned unhealthy. */
  since: string;
  /** When `status` last changed: the change's identity in a digest. */
  changedAt: string;
  reportedStatus?: 'unhealthy' | 'recovered';
}

export interface SourceHealthStore {
  /** True when the source was not unhealthy before (a change to report); the reason is updated either way. */
  markSourceUnhealthy(watchId: string, sourceUrl: string, reason: string, at: string): Promise<boolean>;
  /** True when the source was unhealthy and now is not. */
  markSourceRecovered(watchId: string, sourceUrl: string, at: string): Promise<boolean>;
  listSourceHealth(watchId: string): Promise<SourceHealthRecord[]>;
  /** Records that a digest told readers of these changes; a change made since (another `changedAt`) stays unreported. */
  markHealthReported(watchId: string, changes: ReadonlyArray<Pick<SourceHealthRecord, 'sourceUrl' | 'status' | 'changedAt'>>): Promise<void>;
}

/**
 * An article of a watch that failed on its last run(s), kept until it goes through. Once it has failed the
 * same way `STUCK_AFTER_RUNS` runs in a row it is stuck: the watch's digests list it under "needing attention".
 */
export interface ArticleFailureRecord {
  watchId: string;
  /** The item's URL as its source lists it. */
  url: string;
  /** What "the same way" compares: the error with its numbers blanked (counts and waits vary between runs). */
  signature: string;
  /** The last error, as the run report gave it. */
  reason: string;
  /** Runs in a row it failed this way. */
  runs: number;
  /** The first failure of this streak. */
  since: string;
  /** The pass that counted the last failure: a redelivered message or a second source of it counts once. */
  lastRunId: string;
  /** When it became stuck: the change's identity in a digest. */
  stuckAt?: string;
  /** The `stuckAt` a digest reported. */
  reportedStuckAt?: string;
}

export interface ArticleFailureStore {
  listArticleFailures(watchId: string): Promise<ArticleFailureRecord[]>;
  putArticleFailure(record: ArticleFailureRecord): Promise<void>;
  clearArticleFailure(watchId: string, url: string): Promise<void>;
  /** Records that a digest listed these stuck articles; one stuck since (another `stuckAt`) stays unreported. */
  markArticleFailuresReported(watchId: string, stuck: ReadonlyArray<Pick<ArticleFailureRecord, 'url' | 'stuckAt'>>): Promise<void>;
}

/** A rendered digest ready to deliver. */
export interface OutgoingDigest {
  watchId: string;
  watchName: string;
  digestKey: string;
  subject: string;
  text: string;
  html: string;
  /** Addresses of the watch's own audience (config `digest.email`). */
  recipients: string[];
  /** A topic that overrides the default one for this watch. */
  topicArn?: string;
}

/** One way out for digests; returns where it delivered (for the run report). */
export interface DigestNotifier {
  /** Stable name ('sns', 'ses', 'outbox', …): a retried digest skips the ways out that already took it. */
  readonly name: string;
  deliver(digest: OutgoingDigest): Promise<string[]>;
}

/** Everything the pipeline keeps: one DynamoDB adapter (shared/store's `dynamoArchive`) implements all of it. */
export type ArchiveStore = ArticleArchive & UrlStateStore & WatchStore & Ledger & DigestStore & SourceHealthStore & ArticleFailureStore;
