/**
 * Expiry of transient items (fetch state, near-duplicate bands, revisions past the cap, host pages) through DynamoDB
 * TTL on `expiresAt` (TABLE_KEYS.ttlAttribute), in epoch seconds. TTL is AWS-only: AWS deletes an expired item within
 * a day or two of its time, and dynalite never does. Nothing relies on the deletion for correctness: the reads that
 * would act on an expired item treat it as absent (`isExpired`), so a local run and AWS answer alike.
 */
import { TABLE_KEYS } from './table.js';

const SECONDS_PER_DAY = 86_400;

/** The attribute DynamoDB TTL reads. */
export const TTL_ATTRIBUTE = TABLE_KEYS.ttlAttribute;

/**
 * Epoch seconds `days` after `from`. Adapters date expiry by the store's own clock (the `now` it is built with), the
 * clock `isExpired` reads by, never by a date the pipeline passes in.
 */
export function expiryAfter(from: Date, days: number): number {
  return Math.floor(from.getTime() / 1000) + days * SECONDS_PER_DAY;
}

/** Epoch seconds of `now`: an item given this expiry is gone for every read from now on. */
export function expiryNow(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

/** True when the item's expiry has passed: AWS may not have deleted it yet, and dynalite never will. */
export function isExpired(item: Record<string, unknown> | undefined, now: Date): boolean {
  const expiresAt = item?.[TTL_ATTRIBUTE];
  return typeof expiresAt === 'number' && expiresAt <= now.getTime() / 1000;
}
