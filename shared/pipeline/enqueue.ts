import * as z from 'zod';
import { describeIssues } from '../config/index.js';
import { StancewatchError } from '../errors/index.js';
import type { PipelineDeps, ScheduleDeps } from './deps.js';
import { planSourceMessages } from './source-message.js';

// One message per source URL with the watches that share it, planned in source-message.ts.
export { planSourceMessages };

/** In AWS a schedule only fans the pass out; the processing function does the work. */
export async function enqueueSources(
  deps: ScheduleDeps,
  runId: string,
  watchIds?: string[],
): Promise<{ enqueued: number }> {
  return { enqueued: await deps.queue.enqueue(planSourceMessages(deps, runId, watchIds)) };
}

/**
 * One watch's digest: the unit of work of the digest function in AWS, so one slow watch (many readers, a slow
 * way out) holds up no other inside the function's timeout. Not an idempotency key either: a digest is claimed by
 * the statements it holds (send-digests.ts), so a message handled twice sends nothing twice.
 */
export interface DigestMessage {
  watchId: string;
  /** The digest schedule's time, in logs. */
  runId: string;
}

/** Fans a digest run out to the digest function, one message per watch; returns how many it enqueued. */
export interface DigestQueue {
  enqueue(messages: DigestMessage[]): Promise<number>;
}

/** One message per watch of the config (or of `watchIds`). */
export function planDigestMessages(deps: Pick<PipelineDeps, 'config'>, runId: string, watchIds?: string[]): DigestMessage[] {
  return deps.config.watches.filter((watch) => !watchIds || watchIds.includes(watch.id)).map((watch) => ({ watchId: watch.id, runId }));
}

/** In AWS the digest schedule only fans the digests out; the digest function sends each. */
export async function enqueueDigests(
  deps: Pick<ScheduleDeps, 'config'> & { digestQueue: DigestQueue },
  runId: string,
  watchIds?: string[],
): Promise<{ enqueued: number }> {
  return { enqueued: await deps.digestQueue.enqueue(planDigestMessages(deps, runId, watchIds)) };
}

const DigestMessageSchema = z.object({ watchId: z.string().min(1), runId: z.string().min(1) });

/** Validates a digest queue message body; a malformed one is an error the batch reports, not a crash. */
export function parseDigestMessage(body: string): DigestMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (cause) {
    throw new StancewatchError(`Digest message is not JSON (${body.slice(0, 80)}); it goes to the digest DLQ`, { cause });
  }
  const parsed = DigestMessageSchema.safeParse(raw);
  if (!parsed.success) throw new StancewatchError(`Digest message is invalid: ${describeIssues(parsed.error.issues).join('; ')}`);
  return parsed.data;
}
