import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import type { DigestNotifier, OutgoingDigest } from '../../shared/notify/index.js';
import { sendDigests, sendWatchDigest, stderrLog, type DigestDeps } from '../../shared/pipeline/index.js';
import { useTestTable } from '../helpers/dynamo.js';
import { storedStatement } from '../helpers/statements.js';

const config = parseConfig(
  {
    watches: ['treaty', 'tariffs'].map((id) => ({ id, name: id, keywords: [id], sources: [{ url: `https://${id}.example/feed.xml` }] })),
  },
  'send-watch-digest.test.ts',
);

/** A way out that keeps what it is given. */
function recorder(): { notifier: DigestNotifier; sent: OutgoingDigest[] } {
  const sent: OutgoingDigest[] = [];
  return { sent, notifier: { name: 'recorder', deliver: async (digest) => (sent.push(digest), [`recorder:${sent.length}`]) } };
}

/** sendWatchDigest, the digest function's unit of work (one queue message per watch), on dynalite. */
describe('sendWatchDigest', () => {
  const table = useTestTable({ freshTable: 'test' });
  const depsWith = (notifier: DigestNotifier): DigestDeps => ({
    config,
    store: table.store,
    notifiers: [notifier],
    log: stderrLog('silent'),
    now: () => new Date('2026-12-03T10:00:00Z'),
  });

  it("sends only its watch's digest and leaves the other watch's statements pending", async () => {
    await table.store.addStatement(storedStatement('t1', { watchId: 'treaty' }));
    await table.store.addStatement(storedStatement('x1', { watchId: 'tariffs', text: 'Tariffs rise unless talks resume.' }));
    const { notifier, sent } = recorder();
    const reports = await sendWatchDigest('treaty', depsWith(notifier));
    expect(reports).toMatchObject([{ watch: 'treaty', items: 1, delivered: true, deliveredTo: ['recorder:1'] }]);
    expect(sent.map((digest) => digest.watchId)).toEqual(['treaty']);
    expect((await table.store.listPending('treaty')).map((statement) => statement.id)).toEqual([]);
    expect((await table.store.listPending('tariffs')).map((statement) => statement.id)).toEqual(['x1']);
  });

  it('sends nothing the second time for the same statements (a retried message), nor when sendDigests runs after it', async () => {
    await table.store.addStatement(storedStatement('t1', { watchId: 'treaty' }));
    const { notifier, sent } = recorder();
    await sendWatchDigest('treaty', depsWith(notifier));
    expect(await sendWatchDigest('treaty', depsWith(notifier))).toEqual([]);
    expect(await sendDigests(depsWith(notifier))).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('sends a digest once when two workers take the same watch at once', async () => {
    await table.store.addStatement(storedStatement('t1', { watchId: 'treaty' }));
    const { notifier, sent } = recorder();
    await Promise.all([sendWatchDigest('treaty', depsWith(notifier)), sendWatchDigest('treaty', depsWith(notifier))]);
    expect(sent).toHaveLength(1);
  });

  it('names a watch the config does not have, and sends nothing', async () => {
    const { notifier, sent } = recorder();
    await expect(sendWatchDigest('removed', depsWith(notifier))).rejects.toThrow('No watch "removed" in the config; no digest sent');
    expect(sent).toEqual([]);
  });
});
