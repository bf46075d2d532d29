import type { HostPacer } from './host-pacer.js';

/** Validators a server gave us last time, sent back for a conditional GET. */
export interface ConditionalState {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  /**
   * One deadline for the whole fetch: every redirect hop, retry and backoff, the wait for a turn at a
   * busy host, and the bodies. Past it the fetch is aborted and not retried.
   */
  timeoutMs: number;
  /** Abort a body larger than this many bytes (streamed, never buffered past the cap). */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Local runs watch intranet pages and loopback test servers; Lambda refuses them (SSRF guard). */
  allowPrivateNetwork: boolean;
  /** Honour robots.txt for http(s) sources. */
  respectRobots: boolean;
  /** Injected for tests and adapters; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
  /**
   * Resolves a hostname for the SSRF guard; defaults to `dns.promises.lookup(host, { all: true })`.
   * Injected by tests that stand a loopback server in for a public host.
   */
  resolveHost?: HostResolver;
  /** Retries of a 429, a 5xx or a broken connection; defaults to `DEFAULT_RETRY` (3 attempts, 500 ms base, 8 s cap). */
  retry?: RetryOptions;
  /** Limits on requests to one host; defaults to `DEFAULT_POLITENESS` (2 in flight, starts 1 s apart, loopback exempt). */
  politeness?: PolitenessOptions;
  /** Paces requests per host; defaults to the one shared by the whole process. Tests inject a fresh one. */
  hostPacer?: HostPacer;
}

/**
 * When and how often a failed request is tried again. Only a 429, a 500/502/503/504 and a connection
 * that broke are retried, all within the fetch's one `timeoutMs` deadline.
 */
export interface RetryOptions {
  /** Tries per request, the first included; 1 turns retries off. */
  maxAttempts: number;
  /** The wait before retry n is random in [0, min(maxDelayMs, baseDelayMs × 2^(n−1))] ("full jitter"). */
  baseDelayMs: number;
  /** Cap on one backoff, and the longest `Retry-After` we wait for: a longer one fails the fetch at once. */
  maxDelayMs: number;
}

/** Process-wide limits on the requests we send to one host (`hostname:port`). */
export interface PolitenessOptions {
  /** Requests to one host in flight at once (at least 1). */
  perHostConcurrency: number;
  /** Minimum time between the starts of two requests to one host. */
  perHostDelayMs: number;
  /** Pace loopback hosts too (127.0.0.0/8, ::1, localhost); off so the local demo stays quick. */
  paceLoopback?: boolean;
}

/** Every address a hostname resolves to, as `dns.promises.lookup(host, { all: true })` returns them. */
export type HostResolver = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

/** One fetched document: bytes plus what is needed to decode and revalidate them. */
export interface FetchedDocument {
  /** The URL asked for. */
  requestedUrl: string;
  /** The final URL after redirects (or the file path as a file:// URL). */
  url: string;
  status: number;
  /** `true` when the server answered 304 to a conditional GET; `body` is then empty. */
  notModified: boolean;
  contentType?: string;
  body: Buffer;
  validators: ConditionalState;
}

/** An item a source points at: a feed entry, the page itself, or a file of a directory. */
export interface SourceItem {
  url: string;
  title?: string;
  publishedAt?: string;
  author?: string;
  /** A feed entry's own id (RSS `<guid>`, Atom `<id>`, JSON Feed `id`): a new one is a new item even at a known link. */
  guid?: string;
  /** When the feed says the entry last changed (Atom `<updated>`, JSON Feed `date_modified`): a change is a revision to read. */
  updatedAt?: string;
  /** Present when reading the source already fetched the item (a page source, a file). */
  document?: FetchedDocument;
}

export interface SourceReading {
  /** `index`: the article links of a page's listing; `sitemap`: a sitemap's recent URLs. */
  kind: 'feed' | 'page' | 'index' | 'sitemap' | 'directory' | 'not-modified';
  /** Feed title, page title or directory path, for logs and source health. */
  title?: string;
  /** How the items were found when the source led elsewhere ("the feed … the page advertises"), for logs. */
  via?: string;
  items: SourceItem[];
  /** Validators to store for the next conditional GET of the source itself. */
  validators: ConditionalState;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  title?: string;
  entries: Array<Omit<SourceItem, 'document'>>;
}
