import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { FetchError, type FetchFailureReason } from '../../shared/errors/index.js';
import {
  articleContentProblem,
  backoffDelay,
  DEFAULT_USER_AGENT,
  defaultFetchOptions,
  fetchDocument,
  HostPacer,
  MissedStartError,
  parseRetryAfter,
  planRetry,
  type FetchOptionsOverrides,
  type FetchOptions,
  type RetryOptions,
  type Turn,
} from '../../shared/fetch/index.js';
import { missedStartIn, turnDispatcher } from '../../shared/fetch/turn-dispatcher.js';
import { CLAIM_LEAD_MS, hostSlotsIn, MAX_LATE_MS } from '../../shared/fetch/host-slots.js';
import { fakeClock } from '../helpers/clock.js';
import { memoryRegister } from '../helpers/memory-slots.js';
import type { FirstFetchProbe } from '../helpers/first-fetch-probe.js';
import { startSite, useSite, type Arrival, type RouteHandler as Handler, type Site } from '../helpers/web.js';

/** Gaps between consecutive arrivals at the server, in arrival order. */
function gapsBetween(arrivals: readonly Arrival[]): number[] {
  return arrivals.slice(1).map((arrival, index) => arrival.at - (arrivals[index]?.at ?? 0));
}

async function failureOf(promise: Promise<unknown>, reason: FetchFailureReason): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  expect(error.reason, error.message).toBe(reason);
  return error;
}

const run = promisify(execFile);
const FIRST_FETCH_PROBE = fileURLToPath(new URL('../helpers/first-fetch-probe.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const HTML_PAGE = '<!doctype html><html><head><title>Loopback page</title></head><body><p>Hello</p></body></html>';
const servePage: Handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(HTML_PAGE);
/** Timing checks allow this share of the configured wait, for timers and loopback latency. */
const SLACK = 0.8;
/** Tiny backoffs keep the suite fast; the cap still admits the 1 s Retry-After tests. */
const QUICK_RETRY: Partial<RetryOptions> = { baseDelayMs: 5, maxDelayMs: 2_000 };

/** Loopback servers are private and exempt from pacing by default; each test gets its own pacer. */
function localOptions(overrides: FetchOptionsOverrides = {}): FetchOptions {
  return defaultFetchOptions({
    allowPrivateNetwork: true,
    respectRobots: false,
    hostPacer: new HostPacer(),
    ...overrides,
    retry: { ...QUICK_RETRY, ...overrides.retry },
  });
}

describe('retries on 429, 5xx and broken connections', () => {
  let site: Site;
  const pendingTimers = new Set<NodeJS.Timeout>();
  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      action();
    }, ms);
    pendingTimers.add(timer);
  };
  const SLOW_ANSWER_MS = 150;

  beforeAll(async () => {
    site = await startSite({
      '/flaky': (req, res, hit) => (hit <= 2 ? res.writeHead(503).end() : servePage(req, res, hit)),
      '/always-503': (_req, res) => res.writeHead(503).end(),
      '/retries-off': (_req, res) => res.writeHead(503).end(),
      '/rate-limited': (req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : servePage(req, res, hit)),
      '/until-date': (req, res, hit) =>
        hit === 1
          ? res.writeHead(503, { 'retry-after': new Date(Date.now() + 1_000).toUTCString() }).end()
          : servePage(req, res, hit),
      '/come-back-in-an-hour': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
      '/come-back-in-a-second': (_req, res) => res.writeHead(503, { 'retry-after': '1' }).end(),
      '/forbidden': (_req, res) => res.writeHead(403).end(),
      '/gone': (_req, res) => res.writeHead(410).end(),
      '/cut-off': (req, res, hit) => {
        if (hit === 1) return void req.socket.destroy(); // before the headers
        if (hit === 2) {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.write('<!doctype html><html><body>');
          return void later(20, () => res.destroy()); // in the middle of the body
        }
        servePage(req, res, hit);
      },
      '/slow-503': (_req, res) => later(SLOW_ANSWER_MS, () => res.writeHead(503).end()),
    });
  });

  afterAll(async () => {
    for (const timer of pendingTimers) clearTimeout(timer);
    await site.close();
  });

  it('retries a 503 twice and returns the document from the third request', async () => {
    const document = await fetchDocument(`${site.origin}/flaky`, localOptions());
    expect(document.body.toString('utf8')).toBe(HTML_PAGE);
    expect(site.hitsOf('/flaky')).toBe(3);
  });

  it('gives up after maxAttempts, naming the status and the attempts', async () => {
    const error = await failureOf(fetchDocument(`${site.origin}/always-503`, localOptions()), 'http-status');
    expect(error.status).toBe(503);
    expect(error.message).toBe(`GET ${site.origin}/always-503 answered 503 3 times in a row; skipped this run`);
    expect(site.hitsOf('/always-503')).toBe(3);
  });

  it('sends one request and keeps the plain message when retries are off', async () => {
    const error = await failureOf(fetchDocument(`${site.origin}/retries-off`, localOptions({ retry: { maxAttempts: 1 } })), 'http-status');
    expect(error.message).toBe(`GET ${site.origin}/retries-off answered 503; skipped this run`);
    expect(site.hitsOf('/retries-off')).toBe(1);
  });

  it('waits the Retry-After seconds of a 429 before the next request', async () => {
    const document = await fetchDocument(`${site.origin}/rate-limited`, localOptions());
    expect(document.status).toBe(200);
    const [gap] = gapsBetween(site.arrivals.filter((arrival) => arrival.path === '/rate-limited'));
    expect(gap).toBeGreaterThanOrEqual(1_000 * SLACK);
  });

  it('waits until the HTTP-date of a Retry-After', async () => {
    const document = await fetchDocument(`${site.origin}/until-date`, localOptions());
    expect(document.status).toBe(200);
    // The date has whole seconds: one second ahead, truncated, is still more than 0 s and at most 1 s away.
    const [gap] = gapsBetween(site.arrivals.filter((arrival) => arrival.path === '/until-date'));
    expect(site.hitsOf('/until-date')).toBe(2);
    expect(gap).toBeGreaterThan(0);
  });

  it('fails at once, naming the wait, when Retry-After is longer than maxDelayMs', async () => {
    const error = await failureOf(fetchDocument(`${site.origin}/come-back-in-an-hour`, localOptions()), 'http-status');
    expect(error.message).toBe(
      `GET ${site.origin}/come-back-in-an-hour answered 429 and asks to wait 3600 s; not retried before the next run`,
    );
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 3600 });
    expect(site.hitsOf('/come-back-in-an-hour')).toBe(1);
  });

  it('fails at once when Retry-After is longer than what is left of the deadline', async () => {
    const error = await failureOf(fetchDocument(`${site.origin}/come-back-in-a-second`, localOptions({ timeoutMs: 500 })), 'http-status');
    expect(error.message).toContain('answered 503 and asks to wait 1 s; not retried before the next run');
    expect(site.hitsOf('/come-back-in-a-second')).toBe(1);
  });

  it.each([
    ['/missing', 404],
    ['/forbidden', 403],
    ['/gone', 410],
  ])('does not retry %s (%i)', async (path, status) => {
    const error = await failureOf(fetchDocument(`${site.origin}${path}`, localOptions()), 'http-status');
    expect(error.status).toBe(status);
    expect(site.hitsOf(path)).toBe(1);
  });

  it('retries a connection cut before the headers and one cut mid-body, then reads the page', async () => {
    const document = await fetchDocument(`${site.origin}/cut-off`, localOptions());
    expect(document.body.toString('utf8')).toBe(HTML_PAGE);
    expect(site.hitsOf('/cut-off')).toBe(3);
  });

  it('gives up on a refused connection after maxAttempts, naming the cause', async () => {
    const closed = await startSite({});
    await closed.close();
    const error = await failureOf(fetchDocument(`${closed.origin}/page.html`, localOptions()), 'network');
    expect(error.message).toMatch(/failed \(.*ECONNREFUSED.*\) 3 times in a row; skipped this run$/);
  });

  it('keeps every attempt inside the one timeoutMs deadline and never retries once it has passed', async () => {
    const timeoutMs = 400;
    const options = localOptions({ timeoutMs, retry: { maxAttempts: 10 } });
    const error = await failureOf(fetchDocument(`${site.origin}/slow-503`, options), 'timeout');
    expect(error.message).toContain(`${timeoutMs} ms`);
    const hits = site.hitsOf('/slow-503');
    // Each answer takes 150 ms: at most three fit in 400 ms, far short of ten attempts.
    expect(hits).toBeGreaterThanOrEqual(2);
    expect(hits).toBeLessThanOrEqual(Math.ceil(timeoutMs / SLOW_ANSWER_MS));
    await new Promise((resolve) => setTimeout(resolve, 2 * SLOW_ANSWER_MS));
    expect(site.hitsOf('/slow-503')).toBe(hits);
  });

  it('does not retry robots.txt: an unavailable file means allow, and the page still gets its own retries', async () => {
    const robotsDown = await startSite({
      '/robots.txt': (_req, res) => res.writeHead(503).end(),
      '/flaky': (req, res, hit) => (hit === 1 ? res.writeHead(502).end() : servePage(req, res, hit)),
    });
    onTestFinished(robotsDown.close);
    const document = await fetchDocument(`${robotsDown.origin}/flaky`, localOptions({ respectRobots: true }));
    expect(document.status).toBe(200);
    expect(robotsDown.hitsOf('/robots.txt')).toBe(1);
    expect(robotsDown.hitsOf('/flaky')).toBe(2);
  });
});

describe('per-host pacing, on a fake clock', () => {
  const HOLD_MS = 150;
  const holdThenServe: Handler = (req, res, hit) => void setTimeout(() => servePage(req, res, hit), HOLD_MS);

  /** Options pacing loopback too, with a fresh pacer on `clock` (or the wall clock). */
  const paced = (perHostConcurrency: number, perHostDelayMs: number, overrides: FetchOptionsOverrides = {}) =>
    localOptions({ politeness: { perHostConcurrency, perHostDelayMs, paceLoopback: true }, ...overrides });
  /** A site stamping arrivals with `clock`, closed when the test ends. */
  const siteOn = async (clock: { now(): number }, routes: Parameters<typeof startSite>[0]) => {
    const site = await startSite(routes, { now: clock.now });
    onTestFinished(site.close);
    return site;
  };
  /** Virtual ms from the first arrival, per arrival. */
  const arrivalTimes = (arrivals: readonly Arrival[]) => arrivals.map((arrival) => arrival.at - (arrivals[0]?.at ?? 0));

  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    const server = await startSite({ '/hold': holdThenServe });
    onTestFinished(server.close);
    const options = paced(2, 0);
    const documents = await Promise.all(Array.from({ length: 5 }, () => fetchDocument(`${server.origin}/hold`, options)));
    expect(documents.every((document) => document.status === 200)).toBe(true);
    expect(server.hitsOf('/hold')).toBe(5);
    expect(server.maxInFlight()).toBe(2);
  });

  it('starts requests to one host perHostDelayMs apart, and not a moment sooner', async () => {
    const clock = fakeClock();
    const server = await siteOn(clock, { '/page.html': servePage });
    const delayMs = 300;
    const options = paced(5, delayMs, { hostPacer: new HostPacer(clock) });
    const all = Promise.all(Array.from({ length: 3 }, () => fetchDocument(`${server.origin}/page.html`, options)));
    await Promise.all([server.arrived('/page.html'), clock.sleeping()]);
    clock.advance(delayMs - 1);
    expect(clock.sleepers()).toBe(1);
    expect(server.hitsOf('/page.html')).toBe(1);
    clock.advance(1);
    await Promise.all([server.arrived('/page.html', 2), clock.sleeping()]);
    clock.advance(delayMs);
    await all;
    expect(arrivalTimes(server.arrivals)).toEqual([0, delayMs, 2 * delayMs]);
  });

  it('does not pace two hosts (two ports) against each other', async () => {
    const clock = fakeClock();
    const site = await siteOn(clock, { '/page.html': servePage });
    const otherPort = await siteOn(clock, { '/page.html': servePage });
    const options = paced(1, 1_000, { hostPacer: new HostPacer(clock) });
    const first = fetchDocument(`${site.origin}/page.html`, options);
    const second = fetchDocument(`${site.origin}/page.html?again`, options);
    const elsewhere = fetchDocument(`${otherPort.origin}/page.html`, options);
    // The other host's request does not wait behind the first host's second one.
    await Promise.all([first, elsewhere, clock.sleeping()]);
    expect(site.hitsOf('/page.html')).toBe(1);
    clock.advance(1_000);
    await second;
    expect(site.arrivals.map((arrival) => arrival.at - clock.now())).toEqual([-1_000, 0]);
    expect(otherPort.arrivals.map((arrival) => arrival.at - clock.now())).toEqual([-1_000]);
  });

  it('leaves loopback hosts unpaced unless paceLoopback is set', async () => {
    // The server answers nobody until three requests are in: a paced client would never get there.
    const waiting: Array<() => void> = [];
    const barrier = await startSite({
      '/page.html': (req, res, hit) => {
        waiting.push(() => servePage(req, res, hit));
        if (waiting.length === 3) for (const answer of waiting) answer();
      },
    });
    onTestFinished(barrier.close);
    const options = localOptions({ timeoutMs: 5_000, politeness: { perHostConcurrency: 1, perHostDelayMs: 10_000 } });
    const documents = await Promise.all(Array.from({ length: 3 }, () => fetchDocument(`${barrier.origin}/page.html`, options)));
    expect(documents.map((document) => document.status)).toEqual([200, 200, 200]);
  });

  it('paces the robots.txt request too: the page waits perHostDelayMs after it', async () => {
    const clock = fakeClock();
    const server = await siteOn(clock, { '/robots.txt': (_req, res) => res.writeHead(404).end(), '/page.html': servePage });
    const delayMs = 300;
    const fetched = fetchDocument(`${server.origin}/page.html`, paced(2, delayMs, { respectRobots: true, hostPacer: new HostPacer(clock) }));
    await clock.sleeping();
    expect(server.arrivals.map((arrival) => arrival.path)).toEqual(['/robots.txt']);
    clock.advance(delayMs);
    await fetched;
    expect(server.arrivals.map((arrival) => arrival.path)).toEqual(['/robots.txt', '/page.html']);
    expect(arrivalTimes(server.arrivals)).toEqual([0, delayMs]);
  });

  it('counts the wait for a turn at a busy host against timeoutMs, and frees the turn it gives up', async () => {
    const clock = fakeClock();
    const server = await siteOn(clock, { '/page.html': servePage });
    const options = paced(1, 600, { hostPacer: new HostPacer(clock) });
    await fetchDocument(`${server.origin}/page.html`, options);
    // The clock stands still: the turn never comes, and the fetch's own deadline ends the wait.
    const waited = await failureOf(fetchDocument(`${server.origin}/page.html`, { ...options, timeoutMs: 100 }), 'timeout');
    // The site was never slow: the message says the request waited its turn and was not sent.
    expect(waited.message).toMatch(/still waiting its turn at 127\.0\.0\.1:\d+ .* when its 100 ms deadline passed; not sent/);
    expect(server.hitsOf('/page.html')).toBe(1);
    expect(clock.sleepers()).toBe(0);
    // The abandoned turn does not block the queue: the next fetch gets through once the delay has passed.
    const next = fetchDocument(`${server.origin}/page.html`, options);
    await clock.sleeping();
    clock.advance(600);
    expect((await next).status).toBe(200);
    expect(arrivalTimes(server.arrivals)).toEqual([0, 600]);
  });
});

describe('a request paced across the fleet whose start passes before it is written', () => {
  const INTERVAL_MS = 600;

  it('is not sent, and goes at the next start it reserves', async () => {
    const clock = fakeClock();
    const site = await startSite({ '/page.html': HTML_PAGE }, { now: clock.now });
    onTestFinished(site.close);
    const pacer = new HostPacer(clock, { slots: hostSlotsIn(memoryRegister(), clock), onSlotError: (error) => { throw error; } });
    let requests = 0;
    // The event loop held up after the pacer let the request go (a connect on a busy processor): the clock moves on.
    const heldUpOnce: typeof fetch = (input, init) => {
      if (requests++ === 0) clock.advance(MAX_LATE_MS + 1);
      return fetch(input, init);
    };
    const politeness = { perHostConcurrency: 1, perHostDelayMs: INTERVAL_MS, paceLoopback: true };
    const t = clock.now();
    const fetched = fetchDocument(site.url('/page.html'), localOptions({ politeness, hostPacer: pacer, fetchImpl: heldUpOnce }));
    await clock.sleeping();
    clock.advance(CLAIM_LEAD_MS); // its start: the pacer lets it go on time
    await Promise.race([clock.sleeping(), fetched]);
    clock.advance(INTERVAL_MS - MAX_LATE_MS - 1); // the start it reserved after missing that one
    expect((await fetched).status).toBe(200);
    expect(site.arrivals.map((arrival) => arrival.at - t)).toEqual([CLAIM_LEAD_MS + INTERVAL_MS]);
  });
});

describe('the turn dispatcher, on a loopback server', () => {
  it('tells the turn as its request is written, and not when the request is late and not sent', async () => {
    const site = await startSite({ '/page.html': HTML_PAGE });
    onTestFinished(site.close);
    void globalThis.Response; // loads Node's fetch, whose dispatcher the guard wraps
    const told: string[] = [];
    const onTime: Turn = { isLate: () => false, writing: () => void told.push('on time') };
    const late: Turn = { isLate: () => true, writing: () => void told.push('late') };
    const viaTurn = (turn: Turn) => ({ dispatcher: turnDispatcher(turn, 'GET /page.html') }) as RequestInit;
    await (await fetch(site.url('/page.html'), viaTurn(onTime))).text();
    const missed = await fetch(site.url('/page.html'), viaTurn(late)).then(() => undefined, missedStartIn);
    expect(missed).toBeInstanceOf(MissedStartError);
    expect(told).toEqual(['on time']);
    expect(site.arrivals).toHaveLength(1);
  });
});

describe("a process's first fetch", () => {
  const site = useSite({ '/page.html': HTML_PAGE });

  // Loading it is tens of ms of CPU: inside the turn, the request would leave late and crowd the host's next start.
  it("loads Node's fetch implementation before the pacer starts the request, not inside its turn", async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', FIRST_FETCH_PROBE, site.url('/page.html')], { cwd: REPO_ROOT });
    const probe = JSON.parse(stdout) as FirstFetchProbe;
    expect(probe).toEqual({ loadedAtStart: false, loadedAtTurn: true, status: 200 });
  });
});

describe('User-Agent', () => {
  it('identifies Stancewatch with a URL to read about it, and sends it on every request', async () => {
    expect(DEFAULT_USER_AGENT).toMatch(/^Stancewatch\/\S+ \(\+https:\/\/\S+\)$/);
    const server = await startSite({ '/page.html': servePage });
    onTestFinished(server.close);
    await fetchDocument(`${server.origin}/page.html`, localOptions());
    expect(server.arrivals[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });
});

/** A one-page PDF: header, catalog, page tree, page, xref and trailer. */
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
  'latin1',
);
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('articleContentProblem on documents served by a loopback server', () => {
  const serve =
    (body: Buffer | string, contentType?: string): Handler =>
    (_req, res) =>
      res.writeHead(200, contentType ? { 'content-type': contentType } : {}).end(body);

  const site = useSite({
    '/report.pdf': serve(PDF, 'application/pdf'),
    '/report-as-html': serve(PDF, 'text/html; charset=utf-8'),
    '/report-untyped': serve(PDF),
    '/chart.png': serve(PNG, 'image/png'),
    '/chart-as-octets': serve(PNG, 'application/octet-stream'),
    '/chart-untyped': serve(PNG),
    '/clip.mp4': serve(Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), 'video/mp4'),
    '/blob': serve(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0x10, 0x00, 0x7f, 0x03]), 'application/octet-stream'),
    '/article.html': serve(HTML_PAGE, 'text/html; charset=utf-8'),
    '/article.xhtml': serve(HTML_PAGE, 'application/xhtml+xml'),
    '/article-untyped': serve(HTML_PAGE),
    '/article-as-octets': serve(HTML_PAGE, 'application/octet-stream'),
    '/notes.txt': serve('Minister said talks would resume.\n', 'text/plain'),
    '/notes-untyped': serve('Minister said talks would resume.\n'),
  });

  const problemOf = async (path: string) => articleContentProblem(await fetchDocument(`${site.origin}${path}`, localOptions()));

  it('skips a PDF served as application/pdf, naming the URL and the type', async () => {
    expect(await problemOf('/report.pdf')).toBe(`${site.origin}/report.pdf is a PDF document (application/pdf), not an article page; skipped`);
  });

  it('recognizes a PDF by its bytes when it is served as HTML or untyped', async () => {
    expect(await problemOf('/report-as-html')).toBe(
      `${site.origin}/report-as-html is a PDF document (served as text/html), not an article page; skipped`,
    );
    expect(await problemOf('/report-untyped')).toBe(`${site.origin}/report-untyped is a PDF document (no content type), not an article page; skipped`);
  });

  it('skips a PNG with its own type, as octet-stream and untyped', async () => {
    expect(await problemOf('/chart.png')).toBe(`${site.origin}/chart.png is a PNG image (image/png), not an article page; skipped`);
    expect(await problemOf('/chart-as-octets')).toContain('is a PNG image (served as application/octet-stream)');
    expect(await problemOf('/chart-untyped')).toContain('is a PNG image (no content type)');
  });

  it('skips a video by its declared type and an unknown binary by its bytes', async () => {
    expect(await problemOf('/clip.mp4')).toContain('is a video (video/mp4)');
    expect(await problemOf('/blob')).toContain('is a binary file (application/octet-stream)');
  });

  it.each(['/article.html', '/article.xhtml', '/article-untyped', '/article-as-octets', '/notes.txt', '/notes-untyped'])(
    'lets %s through as a possible article',
    async (path) => {
      expect(await problemOf(path)).toBeUndefined();
    },
  );
});

describe('articleContentProblem on bytes alone', () => {
  const documentOf = (body: Buffer, contentType?: string) => ({ url: 'https://news.example/x', body, contentType });

  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'a JPEG image'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'a GIF image'],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), 'a ZIP archive'],
  ])('recognizes %s magic bytes whatever the declared type', (_name, body, what) => {
    expect(articleContentProblem(documentOf(body, 'text/html'))).toContain(`is ${what} (served as text/html)`);
  });

  it('lets an empty body (a 304) through', () => {
    expect(articleContentProblem(documentOf(Buffer.alloc(0), 'application/octet-stream'))).toBeUndefined();
  });

  it('lets a UTF-16 page through although it is full of zero bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>Hi</body></html>', 'utf16le')]);
    expect(articleContentProblem(documentOf(utf16))).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const options: RetryOptions = { maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 8_000 };
  const almostOne = () => 0.999_999;

  it('doubles the ceiling with every retry until maxDelayMs', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 9].map((attempt) => backoffDelay(attempt, options, almostOne));
    expect(ceilings).toEqual([499, 999, 1_999, 3_999, 7_999, 7_999, 7_999]);
  });

  it('waits nothing when the random draw is 0 (full jitter starts at zero)', () => {
    expect(backoffDelay(4, options, () => 0)).toBe(0);
  });

  it('always stays within [0, min(maxDelayMs, base × 2^(attempt−1))]', () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      for (let draw = 0; draw < 200; draw++) {
        const delay = backoffDelay(attempt, options);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-06-03T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads all three HTTP-date forms as GMT, rounding up to whole seconds', () => {
    expect(parseRetryAfter('Mon, 03 Jun 2024 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Monday, 03-Jun-24 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Mon Jun  3 10:00:05 2024', now)).toBe(5);
    expect(parseRetryAfter('Mon, 03 Jun 2024 10:00:30 GMT', now + 29_500)).toBe(1);
  });

  it('treats a date already past as no wait', () => {
    expect(parseRetryAfter('Sun, 02 Jun 2024 10:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    for (const header of [undefined, null, '', 'soon', '-5', '1.5', '12 seconds']) {
      expect(parseRetryAfter(header, now)).toBeUndefined();
    }
  });
});

describe('planRetry', () => {
  const options: RetryOptions = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 };
  const half = () => 0.5;

  it('backs off with jitter while attempts and time are left', () => {
    expect(planRetry({ attempt: 1, remainingMs: 10_000 }, options, half)).toEqual({ retry: true, delayMs: 250 });
    expect(planRetry({ attempt: 2, remainingMs: 10_000 }, options, half)).toEqual({ retry: true, delayMs: 500 });
  });

  it('stops after maxAttempts', () => {
    expect(planRetry({ attempt: 3, remainingMs: 10_000 }, options, half)).toEqual({ retry: false, why: 'exhausted' });
  });

  it('waits exactly what Retry-After asks for instead of the backoff', () => {
    expect(planRetry({ attempt: 1, retryAfterSeconds: 2, remainingMs: 10_000 }, options, half)).toEqual({ retry: true, delayMs: 2_000 });
  });

  it('does not wait for a Retry-After past maxDelayMs or past the deadline', () => {
    expect(planRetry({ attempt: 1, retryAfterSeconds: 9, remainingMs: 60_000 }, options, half)).toEqual({ retry: false, why: 'wait-too-long' });
    expect(planRetry({ attempt: 1, retryAfterSeconds: 2, remainingMs: 1_500 }, options, half)).toEqual({ retry: false, why: 'wait-too-long' });
  });

  it('does not start a backoff that would outlast the deadline', () => {
    expect(planRetry({ attempt: 2, remainingMs: 400 }, options, half)).toEqual({ retry: false, why: 'no-time-left' });
  });
});
