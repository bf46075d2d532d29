import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';

/** Wraps an AWS SDK v3 client so each of its calls is a subsegment of the trace; returns the client as is when tracing is off. */
export type CaptureClient = <T>(client: T) => T;

/** The capture of `tracer`, for the composition root (lambdas/lib/aws-deps.ts) to wrap the clients it builds. */
export function clientCapture(tracer: Tracer): CaptureClient {
  return (client) => tracer.captureAWSv3Client(client);
}

export interface TraceHandlerOptions {
  /**
   * Record what the handler returns as metadata of its subsegment. Off where the response is a document (the
   * feed's XML): X-Ray keeps at most 64 KB a segment, and a feed is for its token's holders, not the trace's readers.
   */
  captureResponse?: boolean;
}

/**
 * Runs `handler` inside a `## <handler>` subsegment annotated with `ColdStart` and `Service`, its response or
 * error as metadata: what Powertools' `captureLambdaHandler` does, written with the tracer's manual API
 * (its decorator needs TypeScript's experimental decorators, its middleware needs middy). The tracer is off
 * outside Lambda (no `AWS_EXECUTION_ENV`, as under `npm start` and the tests) or with
 * `POWERTOOLS_TRACE_ENABLED=false`: then `handler` runs as it is, with nothing recorded.
 *
 * @example
 * export const handler = traceHandler(tracer, async (event: SQSEvent, context: Context) => …);
 */
export function traceHandler<E, R>(
  tracer: Tracer,
  handler: (event: E, context: Context) => Promise<R>,
  options: TraceHandlerOptions = {},
): (event: E, context: Context) => Promise<R> {
  const captureResponse = options.captureResponse ?? true;
  return async (event, context) => {
    // The facade segment Lambda opens for each invocation (X-Ray SDK, from _X_AMZN_TRACE_ID).
    const segment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    if (!segment) return handler(event, context);
    const subsegment = segment.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
    tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      const result = await handler(event, context);
      if (captureResponse) tracer.addResponseAsMetadata(result, process.env._HANDLER);
      return result;
    } catch (error) {
      tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      subsegment.close();
      tracer.setSegment(segment);
    }
  };
}
