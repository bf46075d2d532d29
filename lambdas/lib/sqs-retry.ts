import type { SQSClient } from '@aws-sdk/client-sqs';
import type { CaptureClient } from './tracing.js';

/**
 * Seconds before a failed source message is tried again, by how many times it was received: a minute, then five.
 * The fetcher has already retried within the run (shared/fetch); these wait out an outage of minutes, sooner than
 * the queue's visibility timeout (an hour) would. The third failure sends the message to the DLQ.
 */
export const RETRY_DELAYS_SECONDS = [60, 300] as const;

/** Makes a failed message visible again after a short backoff instead of the queue's visibility timeout. */
export interface RetryScheduler {
  retryAfter(receiptHandle: string, receiveCount: number): Promise<void>;
}

/** The delay before the next try of a message received `receiveCount` times (1 for the first receive). */
export function retryDelaySeconds(receiveCount: number): number {
  const count = Number.isFinite(receiveCount) ? receiveCount : 1;
  const index = Math.min(Math.max(count, 1), RETRY_DELAYS_SECONDS.length) - 1;
  return RETRY_DELAYS_SECONDS[index];
}

/**
 * `ChangeMessageVisibility` on the source queue. The SQS client loads on the first failure: most invocations
 * have none, and loading an SDK client is most of a cold start. `capture` wraps it for tracing once it is built.
 */
export function sqsRetryScheduler(queueUrl: string, options: { client?: SQSClient; capture?: CaptureClient } = {}): RetryScheduler {
  let sqs = options.client;
  return {
    async retryAfter(receiptHandle, receiveCount) {
      const { SQSClient: Client, ChangeMessageVisibilityCommand } = await import('@aws-sdk/client-sqs');
      sqs ??= options.capture ? options.capture(new Client({})) : new Client({});
      await sqs.send(
        new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: retryDelaySeconds(receiveCount) }),
      );
    },
  };
}
