import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { sendDigests, type DigestReport } from '../shared/pipeline/index.js';
import { createDigestDeps } from './lib/aws-deps.js';
import { recordDigestReports } from './lib/pipeline-metrics.js';
import { powertoolsLog } from './lib/powertools-log.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

const logger = new Logger();
const metrics = new Metrics();
// Off outside Lambda; in Lambda its segments go to X-Ray (the stack sets tracing: ACTIVE).
const tracer = new Tracer();
// Once per cold start. The bundler's `define` inlines the config validated at synth, but only where this
// exact expression appears (see infra/constructs/pipeline-functions.ts): pass it on explicitly.
const deps = createDigestDeps(
  { ...process.env, STANCEWATCH_CONFIG_JSON: process.env.STANCEWATCH_CONFIG_JSON },
  powertoolsLog(logger),
  clientCapture(tracer),
);

/** EventBridge schedule → each watch's digest of new and changed statements. The core claims each digest first, so retries never send twice. */
export const handler = traceHandler(tracer, async (event: ScheduledEvent, context: Context): Promise<DigestReport[]> => {
  logger.addContext(context);
  try {
    const reports = await sendDigests(deps);
    logger.info('digests sent', { scheduledAt: event.time, digests: reports });
    recordDigestReports(metrics, reports);
    return reports;
  } finally {
    metrics.publishStoredMetrics();
  }
});
