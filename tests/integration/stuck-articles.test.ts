import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import type { OutgoingDigest } from '../../shared/notify/types.js';
import { runPass, stderrLog, type PassReport, type PipelineDeps } from '../../shared/pipeline/index.js';
import { useTestTable } from '../helpers/dynamo.js';
import { useSite } from '../helpers/web.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Treaty talks</title>
<meta property="article:published_time" content="2024-06-06T09:00:00Z"></head>
<body><article><h1>Treaty talks</h1>
<p>Putin said Russia will not resume peace treaty talks unless Japan lifts its sanctions first.</p>
<p>The two countries have not signed a peace treaty since the war ended in 1945, and talks have stalled for years.</p></article></body></html>`;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
<item><title>Treaty talks</title><link>/good</link></item>
<item><title>Broken story</title><link>/broken</link></item>
</channel></rss>`;

describe('an article that fails the same way run after run', () => {
  const site = useSite();
  const table = useTestTable({ freshTable: 'test' });
  let deps: PipelineDeps;
  let sent: OutgoingDigest[];
  let clock: number;
  let runs: number;

  /** One whole pass, as `stancewatch run` makes it, a day after the last. */
  const pass = (): Promise<PassReport> => {
    clock += 86_400_000;
    runs += 1;
    return runPass(deps, `run-${runs}`);
  };
  const broken = () => `${site.origin}/broken`;

  beforeEach(async () => {
    site.routes.clear();
    site.routes.set('/news', { status: 200, type: 'application/rss+xml', body: FEED });
    site.routes.set('/good', { status: 200, type: 'text/html; charset=utf-8', body: ARTICLE });
    sent = [];
    runs = 0;
    clock = Date.parse('2026-11-20T10:00:00Z');
    deps = {
      config: parseConfig({ watches: [{ id: 'treaty', name: 'Peace treaty', keywords: ['peace treaty'], sources: [{ url: `${site.origin}/news` }] }] }, 'test'),
      store: table.store,
      notifiers: [{ name: 'record', deliver: async (digest) => (sent.push(digest), ['record']) }],
      fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true, respectRobots: false }),
      log: stderrLog('silent'),
      now: () => new Date(clock),
    };
  });

  it('is counted in the run report and listed once in the digest, under "Articles needing attention", on its third run', async () => {
    const first = await pass();
    expect(first.failures).toEqual([expect.objectContaining({ url: broken(), error: expect.stringMatching(/404/) })]);
    expect(first.articles).toMatchObject({ new: 1, failed: 1, stuck: 0 });
    expect(first.stuck).toEqual([]);
    expect(sent[0].text).not.toContain('needing attention');
    expect((await pass()).stuck).toEqual([]);

    const third = await pass();
    expect(third.articles).toMatchObject({ failed: 1, stuck: 1 });
    expect(third.stuck).toEqual([{ watch: 'treaty', url: broken(), reason: expect.stringMatching(/404/), runs: 3, since: '2026-11-21T10:00:00.000Z' }]);
    // Nothing new to say about the treaty, yet a digest goes out: the article's statements are missing.
    expect(third.digests).toEqual([expect.objectContaining({ items: 0, stuckArticles: 1, delivered: true })]);
    expect(sent).toHaveLength(2);
    expect(sent[1].subject).toBe('Stancewatch: 1 article failing — Peace treaty');
    expect(sent[1].text).toContain('Articles needing attention:');
    expect(sent[1].text).toMatch(new RegExp(`- FAILING · new: ${broken()} failed 3 runs in a row \\(since 2026-11-21\\): .*404`));
    expect(sent[1].html).toContain('Articles needing attention');

    // Still stuck: counted again, but no digest of its own a second time.
    const fourth = await pass();
    expect(fourth.stuck).toEqual([expect.objectContaining({ url: broken(), runs: 4 })]);
    expect(fourth.digests).toEqual([]);
    expect(sent).toHaveLength(2);
  });

  it('is listed again in the next digest that goes out while it is still stuck', async () => {
    for (let run = 0; run < 3; run += 1) await pass();
    expect(sent).toHaveLength(2);
    // A revised good article brings news; the stuck one rides along, no longer marked new.
    site.routes.set('/good', { status: 200, type: 'text/html; charset=utf-8', body: ARTICLE.replace('</article>', '<p>Putin added that Russia will not return any islands unless Japan ends its military drills first.</p></article>') });
    const report = await pass();
    expect(report.digests).toEqual([expect.objectContaining({ stuckArticles: 0, delivered: true })]);
    expect(sent[2].text).toMatch(new RegExp(`- FAILING: ${broken()} failed 4 runs in a row`));
  });

  it('starts counting again when it fails another way, and is forgotten once it goes through', async () => {
    await pass();
    await pass();
    site.routes.set('/broken', { status: 410, type: 'text/plain', body: 'gone' });
    const otherWay = await pass();
    expect(otherWay.failures).toEqual([expect.objectContaining({ url: broken(), error: expect.stringMatching(/410/) })]);
    expect(otherWay.stuck).toEqual([]);
    expect(await table.store.listArticleFailures('treaty')).toEqual([expect.objectContaining({ url: broken(), runs: 1 })]);

    site.routes.set('/broken', { status: 200, type: 'text/html; charset=utf-8', body: ARTICLE.replace(/Treaty talks/g, 'Broken story') });
    const through = await pass();
    expect(through.failures).toEqual([]);
    expect(await table.store.listArticleFailures('treaty')).toEqual([]);
  });

  it('counts a failure once per pass, however often the pass meets the article', async () => {
    deps.config = parseConfig(
      { watches: [{ id: 'treaty', name: 'Peace treaty', keywords: ['peace treaty'], sources: [{ url: `${site.origin}/news` }, { url: `${site.origin}/news?again` }] }] },
      'test',
    );
    site.routes.set('/news?again', { status: 200, type: 'application/rss+xml', body: FEED });
    const first = await pass();
    expect(first.failures.filter((failure) => failure.url === broken())).toHaveLength(2);
    expect(await table.store.listArticleFailures('treaty')).toEqual([expect.objectContaining({ runs: 1, lastRunId: 'run-1' })]);
  });
});
