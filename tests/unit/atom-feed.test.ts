import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/fetch/index.js';
import { atomFeedNotifier } from '../../shared/notify/index.js';
import type { OutgoingDigest } from '../../shared/notify/index.js';

const dir = mkdtempSync(join(tmpdir(), 'stancewatch-feeds-'));

function digest(key: string, subject: string): OutgoingDigest {
  return { watchId: 'treaty', watchName: 'Russia–Japan <treaty>', digestKey: key, subject, text: 't', html: '<p>Putin: “no talks unless…”</p>', recipients: [] };
}

describe('the Atom feed of a watch', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a valid feed, newest digest first, with the HTML digest escaped as content', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const notifier = atomFeedNotifier(dir, () => new Date((clock += 60_000)));
    await notifier.deliver(digest('k1', 'Stancewatch: 1 new'));
    const [path] = await notifier.deliver(digest('k2', 'Stancewatch: 2 new & 1 changed'));
    const xml = readFileSync(path, 'utf8');
    const feed = parseFeed(xml, 'file:///feeds/treaty.xml');
    expect(feed?.format).toBe('atom');
    expect(feed?.title).toBe('Stancewatch: Russia–Japan <treaty>');
    expect(feed?.entries.map((entry) => entry.title)).toEqual(['Stancewatch: 2 new & 1 changed', 'Stancewatch: 1 new']);
    expect(xml).toContain('&lt;p&gt;Putin');
    expect(feed?.entries[0].url).toBe('file:///feeds/treaty/k2.html');
  });

  it('does not add the same digest twice when it is delivered again', async () => {
    const notifier = atomFeedNotifier(dir);
    const [path] = await notifier.deliver(digest('k2', 'Stancewatch: 2 new & 1 changed'));
    expect(parseFeed(readFileSync(path, 'utf8'), 'file:///x')?.entries).toHaveLength(2);
  });
});
