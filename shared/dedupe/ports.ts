/**
 * The ports dedupe declares for the archive it records articles in, beside the code that consumes them (as
 * shared/extract/host-boilerplate.ts declares its memory). shared/store implements them on DynamoDB; a unit test
 * may pass an in-memory archive.
 */

/**
 * An archive keeps at most this much of an article's text (UTF-8; compressed when long): ~100 pages of news copy.
 * Past it the text is cut and marked `textTruncated`; the content hash is still of the whole text. A DynamoDB item
 * holds at most 400 KB; the cap leaves room for the item's other attributes.
 */
export const MAX_STORED_TEXT_BYTES = 300_000;

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

export interface ArticleRevision {
  urlKey: string;
  seenAt: string;
  previousHash: string;
  contentHash: string;
  /** Word diff as `[-removed-]{+added+}` text, for digests and `query`; a note when too large to diff or keep. */
  diff: string;
}

/** Where dedupe keeps articles and their revisions (shared/store implements it on DynamoDB). */
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

/** An article found in at least one LSH band bucket of a body, with how many bands it shares. */
export interface BandCandidate {
  urlKey: string;
  bands: number;
}

/** What the near-duplicate check reads of a candidate article. */
export type CandidateText = Pick<ArchivedArticle, 'urlKey' | 'text' | 'firstSeenAt'>;

/**
 * The near-duplicate index of an archive: MinHash LSH bands (see `bandKeysOf`). The DynamoDB adapter finds
 * candidates with one Query per band and one BatchGetItem, whatever the archive size.
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
