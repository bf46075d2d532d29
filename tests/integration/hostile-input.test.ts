import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio/slim';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../shared/config/index.js';
import { ConfigError } from '../../shared/errors/index.js';
import { defaultFetchOptions, readSource } from '../../shared/fetch/index.js';
import type { DigestNotifier, OutgoingDigest } from '../../shared/notify/index.js';
import { processSource, runPass, stderrLog, type PipelineDeps } from '../../shared/pipeline/index.js';
import type { PassReport } from '../../shared/pipeline/types.js';
import { dynamoArchive, hashKey, type ArchivedArticle, type WatchArticleLink } from '../../shared/store/index.js';
import { MAX_PLAIN_TEXT_BYTES, MAX_STORED_TEXT_BYTES } from '../../shared/store/limits.js';
import { useTestTable } from '../helpers/dynamo.js';
import { useSite } from '../helpers/web.js';

const GOOD_PAGE = new URL('../../samples/sites/japan-forward/2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance.html', import.meta.url);
const GOOD_STATEMENT = 'Japan first needs to change its position on the war in Ukraine';
const CONTEXT = 'The two countries have not signed a peace treaty since the war ended in 1945, and talks have stalled for years.';
const CONDITION = 'Putin said Russia will not resume peace treaty talks unless Japan lifts its sanctions first.';
/** Markup an attacker puts in a headline and in a quote; the page escapes it in the quote, so it is text there. */
const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(1)>';
const INJECTED_QUOTE = `Putin said Moscow would sign the peace treaty only if Tokyo first stopped hosting American missiles ${SCRIPT} ${IMAGE} on its soil.`;
const LATIN_TEXT = '“Café owners” near the naval base said the peace treaty would help business, the mayor reported.';
/** The fetcher's default cap; the pages around it are sized against it. */
const FETCH_CAP = defaultFetchOptions().maxBytes;

function page(title: string, paragraphs: string[], head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><article><h1>${title}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article></body></html>`;
}

/** A single paragraph just under `bytes`: the condition first, then words and no full stop. */
function oneParagraphPage(bytes: number): string {
  const shell = page('One endless paragraph', ['']);
  const filler = 'and the delegation kept talking about fishing quotas visas and joint projects ';
  return shell.replace('<p></p>', `<p>${CONDITION} ${filler.repeat(Math.floor((bytes - shell.length - CONDITION.length) / filler.length))}</p>`);
}

interface Served {
  type: string;
  body: string | Buffer;
}

/** Each bad input of issue #7 at its own path, and one good article; `feed.xml` lists them, the good one newest. */
function hostileSite(): Record<string, Served> {
  const html = (body: string | Buffer, type = 'text/html; charset=utf-8'): Served => ({ type, body });
  const longBody = Array.from({ length: 5_000 }, (_, n) => `Paragraph ${n} of the transcript of the peace treaty hearing, where delegate ${n % 97} asked about item ${n * 7}.`);
  return {
    '/good.html': html(readFileSync(GOOD_PAGE)),
    '/truncated.html': html(
      `<!doctype html><html><head><title>Treaty talks, cut off</title></head><body><article><h1>Treaty talks</h1><p>${CONTEXT}</p><p>${CONDITION.replace('sanctions', 'trade sanctions')}</p><p>The talks were due to resume in Aug<a hre`,
    ),
    '/nested.html': html(`<!doctype html><html><body><article>${'<div>'.repeat(100_000)}<p>${CONTEXT} Nested too deep to parse naively.</p>`),
    '/empty.html': html(''),
    '/no-charset.html': html(iconv.encode(page('Café owners and the treaty', [LATIN_TEXT, CONTEXT]).replace('<meta charset="utf-8">', ''), 'windows-1252'), 'text/html'),
    '/wrong-charset.html': html(iconv.encode(page('Café owners and the treaty, again', [LATIN_TEXT.replace('mayor', 'governor'), CONTEXT]), 'windows-1252')),
    '/one-paragraph.html': html(oneParagraphPage(FETCH_CAP - 64 * 1024)),
    '/over-cap.html': html(oneParagraphPage(FETCH_CAP + 1024 * 1024)),
    '/long-body.html': html(page('The whole hearing on the peace treaty', longBody)),
    '/injection.html': html(
      page(`Putin ${SCRIPT} on the peace treaty`, [INJECTED_QUOTE.replace(/</g, '&lt;').replace(/>/g, '&gt;'), CONTEXT], `<meta property="og:title" content="Putin ${SCRIPT} ${IMAGE} on the peace treaty">`),
    ),
  };
}

function atomFeed(paths: string[]): string {
  const entries = paths.map(
    (path, index) => `<entry><title>${path}</title><link href="${path.slice(1)}"/><id>urn:${path}</id><updated>2024-06-${String(index + 1).padStart(2, '0')}T00:00:00Z</updated></entry>`,
  );
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile</title>${entries.join('')}</feed>`;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n || ''};`.repeat(10)}">`).join('\n  ')}
]>
<rss version="2.0"><channel><title>&lol9;</title>
  <item><title>&lol; &lol9;</title><link>LINK</link></item>
</channel></rss>`;

/** Entities past fast-xml-parser's bounds on a DOCTYPE (1,024 characters an entity). */
const OVERSIZED_ENTITY = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${'lol'.repeat(100_000)}">]><rss version="2.0"><channel><title>&big;</title></channel></rss>`;

const TRUNCATED_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>A</title><link>https://news.example/a</link></item><item><tit';

function recordingNotifier(): DigestNotifier & { sent: OutgoingDigest[] } {
  const sent: OutgoingDigest[] = [];
  return { name: 'recording', sent, deliver: async (digest) => (sent.push(digest), [`recorded:${digest.digestKey}`]) };
}

describe('a pass over a site of hostile inputs', () => {
  const table = useTestTable();
  const pages = hostileSite();
  const site = useSite(pages);
  let notifier: ReturnType<typeof recordingNotifier>;
  let deps: PipelineDeps;
  let report: PassReport;
  let links: WatchArticleLink[];
  const itemPaths = Object.keys(pages).filter((path) => path !== '/good.html');

  const url = (path: string) => `${site.origin}${path}`;
  const failureOf = (path: string) => report.failures.find((failure) => failure.url === url(path))?.error;
  const skipOf = (path: string) => report.skips.find((skip) => skip.url === url(path))?.reason;
  const archived = async (path: string): Promise<ArchivedArticle | undefined> => {
    // Archived under the canonical URL, which is https.
    const link = links.find((candidate) => new URL(candidate.url).pathname === path);
    return link && table.store.getArticle(link.urlKey);
  };

  beforeAll(async () => {
    // Added once the site has its port: the laughs feed links to its page by absolute URL.
    const feeds: Record<string, Served> = {
      '/feed.xml': { type: 'application/atom+xml', body: atomFeed([...itemPaths, '/good.html']) },
      '/laughs.xml': { type: 'application/rss+xml', body: BILLION_LAUGHS.replace('LINK', url('/weather.html')) },
      '/weather.html': { type: 'text/html', body: page('Weather', ['Rain is expected across the region tomorrow, with clearer skies later in the week.']) },
      '/oversized-entity.xml': { type: 'application/rss+xml', body: OVERSIZED_ENTITY },
      '/truncated.xml': { type: 'application/rss+xml', body: TRUNCATED_FEED },
    };
    for (const [path, served] of Object.entries(feeds)) site.routes.set(path, served);
    notifier = recordingNotifier();
    const watch = (id: string, path: string) => ({ id, name: id, keywords: ['peace treaty'], sources: [{ url: url(path) }] });
    deps = {
      config: parseConfig(
        { watches: [watch('hostile', '/feed.xml'), watch('laughs', '/laughs.xml'), watch('entity', '/oversized-entity.xml'), watch('cut-feed', '/truncated.xml')] },
        'test',
      ),
      store: table.store,
      notifiers: [notifier],
      fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true, respectRobots: false }),
      log: stderrLog('silent'),
      now: () => new Date('2026-11-23T10:00:00Z'),
    };
    report = await runPass(deps, 'hostile-1');
    links = await table.store.listArticles('hostile');
  }, 120_000);


  it('goes on past every bad input: the good article is archived with its statements', async () => {
    const good = links.find((link) => link.title === 'Putin says no talks with Japan unless it alters stance on Ukraine');
    expect(good).toBeDefined();
    expect((await table.store.getArticle(good!.urlKey))?.text).toContain(GOOD_STATEMENT);
    const statements = await table.store.listStatements('hostile', 'Putin');
    expect(statements.filter((statement) => statement.url === good!.url).map((statement) => statement.text)).toEqual(
      expect.arrayContaining([expect.stringContaining(GOOD_STATEMENT)]),
    );
  });

  it('reads what a truncated page holds up to the cut', async () => {
    expect(failureOf('/truncated.html')).toBeUndefined();
    const article = await archived('/truncated.html');
    expect(article?.text).toContain(CONTEXT);
    expect(report.stances.map((stance) => stance.text)).toContain(CONDITION.replace('sanctions', 'trade sanctions'));
  });

  it('reads a page of 100,000 unclosed <div>s quickly, nesting flattened', async () => {
    expect((await archived('/nested.html'))?.text).toContain('Nested too deep to parse naively.');
  });

  it('skips an empty page, saying it is empty, and records the reason on its fetch state', async () => {
    expect(skipOf('/empty.html')).toBe('No article on this page: it is empty (0 bytes, no text)');
    const state = await table.store.getUrlState(`${url('/empty.html')}`);
    expect(state?.lastSkipReason).toBe(skipOf('/empty.html'));
  });

  it('decodes windows-1252 bytes served with no charset, or labelled UTF-8, as windows-1252', async () => {
    expect((await archived('/no-charset.html'))?.text).toContain(LATIN_TEXT);
    expect((await archived('/wrong-charset.html'))?.text).toContain(LATIN_TEXT.replace('mayor', 'governor'));
  });

  it('reads the condition at the start of a single paragraph just under the fetch cap, the paragraph cut', async () => {
    expect(Buffer.byteLength(pages['/one-paragraph.html'].body)).toBeGreaterThan(FETCH_CAP - 128 * 1024);
    const article = await archived('/one-paragraph.html');
    expect(article?.text.startsWith(CONDITION)).toBe(true);
    expect(article!.text.length).toBeLessThanOrEqual(100_001);
    const statement = report.stances.find((stance) => new URL(stance.url).pathname === '/one-paragraph.html');
    expect(statement).toMatchObject({ text: CONDITION, kind: 'condition', speaker: 'Putin' });
  });

  it('fails a page over the fetch cap with the reason, and the run goes on', () => {
    expect(failureOf('/over-cap.html')).toMatch(new RegExp(`sent more than ${FETCH_CAP} bytes; download aborted`));
  });

  it('keeps a body over DynamoDB’s 400 KB item limit whole, compressed', async () => {
    const article = await archived('/long-body.html');
    expect(Buffer.byteLength(article!.text)).toBeGreaterThan(400_000);
    expect(article!.text.endsWith('asked about item 34993.')).toBe(true);
    expect(failureOf('/long-body.html')).toBeUndefined();
  });

  it('escapes markup from a title and a quote in the HTML digest, which still reads as text', () => {
    const digest = notifier.sent.find((sent) => sent.watchId === 'hostile');
    expect(digest).toBeDefined();
    const html = digest!.html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\sonerror\s*=/i);
    const $ = load(html);
    expect($('script, img').length).toBe(0);
    const quote = $('blockquote')
      .toArray()
      .map((element) => $(element).text())
      .find((text) => text.includes('American missiles'));
    expect(quote).toBe(INJECTED_QUOTE);
    expect($('body').text()).toContain(`Putin ${SCRIPT} ${IMAGE} on the peace treaty`);
  });

  it('reports no failure for any other item: each bad input ended as an article, a skip or one clear failure', () => {
    const itemFailures = report.failures.filter((failure) => failure.url.startsWith(site.origin) && !failure.url.endsWith('.xml'));
    expect(itemFailures.map((failure) => failure.url)).toEqual([url('/over-cap.html')]);
  });

  it('fails a feed cut off mid-element, naming the elements left open, and records it on the source', async () => {
    const failure = report.failures.find((candidate) => candidate.url === url('/truncated.xml'))?.error;
    expect(failure).toBe(
      `${url('/truncated.xml')} is served as application/rss+xml but is not an RSS, Atom or JSON feed: it is not well-formed XML (the document ends with <rss>, <channel>, <item>, <tit> still open: cut off or never finished); source skipped this run`,
    );
    const state = await table.store.getUrlState(`${url('/truncated.xml')}`);
    expect(state).toMatchObject({ consecutiveFailures: 1, lastError: failure });
  });

  it('reads a billion-laughs feed without expanding an entity: its entry is followed, its title stays literal', async () => {
    expect(report.failures.filter((failure) => failure.watch === 'laughs')).toEqual([]);
    expect(skipOf('/weather.html')).toMatch(/peace treaty/);
    const heapBefore = process.memoryUsage().heapUsed;
    const again = await processSource({ watchId: 'laughs', sourceUrl: url('/laughs.xml'), runId: 'hostile-2' }, deps);
    // Expanded, &lol9; is 10^9 × "lol": gigabytes. Unexpanded, the feed is a few hundred bytes.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    // Its entry was read on the first pass and is not due a revisit yet: passed over without a request.
    expect(again.failures).toEqual([]);
    expect(again.articles).toMatchObject({ fetched: 0, failed: 0 });
    const reading = await readSource(url('/laughs.xml'), deps.fetchOptions);
    expect(reading).toMatchObject({ kind: 'feed', title: '&lol9;', items: [{ url: url('/weather.html'), title: '&lol; &lol9;' }] });
  });

  it('fails a feed whose DOCTYPE entity is past the parser’s bounds, naming the entity', () => {
    expect(report.failures.find((candidate) => candidate.url === url('/oversized-entity.xml'))?.error).toMatch(
      /not an RSS, Atom or JSON feed: the XML parser refused it \(Entity "big" size \(300000\) exceeds maximum allowed size \(1024\)\)/,
    );
  });
});

describe('article text over DynamoDB’s 400 KB item limit', () => {
  const table = useTestTable();

  const article = (id: string, text: string): ArchivedArticle => ({
    urlKey: hashKey(id),
    canonicalUrl: `https://news.example/${id}`,
    url: `https://news.example/${id}`,
    title: id,
    contentHash: hashKey(text),
    text,
    firstSeenAt: '2026-11-23T00:00:00.000Z',
    lastSeenAt: '2026-11-23T00:00:00.000Z',
  });
  /** Prose-like text: compresses as news copy does. */
  const prose = (bytes: number) => {
    const paragraphs: string[] = [];
    for (let length = 0; length < bytes; length += paragraphs[paragraphs.length - 1].length + 2) {
      paragraphs.push(`Paragraph ${paragraphs.length}: the delegates discussed the treaty, item ${paragraphs.length * 13}.`);
    }
    return paragraphs.join('\n\n');
  };
  /** Words drawn from 50,000 random ones: gzip cannot bring 1 MB of it under the limit. */
  const incompressible = (bytes: number) => {
    const vocabulary = Array.from({ length: 50_000 }, () => Math.random().toString(36).slice(2, 2 + 3 + Math.floor(Math.random() * 7)));
    const words: string[] = [];
    for (let length = 0; length < bytes; length += words[words.length - 1].length + 1) words.push(vocabulary[Math.floor(Math.random() * vocabulary.length)]);
    return words.join(' ');
  };

  it('stores a 2 MB text and reads it back whole, also as a near-duplicate candidate', async () => {
    const text = prose(2_000_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2_000_000);
    expect(await table.store.putArticleIfAbsent(article('two-mb', text))).toBe('stored');
    expect((await table.store.getArticle(hashKey('two-mb')))?.text).toBe(text);
    const [candidate] = await dynamoArchive(table.client, table.tableName).getArticleTexts([hashKey('two-mb')]);
    expect(candidate).toEqual({ urlKey: hashKey('two-mb'), text, firstSeenAt: '2026-11-23T00:00:00.000Z' });
  });

  it('stores an incompressible 1 MB text without error, cut and marked as cut', async () => {
    const text = incompressible(1_000_000);
    expect(await table.store.putArticleIfAbsent(article('random', text))).toBe('stored');
    const stored = (await table.store.getArticle(hashKey('random'))) as ArchivedArticle & { textTruncated?: boolean };
    expect(stored.textTruncated).toBe(true);
    expect(Buffer.byteLength(stored.text)).toBeLessThanOrEqual(MAX_STORED_TEXT_BYTES);
    expect(text.startsWith(stored.text)).toBe(true);
    expect(stored.contentHash).toBe(hashKey(text));
  });

  it('moves a revised text between plain, compressed and cut forms, leaving no stale form behind', async () => {
    const short = 'A short first version about the treaty.';
    const original = article('revised', short);
    await table.store.putArticleIfAbsent(original);
    const versions = [prose(900_000), incompressible(1_000_000), short.replace('first', 'last')];
    let previous = original;
    for (const [index, text] of versions.entries()) {
      const next = { ...previous, text, contentHash: hashKey(text) };
      const seenAt = `2026-11-2${4 + index}T00:00:00.000Z`;
      const outcome = await table.store.reviseArticle(next, { urlKey: next.urlKey, seenAt, previousHash: previous.contentHash, contentHash: next.contentHash, diff: '' });
      expect(outcome).toBe('revised');
      const stored = (await table.store.getArticle(next.urlKey)) as ArchivedArticle & { textTruncated?: boolean; textGz?: unknown };
      expect(stored.textGz).toBeUndefined();
      expect(stored.textTruncated).toBe(index === 1 ? true : undefined);
      expect(index === 1 ? text.startsWith(stored.text) : stored.text === text).toBe(true);
      previous = next;
    }
  });

  it('keeps an ordinary article a plain string', async () => {
    const text = prose(MAX_PLAIN_TEXT_BYTES / 2);
    await table.store.putArticleIfAbsent(article('plain', text));
    expect((await table.store.getArticle(hashKey('plain')))?.text).toBe(text);
  });
});

describe('an invalid config', () => {
  const folder = mkdtempSync(join(tmpdir(), 'stancewatch-config-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  it('names the file and each bad field', () => {
    const path = write('watches.json', JSON.stringify({ watches: [{ id: 'Bad Id', name: 'x', keywords: [], sources: [{ url: 'ftp://example.com/feed' }] }] }));
    const error = (() => {
      try {
        loadConfigFile(path);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`${path}: watches[0].id: expected lowercase letters, digits and dashes`);
    expect(message).toContain(`${path}: watches[0].keywords:`);
    expect(message).toContain(`${path}: watches[0].sources[0].url: expected an http(s) or file URL`);
  });

  it('names the file of a config that is not JSON', () => {
    const path = write('broken.json', '{ "watches": [ ');
    expect(() => loadConfigFile(path)).toThrow(new RegExp(`^Config file ${path} is not valid JSON: `));
  });
});
