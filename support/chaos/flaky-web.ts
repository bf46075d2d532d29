/**
 * A loopback news site that misbehaves: it serves a fixed set of pages (feeds and articles, see
 * corpus.ts) with ETags and 304s like a real site, and at `rate` answers a request with one fault:
 *
 * - `unavailable`: 503 (a deploy, an overloaded origin);
 * - `retryAfter`: 503 with `Retry-After: 0` (a rate limiter that lets the next try straight in);
 * - `internal`: 500;
 * - `reset`: the connection is cut before any answer;
 * - `stall`: the answer is held back a while, then sent (a slow origin; shorter than the fetch deadline).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { between, pickWeighted, seededRandom } from '../prng.js';

export const WEB_FAULTS = ['unavailable', 'retryAfter', 'internal', 'reset', 'stall'] as const;
export type WebFault = (typeof WEB_FAULTS)[number];

export interface ServedPage {
  body: string;
  contentType: string;
}

export interface FlakyWebOptions {
  seed: number;
  rate: number;
  weights?: Partial<Record<WebFault, number>>;
  /** How long a `stall` holds the answer: well under the fetcher's 15 s deadline. */
  stallMs?: [number, number];
}

export interface FlakyWeb {
  baseUrl: string;
  /** Replaces what the site serves, by path (`/b/feed.xml`). */
  serve(pages: ReadonlyMap<string, ServedPage>): void;
  counts(): Record<WebFault, number>;
  requests(): number;
  setRate(rate: number): void;
  close(): Promise<void>;
}

const DEFAULT_WEIGHTS: Record<WebFault, number> = { unavailable: 2, retryAfter: 1, internal: 1, reset: 2, stall: 1 };
const DEFAULT_STALL_MS: [number, number] = [100, 600];

export async function startFlakyWeb(options: FlakyWebOptions): Promise<FlakyWeb> {
  const random = seededRandom(options.seed);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const stall = options.stallMs ?? DEFAULT_STALL_MS;
  const counts = Object.fromEntries(WEB_FAULTS.map((kind) => [kind, 0])) as Record<WebFault, number>;
  let pages = new Map<string, ServedPage & { etag: string }>();
  let rate = options.rate;
  let requests = 0;

  const server: Server = createServer(async (request, response) => {
    requests += 1;
    const fault = random() < rate ? pickWeighted(random, weights) : undefined;
    const stallMs = between(random, stall[0], stall[1]);
    if (fault) counts[fault] += 1;
    if (fault === 'reset') return void request.socket.destroy();
    if (fault === 'unavailable' || fault === 'internal') return void response.writeHead(fault === 'internal' ? 500 : 503).end('try later');
    if (fault === 'retryAfter') return void response.writeHead(503, { 'retry-after': '0' }).end('busy');
    if (fault === 'stall') await sleep(stallMs);
    const page = pages.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (!page) return void response.writeHead(404).end();
    const headers = { 'content-type': page.contentType, etag: page.etag };
    if (request.headers['if-none-match'] === page.etag) return void response.writeHead(304, headers).end();
    response.writeHead(200, headers).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(next) {
      pages = new Map([...next].map(([path, page]) => [path, { ...page, etag: `"${createHash('sha1').update(page.body).digest('hex').slice(0, 16)}"` }]));
    },
    counts: () => ({ ...counts }),
    requests: () => requests,
    setRate(next) {
      rate = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
