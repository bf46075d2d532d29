import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { processSource, sendDigests, stderrLog, SourceFailedError, UNHEALTHY_AFTER_RUNS, type PipelineDeps, type SourceOutcome } from '../../shared/pipeline/index.js';
import type { OutgoingDigest } from '../../shared/notify/types.js';
import { useTestTable } from '../helpers/dynamo.js';
import { useSite } from '../helpers/web.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Treaty talks</title>
<meta property="article:published_time" content="2024-06-06T09:00:00Z"></head>
<body><article><h1>Treaty talks</h1>
<p>Putin said Russia will not resume peace treaty talks unless Japan lifts its sanctions first.</p>
<p>The two countries have not signed a peace treaty since the war ended in 1945, and talks have stalled for years.</p></article></body></html>`;

/** What Cloudflare serves instead of a page while it checks the browser, trimmed. */
const CLOUDFLARE_CHALLENGE = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper"><h1>news.example</h1>
<p>Checking if the site connection is secure</p><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>
</div></body></html>`;

const EMPTY_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link></channel></rss>';

describe('source health', () => {
  const table = useTestTable({ freshTable: 'test' });
  const site = useSite();
  let deps: PipelineDeps;
  let sent: OutgoingDigest[];
  let clock: number;

  const page = (body: string) => ({ status: 200, type: 'text/html; charset=utf-8', body });
  const run = (path: string) => processSource({ watchId: 'treaty', sourceUrl: `${site.origin}${path}`, runId: 'r' }, deps);
  /** A run whose source cannot be read: the error, with the health change it caused. */
  const failingRun = async (path: string): Promise<SourceFailedError> => {
    const error = await run(path).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(SourceFailedError);
    return error as SourceFailedError;
  };
  const unhealthy = (outcome: SourceOutcome) => outcome.health.filter((change) => change.status === 'unhealthy');

  beforeEach(async () => {
    site.routes.clear();
    sent = [];
    clock = Date.parse('2026-11-23T10:00:00Z');
    deps = {
      config: parseConfig(
        { watches: [{ id: 'treaty', name: 'Peace treaty', keywords: ['peace treaty'], sources: [{ url: `${site.origin}/news` }] }] },
        'test',
      ),
      store: table.store,
      notifiers: [{ name: 'record', deliver: async (notice) => (sent.push(notice), ['record']) }],
      fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true, respectRobots: false }),
      log: stderrLog('silent'),
      now: () => new Date((clock += 60_000)),
    };
  });

  it('marks a source behind a bot wall unhealthy at once, reports it in one digest, and reports its recovery', async () => {
    site.routes.set('/news', page(CLOUDFLARE_CHALLENGE));
    const walled = await run('/news');
    expect(walled.failures[0].error).toMatch(/answered with a bot wall \(Cloudflare challenge\)/);
    expect(unhealthy(walled)).toEqual([
      { watch: 'treaty', url: `${site.origin}/news`, status: 'unhealthy', reason: 'answers with a bot wall (Cloudflare challenge) instead of its pages' },
    ]);
    // Still walled: no second change, so no second alarm.
    expect((await run('/news')).health).toEqual([]);

    const [digest] = await sendDigests(deps);
    expect(digest).toMatchObject({ watch: 'treaty', items: 0, sources: 1, delivered: true, subject: 'Stancewatch: 1 source unhealthy — Peace treaty' });
    expect(sent[0].text).toContain(`- UNHEALTHY · new: ${site.origin}/news answers with a bot wall (Cloudflare challenge) instead of its pages (since 2026-11-23).`);
    expect(sent[0].html).toContain('Sources needing attention');
    expect(await sendDigests(deps)).toEqual([]);

    site.routes.set('/news', page(ARTICLE));
    const back = await run('/news');
    expect(back.health).toEqual([{ watch: 'treaty', url: `${site.origin}/news`, status: 'recovered' }]);
    const [next] = await sendDigests(deps);
    expect(next.subject).toBe('Stancewatch: 1 new; 1 source recovered — Peace treaty');
    expect(sent[1].text).toContain(`- RECOVERED: ${site.origin}/news is read again.`);
    expect(sent).toHaveLength(2);
  });

  it('reports a health change once when the digest that held it failed and was retried', async () => {
    site.routes.set('/news', page(CLOUDFLARE_CHALLENGE));
    await run('/news');
    site.routes.set('/news', page(ARTICLE));
    await run('/news');
    let refuse = true;
    deps.notifiers = [
      { name: 'record', deliver: async (notice) => (sent.push(notice), ['record']) },
      { name: 'flaky', deliver: async () => { if (refuse) throw new Error('throttled'); return ['flaky']; } },
    ];
    await expect(sendDigests(deps)).rejects.toThrow(/flaky refused/);
    refuse = false;
    expect(await sendDigests(deps)).toMatchObject([{ delivered: true, deliveredTo: ['flaky'] }]);
    // The retry marked the changes reported: nothing is left to send, through either way out.
    expect(await sendDigests(deps)).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('reads the bot wall in a 403 answer: unhealthy after one run, not three', async () => {
    site.routes.set('/news', { status: 403, type: 'text/html', body: CLOUDFLARE_CHALLENGE });
    expect((await failingRun('/news')).health?.reason).toBe('answers with a bot wall (Cloudflare challenge) instead of its pages');
  });

  it(`marks a source unhealthy after ${UNHEALTHY_AFTER_RUNS} failed runs in a row, not before`, async () => {
    site.routes.set('/news', { status: 404, type: 'text/plain', body: 'gone' });
    for (let runNumber = 1; runNumber < UNHEALTHY_AFTER_RUNS; runNumber++) expect((await failingRun('/news')).health).toBeUndefined();
    const third = await failingRun('/news');
    expect(third.health?.reason).toMatch(new RegExp(`^failed ${UNHEALTHY_AFTER_RUNS} runs in a row; last error: GET .*/news answered 404`));
    expect((await failingRun('/news')).health).toBeUndefined();
    const [digest] = await sendDigests(deps);
    expect(digest.subject).toBe('Stancewatch: 1 source unhealthy — Peace treaty');
  });

  it(`marks a feed that lists no entries for ${UNHEALTHY_AFTER_RUNS} runs unhealthy`, async () => {
    site.routes.set('/news', { status: 200, type: 'application/rss+xml', body: EMPTY_FEED });
    for (let runNumber = 1; runNumber < UNHEALTHY_AFTER_RUNS; runNumber++) expect((await run('/news')).health).toEqual([]);
    expect(unhealthy(await run('/news'))[0].reason).toBe(`has yielded no articles for ${UNHEALTHY_AFTER_RUNS} runs in a row: it lists no entries`);
  });

  it('skips a feed item that is a PDF with its reason, on the report and the page state, and reads the next item', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Report</title><link>${site.origin}/report.pdf</link></item><item><title>Talks</title><link>${site.origin}/talks</link></item></channel></rss>`;
    site.routes.set('/news', { status: 200, type: 'application/rss+xml', body: feed });
    site.routes.set('/report.pdf', { status: 200, type: 'application/pdf', body: '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj' });
    site.routes.set('/talks', page(ARTICLE));
    const outcome = await run('/news');
    const reason = `${site.origin}/report.pdf is a PDF document (application/pdf), not an article page; skipped`;
    expect(outcome.skips).toEqual([{ watch: 'treaty', url: `${site.origin}/report.pdf`, reason }]);
    expect(outcome.articles).toMatchObject({ fetched: 2, skipped: 1, new: 1, failed: 0 });
    expect((await table.store.getUrlState(`${site.origin}/report.pdf`))?.lastSkipReason).toBe(reason);
  });

  it('lets a failure streak broken by a good run start again from zero', async () => {
    site.routes.set('/news', { status: 404, type: 'text/plain', body: 'gone' });
    for (let runNumber = 1; runNumber < UNHEALTHY_AFTER_RUNS; runNumber++) await failingRun('/news');
    site.routes.set('/news', page(ARTICLE));
    expect((await run('/news')).health).toEqual([]);
    site.routes.set('/news', { status: 404, type: 'text/plain', body: 'gone' });
    expect((await failingRun('/news')).health).toBeUndefined();
    expect(await sendDigests(deps)).toMatchObject([{ items: 1, sources: 0 }]);
  });
});
