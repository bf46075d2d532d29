import type { ConditionalState } from '../fetch/types.js';
import type { LedgerEntry, StanceStatus, Statement } from '../stances/types.js';

/** An article as kept in the archive. */
export interface ArchivedArticle {
  urlKey: string;
  canonicalUrl: string;
  url: string;
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
  /** Other URLs and outlets that carried the same text. */
  alsoPublishedBy?: Array<{ url: string; outlet?: string; seenAt: string }>;
  revisionCount?: number;
}

export interface ArticleRevision {
  urlKey: string;
  seenAt: string;
  previousHash: string;
  contentHash: string;
  /** Word diff as `[-removed-]{+added+}` text, for digests and `query`. */
  diff: string;
}

/** A statement in a watch's ledger, with where and when it was said and how it was judged. */
export interface StoredStatement extends LedgerEntry {
  watchId: string;
  status: StanceStatus;
  polarity: Statement['polarity'];
  role?: string;
  title?: string;
  urlKey: string;
  closestId?: string;
  /** The closest earlier statement, kept so the digest can diff against it without another read. */
  closest?: { text: string; url: string; outlet?: string; publishedAt?: string };
  similarity: number;
  foundAt: string;
  repeatCount?: number;
}

export interface WatchArticleLink {
  watchId: string;
  urlKey: string;
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
}

export interface DigestRecord {
  watchId: string;
  digestKey: string;
  subject: string;
  text: string;
  html: string;
  statementIds: string[];
  status: 'sending' | 'delivered';
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
  recordAlsoPublished(ownerKey: string, copy: { url: string; outlet?: string; seenAt: string }): Promise<void>;
  /** Stores a revision and moves the article to the new text if it still has `previousHash`. */
  reviseArticle(article: ArchivedArticle, revision: ArticleRevision): Promise<'revised' | 'conflict'>;
  listRevisions(urlKey: string): Promise<ArticleRevision[]>;
}

export interface UrlStateStore {
  getUrlState(url: string): Promise<UrlState | undefined>;
  putUrlState(url: string, state: UrlState): Promise<void>;
}

export interface WatchStore {
  linkArticle(link: WatchArticleLink): Promise<void>;
  listArticles(watchId: string, options?: { limit?: number }): Promise<WatchArticleLink[]>;
}

export interface Ledger {
  listStatements(watchId: string, speakerKey?: string): Promise<StoredStatement[]>;
  /** Conditional put of the statement and its pending-digest marker; false when already there (a retry). */
  addStatement(statement: StoredStatement): Promise<boolean>;
  /** Counts a restatement on the earlier statement it repeats. */
  countRepeat(watchId: string, earlier: StoredStatement, source: { url: string; publishedAt?: string }): Promise<void>;
  listPending(watchId: string): Promise<StoredStatement[]>;
  clearPending(watchId: string, statementIds: string[]): Promise<void>;
  listTimeline(watchId: string): Promise<StoredStatement[]>;
}

export interface DigestStore {
  /** Conditional put; returns the existing record instead when this digest was already made. */
  claimDigest(record: DigestRecord): Promise<{ claimed: true } | { claimed: false; existing: DigestRecord }>;
  markDelivered(watchId: string, digestKey: string, deliveredTo: string[]): Promise<void>;
}

export type ArchiveStore = ArticleArchive & UrlStateStore & WatchStore & Ledger & DigestStore;
