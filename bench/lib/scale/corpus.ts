/**
 * The coverage the scale bench reads: `feeds` RSS feeds spread over `hosts` loopback hosts, each listing `items`
 * article pages, and `watches` watches that share them (every feed is in at least one watch, and on average in
 * `sourcesPerWatch × watches / feeds`). Pass 0 is a first run (every item new); in pass 1, an hour later, a share
 * `newShare` of the feeds has one new article and the others are unchanged (their feeds answer 304).
 */
import { seededRandom } from '../../../support/prng.js';
import type { ServedPage } from './hosts.js';
import { contextParagraph, headline, speakerName, statementParagraph } from './words.js';

export interface CoverageSizes {
  feeds: number;
  hosts: number;
  watches: number;
  sourcesPerWatch: number;
  items: number;
  /** Share of feeds with one new article in the second pass. */
  newShare: number;
  seed: number;
}

export interface WatchInput {
  id: string;
  name: string;
  keywords: string[];
  sources: Array<{ url: string }>;
}

/** People quoted across the coverage: a topic's cast, so a speaker's history builds up over the feeds. */
const CAST = 60;
/** The clock of the first pass; the second is an hour later, as an hourly schedule runs. */
export const FIRST_PASS_AT = Date.parse('2026-11-23T08:00:00Z');
export const PASS_INTERVAL_MS = 3_600_000;

export function passClock(pass: number): Date {
  return new Date(FIRST_PASS_AT + pass * PASS_INTERVAL_MS);
}

const feedHost = (sizes: CoverageSizes, feed: number) => feed % sizes.hosts;
const feedPath = (feed: number) => `/feeds/f${feed}.xml`;
const articlePath = (feed: number, item: number) => `/news/f${feed}-a${item}.html`;

/** Whether feed `feed` has a new article in the second pass: drawn once per feed from the seed. */
function gainsItem(sizes: CoverageSizes, feed: number): boolean {
  return seededRandom(sizes.seed * 7919 + feed)() < sizes.newShare;
}

/** The articles a feed lists in `pass`, newest first, with their dates. */
function feedItems(sizes: CoverageSizes, feed: number, pass: number): Array<{ item: number; publishedAt: Date }> {
  const base = passClock(0).getTime();
  const items = Array.from({ length: sizes.items }, (_, item) => ({ item, publishedAt: new Date(base - (sizes.items - item) * PASS_INTERVAL_MS) }));
  if (pass > 0 && gainsItem(sizes, feed)) items.push({ item: sizes.items, publishedAt: new Date(passClock(pass).getTime() - 600_000) });
  return items.reverse();
}

/** An article page: headline, date, site name, three attributed paragraphs and one of context. */
export function articlePage(seed: number, serial: number, site: string, publishedAt: Date, speakers: string[]): ServedPage {
  const random = seededRandom(seed);
  const title = headline(random, serial);
  const paragraphs = [statementParagraph(random, speakers[0]), contextParagraph(random, serial), ...speakers.slice(1).map((speaker) => statementParagraph(random, speaker))];
  const body =
    `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="${site}">` +
    `<meta property="article:published_time" content="${publishedAt.toISOString()}"></head><body><header><nav><a href="/">Home</a></nav></header>` +
    `<article><h1>${title}</h1><p class="byline">By Staff Reporter</p>${paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('')}</article>` +
    '<footer>All rights reserved</footer></body></html>';
  return { body, contentType: 'text/html; charset=utf-8' };
}

/** An RSS 2.0 feed of `links`, newest first. */
export function rssFeed(title: string, siteUrl: string, entries: Array<{ title: string; link: string; publishedAt: Date }>): ServedPage {
  const items = entries
    .map((entry) => `<item><title>${escapeXml(entry.title)}</title><link>${entry.link}</link><guid>${entry.link}</guid><pubDate>${entry.publishedAt.toUTCString()}</pubDate></item>`)
    .join('');
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${siteUrl}/</link><description>News</description>${items}</channel></rss>`,
    contentType: 'application/rss+xml; charset=utf-8',
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What each host serves in `pass`: its feeds and every article they list. */
export function coveragePages(sizes: CoverageSizes, baseUrls: readonly string[], pass: number): Array<Map<string, ServedPage>> {
  const pages = Array.from({ length: sizes.hosts }, () => new Map<string, ServedPage>());
  for (let feed = 0; feed < sizes.feeds; feed += 1) {
    const host = feedHost(sizes, feed);
    const site = `Host ${host} News`;
    const entries = feedItems(sizes, feed, pass).map(({ item, publishedAt }) => {
      const serial = feed * (sizes.items + 1) + item;
      const speakers = [0, 1, 2].map((offset) => speakerName((serial * 3 + offset * 17) % CAST));
      const page = articlePage(sizes.seed * 1_000_003 + serial, serial, site, publishedAt, speakers);
      pages[host].set(articlePath(feed, item), page);
      return { title: `Report ${serial}`, link: `${baseUrls[host]}${articlePath(feed, item)}`, publishedAt };
    });
    pages[host].set(feedPath(feed), rssFeed(`${site}: feed ${feed}`, baseUrls[host], entries));
  }
  return pages;
}

/**
 * The watches: watch w takes a run of consecutive feeds (so each feed is watched, and a watch's feeds are on
 * different hosts), then feeds drawn at random until it has `sourcesPerWatch`, so feeds are shared as a team's
 * overlapping interests share outlets.
 */
export function coverageWatches(sizes: CoverageSizes, baseUrls: readonly string[]): WatchInput[] {
  const random = seededRandom(sizes.seed);
  return Array.from({ length: sizes.watches }, (_, watch) => {
    const feeds = new Set<number>();
    for (let feed = 0; feed < sizes.feeds; feed += 1) if (Math.floor((feed * sizes.watches) / sizes.feeds) === watch) feeds.add(feed);
    while (feeds.size < Math.min(sizes.sourcesPerWatch, sizes.feeds)) feeds.add(Math.floor(random() * sizes.feeds));
    return {
      id: `watch-${watch}`,
      name: `Watch ${watch}`,
      keywords: ['talks'],
      sources: [...feeds].map((feed) => ({ url: `${baseUrls[feedHost(sizes, feed)]}${feedPath(feed)}` })),
    };
  });
}
