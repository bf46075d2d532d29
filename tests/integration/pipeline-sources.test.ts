import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { clearRobotsCache, defaultFetchOptions } from '../../shared/fetch/index.js';
import type { OutgoingDigest } from '../../shared/notify/types.js';
import { runPass, stderrLog, type PipelineDeps } from '../../shared/pipeline/index.js';
import { REVISIT_AFTER_MS } from '../../shared/pipeline/revisit.js';
import { useTestTable } from '../helpers/dynamo.js';
import { NOT_LISTED, SECTION_STORIES, SITEMAP_NOW, newsSiteRoutes } from '../helpers/news-site.js';
import { useSite, type Site } from '../helpers/web.js';

/** One watch on the treaty, reading one source of the news site; every pass against dynalite. */
function treatyDeps(site: Site, sourcePath: string, store: PipelineDeps['store'], sent: OutgoingDigest[]): PipelineDeps {
  return {
    config: parseConfig(
      { watches: [{ id: 'treaty', name: 'Russia–Japan peace treaty', keywords: ['peace treaty'], sources: [{ url: site.url(sourcePath) }] }] },
      'test',
    ),
    store,
    notifiers: [{ name: 'recording', deliver: async (digest) => (sent.push(digest), [`recorded:${digest.digestKey}`]) }],
    fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true, retry: { maxAttempts: 1 } }),
    log: stderrLog('silent'),
    now: () => SITEMAP_NOW,
  };
}

/** The requests a pass made for a path, and whether each was conditional. */
const conditionalHits = (site: Site, path: string) => site.arrivals.filter((arrival) => arrival.path === path).map((arrival) => arrival.headers['if-none-match'] !== undefined);

describe('a whole pass over a section front', () => {
  const site = useSite(newsSiteRoutes());
  const table = useTestTable();
  const sent: OutgoingDigest[] = [];
  let deps: PipelineDeps;

  beforeAll(() => {
    clearRobotsCache();
    deps = treatyDeps(site, '/world/', table.store, sent);
  });

  it('reads each story of the listing as a feed entry: treaty stories archived, others skipped, robots.txt honoured', async () => {
    const report = await runPass(deps, 'run-1');
    // Ten stories: robots.txt keeps one out (a failure, as for a feed entry), four are about the treaty.
    expect(report.articles).toMatchObject({ fetched: 9, new: 4, skipped: 5, failed: 1 });
    expect(report.failures).toEqual([expect.objectContaining({ url: site.url(SECTION_STORIES[6]), error: expect.stringMatching(/robots\.txt/) })]);
    expect(site.hitsOf(SECTION_STORIES[6])).toBe(0);
    for (const path of NOT_LISTED) expect(site.hitsOf(path)).toBe(0);
    expect(report.stances.map((stance) => stance.speaker)).toContain('Vladimir Putin');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('unless Tokyo changes its position on the war in Ukraine');
  });

  it('asks for no story again on a run before their first revisit, and stores nothing new', async () => {
    const report = await runPass(deps, 'run-2');
    expect(report.articles).toMatchObject({ new: 0, revised: 0, fetched: 0 });
    for (const path of SECTION_STORIES.filter((_, index) => index !== 6)) expect(conditionalHits(site, path)).toEqual([false]);
    expect(sent).toHaveLength(1);
  });

  it('asks for each story again with its ETag when its first revisit is due an hour later, and stores nothing new', async () => {
    const report = await runPass({ ...deps, now: () => new Date(SITEMAP_NOW.getTime() + REVISIT_AFTER_MS[0]) }, 'run-3');
    expect(report.articles).toMatchObject({ new: 0, revised: 0, fetched: 0 });
    expect(report.stances).toEqual([]);
    for (const path of SECTION_STORIES.filter((_, index) => index !== 6)) expect(conditionalHits(site, path)).toEqual([false, true]);
    // The story robots.txt keeps out has failed a third run: stuck, the only news of this pass.
    expect(report.stuck.map((stuck) => stuck.url)).toEqual([site.url(SECTION_STORIES[6])]);
  });
});

describe('a whole pass over a page that advertises its feed', () => {
  const site = useSite(newsSiteRoutes());
  const table = useTestTable();
  const sent: OutgoingDigest[] = [];

  it('archives the feed’s stories and sends their statements', async () => {
    const report = await runPass(treatyDeps(site, '/topics/kuril-islands/', table.store, sent), 'run-1');
    expect(report.articles).toMatchObject({ fetched: 2, new: 2, failed: 0 });
    expect(site.hitsOf('/topics/kuril-islands/feed.xml')).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('Kishida');
  });
});

describe('a whole pass over a sitemap index with a Google News sitemap', () => {
  const site = useSite(newsSiteRoutes());
  const table = useTestTable();
  const sent: OutgoingDigest[] = [];

  it('archives the stories of the last two days only', async () => {
    const report = await runPass(treatyDeps(site, '/sitemap.xml', table.store, sent), 'run-1');
    expect(report.articles).toMatchObject({ fetched: 3, new: 3, failed: 0 });
    const read = SECTION_STORIES.filter((path) => site.hitsOf(path) > 0);
    expect(read).toEqual(SECTION_STORIES.slice(0, 3));
    expect(sent).toHaveLength(1);
  });
});
