import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DigestQueue, SourceQueue } from '../../shared/pipeline/index.js';

/** SQS accepts at most ten messages per batch. */
const SQS_BATCH_LIMIT = 10;

/**
 * The pipeline's work queues on SQS: the schedule function fans a pass out to the processing function, one
 * message per (watch, source) (`SourceQueue`), and a digest run out to the digest function, one message per watch
 * (`DigestQueue`). Work queues, not notifications, so they sit with the Lambda wiring rather than in shared/notify:
 * only the schedule function sends to them (the CLI runs a pass and its digests in process), and shared/pipeline,
 * which declares the ports, stays free of AWS clients.
 *
 * @example
 * const digests: DigestQueue = sqsWorkQueue(new SQSClient({}), process.env.DIGEST_QUEUE_URL, 'digest');
 */
export function sqsWorkQueue<M>(client: SQSClient, queueUrl: string, what: 'source' | 'digest'): { enqueue(messages: M[]): Promise<number> } {
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
          throw new Error(`SQS refused ${result.Failed.length} of ${chunk.length} ${what} messages (${reasons}); the schedule retries`);
        }
      }
      return messages.length;
    },
  };
}

/** The source queue: one message per (watch, source) of a pass. */
export function sqsSourceQueue(client: SQSClient, queueUrl: string): SourceQueue {
  return sqsWorkQueue(client, queueUrl, 'source');
}

/** The digest queue: one message per watch of a digest run. */
export function sqsDigestQueue(client: SQSClient, queueUrl: string): DigestQueue {
  return sqsWorkQueue(client, queueUrl, 'digest');
}
