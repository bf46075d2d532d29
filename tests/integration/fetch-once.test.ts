import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { planSourceMessages, runPass, stderrLog, type PassReport, type PipelineDeps } from '../../shared/pipeline/index.js';
import { REVISIT_AFTER_MS } from '../../shared/pipeline/revisit.js';
import { useTestTable } from '../helpers/dynamo.js';
import { SECTION_STORIES, storyPage, withEtag } from '../helpers/news-site.js';
import { useSite, type Arrival, type RouteHandler } from '../helpers/web.js';

/**
 * Five watches share one feed of ten stories (issue 16 §2): a pass fetches the feed once and each story once, and fans
 * each story out to the watches whose keywords take it in. Later passes fetch a story only when it is new, its entry
 * says it was updated, or its revisit is due (1 h, 6 h, 24 h, 3 days after it was first read).
 */

const T0 = new Date('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;
const NEW_STORY = '/2024/06/07/kremlin-aide-repeats-treaty-conditions/';
const ADDED = 'Putin added that Russia will not return any islands unless Japan ends its sanctions first, he told reporters.';

const WATCHES = [
  { id: 'treaty', name: 'Treaty', keywords: ['peace treaty'] },
  { id: 'putin', name: 'Putin on the treaty', keywords: ['peace treaty'], speakers: ['Vladimir Putin'] },
  { id: 'islands', name: 'Islands', keywords: ['islands'] },
  { id: 'sanctions', name: 'Sanctions', keywords: ['sanctions'] },
  { id: 'volcano', name: 'Volcanoes', keywords: ['volcano'] },
];

/** An RSS item for a story, its GUID a URN (not its link), its `atom:updated` the stamp a pass compares. */
const feedItem = (path: string, updated: string) =>
  `<item><title>${path}</title><link>${path}</link><guid isPermaLink="false">urn:story:${path}</guid><pubDate>${new Date(updated).toUTCString()}</pubDate><atom:updated>${updated}</atom:updated></item>`;

/** The feed as it stands: answers a conditional GET by its ETag, a hash of its content. */
function feedRoute(entries: () => Array<[string, string]>): RouteHandler {
  return (request, response) => {
    const body = `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Ledger</title>${entries()
      .map(([path, updated]) => feedItem(path, updated))
      .join('')}</channel></rss>`;
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
  };
}

describe('five watches sharing one feed of ten stories', () => {
  const entries: Array<[string, string]> = SECTION_STORIES.map((path, index) => [path, `2024-06-0${Math.floor(index / 2) + 1}T08:00:00Z`]);
  const site = useSite({
    '/feed.xml': feedRoute(() => entries),
    ...Object.fromEntries(SECTION_STORIES.map((path) => [path, withEtag(storyPage(path), '"v1"')])),
  });
  const table = useTestTable();
  let deps: PipelineDeps;
  let clock = T0;

  /** Runs a pass at `at` and answers it with the requests it made to the site. */
  async function passAt(at: Date, runId: string): Promise<{ report: PassReport; requests: Arrival[] }> {
    clock = at;
    const before = site.arrivals.length;
    const report = await runPass(deps, runId);
    return { report, requests: site.arrivals.slice(before).filter((arrival) => arrival.path !== '/robots.txt') };
  }

  const paths = (requests: Arrival[]) => requests.map((request) => request.path).sort();
  const conditional = (requests: Arrival[]) => requests.every((request) => request.headers['if-none-match'] !== undefined);

  beforeAll(() => {
    deps = {
      config: parseConfig({ watches: WATCHES.map((watch) => ({ ...watch, sources: [{ url: site.url('/feed.xml') }] })) }, 'test'),
      store: table.store,
      notifiers: [{ name: 'recording', deliver: async (digest) => [`recorded:${digest.digestKey}`] }],
      fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true, retry: { maxAttempts: 1 } }),
      log: stderrLog('silent'),
      now: () => clock,
    };
  });

  it('plans one message for the feed, naming all five watches', () => {
    expect(planSourceMessages(deps, 'plan')).toEqual([{ watchIds: WATCHES.map((watch) => watch.id), sourceUrl: site.url('/feed.xml'), runId: 'plan' }]);
  });

  it('fetches the feed once and each story once, and records statements for each watch whose keywords match', async () => {
    const { report, requests } = await passAt(T0, 'pass-1');
    expect(paths(requests)).toEqual(['/feed.xml', ...SECTION_STORIES].sort());
    expect(report.failures).toEqual([]);
    for (const watch of ['treaty', 'putin', 'islands', 'sanctions']) {
      expect((await table.store.listStatements(watch)).length, watch).toBeGreaterThan(0);
    }
    // The speakers filter holds per watch, on the same fetched page.
    expect(new Set((await table.store.listStatements('putin')).map((statement) => statement.speaker))).toEqual(new Set(['Vladimir Putin']));
    expect(new Set((await table.store.listStatements('treaty')).map((statement) => statement.speaker)).size).toBeGreaterThan(1);
    // No story is about volcanoes: every one skipped for that watch, nothing recorded.
    expect(await table.store.listStatements('volcano')).toEqual([]);
    expect(report.skips.filter((skip) => skip.watch === 'volcano')).toHaveLength(SECTION_STORIES.length);
  });

  it('an hour later asks for the unchanged feed once, conditionally, and for no story', async () => {
    const { report, requests } = await passAt(new Date(T0.getTime() + HOUR), 'pass-2');
    expect(paths(requests)).toEqual(['/feed.xml']);
    expect(conditional(requests)).toBe(true);
    expect(report.stances).toEqual([]);
  });

  it('when the feed changes, asks for the new story and, conditionally, for the stories whose 1 h revisit is due', async () => {
    entries.push([NEW_STORY, '2024-06-07T08:00:00Z']);
    site.routes.set(NEW_STORY, withEtag(storyPage(NEW_STORY), '"v1"'));
    const { report, requests } = await passAt(new Date(T0.getTime() + 2 * HOUR), 'pass-3');
    expect(paths(requests)).toEqual(['/feed.xml', ...SECTION_STORIES, NEW_STORY].sort());
    expect(conditional(requests.filter((request) => request.path !== NEW_STORY))).toBe(true);
    expect(report.failures).toEqual([]);
  });

  it('between revisits asks only for the story whose entry was updated and the one whose revisit is due, and reads its revision', async () => {
    site.routes.set(SECTION_STORIES[0], withEtag(storyPage(SECTION_STORIES[0]).replace('</article>', `<p>${ADDED}</p></article>`), '"v2"'));
    entries[0] = [SECTION_STORIES[0], '2024-06-07T09:00:00Z'];
    const { report, requests } = await passAt(new Date(T0.getTime() + 3 * HOUR), 'pass-4');
    // The new story was first read at 2 h: its 1 h revisit is due; the others' next one is at 6 h.
    expect(paths(requests)).toEqual(['/feed.xml', SECTION_STORIES[0], NEW_STORY].sort());
    expect(REVISIT_AFTER_MS[1]).toBeGreaterThan(3 * HOUR);
    expect(report.articles.revised).toBe(4);
    const added = report.stances.filter((stance) => stance.text.includes('unless Japan ends its sanctions'));
    expect(added.map((stance) => stance.watch).sort()).toEqual(['islands', 'putin', 'sanctions', 'treaty']);
  });
});

describe('a feed shared by watches that joined at different times, and state kept per watch before the deploy', () => {
  const entries: Array<[string, string]> = SECTION_STORIES.slice(0, 4).map((path) => [path, '2024-06-05T08:00:00Z']);
  const site = useSite({
    '/feed.xml': feedRoute(() => entries),
    ...Object.fromEntries(SECTION_STORIES.slice(0, 4).map((path) => [path, withEtag(storyPage(path), '"v1"')])),
  });
  const table = useTestTable();

  /** Deps reading the feed for the watches named, at T0. */
  const depsFor = (...ids: string[]): PipelineDeps => ({
    config: parseConfig({ watches: WATCHES.filter((watch) => ids.includes(watch.id)).map((watch) => ({ ...watch, sources: [{ url: site.url('/feed.xml') }] })) }, 'test'),
    store: table.store,
    notifiers: [{ name: 'recording', deliver: async (digest) => [`recorded:${digest.digestKey}`] }],
    fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true, retry: { maxAttempts: 1 } }),
    log: stderrLog('silent'),
    now: () => T0,
  });

  async function requestsOf(pass: Promise<PassReport>): Promise<Arrival[]> {
    const before = site.arrivals.length;
    await pass;
    return site.arrivals.slice(before).filter((arrival) => arrival.path !== '/robots.txt');
  }

  it('takes over per-watch validators every watch agrees on: the next pass is one conditional GET', async () => {
    const etag = (await fetch(site.url('/feed.xml'))).headers.get('etag') ?? '';
    for (const id of ['treaty', 'islands']) {
      await table.store.putUrlState(`${id} ${site.url('/feed.xml')}`, { validators: { etag }, consecutiveFailures: 0, emptyRuns: 1 });
    }
    const requests = await requestsOf(runPass(depsFor('treaty', 'islands'), 'legacy'));
    expect(requests.map((request) => [request.path, request.headers['if-none-match']])).toEqual([['/feed.xml', etag]]);
    expect(await table.store.getUrlState(site.url('/feed.xml'))).toMatchObject({ validators: { etag }, emptyRuns: 1, readBy: ['islands', 'treaty'] });
  });

  it('reads the source and its stories whole for a watch new to it, so it gets the stories listed now, not a 304 the others earned', async () => {
    const requests = await requestsOf(runPass(depsFor('treaty', 'islands', 'sanctions'), 'joined'));
    expect(requests.map((request) => request.path).sort()).toEqual(['/feed.xml', ...SECTION_STORIES.slice(0, 4)].sort());
    expect(requests.every((request) => request.headers['if-none-match'] === undefined)).toBe(true);
    expect((await table.store.listStatements('sanctions')).length).toBeGreaterThan(0);
    const again = await requestsOf(runPass(depsFor('treaty', 'islands', 'sanctions'), 'again'));
    expect(again.map((request) => request.path)).toEqual(['/feed.xml']);
  });
});
