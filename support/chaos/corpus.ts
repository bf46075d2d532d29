/**
 * The fixed coverage the chaos bench reads: three feeds on one loopback site, two watches sharing one.
 *
 * - `/a/feed.xml`: the five real seed articles as the bundled samples serve them (samples/sites);
 * - `/b/feed.xml`: the labelled labour and trade storylines (tests/fixtures/stances), one page each;
 * - `/wire/feed.xml`, read by both watches: exact syndicated copies (same paragraphs, another outlet's
 *   template and URL), near copies (a sign-off paragraph added), links back to `/b/` pages with tracking
 *   parameters (the same canonical URL), and two articles no watch wants.
 *
 * Every article page carries a `story` id: copies share their original's, so an archive can be compared
 * with another whichever copy happened to be read first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalizeUrl, contentHash } from '../../shared/dedupe/index.js';
import { extractArticle } from '../../shared/extract/index.js';
import { LABOUR_DIR, TRADE_DIR, loadStoryline } from '../stances/storyline.js';
import type { StanceFixture } from '../stances/make-fixture.js';
import type { ServedPage } from './flaky-web.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE_SITES = join(ROOT, 'samples', 'sites');

/** The sample pages, by path under `samples/sites`, with their feed dates. */
const SAMPLE_PAGES = [
  'japantimes/2017-11-10-putin-links-peace-treaty.html',
  'nikkei-asia/2019-03-15-putin-tempo-lost-peace-treaty.html',
  'japantimes/2019-06-06-putin-peace-treaty-challenging.html',
  'japantimes/2019-12-19-putin-japan-us-alliance-threat.html',
  'japan-forward/2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance.html',
] as const;

/** Which originals the wire carries again, and how. */
const WIRE = {
  /** Sample pages copied word for word under the wire's template. */
  exactTreaty: [0, 2, 4],
  /** Storyline articles (index into labour + trade) copied word for word. */
  exactDisputes: [0, 4, 6],
  /** Storyline articles copied with a sign-off paragraph added: near-duplicates (60 words or more). */
  nearDisputes: [5, 7],
  /** Storyline articles linked with tracking parameters: the same canonical URL as the original. */
  trackedDisputes: [1, 3],
} as const;

const SIGN_OFF = 'This report was distributed by the Example Wire syndication desk to member newspapers and may be edited for length.';

const IRRELEVANT: StanceFixture[] = [
  {
    id: 'weather',
    outlet: 'Example Wire',
    publishedAt: '2025-02-02',
    url: 'https://wire.example/weather-front',
    title: 'A cold front brings snow to the coast',
    paragraphs: [
      'A cold front will bring heavy snow to the coast on Sunday, forecasters said, with up to 30 centimetres expected on higher ground.',
      'Motorists were advised to carry chains and to check road reports before setting out.',
    ],
  },
  {
    id: 'football',
    outlet: 'Example Wire',
    publishedAt: '2025-02-03',
    url: 'https://wire.example/cup-final',
    title: 'Harbour City win the cup after extra time',
    paragraphs: [
      'Harbour City won the cup final 2-1 after extra time, their first trophy in eleven years.',
      'The winning goal came from a corner in the 112th minute, to the delight of the travelling supporters.',
    ],
  },
];

export interface CorpusArticle {
  /** Path on the site, with any query string the feed links with. */
  path: string;
  canonicalUrl: string;
  /** Copies share their original's story. */
  story: string;
}

export interface Corpus {
  pages: Map<string, ServedPage>;
  articles: CorpusArticle[];
  /** The story of a canonical URL (an archived article's `canonicalUrl`). */
  storyOf(canonicalUrl: string): string | undefined;
  /** Watches as the config file would list them. */
  watches: Array<{ id: string; name: string; keywords: string[]; speakers: string[]; sources: Array<{ url: string }> }>;
}

/** Builds the site for a server at `baseUrl` (feeds link to absolute URLs). */
export function buildCorpus(baseUrl: string): Corpus {
  const pages = new Map<string, ServedPage>();
  const articles: CorpusArticle[] = [];
  const add = (path: string, body: string, story: string, contentType = 'text/html; charset=utf-8') => {
    pages.set(path.split('?')[0], { body, contentType });
    const extracted = extractArticle({ url: `${baseUrl}${path}`, body, contentType });
    articles.push({ path, canonicalUrl: canonicalizeUrl(extracted.canonicalUrl || extracted.url), story });
    return extracted;
  };

  const treaty = SAMPLE_PAGES.map((path) => add(`/a/${path}`, readFileSync(join(SAMPLE_SITES, path), 'utf8'), `treaty:${path.slice(path.indexOf('/') + 1, path.indexOf('/') + 11)}`));
  pages.set('/a/feed.xml', { body: readFileSync(join(SAMPLE_SITES, 'feed.xml'), 'utf8'), contentType: 'application/atom+xml; charset=utf-8' });

  const storylines = [...loadStoryline(LABOUR_DIR), ...loadStoryline(TRADE_DIR)];
  const originals = storylines.map((fixture) => {
    const path = `/b/${fixture.id}.html`;
    add(path, renderPage(fixture, fixture.url, OUTLET_TEMPLATE), fixture.id);
    return { fixture, path };
  });
  pages.set('/b/feed.xml', { body: renderRss('Storylines', baseUrl, originals), contentType: 'application/rss+xml; charset=utf-8' });

  const wire: Array<{ fixture: StanceFixture; path: string }> = [];
  const copy = (fixture: StanceFixture, story: string, slug: string, paragraphs: string[]) => {
    const copied = { ...fixture, id: slug, outlet: 'Example Wire', paragraphs };
    const path = `/wire/${slug}.html`;
    add(path, renderPage(copied, `https://wire.example/${slug}`, WIRE_TEMPLATE), story);
    wire.push({ fixture: copied, path });
  };
  for (const index of WIRE.exactTreaty) {
    const original = treaty[index];
    const fixture = { id: `treaty-${index}`, outlet: 'Example Wire', publishedAt: original.publishedAt?.slice(0, 10) ?? '2019-01-01', url: '', title: original.title, paragraphs: original.paragraphs };
    copy(fixture, articles[index].story, `copy-treaty-${index}`, original.paragraphs);
    assertSameText(original.text, wire[wire.length - 1].path, pages, baseUrl);
  }
  for (const index of WIRE.exactDisputes) copy(storylines[index], storylines[index].id, `copy-${storylines[index].id}`, storylines[index].paragraphs);
  for (const index of WIRE.nearDisputes) copy(storylines[index], storylines[index].id, `near-${storylines[index].id}`, [...storylines[index].paragraphs, SIGN_OFF]);
  for (const index of WIRE.trackedDisputes) {
    const path = `${originals[index].path}?utm_source=wire&utm_medium=feed`;
    articles.push({ path, canonicalUrl: articles[SAMPLE_PAGES.length + index].canonicalUrl, story: storylines[index].id });
    wire.push({ fixture: storylines[index], path });
  }
  for (const fixture of IRRELEVANT) copy(fixture, fixture.id, fixture.id, fixture.paragraphs);
  pages.set('/wire/feed.xml', { body: renderRss('Example Wire', baseUrl, wire), contentType: 'application/rss+xml; charset=utf-8' });

  const stories = new Map(articles.map((article) => [article.canonicalUrl, article.story]));
  return {
    pages,
    articles,
    storyOf: (canonicalUrl) => stories.get(canonicalUrl),
    watches: [
      {
        id: 'treaty',
        name: 'Russia–Japan peace treaty',
        keywords: ['peace treaty'],
        speakers: ['Vladimir Putin'],
        sources: [{ url: `${baseUrl}/a/feed.xml` }, { url: `${baseUrl}/wire/feed.xml` }],
      },
      {
        id: 'disputes',
        name: 'Strikes and trade talks',
        keywords: ['strike', 'beef', 'pilots'],
        speakers: ['Kari Lund', 'Ole Berg', 'Helen Marsh', 'Pieter Vos'],
        sources: [{ url: `${baseUrl}/b/feed.xml` }, { url: `${baseUrl}/wire/feed.xml` }],
      },
    ],
  };
}

/** The corpus only means what it says if an "exact copy" extracts to the original's very text. */
function assertSameText(text: string, path: string, pages: Map<string, ServedPage>, baseUrl: string): void {
  const copy = extractArticle({ url: `${baseUrl}${path}`, body: pages.get(path)!.body, contentType: 'text/html' });
  if (contentHash(copy.text) !== contentHash(text)) throw new Error(`Chaos corpus: ${path} does not extract to its original's text`);
}

interface Template {
  nav: string;
  footer: string;
}

const OUTLET_TEMPLATE: Template = {
  nav: '<nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/aviation">Aviation</a> <a href="/trade">Trade</a></nav>',
  footer: '<footer><p>Subscribe to our newsletter for the day’s business news.</p><p>© 2025 Storyline Media</p></footer>',
};

const WIRE_TEMPLATE: Template = {
  nav: '<nav><a href="/">Wire</a> <a href="/latest">Latest</a> <a href="/world">World</a></nav>',
  footer: '<footer><p>Example Wire content is licensed to member newspapers.</p></footer>',
};

function renderPage(fixture: StanceFixture, canonicalUrl: string, template: Template): string {
  const title = escapeHtml(fixture.title ?? fixture.paragraphs[0].slice(0, 80));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${escapeHtml(fixture.outlet)}</title>
<link rel="canonical" href="${canonicalUrl}"><meta property="og:site_name" content="${escapeHtml(fixture.outlet)}">
<meta property="og:title" content="${title}"><meta property="article:published_time" content="${fixture.publishedAt}T08:00:00Z"></head>
<body><header>${template.nav}</header><main><article><h1>${title}</h1>
${fixture.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</article></main>${template.footer}</body></html>`;
}

function renderRss(title: string, baseUrl: string, entries: Array<{ fixture: StanceFixture; path: string }>): string {
  const items = entries.map(
    ({ fixture, path }) =>
      `<item><title>${escapeHtml(fixture.title ?? fixture.id)}</title><link>${escapeHtml(`${baseUrl}${path}`)}</link><guid>${escapeHtml(`${baseUrl}${path}`)}</guid><pubDate>${new Date(`${fixture.publishedAt}T08:00:00Z`).toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeHtml(title)}</title><link>${baseUrl}/</link><description>${escapeHtml(title)}</description>${items.join('')}</channel></rss>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
