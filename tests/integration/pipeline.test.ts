import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleServer, type SampleServer } from '../../bin/sample-server.js';
import { parseConfig } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import type { DigestNotifier, OutgoingDigest } from '../../shared/notify/index.js';
import { runPass, sendDigests, stderrLog, type PipelineDeps } from '../../shared/pipeline/index.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';

const SAMPLE_SITES = new URL('../../samples/sites/', import.meta.url).pathname;
const UKRAINE_PAGE = 'japan-forward/2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance.html';
const NEW_CONDITION = 'Putin added that Russia will not return any islands unless Japan ends its sanctions first, he told reporters.';

/** Records what would have been delivered. */
function recordingNotifier(): DigestNotifier & { sent: OutgoingDigest[] } {
  const sent: OutgoingDigest[] = [];
  return { name: 'recording', sent, deliver: async (digest) => (sent.push(digest), [`recorded:${digest.digestKey}`]) };
}

describe('a whole pass against dynalite and a loopback news site', () => {
  let table: TestTable;
  let server: SampleServer;
  let sites: string;
  let notifier: ReturnType<typeof recordingNotifier>;
  let deps: PipelineDeps;

  beforeAll(async () => {
    table = await startTestTable();
    sites = mkdtempSync(join(tmpdir(), 'stancewatch-sites-'));
    cpSync(SAMPLE_SITES, sites, { recursive: true });
    // One feed entry points at a page that does not exist: it must fail alone.
    const feed = readFileSync(join(sites, 'feed.xml'), 'utf8');
    writeFileSync(
      join(sites, 'feed.xml'),
      feed.replace('</feed>', '<entry><title>Gone</title><link href="missing/page.html"/><id>urn:x</id><updated>2018-01-01T00:00:00Z</updated></entry></feed>'),
    );
    server = await startSampleServer(sites);
    notifier = recordingNotifier();
    deps = {
      config: parseConfig(
        { watches: [{ id: 'treaty', name: 'Russia–Japan peace treaty', keywords: ['peace treaty'], speakers: ['Vladimir Putin'], sources: [{ url: `${server.baseUrl}/feed.xml` }] }] },
        'test',
      ),
      store: table.store,
      notifiers: [notifier],
      fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true }),
      log: stderrLog('silent'),
      now: () => new Date('2026-11-23T10:00:00Z'),
    };
  });

  afterAll(async () => {
    await server.close();
    await table.close();
    rmSync(sites, { recursive: true, force: true });
  });

  it('archives every good article and records the missing page as failed without stopping the pass', async () => {
    const report = await runPass(deps, 'run-1');
    expect(report.articles).toMatchObject({ fetched: 5, new: 5, failed: 1 });
    expect(report.failures).toEqual([expect.objectContaining({ url: `${server.baseUrl}/missing/page.html`, error: expect.stringMatching(/404/) })]);
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0].text).toContain('position on the war in Ukraine');
  });

  it('keeps claims on the record and out of the digest', async () => {
    const claims = (await table.store.listStatements('treaty')).filter((statement) => statement.kind === 'claim');
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(notifier.sent[0].text).not.toContain(claim.text);
  });

  it("marks the failed page on its fetch state, so the next run retries it", async () => {
    const state = await table.store.getUrlState(`${server.baseUrl}/missing/page.html`);
    expect(state).toMatchObject({ consecutiveFailures: 1, lastError: expect.stringMatching(/404/) });
  });

  it('answers an unchanged site with conditional GETs and sends no digest', async () => {
    const report = await runPass(deps, 'run-2');
    expect(report.articles).toMatchObject({ new: 0, revised: 0 });
    expect(report.stances).toEqual([]);
    expect(notifier.sent).toHaveLength(1);
  });

  it('reads a revised article for its new paragraph only and sends a digest of that alone', async () => {
    const path = join(sites, UKRAINE_PAGE);
    const html = readFileSync(path, 'utf8');
    writeFileSync(path, html.replace('war in Ukraine.</p>', `war in Ukraine.</p>\n<p>${NEW_CONDITION}</p>`));
    // As news sites do, the feed and its entry say the entry was updated: only that page is asked for again.
    const feedPath = join(sites, 'feed.xml');
    writeFileSync(feedPath, readFileSync(feedPath, 'utf8').replaceAll('<updated>2024-06-06T10:00:00+09:00</updated>', '<updated>2024-06-07T09:00:00+09:00</updated>'));

    const report = await runPass(deps, 'run-3');
    expect(report.articles).toMatchObject({ new: 0, revised: 1 });
    expect(report.stances.map((stance) => stance.text)).toEqual([expect.stringContaining('unless Japan ends its sanctions')]);
    expect(notifier.sent).toHaveLength(2);
    expect(notifier.sent[1].text).toContain('unless Japan ends its sanctions');
    expect(notifier.sent[1].text).toContain('added in a revision seen 2026-11-23');
    expect(notifier.sent[1].text).not.toContain('position on the war in Ukraine');
  });

  it('never sends the same digest twice when the digest step is retried', async () => {
    const again = await sendDigests(deps);
    expect(again).toEqual([]);
    expect(notifier.sent).toHaveLength(2);
  });
});
