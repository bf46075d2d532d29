import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { watchesDueInTick } from '../shared/config/index.js';
import { enqueueDigests, enqueueSources } from '../shared/pipeline/index.js';
import { createScheduleDeps, withWatches } from './lib/aws-deps.js';
import { PipelineMetric } from './lib/pipeline-metrics.js';
import { powertoolsLog } from './lib/powertools-log.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

/** What the stack's rules put in `detail` (infra/constructs/watch-schedules.ts). */
export interface ScheduleDetail {
  /**
   * What to enqueue: `due` (the tick rule), the sources of every watch whose own schedule fires within the tick that
   * ends at the event's time; `digests` (the digest rule), a digest message per watch; `sources`, the sources of the
   * watches named (all when none are), what a rule of a stack from before the tick rule asks for.
   */
  enqueue?: 'due' | 'digests' | 'sources';
  /** With `due`: the tick rule's own rate, so the window is (time − tick, time]. */
  tick?: string;
  /** With `digests` or `sources`: these watches only. */
  watchIds?: string[];
}

/** The tick of a rule that does not say (infra/context.ts CONTEXT_DEFAULTS.scheduleTick). */
const DEFAULT_TICK = 'rate(5 minutes)';

const logger = new Logger();
const metrics = new Metrics();
// Off outside Lambda; in Lambda its segments go to X-Ray (the stack sets tracing: ACTIVE).
const tracer = new Tracer();
// Once per cold start; the watches are read from the table and cached (lambdas/lib/watches-source.ts).
const containerDeps = createScheduleDeps(process.env, powertoolsLog(logger), clientCapture(tracer));

/**
 * EventBridge → SQS. The tick rule: one message per source URL of the watches due in this tick, with the watches
 * that share it. The digest rule: one digest message per watch. A redelivered event enqueues them again: processing
 * a source twice stores nothing twice (conditional writes keyed on content), it only costs the fetches, and a digest
 * is claimed before it is sent, so a second message for a watch sends nothing new.
 */
export const handler = traceHandler(tracer, async (event: ScheduledEvent<ScheduleDetail>, context: Context): Promise<{ enqueued: number }> => {
  logger.addContext(context);
  const detail = event.detail ?? {};
  try {
    const deps = await withWatches(containerDeps);
    if (detail.enqueue === 'digests') {
      const result = await enqueueDigests(deps, event.time, detail.watchIds);
      logger.info('digests enqueued', { runId: event.time, watchIds: detail.watchIds ?? 'all', enqueued: result.enqueued });
      metrics.addMetric(PipelineMetric.DigestsEnqueued, MetricUnit.Count, result.enqueued);
      return result;
    }
    const watchIds = detail.enqueue === 'due' ? watchesDueInTick(deps.config, event.time, detail.tick ?? DEFAULT_TICK) : detail.watchIds;
    const result = watchIds?.length === 0 ? { enqueued: 0 } : await enqueueSources(deps, event.time, watchIds);
    logger.info('sources enqueued', { runId: event.time, watchIds: watchIds ?? 'all', enqueued: result.enqueued });
    metrics.addMetric(PipelineMetric.SourcesEnqueued, MetricUnit.Count, result.enqueued);
    return result;
  } finally {
    metrics.publishStoredMetrics();
  }
});
