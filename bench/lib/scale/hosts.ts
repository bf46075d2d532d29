/**
 * The scale bench's news sites: one loopback HTTP server per "host", each on a port of its own, because the
 * pipeline's politeness keys on `hostname:port` (shared/fetch/host-pacer.ts). Pages are served with ETags and 304s
 * like a real site, robots.txt allows everything, and every request is recorded with its arrival time, so the bench
 * can tell how often each URL was fetched in a pass and the highest rate each host saw.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ServedPage {
  body: string;
  contentType: string;
}

/** One request as a host saw it: which host, which path, and when (ms, monotonic). */
export interface HostRequest {
  host: number;
  path: string;
  at: number;
  status: number;
}

export interface Hosts {
  /** `http://127.0.0.1:<port>` of each host, by index. */
  baseUrls: string[];
  /** Replaces what host `host` serves, by path. */
  serve(host: number, pages: ReadonlyMap<string, ServedPage>): void;
  /** Every request since the last `take`, oldest first; the record starts again empty. */
  take(): HostRequest[];
  close(): Promise<void>;
}

const ROBOTS = 'User-agent: *\nAllow: /\n';
const KEEP_ALIVE_MS = 120_000;

export async function startHosts(count: number): Promise<Hosts> {
  const servers: Server[] = [];
  const pages: Array<Map<string, ServedPage & { etag: string }>> = [];
  let log: HostRequest[] = [];
  for (let host = 0; host < count; host += 1) {
    pages.push(new Map());
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const entry: HostRequest = { host, path, at: performance.now(), status: 200 };
      log.push(entry);
      if (path === '/robots.txt') return void response.writeHead(200, { 'content-type': 'text/plain' }).end(ROBOTS);
      const page = pages[host].get(path);
      entry.status = !page ? 404 : request.headers['if-none-match'] === page.etag ? 304 : 200;
      if (!page) return void response.writeHead(404).end();
      const headers = { 'content-type': page.contentType, etag: page.etag };
      if (entry.status === 304) return void response.writeHead(304, headers).end();
      response.writeHead(200, headers).end(page.body);
    });
    // Longer than the fetcher keeps an idle socket, so no request meets a socket the server just closed.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  return {
    baseUrls: servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    serve(host, next) {
      pages[host] = new Map([...next].map(([path, page]) => [path, { ...page, etag: `"${createHash('sha1').update(page.body).digest('hex').slice(0, 16)}"` }]));
    },
    take() {
      const taken = log;
      log = [];
      return taken;
    },
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}

/**
 * The most requests host saw within any window of `windowMs` (a window opens at each request). Requests are
 * timed as they arrive, a few ms after the fetcher started them, so the window is shortened by `jitterMs`: two
 * starts the pacer put exactly one interval apart must not count as two in one interval.
 */
export function peakPerWindow(requests: readonly HostRequest[], windowMs: number, jitterMs: number): { host: number; count: number } {
  const byHost = new Map<number, number[]>();
  for (const request of requests) {
    const times = byHost.get(request.host) ?? [];
    times.push(request.at);
    byHost.set(request.host, times);
  }
  let peak = { host: -1, count: 0 };
  for (const [host, times] of byHost) {
    times.sort((a, b) => a - b);
    let first = 0;
    for (let last = 0; last < times.length; last += 1) {
      while (times[last] - times[first] >= windowMs - jitterMs) first += 1;
      if (last - first + 1 > peak.count) peak = { host, count: last - first + 1 };
    }
  }
  return peak;
}

/** How many times each URL (host and path) was requested, robots.txt left out (it is fetched per origin, not per URL). */
export function fetchesPerUrl(requests: readonly HostRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (request.path === '/robots.txt') continue;
    const key = `${request.host}${request.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
