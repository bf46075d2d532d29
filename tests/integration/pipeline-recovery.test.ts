import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { processSource, sendDigests, stderrLog, type SourceDeps } from '../../shared/pipeline/index.js';
import type { ArchiveStore } from '../../shared/store/index.js';
import { useTestTable } from '../helpers/dynamo.js';
import { useSite, type RouteHandler } from '../helpers/web.js';

const ARTICLE = (id: string, sentence: string) => `<!doctype html><html lang="en"><head><title>Talks ${id}</title>
<link rel="canonical" href="https://news.example/${id}"><meta property="og:site_name" content="News Example">
<meta property="article:published_time" content="2024-06-0${id.length}T09:00:00Z"></head>
<body><article><h1>Talks ${id}</h1><p>${sentence}</p>
<p>The two countries have not signed a peace treaty since the war ended in 1945, and talks have stalled for years.</p></article></body></html>`;

const PAGES: Record<string, string> = {
  '/a.html': ARTICLE('a', 'Putin said Russia will not resume peace treaty talks unless Japan lifts its sanctions first.'),
  '/bb.html': ARTICLE('bb', 'Kishida said Japan would only sign a peace treaty if the four islands are returned.'),
};

/** The feed of PAGES, with an ETag: a request that sends it back gets a 304. */
const serveFeed: RouteHandler = (request, response) => {
  if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304, { etag: '"v1"' }).end();
  const entries = Object.keys(PAGES).map((page) => `<entry><title>${page}</title><link href="${page.slice(1)}"/><id>${page}</id><updated>2024-06-06T00:00:00Z</updated></entry>`);
  response.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"v1"' }).end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>${entries.join('')}</feed>`);
};

/** A page that answers 500 while its path is in `failing`. */
const servePage =
  (path: string, html: string, failing: ReadonlySet<string>): RouteHandler =>
  (_request, response) => {
    if (failing.has(path)) return void response.writeHead(500).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  };

describe('a pass that fails or crashes halfway loses nothing', () => {
  const table = useTestTable({ freshTable: 'test' });
  const failing = new Set<string>();
  const pages = Object.entries(PAGES).map(([path, html]) => [path, servePage(path, html, failing)]);
  const site = useSite({ '/feed.xml': serveFeed, ...Object.fromEntries(pages) });
  let deps: SourceDeps;
  const watch = (id: string) => ({ id, name: id, keywords: ['peace treaty'], sources: [{ url: `${site.origin}/feed.xml` }] });

  beforeEach(async () => {
    failing.clear();
    deps = {
      config: parseConfig({ watches: [watch('treaty'), watch('islands')] }, 'test'),
      store: table.store,
      fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true }),
      log: stderrLog('silent'),
      now: () => new Date('2026-11-23T10:00:00Z'),
    };
  });
  const message = (watchId: string) => ({ watchId, sourceUrl: `${site.origin}/feed.xml`, runId: 'r' });

  it('retries a page that failed on the next run instead of trusting the feed 304', async () => {
    failing.add('/bb.html');
    const first = await processSource(message('treaty'), deps);
    expect(first.articles).toMatchObject({ new: 1, failed: 1 });
    failing.clear();
    const second = await processSource(message('treaty'), deps);
    expect(second.articles).toMatchObject({ new: 1, duplicates: 1, failed: 0 });
    expect(second.stances.map((stance) => stance.speaker)).toEqual(['Kishida']);
    // Only now that everything went through does the feed answer 304.
    const third = await processSource(message('treaty'), deps);
    expect(third.articles).toMatchObject({ fetched: 0, new: 0, failed: 0 });
  });

  it('reads an article again after a crash between archiving it and storing its statements', async () => {
    let crash = true;
    const crashing: ArchiveStore = Object.create(table.store);
    crashing.addStatement = async (statement) => {
      if (crash) throw new Error('Lambda timed out');
      return table.store.addStatement(statement);
    };
    const first = await processSource(message('treaty'), { ...deps, store: crashing });
    expect(first.articles.failed).toBe(2);
    crash = false;
    const retry = await processSource(message('treaty'), deps);
    expect(retry.stances.map((stance) => stance.speaker).sort()).toEqual(['Kishida', 'Putin']);
    expect(retry.articles).toMatchObject({ new: 2, failed: 0 });
  });

  it('gives every watch its own reading of an article the archive already holds', async () => {
    const treaty = await processSource(message('treaty'), deps);
    const islands = await processSource(message('islands'), deps);
    expect(treaty.stances.length).toBeGreaterThan(0);
    expect(islands.stances.map((stance) => stance.text)).toEqual(treaty.stances.map((stance) => stance.text));
    const again = await processSource(message('islands'), deps);
    expect(again.stances).toEqual([]);
  });

  it('keeps what one watch recorded when another fails on the same fetched page, and the retry records nothing twice', async () => {
    const shared = { watchIds: ['treaty', 'islands'], sourceUrl: `${site.origin}/feed.xml`, runId: 'r' };
    const crashing: ArchiveStore = Object.create(table.store);
    crashing.addStatement = async (statement) => {
      if (statement.watchId === 'islands') throw new Error('Lambda timed out');
      return table.store.addStatement(statement);
    };
    const first = await processSource(shared, { ...deps, store: crashing });
    expect(first.failures.map((failure) => failure.watch)).toEqual(['islands', 'islands']);
    const recorded = await table.store.listStatements('treaty');
    expect(recorded.map((statement) => statement.speaker).sort()).toEqual(['Kishida', 'Putin']);
    // The pages' states were not saved: the retry fetches them again and only the watch that failed reads them.
    const retry = await processSource(shared, deps);
    expect(retry.failures).toEqual([]);
    expect(retry.stances.map((stance) => stance.watch)).toEqual(['islands', 'islands']);
    expect(await table.store.listStatements('treaty')).toHaveLength(recorded.length);
  });

  it('skips a message for a watch removed since it was queued, without failing it', async () => {
    const outcome = await processSource(message('gone'), deps);
    expect(outcome).toEqual({ articles: expect.objectContaining({ fetched: 0, failed: 0 }), stances: [], failures: [], skips: [], health: [], stuck: [] });
  });
});

describe('digest delivery that fails halfway', () => {
  const table = useTestTable();

  it('is retried on the next run through the ways out that did not take it, and never twice through one that did', async () => {
    const config = parseConfig({ watches: [{ id: 'a', name: 'A', keywords: ['x'], sources: [{ url: 'https://x.example/f' }] }, { id: 'b', name: 'B', keywords: ['x'], sources: [{ url: 'https://x.example/f' }] }] }, 'test');
    for (const watchId of ['a', 'b']) {
      await table.store.addStatement({
        id: `s-${watchId}`, watchId, speaker: 'Putin', kind: 'condition', polarity: 'positive', text: `Condition ${watchId}`, claim: 'c',
        url: 'https://x.example/1', urlKey: 'k', status: 'new', similarity: 0, foundAt: '2026-11-23T00:00:00Z',
      });
    }
    const sent: Record<string, string[]> = { sns: [], ses: [] };
    let sesDown = true;
    const notifiers = [
      { name: 'sns', deliver: async (digest: { watchId: string }) => (sent.sns.push(digest.watchId), ['sns']) },
      { name: 'ses', deliver: async (digest: { watchId: string }) => {
        if (sesDown && digest.watchId === 'a') throw new Error('MessageRejected');
        sent.ses.push(digest.watchId);
        return ['ses'];
      } },
    ];
    const digestDeps = { config, store: table.store, notifiers, log: stderrLog('silent'), now: () => new Date('2026-11-23T10:00:00Z') };
    await expect(sendDigests(digestDeps)).rejects.toThrow(/a: ses refused/);
    // Watch b went out although a failed before it.
    expect(sent).toEqual({ sns: ['a', 'b'], ses: ['b'] });
    sesDown = false;
    const retry = await sendDigests(digestDeps);
    expect(retry.map((report) => [report.watch, report.delivered])).toEqual([['a', true]]);
    expect(sent).toEqual({ sns: ['a', 'b'], ses: ['b', 'a'] });
    expect(await sendDigests(digestDeps)).toEqual([]);
  });
});
