import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/index.js';
import { renderAtomFeed } from '../notify/atom-feed.js';
import type { DigestStore } from '../store/types.js';

/** Digests a feed shows: the recent past; the archive keeps the rest. */
const FEED_ENTRIES = 50;

export interface FeedDeps {
  config: Config;
  store: Pick<DigestStore, 'listDigests' | 'getDigest'>;
  /** Readers put it in the URL (`?token=…`), as private podcast feeds do: feed readers cannot sign requests. */
  feedToken: string;
}

export interface FeedResponse {
  status: number;
  contentType: string;
  body: string;
}

const FEED_PATH = /^\/([a-z0-9][a-z0-9-]*)\.xml$/;
const PAGE_PATH = /^\/([a-z0-9][a-z0-9-]*)\/([0-9a-f]{32})\.html$/;

/**
 * Serves a watch's digests to feed readers: `GET /<watch>.xml?token=…` is its Atom feed and
 * `GET /<watch>/<digestKey>.html?token=…` one digest, as the e-mail showed it.
 */
export async function serveFeedRequest(request: { path: string; token?: string }, deps: FeedDeps): Promise<FeedResponse> {
  if (!isTokenValid(request.token, deps.feedToken)) return text(403, 'Forbidden: add ?token=… from the stack output FeedUrl');
  const feed = FEED_PATH.exec(request.path);
  const page = PAGE_PATH.exec(request.path);
  const watch = deps.config.watches.find((candidate) => candidate.id === (feed ?? page)?.[1]);
  if (!watch) return text(404, `No such feed: ${request.path} (feeds: ${deps.config.watches.map((w) => `/${w.id}.xml`).join(', ')})`);
  if (page) {
    const digest = await deps.store.getDigest(watch.id, page[2]);
    return digest?.status === 'delivered' ? { status: 200, contentType: 'text/html; charset=utf-8', body: digest.html } : text(404, 'No such digest');
  }
  const digests = await deps.store.listDigests(watch.id, FEED_ENTRIES);
  const entries = digests.map((digest) => ({ id: digest.digestKey, title: digest.subject, updated: digest.createdAt, html: digest.html }));
  return {
    status: 200,
    contentType: 'application/atom+xml; charset=utf-8',
    body: renderAtomFeed({ watchId: watch.id, watchName: watch.name }, entries, `?token=${encodeURIComponent(deps.feedToken)}`),
  };
}

function isTokenValid(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function text(status: number, body: string): FeedResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body };
}
