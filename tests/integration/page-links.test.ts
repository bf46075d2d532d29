import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalRuntime, type LocalRuntime } from '../../bin/local-runtime.js';
import { startSampleServer, type SampleServer } from '../../bin/sample-server.js';
import { canonicalizeUrl, contentHash } from '../../shared/dedupe/index.js';
import { runPass, stderrLog } from '../../shared/pipeline/index.js';
import { hashKey } from '../../shared/store/index.js';

const WATCH = 'treaty';
/** As the outlet publishes it: plain http, `www.`, a trailing slash. Normalising any of it breaks the link. */
const PUBLISHED = 'http://www.treaty-news.example/politics/putin-treaty/';

function page(title: string, head: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}</article></body></html>`;
}

const SITE: Record<string, string> = {
  'canonical.html': page('Putin sets condition', `<link rel="canonical" href="${PUBLISHED}"><meta property="og:site_name" content="Treaty News">`, [
    'Russian President Vladimir Putin said Russia will not sign a peace treaty with Japan unless Tokyo first ends its sanctions.',
    'The two countries have never signed a peace treaty since the end of World War II because of a dispute over islands.',
  ]),
  'no-canonical.html': page('Lavrov on talks', '', [
    'Foreign Minister Sergei Lavrov said Moscow would only discuss a peace treaty once Japan stopped its military drills near the islands.',
    'Japanese diplomats have repeatedly said the dispute over the islands must be settled before any peace treaty is signed.',
  ]),
  'old.html': page('Archived long ago', '<link rel="canonical" href="http://old-news.example/story">', [
    'Prime Minister Fumio Kishida said Japan will not sign a peace treaty unless the islands question is settled first.',
    'He added that talks on a peace treaty would resume once Russia ended its war in Ukraine, officials said on Monday.',
  ]),
};

describe('links to articles go to the pages as published', () => {
  let site: string;
  let server: SampleServer;
  let dataDir: string;
  let runtime: LocalRuntime;
  const fetched = (path: string) => `${server.baseUrl}/${path}`;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'stancewatch-links-'));
    for (const [path, body] of Object.entries(SITE)) writeFileSync(join(site, path), body);
    writeFileSync(
      join(site, 'feed.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>http://www.treaty-news.example/</link>
${Object.keys(SITE).map((path) => `<item><link>${path}</link></item>`).join('\n')}</channel></rss>`,
    );
    server = await startSampleServer(site);
    dataDir = mkdtempSync(join(tmpdir(), 'stancewatch-links-data-'));
    const config = join(dataDir, 'watches.json');
    writeFileSync(config, JSON.stringify({ watches: [{ id: WATCH, name: 'Peace treaty', keywords: ['peace treaty'], sources: [{ url: fetched('feed.xml') }] }] }));
    runtime = await openLocalRuntime({ config, dataDir, readsSources: true, printDigests: false, log: stderrLog('silent') });

    // An article archived before the page's own URL was kept: its item has only the normalised and fetched URLs.
    const oldKey = hashKey(canonicalizeUrl('http://old-news.example/story'));
    await runtime.deps.store.putArticleIfAbsent({
      urlKey: oldKey,
      canonicalUrl: canonicalizeUrl('http://old-news.example/story'),
      url: fetched('old.html'),
      title: 'Archived long ago',
      contentHash: contentHash('An earlier text of the story.'),
      text: 'An earlier text of the story.',
      firstSeenAt: '2020-01-01T00:00:00.000Z',
      lastSeenAt: '2020-01-01T00:00:00.000Z',
    });
    expect((await runtime.deps.store.getArticle(oldKey))?.pageUrl).toBeUndefined();
    expect((await runPass(runtime.deps, 'run-1')).failures).toEqual([]);
  });

  afterAll(async () => {
    await runtime?.close();
    await server?.close();
    rmSync(site, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the canonical URL as published, and the fetched URL of a page that names none, beside the normalised key', async () => {
    const article = await runtime.deps.store.getArticle(hashKey(canonicalizeUrl(PUBLISHED)));
    expect(article).toMatchObject({ canonicalUrl: 'https://treaty-news.example/politics/putin-treaty', pageUrl: PUBLISHED, url: fetched('canonical.html') });
    const plain = await runtime.deps.store.getArticle(hashKey(canonicalizeUrl(fetched('no-canonical.html'))));
    expect(plain).toMatchObject({ canonicalUrl: canonicalizeUrl(fetched('no-canonical.html')), pageUrl: fetched('no-canonical.html') });
    expect(plain?.canonicalUrl).toMatch(/^https:/);
  });

  it('lists articles and statements in `query` with the pages’ own URLs', async () => {
    const links = await runtime.queries.articles({ watchId: WATCH });
    expect(links.map((link) => link.url).sort()).toEqual([PUBLISHED, fetched('no-canonical.html'), 'http://old-news.example/story'].sort());
    const statements = await runtime.queries.statements({ watchId: WATCH });
    expect(new Set(statements.map((statement) => statement.url))).toEqual(new Set([PUBLISHED, fetched('no-canonical.html'), 'http://old-news.example/story']));
  });

  it('gives an article archived before the field its page URL with its next revision', async () => {
    const old = await runtime.deps.store.getArticle(hashKey(canonicalizeUrl('http://old-news.example/story')));
    expect(old).toMatchObject({ pageUrl: 'http://old-news.example/story', revisionCount: 1 });
  });

  it('links the digest text, the outbox HTML and the Atom feed’s digest pages to the pages as published', () => {
    const outbox = join(dataDir, 'outbox');
    const files = readdirSync(outbox);
    const text = readFileSync(join(outbox, files.find((file) => file.endsWith('.txt'))!), 'utf8');
    const html = readFileSync(join(outbox, files.find((file) => file.endsWith('.html'))!), 'utf8');
    expect(text.split('\n')).toEqual(expect.arrayContaining([PUBLISHED, fetched('no-canonical.html')]));
    expect(html).toContain(`href="${PUBLISHED}"`);
    expect(html).toContain(`href="${fetched('no-canonical.html')}"`);
    for (const normalised of ['https://treaty-news.example/politics/putin-treaty', canonicalizeUrl(fetched('no-canonical.html'))]) {
      expect(text).not.toContain(normalised);
      expect(html).not.toContain(`href="${normalised}"`);
    }
    const feeds = join(dataDir, 'feeds');
    expect(readFileSync(join(feeds, `${WATCH}.xml`), 'utf8')).toContain('<entry>');
    const pages = readdirSync(join(feeds, WATCH)).map((file) => readFileSync(join(feeds, WATCH, file), 'utf8'));
    expect(pages.join('\n')).toContain(`href="${PUBLISHED}"`);
  });
});
