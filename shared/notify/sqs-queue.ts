import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SourceMessage } from '../pipeline/types.js';

/** SQS accepts at most ten messages per batch. */
const SQS_BATCH_LIMIT = 10;

export interface SourceQueue {
  enqueue(messages: SourceMessage[]): Promise<number>;
}

/** Fans a pass out to the processing function: one message per (watch, source). */
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

export function createSqsSourceQueue(queueUrl: string): SourceQueue {
  return sqsSourceQueue(new SQSClient({}), queueUrl);
}
