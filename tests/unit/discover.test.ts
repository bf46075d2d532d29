import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverPage, isArticleShaped, MAX_LINKS_PER_INDEX_PAGE } from '../../shared/fetch/index.js';
import { SECTION_FRONT, SECTION_STORIES } from '../helpers/news-site.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
const pathsOf = (links: Array<{ url: string }>) => links.map((link) => new URL(link.url).pathname);

describe('link discovery on an index page', () => {
  const page = discoverPage(SECTION_FRONT, 'https://ledger.example/world/');

  it('takes the ten stories of a section front, in page order, and calls the page no article', () => {
    expect(page.isArticle).toBe(false);
    expect(pathsOf(page.links)).toEqual(SECTION_STORIES);
  });

  it('leaves out the nav, the most-read box, the promo, pagination, "you may also like", share links and the footer', () => {
    const taken = page.links.map((link) => link.url).join(' ');
    for (const left of ['how-we-cover-the-summit', 'heatwave-grips-tokyo', 'yen-slides', 'weekend-edition', 'may-summit-in-review', 'hikes-on-hokkaido', 'corrections-and-clarifications', 'facebook.com', 'twitter.com', 'mailto:', '/live/', '/tag/']) {
      expect(taken).not.toContain(left);
    }
  });

  it('names each story by its headline and dates it by its card’s <time>', () => {
    expect(page.links[0]).toEqual({
      url: 'https://ledger.example/2024/06/06/putin-says-no-peace-treaty-talks-unless-japan-changes-course/',
      title: 'Putin says no peace treaty talks unless Japan changes course on Ukraine',
      publishedAt: '2024-06-06T00:30:00.000Z',
    });
    expect(page.links[4]).toEqual({ url: expect.stringContaining('why-the-treaty-talks-stalled'), title: 'Analysis: why the treaty talks stalled' });
  });

  it('reads a WordPress tag page: headlines inside each post’s own <header>, not the blog’s sidebar or menu', () => {
    const tag = discoverPage(fixture('tag-page-wordpress.html'), 'https://islands.example/tag/northern-territories/');
    expect(tag.isArticle).toBe(false);
    expect(tag.feeds).toEqual([]);
    expect(pathsOf(tag.links)).toEqual([
      '/2024/06/05/tokyo-protests-russian-drills-near-etorofu/',
      '/2024/06/01/the-forgotten-cemeteries-of-shikotan/',
      '/2024/05/28/putin-visits-kunashir-power-plant/',
    ]);
    expect(tag.links[0]?.publishedAt).toBe('2024-06-04T23:12:00.000Z');
  });

  it('reads a search result list whose URLs carry story ids and whose entries quote the text', () => {
    const results = Array.from(
      { length: 4 },
      (_, i) => `<li class="result"><a href="/news/world-asia-6881234${i}">Treaty talks stall again, report ${i + 1}</a>
        <p>… the <b>peace treaty</b> remains unsigned, officials said …</p></li>`,
    ).join('');
    const search = discoverPage(
      `<html><body><form role="search"><input name="q" value="peace treaty"></form><h1>Results for “peace treaty”</h1><ol class="results">${results}</ol>
       <a href="/search?q=peace+treaty&page=2">Next results page</a></body></html>`,
      'https://wire.example/search?q=peace+treaty',
    );
    expect(pathsOf(search.links)).toEqual(['/news/world-asia-68812340', '/news/world-asia-68812341', '/news/world-asia-68812342', '/news/world-asia-68812343']);
  });

  it(`takes at most ${MAX_LINKS_PER_INDEX_PAGE} links of a long listing, the first ones`, () => {
    const cards = Array.from({ length: 45 }, (_, i) => `<article><h3><a href="/2024/06/01/story-number-${i}-of-the-day/">Story number ${i} of the day</a></h3></article>`);
    const long = discoverPage(`<html><body><main>${cards.join('')}</main></body></html>`, 'https://ledger.example/latest/');
    expect(long.links).toHaveLength(MAX_LINKS_PER_INDEX_PAGE);
    expect(long.links[0]?.url).toContain('story-number-0-');
  });

  it('keeps an article page an article, whatever it links to and whatever feed it advertises', () => {
    const article = discoverPage(fixture('article-with-related.html'), 'https://ledger.example/2024/06/06/putin-says-no-peace-treaty-talks-unless-japan-changes-course/');
    expect(article.isArticle).toBe(true);
    expect(article.feeds).toEqual(['https://ledger.example/feed.xml']);
  });

  it('keeps a short article with article markup an article', () => {
    const short = discoverPage(
      `<html><head><meta property="article:published_time" content="2024-06-06T09:00:00Z"></head><body><p>Putin spoke briefly.</p>
       ${SECTION_STORIES.slice(0, 4).map((path) => `<p><a href="${path}">${path.split('/')[4]?.replace(/-/g, ' ')}</a></p>`).join('')}</body></html>`,
      'https://ledger.example/2024/06/06/brief/',
    );
    expect(short.isArticle).toBe(true);
  });

  it('does not read the JSON-LD list of a section front as an article of its own', () => {
    expect(SECTION_FRONT).toContain('"@type":"NewsArticle"');
    expect(page.isArticle).toBe(false);
  });
});

describe('feed autodiscovery', () => {
  const head = (links: string, base = '') => `<html><head>${base}${links}</head><body><p>Loading…</p></body></html>`;

  it('resolves the advertised feeds against the page, in page order, RSS, Atom and JSON Feed', () => {
    const page = discoverPage(
      head(
        '<link rel="alternate" type="application/rss+xml" href="../feed.rss"><link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://other.example/atom.xml"><link rel="alternate" type="application/feed+json" href="/feed.json">',
      ),
      'https://ledger.example/world/asia/',
    );
    expect(page.feeds).toEqual(['https://ledger.example/world/feed.rss', 'https://other.example/atom.xml', 'https://ledger.example/feed.json']);
  });

  it('prefers a feed under the page’s own path (the section’s feed on its front)', () => {
    const page = discoverPage(
      head('<link rel="alternate" type="application/rss+xml" href="/feed/"><link rel="alternate" type="application/rss+xml" href="/comments/feed/"><link rel="alternate" type="application/rss+xml" href="/world/feed/">'),
      'https://ledger.example/world/',
    );
    expect(page.feeds[0]).toBe('https://ledger.example/world/feed/');
  });

  it('honours <base href>, and ignores stylesheets, REST API links and the page itself', () => {
    const page = discoverPage(
      head(
        '<link rel="stylesheet" type="text/css" href="/site.css"><link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2"><link rel="alternate" type="application/rss+xml" href="https://ledger.example/world/"><link rel="alternate" type="application/rss+xml" href="rss.xml">',
        '<base href="https://cdn.ledger.example/feeds/">',
      ),
      'https://ledger.example/world/',
    );
    expect(page.feeds).toEqual(['https://cdn.ledger.example/feeds/rss.xml']);
  });
});

describe('what an article URL looks like', () => {
  const shaped = (url: string) => isArticleShaped(new URL(url));

  it.each([
    'https://a.example/2024/06/06/putin-talks/',
    'https://a.example/world/2024/06/treaty',
    'https://a.example/japantimes/2017-11-10-putin-links-peace-treaty.html',
    'https://a.example/news/world-europe-68812345',
    'https://a.example/article.php?id=1234567',
    'https://a.example/politics/putin-says-no-talks-with-japan',
  ])('takes %s for an article', (url) => expect(shaped(url)).toBe(true));

  it.each([
    'https://a.example/',
    'https://a.example/world/',
    'https://a.example/live-tv/',
    'https://a.example/tag/russia-japan-relations/',
    'https://a.example/author/aiko-tanaka-smith/',
    'https://a.example/world/page/2/',
    'https://a.example/2024/06/06/putin-talks/photo.jpg',
    'https://a.example/files/2024/06/report-on-the-talks.pdf',
  ])('does not take %s for an article', (url) => expect(shaped(url)).toBe(false));
});

describe('the golden pages of extraction', () => {
  const GOLDEN = new URL('../fixtures/pages/', import.meta.url);
  const slugs = readdirSync(GOLDEN).filter((slug) => existsSync(new URL(`${slug}/source.html`, GOLDEN)));
  const read = (slug: string) => discoverPage(readFileSync(new URL(`${slug}/source.html`, GOLDEN), 'utf8'), `https://example.com/${slug}/`);

  it('keeps every article page an article, related links, pagination and all', () => {
    const articles = slugs.filter((slug) => slug !== 'section-front-no-article');
    expect(articles.length).toBeGreaterThan(20);
    expect(articles.filter((slug) => !read(slug).isArticle)).toEqual([]);
  });

  it('reads the section front without an article for its five stories', () => {
    const front = read('section-front-no-article');
    expect(front.isArticle).toBe(false);
    expect(pathsOf(front.links)).toEqual(['rowing-club', 'harbour-swim', 'eastbay-fc', 'tennis-courts', 'marathon'].map((slug) => `/sport/2026/06/${slug}`));
  });
});
