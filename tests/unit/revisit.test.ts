import { describe, expect, it } from 'vitest';
import type { UrlState } from '../../shared/pipeline/index.js';
import { REVISIT_AFTER_MS, REVISIT_EARLY_MS, visitReason } from '../../shared/pipeline/revisit.js';

const HOUR = 3_600_000;
const FIRST = Date.parse('2026-01-01T10:00:00Z');
const at = (ms: number) => new Date(FIRST + ms);
const item = { url: 'https://news.example/a', guid: 'urn:a', updatedAt: '2026-01-01T09:00:00.000Z' };

/** The state of a page first read at FIRST and last read `lastRead` after it. */
function readState(lastRead: number, extra: Partial<UrlState> = {}): UrlState {
  return {
    validators: { etag: '"1"' },
    consecutiveFailures: 0,
    firstSeenAt: at(0).toISOString(),
    lastFetchedAt: at(lastRead).toISOString(),
    itemGuid: item.guid,
    itemUpdated: item.updatedAt,
    ...extra,
  };
}

describe('visitReason', () => {
  it('fetches an item never read, one under a new GUID, one whose entry was updated, and one whose last read failed', () => {
    expect(visitReason(item, undefined, at(0))).toBe('new');
    expect(visitReason({ ...item, guid: 'urn:b' }, readState(0), at(1))).toBe('new');
    expect(visitReason({ ...item, updatedAt: '2026-01-01T11:00:00.000Z' }, readState(0), at(1))).toBe('updated');
    expect(visitReason(item, readState(0, { consecutiveFailures: 1 }), at(1))).toBe('retry');
  });

  it('passes over a known, unchanged item between revisits', () => {
    expect(visitReason(item, readState(0), at(HOUR / 2))).toBeUndefined();
    expect(visitReason(item, readState(HOUR), at(2 * HOUR))).toBeUndefined();
    expect(visitReason(item, readState(72 * HOUR), at(30 * 24 * HOUR))).toBeUndefined();
  });

  it('revisits at 1 h, 6 h, 24 h and 3 days after the first read, a pass that comes a few minutes early included', () => {
    expect(REVISIT_AFTER_MS).toEqual([HOUR, 6 * HOUR, 24 * HOUR, 72 * HOUR]);
    let lastRead = 0;
    for (const after of REVISIT_AFTER_MS) {
      expect(visitReason(item, readState(lastRead), at(after - REVISIT_EARLY_MS / 2))).toBe('revisit');
      lastRead = after - REVISIT_EARLY_MS / 2;
    }
    expect(visitReason(item, readState(lastRead), at(10 * 24 * HOUR))).toBeUndefined();
  });

  it('makes one revisit for several revisit times passed while no pass ran', () => {
    expect(visitReason(item, readState(0), at(30 * HOUR))).toBe('revisit');
    expect(visitReason(item, readState(30 * HOUR), at(31 * HOUR))).toBeUndefined();
  });
});
