import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { enqueueDigests, enqueueSources } from '../shared/pipeline/index.js';
import { createScheduleDeps, withWatches } from './lib/aws-deps.js';
import { powertoolsLog } from './lib/powertools-log.js';
import { PipelineMetric } from './lib/pipeline-metrics.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

/** What the stack's schedule rules put in `detail` (infra/constructs/watch-schedules.ts). */
export interface ScheduleDetail {
  /** The watches of this target's share of the schedule; all watches when absent. */
  watchIds?: string[];
  /** What to enqueue for them: their sources (a pass, the default) or their digests (the digest schedule). */
  enqueue?: 'sources' | 'digests';
}

const logger = new Logger();
const metrics = new Metrics();
// Off outside Lambda; in Lambda its segments go to X-Ray (the stack sets tracing: ACTIVE).
const tracer = new Tracer();
// Once per cold start; the watches are read from the table and cached (lambdas/lib/watches-source.ts).
const containerDeps = createScheduleDeps(process.env, powertoolsLog(logger), clientCapture(tracer));

/**
 * EventBridge schedule → one SQS message per (watch, source) of the watches named (all watches when the event
 * names none), or with `enqueue: 'digests'` one digest message per watch. A redelivered event enqueues them
 * again: processing a source twice stores nothing twice (conditional writes keyed on content), it only costs the
 * fetches, and a digest is claimed before it is sent, so a second message for a watch sends nothing new.
 */
export const handler = traceHandler(tracer, async (event: ScheduledEvent<ScheduleDetail>, context: Context): Promise<{ enqueued: number }> => {
  logger.addContext(context);
  const watchIds = event.detail?.watchIds;
  try {
    const deps = await withWatches(containerDeps);
    if (event.detail?.enqueue === 'digests') {
      const result = await enqueueDigests(deps, event.time, watchIds);
      logger.info('digests enqueued', { runId: event.time, watchIds: watchIds ?? 'all', enqueued: result.enqueued });
      metrics.addMetric(PipelineMetric.DigestsEnqueued, MetricUnit.Count, result.enqueued);
      return result;
    }
    const result = await enqueueSources(deps, event.time, watchIds);
    logger.info('sources enqueued', { runId: event.time, watchIds: watchIds ?? 'all', enqueued: result.enqueued });
    metrics.addMetric(PipelineMetric.SourcesEnqueued, MetricUnit.Count, result.enqueued);
    return result;
  } finally {
    metrics.publishStoredMetrics();
  }
});
