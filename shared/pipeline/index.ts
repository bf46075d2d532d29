export type { PipelineDeps, SourceDeps, DigestDeps, ScheduleDeps } from './deps.js';
export type * from './ports.js';
export { feedTokenFor, serveFeedRequest, type FeedDeps, type FeedResponse } from './serve-feed.js';
export { processSource, type SourceOutcome } from './process-source.js';
export { isRelevant, skipReasonOf, OFF_TOPIC } from './skip-reasons.js';
export { sendDigests, sendWatchDigest } from './send-digests.js';
export { runPass, type PassOptions } from './run-pass.js';
export { reprocessWatch, type ReprocessOptions, type ReprocessReport } from './reprocess.js';
export { SourceFailedError, UNHEALTHY_AFTER_RUNS } from './source-health.js';
export {
  enqueueDigests,
  enqueueSources,
  parseDigestMessage,
  planDigestMessages,
  planSourceMessages,
  type DigestMessage,
  type DigestQueue,
} from './enqueue.js';
export { parseSourceMessage, toSourceMessage, watchIdsOf } from './source-message.js';
export { stderrLog, type Log, type LogLevel } from './log.js';
export type * from './types.js';
export { judgeStatement, learnSpeakers, watchedStatements } from './watch-statements.js';
export { claimNormOf, refreshClaims } from './claim-refresh.js';
