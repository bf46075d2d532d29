/**
 * The ports the DynamoDB adapter implements. Each is declared by the stage that consumes it (dedupe, stances, the
 * pipeline); they are re-exported here, type-only, for the store's own callers (the CLI, tests, benches).
 */
export type { AlsoPublished, ArchivedArticle, ArticleArchive, ArticleRevision, BandCandidate, CandidateText, NearDuplicateIndex } from '../dedupe/ports.js';
export type { Ledger, StoredStatement } from '../stances/ledger.js';
export type {
  ArchiveStore,
  ArticleFailureRecord,
  ArticleFailureStore,
  DigestRecord,
  DigestStore,
  SourceHealthRecord,
  SourceHealthStore,
  UrlState,
  UrlStateStore,
  WatchArticleLink,
  WatchStore,
} from '../pipeline/ports.js';
