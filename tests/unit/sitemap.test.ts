import { describe, expect, it } from 'vitest';
import { analyzeSitemap, MAX_SITEMAP_URLS, recentSitemapItems, SITEMAP_RECENT_WINDOW_MS } from '../../shared/fetch/index.js';

const NOW = new Date('2024-06-06T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

const NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://ledger.example/2024/06/06/putin-says-no-peace-treaty-talks/</loc>
    <news:news>
      <news:publication><news:name>The Northern Ledger</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-06-06T09:30:00+09:00</news:publication_date>
      <news:title>Putin says no peace treaty talks unless Japan changes course &amp; more</news:title>
    </news:news>
  </url>
  <url><loc>https://ledger.example/2024/06/05/kishida-rules-out-concessions/</loc><lastmod>2024-06-05</lastmod></url>
  <url><loc>https://ledger.example/2024/05/01/old-story/</loc><lastmod>2024-05-01T08:00:00Z</lastmod></url>
  <url><loc>https://ledger.example/about/</loc></url>
  <url><loc>javascript:alert(1)</loc><lastmod>2024-06-06</lastmod></url>
</urlset>`;

describe('sitemaps', () => {
  it('reads a Google News sitemap: publication date, title, and lastmod where there is no news entry', () => {
    const analysis = analyzeSitemap(NEWS_SITEMAP, 'https://ledger.example/sitemap-news.xml');
    expect(analysis.sitemap).toEqual({
      kind: 'urlset',
      urls: [
        {
          url: 'https://ledger.example/2024/06/06/putin-says-no-peace-treaty-talks/',
          publishedAt: '2024-06-06T00:30:00.000Z',
          title: 'Putin says no peace treaty talks unless Japan changes course & more',
        },
        { url: 'https://ledger.example/2024/06/05/kishida-rules-out-concessions/', publishedAt: '2024-06-05T00:00:00.000Z' },
        { url: 'https://ledger.example/2024/05/01/old-story/', publishedAt: '2024-05-01T08:00:00.000Z' },
        { url: 'https://ledger.example/about/' },
      ],
    });
  });

  it('reads the news namespace under any prefix', () => {
    const other = NEWS_SITEMAP.replaceAll('news:', 'n:').replace('xmlns:news=', 'xmlns:n=');
    expect(analyzeSitemap(other, 'https://ledger.example/').sitemap).toEqual(analyzeSitemap(NEWS_SITEMAP, 'https://ledger.example/').sitemap);
  });

  it(`takes only URLs dated within ${SITEMAP_RECENT_WINDOW_MS / 3_600_000} hours, newest first, and no undated one`, () => {
    const analysis = analyzeSitemap(NEWS_SITEMAP, 'https://ledger.example/');
    const urls = analysis.sitemap?.kind === 'urlset' ? analysis.sitemap.urls : [];
    expect(recentSitemapItems(urls, NOW).map((item) => item.url)).toEqual([
      'https://ledger.example/2024/06/06/putin-says-no-peace-treaty-talks/',
      'https://ledger.example/2024/06/05/kishida-rules-out-concessions/',
    ]);
  });

  it(`takes at most ${MAX_SITEMAP_URLS} URLs, the newest`, () => {
    const urls = Array.from({ length: MAX_SITEMAP_URLS + 30 }, (_, i) => ({ url: `https://ledger.example/story-${i}`, publishedAt: hoursAgo(i / 2) }));
    const items = recentSitemapItems(urls, NOW);
    expect(items).toHaveLength(MAX_SITEMAP_URLS);
    expect(items[0]?.url).toBe('https://ledger.example/story-0');
  });

  it('reads a sitemap index and its children’s dates', () => {
    const index = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sitemaps/news.xml</loc></sitemap><sitemap><loc>/sitemaps/2024-06.xml.gz</loc><lastmod>2024-06-06T08:00:00Z</lastmod></sitemap></sitemapindex>`;
    expect(analyzeSitemap(index, 'https://ledger.example/sitemap.xml').sitemap).toEqual({
      kind: 'index',
      sitemaps: [{ url: 'https://ledger.example/sitemaps/news.xml' }, { url: 'https://ledger.example/sitemaps/2024-06.xml.gz', publishedAt: '2024-06-06T08:00:00.000Z' }],
    });
  });

  it('says why a document is not a sitemap, and never expands a DOCTYPE entity', () => {
    expect(analyzeSitemap('<rss><channel></channel></rss>', 'https://x.example/').problem).toBe('its root element is not <urlset> or <sitemapindex>');
    expect(analyzeSitemap('<urlset><url><loc>https://x.example/a</loc></urlset>', 'https://x.example/').problem).toMatch(/not well-formed XML/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "https://evil.example/">]><urlset><url><loc>&a;story</loc><lastmod>2024-06-06</lastmod></url></urlset>`;
    const read = analyzeSitemap(laughs, 'https://x.example/');
    const urls = read.sitemap?.kind === 'urlset' ? read.sitemap.urls.map((entry) => entry.url) : [];
    expect(urls).toEqual(['https://x.example/&a;story']);
  });
});
