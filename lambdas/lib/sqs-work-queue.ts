import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DigestQueue, SourceQueue } from '../../shared/pipeline/index.js';

/** SQS accepts at most ten messages per batch. */
const SQS_BATCH_LIMIT = 10;
/**
 * SendMessageBatch calls in flight at once. A tick that finds 10,000 sources due sends 1,000 batches: one after
 * another, at 20-30 ms each in the region, that is 20-30 s, the whole of the schedule function's 30 s timeout; 16 at
 * once: 3.0-4.5 s measured on a loaded 2-core laptop against a loopback endpoint answering in 25 ms (4.6-5.8 s at
 * 50 ms), 2 s of it CPU (the SDK's signing and parsing), which is why the function has 1 GB (pipeline-functions.ts).
 * The SDK's default agent keeps 50 sockets, so 16 never queue for one.
 */
export const SQS_SEND_CONCURRENCY = 16;

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
      const chunks: M[][] = [];
      for (let start = 0; start < messages.length; start += SQS_BATCH_LIMIT) chunks.push(messages.slice(start, start + SQS_BATCH_LIMIT));
      const send = async (chunk: M[]) => {
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
      };
      // Workers take the next batch until none is left; the first failure fails the run (the retry sends all again).
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) await send(chunks[next++]);
      };
      await Promise.all(Array.from({ length: Math.min(SQS_SEND_CONCURRENCY, chunks.length) }, worker));
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
