/**
 * The ports the pipeline declares for what it needs from the outside world, beside the code that consumes them (as
 * shared/extract/host-boilerplate.ts declares its memory). Adapters implement them: shared/store on DynamoDB, the
 * SQS queue in lambdas/lib; the composition roots (lambdas/, bin/local-runtime.ts) pass them in.
 */
import type { SourceMessage } from './types.js';

/** Fans a pass out to the processing function, one message per (watch, source); returns how many it enqueued. */
export interface SourceQueue {
  enqueue(messages: SourceMessage[]): Promise<number>;
}
