import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { lazyHandle } from './lazy.js';

/** Full control over the answer; `hit` counts the requests for this path so far, this one included (1 = first). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

/** A fixed answer: 200 and `text/html; charset=utf-8` unless it says otherwise. */
export interface RouteAnswer {
  status?: number;
  /** The Content-Type header. */
  type?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

/** A handler, a fixed answer, or a string: an HTML page served with 200. */
export type Route = RouteHandler | RouteAnswer | string;

/** One request the site received. */
export interface Arrival {
  /** The path without its query. */
  path: string;
  /** The request target as sent: path and query. */
  target: string;
  /** When it arrived, by the site's clock (`SiteOptions.now`). */
  at: number;
  headers: IncomingHttpHeaders;
}

export interface SiteOptions {
  /** The address to listen on; `127.0.0.1` unless a test needs `::1` or `localhost`. */
  host?: string;
  /** The clock arrivals are stamped with: a fake one lets a test read pacing on virtual time. */
  now?: () => number;
}

/** A loopback web site for tests. */
export interface Site {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** The absolute URL of a path on this site. */
  url(path: string): string;
  /**
   * What each path answers, looked up by the request target (with its query), then by its path;
   * anything else is a 404. Tests may change it between requests.
   */
  routes: Map<string, Route>;
  /** Every request received, in order. */
  arrivals: Arrival[];
  /** Requests received for `path` (without query). */
  hitsOf(path: string): number;
  /** Resolves once `path` has been asked for `count` times in all. */
  arrived(path: string, count?: number): Promise<void>;
  /** Most requests the site was answering at one time. */
  maxInFlight(): number;
  /** Stops listening and cuts any open connection. */
  close(): Promise<void>;
}

const DEFAULT_TYPE = 'text/html; charset=utf-8';

/**
 * Starts a loopback web site answering from `routes` on a free port. The caller closes it; {@link useSite}
 * starts one for a whole file or `describe` and closes it itself.
 *
 * @example
 * const site = await startSite({ '/feed.xml': { type: 'application/rss+xml', body: FEED }, '/a.html': PAGE });
 * onTestFinished(site.close);
 */
export async function startSite(routes: Record<string, Route> = {}, options: SiteOptions = {}): Promise<Site> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const table = new Map(Object.entries(routes));
  const arrivals: Arrival[] = [];
  const watchers = new Set<() => void>();
  let inFlight = 0;
  let maxInFlight = 0;
  const hitsOf = (path: string) => arrivals.filter((arrival) => arrival.path === path).length;

  const server = createServer((request, response) => {
    const target = request.url ?? '/';
    const path = new URL(target, 'http://placeholder').pathname;
    arrivals.push({ path, target, at: now(), headers: request.headers });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => (inFlight -= 1));
    for (const watcher of watchers) watcher();
    answer(table.get(target) ?? table.get(path), request, response, hitsOf(path));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    routes: table,
    arrivals,
    hitsOf,
    arrived: (path, count = 1) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (hitsOf(path) < count) return;
          watchers.delete(check);
          resolve();
        };
        watchers.add(check);
        check();
      }),
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A site started before the tests of the enclosing file or `describe` and closed after them. Its fields
 * can be read once the tests run.
 *
 * @example
 * const site = useSite({ '/news': page(ARTICLE) });
 * it('reads the page', async () => expect((await fetchDocument(site.url('/news'), options)).status).toBe(200));
 */
export function useSite(routes: Record<string, Route> = {}, options: SiteOptions = {}): Site {
  let site: Site | undefined;
  beforeAll(async () => {
    site = await startSite(routes, options);
  });
  afterAll(async () => site?.close());
  return lazyHandle(() => site, 'useSite(): the site starts in beforeAll; read it inside a test or hook');
}

function answer(route: Route | undefined, request: IncomingMessage, response: ServerResponse, hit: number): void {
  if (route === undefined) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  if (typeof route === 'function') return route(request, response, hit);
  const fixed = typeof route === 'string' ? { body: route } : route;
  response.writeHead(fixed.status ?? 200, { 'content-type': fixed.type ?? DEFAULT_TYPE, ...fixed.headers }).end(fixed.body);
}
