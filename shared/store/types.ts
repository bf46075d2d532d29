import type { ConditionalState } from '../fetch/types.js';
import type { LedgerEntry, StanceStatus, Statement } from '../stances/types.js';

/** An article as kept in the archive. */
export interface ArchivedArticle {
  urlKey: string;
  /** The normalised URL (`canonicalizeUrl`): the dedupe key `urlKey` is its hash. Never a link: it may not exist. */
  canonicalUrl: string;
  /** The URL fetched. */
  url: string;
  /**
   * The page's own canonical URL as it publishes it (`<link rel="canonical">`, `og:url`), else the URL fetched:
   * where links send readers. Absent on articles archived before it was kept.
   */
  pageUrl?: string;
  title: string;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
  contentHash: string;
  text: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Set on a URL whose text another URL published first (syndication). */
  duplicateOf?: string;
  /** How a copy matched `duplicateOf`: the same text, or a near-duplicate with this containment. */
  duplicateReason?: 'same-text' | 'near-duplicate';
  similarity?: number;
  /** Other URLs and outlets that carried the same text, or a near-duplicate of it. */
  alsoPublishedBy?: AlsoPublished[];
  /** The URLs in `alsoPublishedBy`, as a set: keeps recording a copy idempotent. */
  alsoPublishedUrls?: Set<string>;
  revisionCount?: number;
  /** Set when the text was too large to keep whole even compressed; `text` is its first part. */
  textTruncated?: boolean;
}

/** A copy of an archived article at another URL; `seenAt` is when the copy was first seen. */
export interface AlsoPublished {
  url: string;
  outlet?: string;
  seenAt: string;
  /** Absent for an exact copy. */
  reason?: 'near-duplicate';
  similarity?: number;
}

/** An article found in at least one LSH band bucket of a body, with how many bands it shares. */
export interface BandCandidate {
  urlKey: string;
  bands: number;
}

/** What the near-duplicate check reads of a candidate article. */
export type CandidateText = Pick<ArchivedArticle, 'urlKey' | 'text' | 'firstSeenAt'>;

export interface ArticleRevision {
  urlKey: string;
  seenAt: string;
  previousHash: string;
  contentHash: string;
  /** Word diff as `[-removed-]{+added+}` text, for digests and `query`; a note when too large to diff or keep. */
  diff: string;
}

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

export interface UrlState {
  validators: ConditionalState;
  lastFetchedAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  /** A source's readings in a row that yielded no article (no entries, or no page with an article); source health. */
  emptyRuns?: number;
  /** Why the page was last skipped ("a PDF document, not an article page"), for `query` and support. */
  lastSkipReason?: string;
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

export interface DigestRecord {
  watchId: string;
  digestKey: string;
  subject: string;
  /** As sent; kept cut at a paragraph when over `MAX_STORED_DIGEST_TEXT_BYTES`. */
  text: string;
  /** As sent; kept cut to whole statements when over `MAX_STORED_HTML_BYTES` (the feed serves it). */
  html: string;
  statementIds: string[];
  /** The source health changes it reports, so a retry of a failed digest can mark them reported too. */
  healthChanges?: Array<Pick<SourceHealthRecord, 'sourceUrl' | 'status' | 'changedAt'>>;
  /** The stuck articles it first reports, likewise. */
  stuckArticles?: Array<Pick<ArticleFailureRecord, 'url' | 'stuckAt'>>;
  /** `failed`: some way out refused it; `deliveredBy` names those that took it, so a retry skips them. */
  status: 'sending' | 'delivered' | 'failed';
  deliveredBy?: string[];
  createdAt: string;
  deliveredTo?: string[];
}

/** Ports the pipeline needs from the archive. One DynamoDB adapter implements all of them. */
export interface ArticleArchive {
  getArticle(urlKey: string): Promise<ArchivedArticle | undefined>;
  /** Conditional put: 'exists' when another writer stored this URL first. */
  putArticleIfAbsent(article: ArchivedArticle): Promise<'stored' | 'exists'>;
  /** Claims a content hash for a URL; returns the owner's urlKey (this one if claimed or already ours). */
  claimContentHash(contentHash: string, urlKey: string): Promise<string>;
  /** Appends a copy to the owner's `alsoPublishedBy` once per copy URL (a retry adds nothing). */
  recordAlsoPublished(ownerKey: string, copy: AlsoPublished): Promise<void>;
  /** Stores a revision and moves the article to the new text if it still has `previousHash`. */
  reviseArticle(article: ArchivedArticle, revision: ArticleRevision): Promise<'revised' | 'conflict'>;
  listRevisions(urlKey: string): Promise<ArticleRevision[]>;
}

/**
 * The near-duplicate index: MinHash LSH band items `BAND#<band>#<bandHash>` / `<urlKey>`.
 * Finding candidates is one Query per band and one BatchGetItem, whatever the archive size.
 */
export interface NearDuplicateIndex {
  /** One Query per band key (in parallel); candidates with the number of bands they share. */
  findBandCandidates(bandKeys: string[]): Promise<BandCandidate[]>;
  /** One BatchGetItem (retrying unprocessed keys) of the candidates' text. */
  getArticleTexts(urlKeys: string[]): Promise<CandidateText[]>;
  /** Puts an article's band items (idempotent puts by key, one BatchWriteItem). */
  putBands(urlKey: string, bandKeys: string[], seenAt: string): Promise<void>;
  /** Points a content hash at the article a near-duplicate copy belongs to, if `fromUrlKey` still owns it. */
  repointContentHash(contentHash: string, fromUrlKey: string, toUrlKey: string): Promise<void>;
}

export interface UrlStateStore {
  getUrlState(url: string): Promise<UrlState | undefined>;
  putUrlState(url: string, state: UrlState): Promise<void>;
}

export interface WatchStore {
  linkArticle(link: WatchArticleLink): Promise<void>;
  /** Which text of an article this watch has finished reading for statements, if any. */
  getWatchMark(watchId: string, urlKey: string): Promise<{ contentHash: string } | undefined>;
  /** Written last, once the article's statements are stored: a crash before it means the next run reads it again. */
  putWatchMark(watchId: string, urlKey: string, contentHash: string): Promise<void>;
  listArticles(watchId: string, options?: { limit?: number }): Promise<WatchArticleLink[]>;
}

export interface Ledger {
  /** `speaker`: a name or surname, keyed like the ledger's sort key (see `speakerKey` in keys.ts). */
  listStatements(watchId: string, speaker?: string): Promise<LedgerEntry[]>;
  /** Conditional put of the statement and its pending-digest marker; false when already there (a retry). */
  addStatement(statement: StoredStatement): Promise<boolean>;
  /** Counts a restatement on the earlier statement it repeats. */
  countRepeat(watchId: string, earlier: Pick<LedgerEntry, 'id' | 'speaker'>, source: { url: string; publishedAt?: string }): Promise<void>;
  listPending(watchId: string): Promise<StoredStatement[]>;
  clearPending(watchId: string, statementIds: string[]): Promise<void>;
  listTimeline(watchId: string): Promise<StoredStatement[]>;
}

export interface DigestStore {
  /** Conditional put; returns the existing record instead when this digest was already made. */
  claimDigest(record: DigestRecord): Promise<{ claimed: true } | { claimed: false; existing: DigestRecord }>;
  markDelivered(watchId: string, digestKey: string, deliveredTo: string[]): Promise<void>;
  markFailed(watchId: string, digestKey: string, deliveredBy: string[], error: string): Promise<void>;
  /** Takes a failed digest back for another try; false when another worker already did. */
  retryDigest(watchId: string, digestKey: string): Promise<boolean>;
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

export type ArchiveStore = ArticleArchive & UrlStateStore & WatchStore & Ledger & DigestStore & SourceHealthStore & ArticleFailureStore;
