import { lookup } from 'node:dns/promises';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, type FetchFailureReason } from '../../shared/errors/index.js';
import {
  clearRobotsCache,
  defaultFetchOptions,
  fetchDocument,
  readSource,
  type FetchOptions,
  type HostResolver,
} from '../../shared/fetch/index.js';
import { startSite, type Site } from '../helpers/web.js';

/** Loopback servers are private addresses; most tests opt in and skip robots to stay focused. */
function localOptions(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return defaultFetchOptions({ allowPrivateNetwork: true, respectRobots: false, ...overrides });
}

async function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError, but the call succeeded');
}

async function expectFailure(promise: Promise<unknown>, reason: FetchFailureReason): Promise<FetchError> {
  const error = await failureOf(promise);
  expect(error.reason, error.message).toBe(reason);
  return error;
}

const FEED_ETAG = '"feed-v1"';
const FEED_LAST_MODIFIED = 'Mon, 03 Jun 2024 10:00:00 GMT';
const RSS_FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback News</title>
  <item><title>First</title><link>/news/first.html</link><pubDate>Mon, 03 Jun 2024 09:00:00 GMT</pubDate></item>
  <item><title>Second</title><link>https://elsewhere.example/second</link></item>
</channel></rss>`;
const HTML_PAGE = '<!doctype html><html><head><title>Loopback page</title></head><body><p>Hello</p></body></html>';
/** Enough chunks that the server cannot finish before the client gives up. */
const HUGE_BODY_CHUNKS = 800;
const CHUNK = Buffer.alloc(64 * 1024, 'a');
const SLOW_SERVER_DELAY_MS = 2_000;
const SHORT_TIMEOUT_MS = 200;

describe('fetchDocument and readSource against loopback servers', () => {
  let site: Site;
  let hugeBodyFinished = false;
  const pendingTimers = new Set<NodeJS.Timeout>();

  function later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      action();
    }, ms);
    pendingTimers.add(timer);
  }

  beforeAll(async () => {
    site = await startSite({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === FEED_ETAG) {
          res.writeHead(304, { etag: FEED_ETAG }).end();
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', etag: FEED_ETAG, 'last-modified': FEED_LAST_MODIFIED })
          .end(RSS_FEED);
      },
      '/feed-as-text': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(RSS_FEED),
      '/broken.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end('<rss><channel><title>x</channel>'),
      '/page.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_PAGE),
      '/image.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
      '/moved': (_req, res) => res.writeHead(301, { location: '/hop' }).end(),
      '/hop': (_req, res) => res.writeHead(302, { location: '/page.html' }).end(),
      '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
      '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
      '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        let sent = 0;
        const writeMore = () => {
          while (sent < HUGE_BODY_CHUNKS) {
            sent++;
            if (!res.write(CHUNK)) return void res.once('drain', writeMore);
          }
          hugeBodyFinished = true;
          res.end();
        };
        res.on('error', () => undefined);
        writeMore();
      },
      '/declared-huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) });
        res.write('<html>');
      },
      '/slow': (_req, res) => later(SLOW_SERVER_DELAY_MS, () => res.writeHead(200, { 'content-type': 'text/html' }).end(HTML_PAGE)),
      '/stalled-body': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>');
        later(SLOW_SERVER_DELAY_MS, () => res.end('</body></html>'));
      },
    });
  });

  afterAll(async () => {
    for (const timer of pendingTimers) clearTimeout(timer);
    await site.close();
  });

  describe('conditional GET', () => {
    it('returns the body and the ETag/Last-Modified validators on a first GET', async () => {
      const document = await fetchDocument(`${site.origin}/feed.xml`, localOptions());
      expect(document.status).toBe(200);
      expect(document.notModified).toBe(false);
      expect(document.body.toString('utf8')).toBe(RSS_FEED);
      expect(document.contentType).toBe('application/rss+xml');
      expect(document.validators).toEqual({ etag: FEED_ETAG, lastModified: FEED_LAST_MODIFIED });
    });

    it('reports notModified with an empty body when the server answers 304 to If-None-Match', async () => {
      const document = await fetchDocument(`${site.origin}/feed.xml`, localOptions(), { etag: FEED_ETAG });
      expect(document.status).toBe(304);
      expect(document.notModified).toBe(true);
      expect(document.body.length).toBe(0);
      expect(document.validators.etag).toBe(FEED_ETAG);
    });

    it('keeps the validators it sent when a 304 omits Last-Modified', async () => {
      const sent = { etag: FEED_ETAG, lastModified: FEED_LAST_MODIFIED };
      const document = await fetchDocument(`${site.origin}/feed.xml`, localOptions(), sent);
      expect(document.validators).toEqual(sent);
    });
  });

  describe('redirects', () => {
    it('follows a chain of redirects and reports the final URL', async () => {
      const document = await fetchDocument(`${site.origin}/moved`, localOptions());
      expect(document.requestedUrl).toBe(`${site.origin}/moved`);
      expect(document.url).toBe(`${site.origin}/page.html`);
      expect(document.body.toString('utf8')).toBe(HTML_PAGE);
    });

    it('gives up on a redirect loop with too-many-redirects after maxRedirects hops', async () => {
      const before = site.hitsOf('/loop-a');
      const error = await expectFailure(fetchDocument(`${site.origin}/loop-a`, localOptions({ maxRedirects: 3 })), 'too-many-redirects');
      expect(error.message).toContain('more than 3 times');
      expect(error.url).toBe(`${site.origin}/loop-a`);
      // First request plus three followed hops: a, b, a, b.
      expect(site.hitsOf('/loop-a') - before).toBe(2);
    });

    it('refuses a redirect from http to a file:// URL', async () => {
      const error = await expectFailure(fetchDocument(`${site.origin}/to-file`, localOptions()), 'bad-url');
      expect(error.message).toContain('file:///etc/passwd');
    });
  });

  describe('limits', () => {
    it('aborts a streamed body as soon as it passes maxBytes', async () => {
      const maxBytes = 256 * 1024;
      const error = await expectFailure(fetchDocument(`${site.origin}/huge`, localOptions({ maxBytes })), 'too-large');
      expect(error.message).toContain(`${maxBytes} bytes`);
      // The client hung up: the server never got to write all of its ~50 MB.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hugeBodyFinished).toBe(false);
    });

    it('refuses a body whose Content-Length is already over maxBytes without reading it', async () => {
      await expectFailure(fetchDocument(`${site.origin}/declared-huge`, localOptions({ maxBytes: 1024 })), 'too-large');
    });

    it('times out a server that does not answer within timeoutMs', async () => {
      const started = Date.now();
      const error = await expectFailure(fetchDocument(`${site.origin}/slow`, localOptions({ timeoutMs: SHORT_TIMEOUT_MS })), 'timeout');
      expect(Date.now() - started).toBeLessThan(SLOW_SERVER_DELAY_MS);
      expect(error.message).toContain(`${SHORT_TIMEOUT_MS} ms`);
    });

    it('times out a body that stalls after the headers arrived', async () => {
      await expectFailure(fetchDocument(`${site.origin}/stalled-body`, localOptions({ timeoutMs: SHORT_TIMEOUT_MS })), 'timeout');
    });

    it('turns a 404 into an http-status failure carrying the status', async () => {
      const error = await expectFailure(fetchDocument(`${site.origin}/missing`, localOptions()), 'http-status');
      expect(error.status).toBe(404);
      expect(error.message).toContain(`${site.origin}/missing answered 404`);
    });

    it('rejects a URL that is not http, https or file as bad-url', async () => {
      await expectFailure(fetchDocument('ftp://example.com/feed.xml', localOptions()), 'bad-url');
      await expectFailure(fetchDocument('not a url', localOptions()), 'bad-url');
    });
  });

  describe('SSRF guard', () => {
    it('refuses a loopback server when allowPrivateNetwork is false, without sending the request', async () => {
      const before = site.hitsOf('/page.html');
      const error = await expectFailure(fetchDocument(`${site.origin}/page.html`, defaultFetchOptions()), 'blocked-address');
      expect(error.message).toContain('127.0.0.1 (loopback)');
      expect(site.hitsOf('/page.html')).toBe(before);
    });

    it('fetches the same loopback server when allowPrivateNetwork is true', async () => {
      const document = await fetchDocument(`${site.origin}/page.html`, localOptions());
      expect(document.status).toBe(200);
    });
  });

  describe('readSource', () => {
    it('reads a feed source as entries with resolved links and the feed validators', async () => {
      const reading = await readSource(`${site.origin}/feed.xml`, localOptions());
      expect(reading.kind).toBe('feed');
      expect(reading.title).toBe('Loopback News');
      expect(reading.validators).toEqual({ etag: FEED_ETAG, lastModified: FEED_LAST_MODIFIED });
      expect(reading.items).toEqual([
        { url: `${site.origin}/news/first.html`, title: 'First', publishedAt: '2024-06-03T09:00:00.000Z' },
        { url: 'https://elsewhere.example/second', title: 'Second' },
      ]);
      expect(reading.items.every((item) => item.document === undefined)).toBe(true);
    });

    it('reports an unchanged feed as not-modified with no items', async () => {
      const reading = await readSource(`${site.origin}/feed.xml`, localOptions(), { etag: FEED_ETAG });
      expect(reading).toEqual({ kind: 'not-modified', items: [], validators: { etag: FEED_ETAG } });
    });

    it('recognizes a feed served as text/plain by sniffing its root element', async () => {
      const reading = await readSource(`${site.origin}/feed-as-text`, localOptions());
      expect(reading.kind).toBe('feed');
      expect(reading.items).toHaveLength(2);
    });

    it('reads an HTML page source as one item carrying the fetched document', async () => {
      const reading = await readSource(`${site.origin}/page.html`, localOptions());
      expect(reading.kind).toBe('page');
      expect(reading.title).toBe('Loopback page');
      expect(reading.items).toHaveLength(1);
      expect(reading.items[0]?.url).toBe(`${site.origin}/page.html`);
      expect(reading.items[0]?.document?.body.toString('utf8')).toBe(HTML_PAGE);
    });

    it('fails with unsupported-content on malformed XML served as a feed, naming the parse error', async () => {
      const error = await expectFailure(readSource(`${site.origin}/broken.xml`, localOptions()), 'unsupported-content');
      expect(error.message).toContain('not well-formed XML');
    });

    it('fails with unsupported-content on a source that is neither feed nor page', async () => {
      await expectFailure(readSource(`${site.origin}/image.png`, localOptions()), 'unsupported-content');
    });
  });
});

describe('redirect hops through the SSRF guard', () => {
  let publicStandIn: Site;
  let internal: Site;

  /**
   * The first hop must pass the guard, yet every test server is on loopback. The resolver stands
   * 127.0.0.1 in for a public host (documentation address), and resolves every other name with
   * the real DNS — so the redirect target `localhost` is classified from its real addresses.
   */
  const standInResolver: HostResolver = async (hostname) =>
    hostname === '127.0.0.1' ? [{ address: '93.184.215.14', family: 4 }] : lookup(hostname, { all: true });

  beforeAll(async () => {
    internal = await startSite({ '/secret': { type: 'text/plain', body: 'internal only' } }, { host: 'localhost' });
    publicStandIn = await startSite({
      '/start.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(HTML_PAGE),
      '/to-internal': (_req, res) => res.writeHead(302, { location: `http://localhost:${internal.port}/secret` }).end(),
      '/to-metadata': (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/to-mapped': (_req, res) => res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${internal.port}/secret` }).end(),
    });
  });

  afterAll(async () => {
    await publicStandIn.close();
    await internal.close();
  });

  const guarded = (): FetchOptions =>
    defaultFetchOptions({ allowPrivateNetwork: false, respectRobots: false, resolveHost: standInResolver });

  it('lets the first hop through when its host resolves to a public address', async () => {
    const document = await fetchDocument(`${publicStandIn.origin}/start.html`, guarded());
    expect(document.status).toBe(200);
  });

  it('refuses a redirect from an allowed host to localhost and never contacts the internal server', async () => {
    const error = await expectFailure(fetchDocument(`${publicStandIn.origin}/to-internal`, guarded()), 'blocked-address');
    expect(error.message).toContain(`http://localhost:${internal.port}/secret`);
    expect(error.message).toMatch(/\((loopback)\)/);
    expect(publicStandIn.hitsOf('/to-internal')).toBe(1);
    expect(internal.hitsOf('/secret')).toBe(0);
  });

  it('follows the same redirect to the internal server when private addresses are allowed', async () => {
    const document = await fetchDocument(`${publicStandIn.origin}/to-internal`, { ...guarded(), allowPrivateNetwork: true });
    expect(document.body.toString('utf8')).toBe('internal only');
  });

  it('refuses a redirect to the cloud metadata address before connecting', async () => {
    const error = await expectFailure(fetchDocument(`${publicStandIn.origin}/to-metadata`, guarded()), 'blocked-address');
    expect(error.message).toContain('169.254.169.254 (link-local)');
  });

  it('refuses a redirect to an IPv4-mapped IPv6 loopback literal', async () => {
    await expectFailure(fetchDocument(`${publicStandIn.origin}/to-mapped`, guarded()), 'blocked-address');
  });
});

describe('robots.txt', () => {
  let polite: Site;
  let noRobots: Site;
  let brokenRobots: Site;
  const page = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html' }).end(HTML_PAGE);

  beforeAll(async () => {
    clearRobotsCache();
    polite = await startSite({
      '/robots.txt': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('User-agent: *\nDisallow: /everyone-else/\n\nUser-agent: stancewatch\nDisallow: /private/\n'),
      '/news/today.html': page,
      '/private/memo.html': page,
      '/everyone-else/page.html': page,
      '/redirect-to-private': (_req, res) => res.writeHead(302, { location: '/private/memo.html' }).end(),
    });
    noRobots = await startSite({ '/page.html': page });
    brokenRobots = await startSite({
      '/robots.txt': (_req, res) => res.writeHead(503).end(),
      '/page.html': page,
    });
  });

  afterAll(async () => {
    await Promise.all([polite.close(), noRobots.close(), brokenRobots.close()]);
  });

  const robotsOptions = () => defaultFetchOptions({ allowPrivateNetwork: true, respectRobots: true });

  it('refuses a path robots.txt disallows for our user agent, without requesting it', async () => {
    const error = await expectFailure(fetchDocument(`${polite.origin}/private/memo.html`, robotsOptions()), 'robots');
    expect(error.message).toContain(`${polite.origin}/robots.txt`);
    expect(polite.hitsOf('/private/memo.html')).toBe(0);
  });

  it('applies the group for our product token, not the * group', async () => {
    const document = await fetchDocument(`${polite.origin}/everyone-else/page.html`, robotsOptions());
    expect(document.status).toBe(200);
  });

  it('checks robots.txt again on a redirect hop', async () => {
    await expectFailure(fetchDocument(`${polite.origin}/redirect-to-private`, robotsOptions()), 'robots');
  });

  it('fetches robots.txt once per origin and reuses it', async () => {
    await fetchDocument(`${polite.origin}/news/today.html`, robotsOptions());
    await fetchDocument(`${polite.origin}/news/today.html`, robotsOptions());
    expect(polite.hitsOf('/robots.txt')).toBe(1);
  });

  it('allows everything when robots.txt is missing', async () => {
    const document = await fetchDocument(`${noRobots.origin}/page.html`, robotsOptions());
    expect(document.status).toBe(200);
    expect(noRobots.hitsOf('/robots.txt')).toBe(1);
  });

  it('allows the fetch when robots.txt answers 5xx', async () => {
    const document = await fetchDocument(`${brokenRobots.origin}/page.html`, robotsOptions());
    expect(document.status).toBe(200);
    expect(brokenRobots.hitsOf('/robots.txt')).toBe(1);
  });

  it('does not consult robots.txt when respectRobots is false', async () => {
    const document = await fetchDocument(`${polite.origin}/private/memo.html`, localOptions());
    expect(document.status).toBe(200);
  });
});

describe('file:// sources', () => {
  let root: string;
  const pageHtml = '<html><head><title>Local page</title></head><body><p>On disk</p></body></html>';
  const localFeed = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Local feed</title>
  <entry><title>Relative</title><link href="articles/one.html"/><updated>2024-05-01T00:00:00Z</updated></entry>
  <entry><title>Absolute</title><link href="https://news.example/two"/></entry>
  <entry><title>Scripted</title><link href="javascript:alert(1)"/></entry>
</feed>`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'stancewatch-fetch-'));
    await writeFile(join(root, 'page.html'), pageHtml);
    await writeFile(join(root, 'feed.xml'), localFeed);
    const folder = join(root, 'folder');
    await mkdir(join(folder, 'nested'), { recursive: true });
    await writeFile(join(folder, 'b-notes.txt'), 'plain notes');
    await writeFile(join(folder, 'a-story.html'), '<html><head><title>Story A</title></head><body>A</body></html>');
    await writeFile(join(folder, 'c-data.xml'), '<data><value>1</value></data>');
    await writeFile(join(folder, 'A-upper.htm'), '<html><body>upper</body></html>');
    await writeFile(join(folder, 'photo.png'), Buffer.from([0x89, 0x50]));
    await writeFile(join(folder, 'nested', 'deep.html'), '<html></html>');
    const mixed = join(root, 'mixed');
    await mkdir(mixed);
    await writeFile(join(mixed, 'a-large.html'), `<html><body>${'x'.repeat(5000)}</body></html>`);
    await symlink(join(root, 'missing.html'), join(mixed, 'b-dangling.html'));
    await writeFile(join(mixed, 'c-small.html'), '<html><head><title>Small</title></head><body>ok</body></html>');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const fileUrl = (...parts: string[]) => pathToFileURL(join(root, ...parts)).href;

  it('reads a file:// page with status 200 and a content type from its extension', async () => {
    const document = await fetchDocument(fileUrl('page.html'), localOptions());
    expect(document).toMatchObject({ status: 200, notModified: false, contentType: 'text/html', url: fileUrl('page.html') });
    expect(document.body.toString('utf8')).toBe(pageHtml);
    expect(document.validators.lastModified).toBeDefined();
  });

  it('reports an unchanged file as notModified when its Last-Modified is sent back', async () => {
    const path = join(root, 'page.html');
    const mtime = new Date('2024-06-01T12:00:00Z');
    await utimes(path, mtime, mtime);
    const document = await fetchDocument(fileUrl('page.html'), localOptions(), { lastModified: mtime.toUTCString() });
    expect(document.notModified).toBe(true);
    expect(document.body.length).toBe(0);
  });

  it('refuses file:// URLs when allowPrivateNetwork is false', async () => {
    const error = await expectFailure(fetchDocument(fileUrl('page.html'), defaultFetchOptions()), 'blocked-address');
    expect(error.message).toContain('file://');
    await expectFailure(readSource(fileUrl('folder'), defaultFetchOptions()), 'blocked-address');
  });

  it('refuses a file larger than maxBytes', async () => {
    await expectFailure(fetchDocument(fileUrl('page.html'), localOptions({ maxBytes: 10 })), 'too-large');
  });

  it('reports a missing file as a network failure naming the URL', async () => {
    const error = await expectFailure(fetchDocument(fileUrl('absent.html'), localOptions()), 'network');
    expect(error.message).toContain(fileUrl('absent.html'));
  });

  it('reads a file:// page source as one page item', async () => {
    const reading = await readSource(fileUrl('page.html'), localOptions());
    expect(reading.kind).toBe('page');
    expect(reading.title).toBe('Local page');
    expect(reading.items[0]?.document?.contentType).toBe('text/html');
  });

  it('parses a file:// feed, resolving relative entry links to file:// URLs and dropping script links', async () => {
    const reading = await readSource(fileUrl('feed.xml'), localOptions());
    expect(reading.kind).toBe('feed');
    expect(reading.title).toBe('Local feed');
    expect(reading.items).toEqual([
      { url: fileUrl('articles', 'one.html'), title: 'Relative', publishedAt: '2024-05-01T00:00:00.000Z', updatedAt: '2024-05-01T00:00:00.000Z' },
      { url: 'https://news.example/two', title: 'Absolute' },
    ]);
  });

  it('reads a directory as one item per html/htm/txt/xml file, sorted by name, each with its document', async () => {
    const reading = await readSource(fileUrl('folder'), localOptions());
    expect(reading.kind).toBe('directory');
    expect(reading.title).toBe(join(root, 'folder'));
    expect(reading.items.map((item) => item.url)).toEqual([
      fileUrl('folder', 'A-upper.htm'),
      fileUrl('folder', 'a-story.html'),
      fileUrl('folder', 'b-notes.txt'),
      fileUrl('folder', 'c-data.xml'),
    ]);
    const story = reading.items[1];
    expect(story?.title).toBe('Story A');
    expect(story?.document?.body.toString('utf8')).toContain('<body>A</body>');
    expect(reading.items[2]?.document?.contentType).toBe('text/plain');
  });

  it('lists a directory file it cannot read without a document, so one bad file fails alone', async () => {
    const reading = await readSource(fileUrl('mixed'), localOptions({ maxBytes: 1000 }));
    expect(reading.items.map((item) => [item.url, item.document !== undefined])).toEqual([
      [fileUrl('mixed', 'a-large.html'), false],
      [fileUrl('mixed', 'b-dangling.html'), false],
      [fileUrl('mixed', 'c-small.html'), true],
    ]);
    expect(reading.items[2]?.title).toBe('Small');
    await expectFailure(fetchDocument(fileUrl('mixed', 'a-large.html'), localOptions({ maxBytes: 1000 })), 'too-large');
  });
});
