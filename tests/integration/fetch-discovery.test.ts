import { lookup } from 'node:dns/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/errors/index.js';
import { clearRobotsCache, defaultFetchOptions, readSource, type FetchOptions, type HostResolver } from '../../shared/fetch/index.js';
import {
  NOT_LISTED,
  SECTION_FRONT,
  SECTION_STORIES,
  SITEMAP_NOW,
  TOPIC_PAGE,
  newsSiteRoutes,
} from '../helpers/news-site.js';
import { useSite } from '../helpers/web.js';

const local = (): FetchOptions => defaultFetchOptions({ allowPrivateNetwork: true, retry: { maxAttempts: 1 } });
const pathsOf = (items: Array<{ url: string }>) => items.map((item) => new URL(item.url).pathname);

describe('a section front as a source', () => {
  const site = useSite(newsSiteRoutes());
  beforeEach(() => clearRobotsCache());

  it('lists the ten stories of its main listing, fetching none of them yet', async () => {
    const reading = await readSource(site.url('/world/'), local());
    expect(reading).toMatchObject({ kind: 'index', title: 'World news | The Northern Ledger', validators: { etag: '"front-1"' } });
    expect(pathsOf(reading.items)).toEqual(SECTION_STORIES);
    expect(reading.items.every((item) => item.document === undefined)).toBe(true);
    for (const path of [...SECTION_STORIES, ...NOT_LISTED]) expect(site.hitsOf(path)).toBe(0);
  });

  it('answers an unchanged section front with one 304', async () => {
    const reading = await readSource(site.url('/world/'), local(), { etag: '"front-1"' });
    expect(reading).toMatchObject({ kind: 'not-modified', items: [] });
  });

  it('reads an article page as the article, not as its related links or its site feed', async () => {
    const reading = await readSource(site.url(SECTION_STORIES[0]), local());
    expect(reading.kind).toBe('page');
    expect(reading.items).toHaveLength(1);
    expect(site.hitsOf('/feed.xml')).toBe(0);
  });
});

describe('a page that advertises a feed', () => {
  const site = useSite(newsSiteRoutes());

  it('is followed to the feed under its own path (a relative href), once, with the page’s validators', async () => {
    const reading = await readSource(site.url('/topics/kuril-islands/'), local());
    expect(reading).toMatchObject({
      kind: 'feed',
      title: 'Kuril Islands',
      validators: { etag: '"topic-1"' },
      via: `the feed ${site.url('/topics/kuril-islands/feed.xml')} the page advertises`,
    });
    expect(pathsOf(reading.items)).toEqual(SECTION_STORIES.slice(0, 2));
    expect(site.hitsOf('/topics/kuril-islands/feed.xml')).toBe(1);
    expect(site.hitsOf('/feed.xml')).toBe(0);
    expect(site.hitsOf('/wp-json/wp/v2/tags/7')).toBe(0);
  });

  it('does not loop: an advertised "feed" that is a page advertising another is not followed further', async () => {
    site.routes.set('/loop/a/', TOPIC_PAGE.replace('href="feed.xml"', 'href="/loop/b/"').replace('href="/feed.xml"', 'href="/loop/b/"'));
    site.routes.set('/loop/b/', TOPIC_PAGE.replace('href="feed.xml"', 'href="/loop/a/"').replace('href="/feed.xml"', 'href="/loop/a/"'));
    const error = await readSource(site.url('/loop/a/'), local()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(/has no article and no listing, and the feed it advertises failed: .*\/loop\/b\/ is not an RSS, Atom or JSON feed/);
    expect(site.hitsOf('/loop/a/')).toBe(1);
    expect(site.hitsOf('/loop/b/')).toBe(1);
  });

  it('falls back to the listing’s links when the advertised feed fails, and says so', async () => {
    site.routes.set('/with-dead-feed/', SECTION_FRONT.replace('<link rel="stylesheet"', '<link rel="alternate" type="application/atom+xml" href="/gone.atom"><link rel="stylesheet"'));
    const reading = await readSource(site.url('/with-dead-feed/'), local());
    expect(reading.kind).toBe('index');
    expect(pathsOf(reading.items)).toEqual(SECTION_STORIES);
    expect(reading.via).toMatch(/^its links, since the feed it advertises failed: .*gone\.atom.*404/);
  });
});

describe('a sitemap index with a Google News sitemap', () => {
  const site = useSite(newsSiteRoutes());

  it('gives the URLs of the last two days from the news sitemap and this month’s gzip sitemap, newest first', async () => {
    const reading = await readSource(site.url('/sitemap.xml'), local(), undefined, SITEMAP_NOW);
    expect(reading.kind).toBe('sitemap');
    expect(reading.items.map((item) => [new URL(item.url).pathname, item.publishedAt])).toEqual([
      [SECTION_STORIES[0], '2024-06-06T00:30:00.000Z'],
      [SECTION_STORIES[2], '2024-06-05T09:10:00.000Z'],
      [SECTION_STORIES[1], '2024-06-05T09:00:00.000Z'],
    ]);
    // The old month's sitemap is an archive: never asked for. The index's validators are not kept.
    expect(site.hitsOf('/sitemaps/2019-01.xml')).toBe(0);
    expect(reading.validators).toEqual({});
  });

  it('reads a news sitemap given directly, with its titles', async () => {
    const reading = await readSource(site.url('/sitemaps/news.xml'), local(), undefined, SITEMAP_NOW);
    expect(reading.items).toEqual([
      { url: site.url(SECTION_STORIES[0]), publishedAt: '2024-06-06T00:30:00.000Z', title: 'putin says no peace treaty talks unless japan changes course' },
      { url: site.url(SECTION_STORIES[1]), publishedAt: '2024-06-05T09:00:00.000Z', title: 'kishida rules out concessions on northern territories' },
    ]);
  });
});

describe('discovery behind the SSRF guard', () => {
  /** 127.0.0.1 stands in for a public host (as in fetch.test.ts); `localhost` keeps its real, loopback, addresses. */
  const standInResolver: HostResolver = async (hostname) =>
    hostname === '127.0.0.1' ? [{ address: '93.184.215.14', family: 4 }] : lookup(hostname, { all: true });
  const guarded = (): FetchOptions => defaultFetchOptions({ allowPrivateNetwork: false, respectRobots: false, resolveHost: standInResolver, retry: { maxAttempts: 1 } });
  const internal = useSite({ '/feed.xml': { type: 'application/rss+xml', body: '<rss version="2.0"><channel><title>Internal</title></channel></rss>' }, '/news.xml': { type: 'application/xml', body: '<urlset/>' } }, { host: 'localhost' });
  const publicSite = useSite({});

  it('never follows an advertised feed to an internal address', async () => {
    publicSite.routes.set('/shell/', `<html><head><link rel="alternate" type="application/rss+xml" href="http://localhost:${internal.port}/feed.xml"></head><body></body></html>`);
    const error = await readSource(publicSite.url('/shell/'), guarded()).catch((caught: unknown) => caught);
    expect((error as FetchError).message).toMatch(/feed it advertises failed: .*localhost.*loopback/);
    expect(internal.hitsOf('/feed.xml')).toBe(0);
  });

  it('never reads a sitemap index’s child at an internal address', async () => {
    publicSite.routes.set('/sitemap.xml', {
      type: 'application/xml',
      body: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://localhost:${internal.port}/news.xml</loc></sitemap></sitemapindex>`,
    });
    const error = await readSource(publicSite.url('/sitemap.xml'), guarded(), undefined, SITEMAP_NOW).catch((caught: unknown) => caught);
    expect((error as FetchError).message).toMatch(/no sitemap listed by .* could be read: .*loopback/);
    expect(internal.hitsOf('/news.xml')).toBe(0);
  });
});
