/**
 * The scale bench's news sites: one loopback HTTP server per "host", each on a port of its own, because the
 * pipeline's politeness keys on `hostname:port` (shared/fetch/host-pacer.ts). Pages are served with ETags and 304s
 * like a real site, robots.txt allows everything, and every request is recorded with its arrival time, so the bench
 * can tell how often each URL was fetched in a pass and the highest rate each host saw.
 *
 * The servers run on a worker thread of their own: the bench's thread also serves dynalite, whose requests hold it
 * ~20 ms each (longer for batch writes), so arrivals stamped there waited for dynalite as well as for the processors
 * (up to 22 ms after the request was written, in the runs that measured it).
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface ServedPage {
  body: string;
  contentType: string;
}

/** One request as a host saw it: which host, which path, and when (epoch ms, stamped on the hosts' thread). */
export interface HostRequest {
  host: number;
  path: string;
  at: number;
  status: number;
}

export interface Hosts {
  /** `http://127.0.0.1:<port>` of each host, by index. */
  baseUrls: string[];
  /** Replaces what host `host` serves, by path; resolves once the host serves it. */
  serve(host: number, pages: ReadonlyMap<string, ServedPage>): Promise<void>;
  /** Every request since the last `take`, oldest first; the record starts again empty. */
  take(): Promise<HostRequest[]>;
  close(): Promise<void>;
}

/** A page as the thread serves it: with its ETag. */
type TaggedPage = ServedPage & { etag: string };

/** The bench's messages to the hosts' thread; it answers each, in order. */
type ToHosts = { kind: 'serve'; host: number; pages: Array<[string, TaggedPage]> } | { kind: 'take' } | { kind: 'close' };

/**
 * The hosts' thread, plain JavaScript (an eval'd worker gets no TypeScript loader). `workerData` is the host count;
 * its first message is the ports. The keep-alive is longer than the fetcher keeps an idle socket, so no request
 * meets a socket the server just closed.
 */
const HOSTS_THREAD = `
const { parentPort, workerData: count } = require('node:worker_threads');
const { createServer } = require('node:http');
const ROBOTS = 'User-agent: *\\nAllow: /\\n';
const KEEP_ALIVE_MS = 120000;
const pages = Array.from({ length: count }, () => new Map());
let log = [];
function answer(host, request, response) {
  const path = new URL(request.url || '/', 'http://x').pathname;
  const entry = { host, path, at: performance.timeOrigin + performance.now(), status: 200 };
  log.push(entry);
  if (path === '/robots.txt') return void response.writeHead(200, { 'content-type': 'text/plain' }).end(ROBOTS);
  const page = pages[host].get(path);
  entry.status = !page ? 404 : request.headers['if-none-match'] === page.etag ? 304 : 200;
  if (!page) return void response.writeHead(404).end();
  const headers = { 'content-type': page.contentType, etag: page.etag };
  if (entry.status === 304) return void response.writeHead(304, headers).end();
  response.writeHead(200, headers).end(page.body);
}
const servers = Array.from({ length: count }, (_, host) => {
  const server = createServer((request, response) => answer(host, request, response));
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return server;
});
Promise.all(servers.map((server) => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)))).then(() =>
  parentPort.postMessage(servers.map((server) => server.address().port)),
);
parentPort.on('message', (message) => {
  if (message.kind === 'serve') {
    pages[message.host] = new Map(message.pages);
    parentPort.postMessage('served');
  } else if (message.kind === 'take') {
    parentPort.postMessage(log);
    log = [];
  } else {
    for (const server of servers) server.closeAllConnections();
    Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))).then(() => parentPort.postMessage('closed'));
  }
});
`;

export async function startHosts(count: number): Promise<Hosts> {
  const thread = new Worker(HOSTS_THREAD, { eval: true, workerData: count });
  const answers: Array<(answer: unknown) => void> = [];
  thread.on('message', (answer) => answers.shift()?.(answer));
  const next = <T>() => new Promise<T>((resolve) => answers.push(resolve as (answer: unknown) => void));
  const ask = <T>(message: ToHosts) => {
    const answer = next<T>();
    thread.postMessage(message);
    return answer;
  };
  const ports = await Promise.race([next<number[]>(), new Promise<never>((_, reject) => thread.once('error', reject))]);
  return {
    baseUrls: ports.map((port) => `http://127.0.0.1:${port}`),
    async serve(host, served) {
      const pages = [...served].map(([path, page]): [string, TaggedPage] => [path, { ...page, etag: `"${createHash('sha1').update(page.body).digest('hex').slice(0, 16)}"` }]);
      await ask({ kind: 'serve', host, pages });
    },
    take: () => ask<HostRequest[]>({ kind: 'take' }),
    async close() {
      await ask({ kind: 'close' });
      await thread.terminate();
    },
  };
}

/**
 * The most requests host saw within any window of `windowMs` (a window opens at each request). Requests are
 * timed as they arrive, a few ms after the pacer started them, so the window is shortened by `jitterMs`: two
 * starts the pacer put exactly one interval apart must not count as two in one interval.
 */
export function peakPerWindow(requests: readonly HostRequest[], windowMs: number, jitterMs: number): { host: number; count: number } {
  let peak = { host: -1, count: 0 };
  for (const [host, times] of arrivalTimesByHost(requests)) {
    let first = 0;
    for (let last = 0; last < times.length; last += 1) {
      while (times[last] - times[first] >= windowMs - jitterMs) first += 1;
      if (last - first + 1 > peak.count) peak = { host, count: last - first + 1 };
    }
  }
  return peak;
}

/** The two requests one host saw closest together (their paths, in order), and the gap between their arrivals. */
export interface ClosestPair {
  host: number;
  gapMs: number;
  paths: [string, string];
}

/**
 * Of every host's consecutive requests, the pair that arrived closest together: how near the pacing came to its limit,
 * and which requests to look at when a window holds too many. Undefined when no host saw two requests.
 */
export function closestPair(requests: readonly HostRequest[]): ClosestPair | undefined {
  const byHost = new Map<number, HostRequest[]>();
  for (const request of requests) {
    const seen = byHost.get(request.host) ?? [];
    seen.push(request);
    byHost.set(request.host, seen);
  }
  let closest: ClosestPair | undefined;
  for (const [host, seen] of byHost) {
    seen.sort((a, b) => a.at - b.at);
    for (let index = 1; index < seen.length; index += 1) {
      const gapMs = seen[index].at - seen[index - 1].at;
      if (!closest || gapMs < closest.gapMs) closest = { host, gapMs, paths: [seen[index - 1].path, seen[index].path] };
    }
  }
  return closest;
}

/** Each host's arrival times, in order. */
function arrivalTimesByHost(requests: readonly HostRequest[]): Map<number, number[]> {
  const byHost = new Map<number, number[]>();
  for (const request of requests) {
    const times = byHost.get(request.host) ?? [];
    times.push(request.at);
    byHost.set(request.host, times);
  }
  for (const times of byHost.values()) times.sort((a, b) => a - b);
  return byHost;
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
