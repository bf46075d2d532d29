import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { enqueueSources } from '../shared/pipeline/index.js';
import { createScheduleDeps } from './lib/aws-deps.js';
import { PipelineMetric } from './lib/pipeline-metrics.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

/** What the stack's schedule rules put in `detail`: the watches on that rule's schedule. */
export interface ScheduleDetail {
  watchIds?: string[];
}

const logger = new Logger();
const metrics = new Metrics();
// Off outside Lambda; in Lambda its segments go to X-Ray (the stack sets tracing: ACTIVE).
const tracer = new Tracer();
// Once per cold start. The bundler's `define` inlines the config validated at synth, but only where this
// exact expression appears (see infra/constructs/pipeline-functions.ts): pass it on explicitly.
const deps = createScheduleDeps({ ...process.env, STANCEWATCH_CONFIG_JSON: process.env.STANCEWATCH_CONFIG_JSON }, clientCapture(tracer));

/**
 * EventBridge schedule → one SQS message per (watch, source) of the watches on this schedule (all
 * watches when the event names none). A redelivered event enqueues the sources again; processing a
 * source twice stores nothing twice (conditional writes keyed on content), it only costs the fetches.
 */
export const handler = traceHandler(tracer, async (event: ScheduledEvent<ScheduleDetail>, context: Context): Promise<{ enqueued: number }> => {
  logger.addContext(context);
  const watchIds = event.detail?.watchIds;
  try {
    const result = await enqueueSources(deps, event.time, watchIds);
    logger.info('sources enqueued', { runId: event.time, watchIds: watchIds ?? 'all', enqueued: result.enqueued });
    metrics.addMetric(PipelineMetric.SourcesEnqueued, MetricUnit.Count, result.enqueued);
    return result;
  } finally {
    metrics.publishStoredMetrics();
  }
});
