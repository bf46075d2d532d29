import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/index.js';
import { renderAtomFeed } from '../digest/index.js';
import type { DigestStore } from './ports.js';

/** Digests a feed shows: the recent past; the archive keeps the rest. */
const FEED_ENTRIES = 50;

export interface FeedDeps {
  config: Config;
  store: Pick<DigestStore, 'listDigests' | 'getDigest'>;
  /**
   * The secret that each watch's feed token is derived from (`feedTokenFor`). Read on demand, so the adapter can
   * keep it out of the function's configuration and cache it.
   */
  feedSecret: () => Promise<string>;
}

export interface FeedResponse {
  status: number;
  contentType: string;
  body: string;
}

const FEED_PATH = /^\/([a-z0-9][a-z0-9-]*)\.xml$/;
const PAGE_PATH = /^\/([a-z0-9][a-z0-9-]*)\/([0-9a-f]{32})\.html$/;

/**
 * A watch's feed token: readers put it in the URL (`?token=…`), as private podcast feeds do, since feed readers
 * cannot sign requests. Derived per watch, so the readers of one watch cannot open another's feed, and the
 * operator can compute it from the secret alone (README: `openssl dgst -sha256 -hmac`).
 *
 * @example
 * feedTokenFor(secret, 'russia-japan-treaty'); // 64 hex digits
 */
export function feedTokenFor(secret: string, watchId: string): string {
  return createHmac('sha256', secret).update(watchId).digest('hex');
}

/**
 * Serves a watch's digests to feed readers: `GET /<watch>.xml?token=…` is its Atom feed and
 * `GET /<watch>/<digestKey>.html?token=…` one digest, as the e-mail showed it. An unknown watch and a wrong
 * token get the same 403, so the feed URL does not tell strangers which watches exist.
 */
export async function serveFeedRequest(request: { path: string; token?: string }, deps: FeedDeps): Promise<FeedResponse> {
  const feed = FEED_PATH.exec(request.path);
  const page = PAGE_PATH.exec(request.path);
  const watch = deps.config.watches.find((candidate) => candidate.id === (feed ?? page)?.[1]);
  if (!watch) return forbidden();
  const token = feedTokenFor(await deps.feedSecret(), watch.id);
  if (!isTokenValid(request.token, token)) return forbidden();
  if (page) {
    const digest = await deps.store.getDigest(watch.id, page[2]);
    return digest?.status === 'delivered' ? { status: 200, contentType: 'text/html; charset=utf-8', body: digest.html } : text(404, 'No such digest');
  }
  const digests = await deps.store.listDigests(watch.id, FEED_ENTRIES);
  const entries = digests.map((digest) => ({ id: digest.digestKey, title: digest.subject, updated: digest.createdAt, html: digest.html }));
  return {
    status: 200,
    contentType: 'application/atom+xml; charset=utf-8',
    body: renderAtomFeed({ watchId: watch.id, watchName: watch.name }, entries, `?token=${token}`),
  };
}

function isTokenValid(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function forbidden(): FeedResponse {
  return text(403, "Forbidden: use the watch's feed URL with its token (README: Atom feed of digests)");
}

function text(status: number, body: string): FeedResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body };
}
