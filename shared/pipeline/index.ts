import { z } from 'zod';
import { describeIssues } from '../config/index.js';
import { StancewatchError } from '../errors/index.js';
import type { SourceMessage } from './types.js';

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
export { stderrLog, type Log, type LogLevel } from './log.js';
export type * from './types.js';

const SourceMessageSchema = z.object({
  watchId: z.string().min(1),
  sourceUrl: z.string().min(1),
  runId: z.string().min(1),
});

/** Validates an SQS message body; a malformed one is an error the batch reports, not a crash. */
export function parseSourceMessage(body: string): SourceMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (cause) {
    throw new StancewatchError(`Source message is not JSON (${body.slice(0, 80)}); it goes to the DLQ`, { cause });
  }
  const parsed = SourceMessageSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StancewatchError(
      `Source message is invalid: ${describeIssues(parsed.error.issues).join('; ')}`,
    );
  }
  return parsed.data;
}
export { judgeStatement, watchedStatements } from './watch-statements.js';
