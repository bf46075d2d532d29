import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseDigestMessage, sendWatchDigest, type DigestReport } from '../shared/pipeline/index.js';
import { createDigestDeps } from './lib/aws-deps.js';
import { watchesFor } from './lib/watches-source.js';
import { PipelineMetric, recordDigestReports } from './lib/pipeline-metrics.js';
import { powertoolsLog } from './lib/powertools-log.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

const logger = new Logger();
const metrics = new Metrics();
// Off outside Lambda; in Lambda its segments go to X-Ray (the stack sets tracing: ACTIVE).
const tracer = new Tracer();
// Once per cold start; the watches are read from the table and cached (lambdas/lib/watches-source.ts).
const { watches, ...deps } = createDigestDeps(process.env, powertoolsLog(logger), clientCapture(tracer));
const processor = new BatchProcessor(EventType.SQS);

/**
 * One watch's digest of new and changed statements. A throw marks only this record failed: SQS retries it, then
 * moves it to the digest DLQ. A retry never sends a digest twice: the core claims each digest before delivery. A
 * message naming no pushed watch (left from before a push that removed it) is dropped, not retried.
 */
async function handleRecord(record: SQSRecord): Promise<DigestReport[]> {
  try {
    const message = parseDigestMessage(record.body);
    const config = await watchesFor(watches, [message.watchId]);
    if (!config.watches.some((watch) => watch.id === message.watchId)) {
      metrics.addMetric(PipelineMetric.DigestsRefused, MetricUnit.Count, 1);
      logger.error('digest message refused: no such watch pushed', { messageId: record.messageId, ...message });
      return [];
    }
    const reports = await sendWatchDigest(message.watchId, { ...deps, config });
    logger.info('digest run', { messageId: record.messageId, ...message, digests: reports });
    recordDigestReports(metrics, reports);
    return reports;
  } catch (error) {
    logger.error('digest failed; SQS will retry it', {
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      error: error as Error,
    });
    throw error;
  }
}

/** SQS batch of digest messages (one per watch) → partial batch response, so one failing watch re-runs alone. */
export const handler = traceHandler(tracer, async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  logger.addContext(context);
  try {
    return await processPartialResponse(event, handleRecord, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
});
