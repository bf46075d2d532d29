import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseSourceMessage, processSource, SourceFailedError } from '../shared/pipeline/index.js';
import { createSourceDeps } from './lib/aws-deps.js';
import { watchesFor } from './lib/watches-source.js';
import { checkSourceMessage } from './lib/configured-source.js';
import { PipelineMetric, recordHealthChanges, recordSourceOutcome } from './lib/pipeline-metrics.js';
import { powertoolsLog } from './lib/powertools-log.js';
import { sqsRetryScheduler } from './lib/sqs-retry.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

const logger = new Logger();
// Namespace and service from POWERTOOLS_METRICS_NAMESPACE / POWERTOOLS_SERVICE_NAME (set by the stack).
const metrics = new Metrics();
// Off outside Lambda; in Lambda its segments go to X-Ray, each page fetched a subsegment (fetch is traced too).
const tracer = new Tracer();
// Once per cold start; the watches are read from the table and cached (lambdas/lib/watches-source.ts).
const { watches, ...deps } = createSourceDeps(process.env, powertoolsLog(logger), clientCapture(tracer));
const processor = new BatchProcessor(EventType.SQS);
// The stack gives every function the source queue's URL; a failed source is retried after a short backoff.
const retries = sqsRetryScheduler(process.env.QUEUE_URL ?? '', { capture: clientCapture(tracer) });

/**
 * One source URL, read once for the watches the message names. A throw marks only this record failed: SQS retries
 * it, then moves it to the DLQ. A message naming no watch that lists its URL is refused before any fetch and not
 * retried: no retry can make it valid.
 */
async function handleRecord(record: SQSRecord) {
  try {
    const parsed = parseSourceMessage(record.body);
    const config = await watchesFor(watches, parsed.watchIds);
    const { accepted: message, refusals } = checkSourceMessage(parsed, config);
    if (!message) {
      metrics.addMetric(PipelineMetric.SourcesRefused, MetricUnit.Count, 1);
      logger.error('source message refused, nothing fetched', { messageId: record.messageId, ...parsed, reasons: refusals });
      return undefined;
    }
    // The watches that list the URL are read; the others named are logged, not retried (no retry makes them valid).
    if (refusals.length > 0) logger.warn('source message narrowed to the watches that list its URL', { messageId: record.messageId, reasons: refusals });
    const outcome = await processSource(message, { ...deps, config });
    logger.info('source processed', { messageId: record.messageId, ...message, outcome });
    recordSourceOutcome(metrics, outcome);
    return outcome;
  } catch (error) {
    metrics.addMetric(PipelineMetric.SourcesFailed, MetricUnit.Count, 1);
    if (error instanceof SourceFailedError) recordHealthChanges(metrics, error.healthChanges);
    logger.error('source failed; SQS will retry it', {
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      error: error as Error,
    });
    await retrySoon(record);
    throw error;
  }
}

/** Best effort: if SQS refuses, the message comes back after the queue's visibility timeout as before. */
async function retrySoon(record: SQSRecord): Promise<void> {
  try {
    await retries.retryAfter(record.receiptHandle, Number(record.attributes.ApproximateReceiveCount));
  } catch (error) {
    logger.warn('could not shorten the retry delay; the message returns after the visibility timeout', {
      messageId: record.messageId,
      error: error as Error,
    });
  }
}

/** SQS batch → partial batch response, so one failing site does not re-run the other sources. */
export const handler = traceHandler(tracer, async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  logger.addContext(context);
  try {
    return await processPartialResponse(event, handleRecord, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
});
