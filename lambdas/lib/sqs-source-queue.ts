import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SourceQueue } from '../../shared/pipeline/index.js';

/** SQS accepts at most ten messages per batch. */
const SQS_BATCH_LIMIT = 10;

/**
 * The pipeline's `SourceQueue` on SQS: fans a pass out to the processing function, one message per (watch, source).
 * A work queue, not a notification, so it sits with the Lambda wiring rather than in shared/notify: only the
 * schedule function sends to it (the CLI runs a pass in process), and shared/pipeline, which declares the port,
 * stays free of AWS clients.
 */
export function sqsSourceQueue(client: SQSClient, queueUrl: string): SourceQueue {
  return {
    async enqueue(messages) {
      for (let start = 0; start < messages.length; start += SQS_BATCH_LIMIT) {
        const chunk = messages.slice(start, start + SQS_BATCH_LIMIT);
        const result = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunk.map((message, index) => ({ Id: String(index), MessageBody: JSON.stringify(message) })),
          }),
        );
        if (result.Failed?.length) {
          const reasons = result.Failed.map((failure) => `${failure.Id}: ${failure.Message}`).join('; ');
          throw new Error(`SQS refused ${result.Failed.length} of ${chunk.length} source messages (${reasons}); the schedule retries`);
        }
      }
      return messages.length;
    },
  };
}
