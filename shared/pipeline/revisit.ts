/**
 * When a listed item's page is fetched (issue 16 §2). A feed that changed used to cost one conditional GET per item
 * per run: 50 items, 50 requests and about 50 s of per-host pacing every hour, for pages that almost never change
 * after their first day. Now an item's page is fetched when it is new (a link or GUID not seen before), when its feed
 * entry says it was updated, when its last read failed, or when a revisit is due on a decaying schedule; otherwise it
 * is passed over without a request.
 */
import type { SourceItem } from '../fetch/types.js';
import type { UrlState } from './ports.js';

const HOUR_MS = 3_600_000;

/**
 * Revisits after an item was first read, to catch revisions its feed does not announce: outlets correct and extend a
 * story mostly within its first hours, less so over the next day, rarely after a few days. Four conditional GETs an
 * item in all, where an hourly pass made 72 in three days.
 */
export const REVISIT_AFTER_MS = [1 * HOUR_MS, 6 * HOUR_MS, 24 * HOUR_MS, 72 * HOUR_MS] as const;

/**
 * A revisit counts as due this much before its time: passes run on a schedule and an item is read minutes into one,
 * so an item read a little earlier in the pass an hour later would otherwise wait a whole period for its revisit.
 */
export const REVISIT_EARLY_MS = 10 * 60_000;

/** Why an item's page is fetched this run, or `undefined` when it is passed over. */
export type VisitReason = 'new' | 'updated' | 'retry' | 'revisit';

/** The entry's own stamp of its version: `updated` where the feed gives one, else its publication date. */
export function entryStamp(item: Pick<SourceItem, 'updatedAt' | 'publishedAt'>): string | undefined {
  return item.updatedAt ?? item.publishedAt;
}

/**
 * Whether to fetch a listed item's page this run, judged on the state its page was left in.
 *
 * @example
 * visitReason(item, undefined, now); // 'new'
 */
export function visitReason(item: SourceItem, state: UrlState | undefined, now: Date): VisitReason | undefined {
  if (!state) return 'new';
  if (item.guid !== undefined && state.itemGuid !== item.guid) return 'new';
  const stamp = entryStamp(item);
  if (stamp !== undefined && state.itemUpdated !== stamp) return 'updated';
  // A failed read saved no validators: the page is fetched again until it goes through.
  if (state.consecutiveFailures > 0 || !state.firstSeenAt || !state.lastFetchedAt) return 'retry';
  return isRevisitDue(Date.parse(state.firstSeenAt), Date.parse(state.lastFetchedAt), now.getTime()) ? 'revisit' : undefined;
}

/** True when a revisit time has come (less `REVISIT_EARLY_MS`) that no read since has covered. */
function isRevisitDue(firstSeen: number, lastRead: number, now: number): boolean {
  return REVISIT_AFTER_MS.some((after) => {
    const due = firstSeen + after - REVISIT_EARLY_MS;
    return now >= due && lastRead < due;
  });
}
