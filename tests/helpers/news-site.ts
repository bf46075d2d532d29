import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Route, RouteHandler } from './web.js';

/**
 * "The Northern Ledger", a news site as users meet it, for the source-discovery tests: a section front (nav,
 * footer, most-read box, ten story cards), a topic page that only advertises its feed, a sitemap index with a
 * Google News sitemap, and the stories themselves. Every page answers conditional GETs by its ETag.
 */

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');

export const SECTION_FRONT = fixture('section-front.html');

/** The ten stories of the section front's listing, in page order. */
export const SECTION_STORIES = [
  '/2024/06/06/putin-says-no-peace-treaty-talks-unless-japan-changes-course/',
  '/2024/06/05/kishida-rules-out-concessions-on-northern-territories/',
  '/2024/06/05/lavrov-sanctions-block-any-dialogue-with-tokyo/',
  '/2024/06/04/fishing-deal-off-kurils-lapses-for-second-year/',
  '/2024/06/04/analysis-why-the-treaty-talks-stalled/',
  '/2024/06/03/g7-ministers-weigh-new-measures-against-moscow/',
  '/2024/06/03/former-islanders-mark-anniversary-in-nemuro/',
  '/2024/06/02/visa-free-visits-to-islands-remain-suspended/',
  '/2024/06/02/moscow-summons-japanese-ambassador-over-drills/',
  '/2024/06/01/what-the-1956-declaration-says-and-does-not-say/',
] as const;

/** Links of the section front that are not its listing: nav, most read, promo, pagination, "you may also like", footer. */
export const NOT_LISTED = [
  '/2024/06/06/how-we-cover-the-summit-an-editors-note/',
  '/2024/06/05/heatwave-grips-tokyo-for-a-third-day/',
  '/2024/06/04/yen-slides-to-new-low-against-the-dollar/',
  '/2024/06/02/baseball-star-signs-record-contract/',
  '/2024/06/01/introducing-our-new-weekend-edition-for-subscribers/',
  '/2024/05/31/earlier-the-may-summit-in-review/',
  '/2024/05/20/ten-hikes-on-hokkaido-you-should-not-miss/',
  '/2024/01/05/corrections-and-clarifications-policy/',
] as const;

/** What each story says; stories about the treaty quote Putin or Kishida, the others are off the treaty's topic. */
const STORY_TEXT: Record<string, { date: string; paragraphs: string[] }> = {
  'putin-says-no-peace-treaty-talks-unless-japan-changes-course': {
    date: '2024-06-06T09:30:00+09:00',
    paragraphs: [
      'Russian President Vladimir Putin said Wednesday that Russia will not resume peace treaty talks with Japan unless Tokyo changes its position on the war in Ukraine.',
      'The two countries have never signed a peace treaty formally ending the hostilities of World War II, because of a dispute over islands off Hokkaido.',
      'Japan has joined Western sanctions against Russia since February 2022, and Moscow suspended the treaty negotiations a month later.',
    ],
  },
  'kishida-rules-out-concessions-on-northern-territories': {
    date: '2024-06-05T18:00:00+09:00',
    paragraphs: [
      'Prime Minister Fumio Kishida said Japan will not sign a peace treaty that leaves the sovereignty of the four islands unresolved.',
      'He spoke in parliament a day before the Russian president addressed foreign news agencies in St. Petersburg, and repeated the government line.',
    ],
  },
  'lavrov-sanctions-block-any-dialogue-with-tokyo': {
    date: '2024-06-05T12:10:00+03:00',
    paragraphs: [
      'Foreign Minister Sergei Lavrov told a radio station that sanctions make any dialogue on a peace treaty with Tokyo impossible for now.',
      'His ministry has said the same since March 2022, when Moscow walked away from the negotiations over the islands.',
    ],
  },
  'analysis-why-the-treaty-talks-stalled': {
    date: '2024-06-04T06:00:00+09:00',
    paragraphs: [
      'Five years of summits produced joint economic projects on the islands but no peace treaty, and the projects have since been abandoned.',
      'Officials on both sides describe the negotiations as frozen, with no date set for a new round of talks between the foreign ministries.',
    ],
  },
};

const OFF_TOPIC_TEXT = [
  'Officials said the measures would be reviewed at the end of the season, and residents were asked to follow local announcements.',
  'The ministry gave no figures, but local businesses described the past week as one of the busiest of the year so far.',
];

/** An article page as a CMS renders it: chrome around an `<article>` with its metadata. */
export function storyPage(path: string): string {
  const slug = path.split('/').filter(Boolean).pop() ?? path;
  const story = STORY_TEXT[slug];
  const date = story?.date ?? `${path.slice(1, 11).replaceAll('/', '-')}T08:00:00Z`;
  const title = slug.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
  const paragraphs = (story?.paragraphs ?? OFF_TOPIC_TEXT).map((text) => `<p>${text}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Northern Ledger</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Northern Ledger">
<meta property="article:published_time" content="${date}">
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body><header class="site-header"><nav><a href="/world/">World</a> <a href="/politics/">Politics</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Aiko Tanaka</p>
${paragraphs}
</article>
<aside class="related"><h2>Related</h2><a href="${SECTION_STORIES[4]}">Analysis: why the treaty talks stalled</a></aside></main>
<footer class="site-footer"><a href="/about/">About us</a></footer></body></html>`;
}

/** A page or document that answers a conditional GET with its ETag by a 304. */
export function withEtag(body: string | Buffer, etag: string, type = 'text/html; charset=utf-8'): RouteHandler {
  return (request, response) => {
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': type, etag }).end(body);
  };
}

/** A topic page rendered in the browser: no listing in its HTML, only the feed it advertises (relative href). */
export const TOPIC_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kuril Islands | The Northern Ledger</title>
<link rel="alternate" type="application/rss+xml" title="The Northern Ledger" href="/feed.xml">
<link rel="alternate" type="application/rss+xml" title="Kuril Islands" href="feed.xml">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/tags/7"></head>
<body><div id="app">Loading…</div><script src="/static/app.js"></script></body></html>`;

export const TOPIC_FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kuril Islands</title><link>/topics/kuril-islands/</link>
<item><title>Putin says no peace treaty talks unless Japan changes course on Ukraine</title><link>${SECTION_STORIES[0]}</link><pubDate>Thu, 06 Jun 2024 00:30:00 GMT</pubDate></item>
<item><title>Kishida rules out concessions on the Northern Territories</title><link>${SECTION_STORIES[1]}</link><pubDate>Wed, 05 Jun 2024 09:00:00 GMT</pubDate></item>
</channel></rss>`;

/** A sitemap index: the news sitemap (undated, as many list it), this month's (gzip), and an old month's. */
export const SITEMAP_INDEX = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>/sitemaps/news.xml</loc></sitemap>
  <sitemap><loc>/sitemaps/2024-06.xml.gz</loc><lastmod>2024-06-06T10:00:00Z</lastmod></sitemap>
  <sitemap><loc>/sitemaps/2019-01.xml</loc><lastmod>2019-02-01T00:00:00Z</lastmod></sitemap>
</sitemapindex>`;

const newsEntry = (path: string, published: string) => `<url><loc>${path}</loc><news:news>
  <news:publication><news:name>The Northern Ledger</news:name><news:language>en</news:language></news:publication>
  <news:publication_date>${published}</news:publication_date><news:title>${path.split('/')[4]?.replace(/-/g, ' ')}</news:title></news:news></url>`;

/** Two days of news (the window), then an older story the news sitemap still lists. */
export const NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${newsEntry(SECTION_STORIES[0], '2024-06-06T09:30:00+09:00')}
${newsEntry(SECTION_STORIES[1], '2024-06-05T18:00:00+09:00')}
${newsEntry(SECTION_STORIES[5], '2024-06-03T08:00:00Z')}
</urlset>`;

export const MONTH_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>${SECTION_STORIES[2]}</loc><lastmod>2024-06-05T09:10:00Z</lastmod></url>
  <url><loc>${SECTION_STORIES[7]}</loc><lastmod>2024-06-02T08:00:00Z</lastmod></url>
  <url><loc>/about/</loc></url>
</urlset>`;

/** The clock the sitemap tests read "recent" by. */
export const SITEMAP_NOW = new Date('2024-06-06T12:00:00Z');

/** Every route of the site; robots.txt keeps crawlers out of one story. */
export function newsSiteRoutes(): Record<string, Route> {
  const routes: Record<string, Route> = {
    '/robots.txt': { type: 'text/plain', body: `User-agent: *\nDisallow: ${SECTION_STORIES[6]}\n` },
    '/world/': withEtag(SECTION_FRONT, '"front-1"'),
    '/topics/kuril-islands/': withEtag(TOPIC_PAGE, '"topic-1"'),
    '/topics/kuril-islands/feed.xml': withEtag(TOPIC_FEED, '"topic-feed-1"', 'application/rss+xml'),
    '/feed.xml': { type: 'application/rss+xml', body: '<rss version="2.0"><channel><title>Everything</title></channel></rss>' },
    '/sitemap.xml': { type: 'application/xml', body: SITEMAP_INDEX },
    '/sitemaps/news.xml': { type: 'application/xml', body: NEWS_SITEMAP },
    '/sitemaps/2024-06.xml.gz': { type: 'application/x-gzip', body: gzipSync(MONTH_SITEMAP) },
    '/sitemaps/2019-01.xml': { type: 'application/xml', body: MONTH_SITEMAP },
  };
  for (const path of [...SECTION_STORIES, ...NOT_LISTED]) routes[path] = withEtag(storyPage(path), `"${path}"`);
  return routes;
}
