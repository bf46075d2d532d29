/**
 * The unit of work of a pass: one source URL, read once for every watch that lists it (issue 16 §2, fetch once).
 * Planned here, checked here when it comes off the queue.
 */
import * as z from 'zod';
import { describeIssues, type Config } from '../config/index.js';
import { StancewatchError } from '../errors/index.js';
import type { SingleWatchSourceMessage, SourceMessage } from './types.js';

/**
 * One message per distinct source URL of the watches named (all watches when none are), with the ids of the watches
 * that share it, in config order. In AWS each tick names the watches due in it (lambdas/schedule.ts), so a URL is
 * fetched once per tick for all of them: watches on different schedules that share a URL each fetch it on their own
 * schedule, and once together when both are due. A local pass reads every watch at once, so there each URL is
 * fetched once.
 *
 * @example
 * planSourceMessages({ config }, 'run-1'); // [{ watchIds: ['treaty', 'islands'], sourceUrl: 'https://…/feed.xml', runId: 'run-1' }]
 */
export function planSourceMessages(deps: { config: Pick<Config, 'watches'> }, runId: string, watchIds?: string[]): SourceMessage[] {
  const byUrl = new Map<string, SourceMessage>();
  for (const watch of deps.config.watches) {
    if (watchIds && !watchIds.includes(watch.id)) continue;
    for (const { url } of watch.sources) {
      const message = byUrl.get(url) ?? { watchIds: [], sourceUrl: url, runId };
      // A watch listing one URL twice is still read once for it.
      if (!message.watchIds.includes(watch.id)) message.watchIds.push(watch.id);
      byUrl.set(url, message);
    }
  }
  return [...byUrl.values()];
}

/** The watches a message names, whichever shape it has (see `SingleWatchSourceMessage`). */
export function watchIdsOf(message: SourceMessage | SingleWatchSourceMessage): string[] {
  return 'watchIds' in message ? message.watchIds : [message.watchId];
}

/** A message of either shape, as one of watch ids. */
export function toSourceMessage(message: SourceMessage | SingleWatchSourceMessage): SourceMessage {
  return { watchIds: watchIdsOf(message), sourceUrl: message.sourceUrl, runId: message.runId };
}

const SourceMessageSchema = z.object({ watchIds: z.array(z.string().min(1)).min(1), sourceUrl: z.string().min(1), runId: z.string().min(1) });
// Queued before a deploy that made messages name every watch of a URL: read as a message of that one watch.
const SingleWatchSourceMessageSchema = z.object({ watchId: z.string().min(1), sourceUrl: z.string().min(1), runId: z.string().min(1) });

/** Validates an SQS message body; a malformed one is an error the batch reports, not a crash. */
export function parseSourceMessage(body: string): SourceMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (cause) {
    throw new StancewatchError(`Source message is not JSON (${body.slice(0, 80)}); it goes to the DLQ`, { cause });
  }
  // The shape it means decides which fields an error names: a message with `watchId` alone is an older one.
  const single = typeof raw === 'object' && raw !== null && 'watchId' in raw && !('watchIds' in raw);
  const parsed = (single ? SingleWatchSourceMessageSchema : SourceMessageSchema).safeParse(raw);
  if (!parsed.success) {
    throw new StancewatchError(`Source message is invalid: ${describeIssues(parsed.error.issues).join('; ')}`);
  }
  return toSourceMessage(parsed.data);
}
