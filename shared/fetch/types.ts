/** Validators a server gave us last time, sent back for a conditional GET. */
export interface ConditionalState {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  /** Abort a request that has not finished by then (connect + body). */
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
  /** Present when reading the source already fetched the item (a page source, a file). */
  document?: FetchedDocument;
}

export interface SourceReading {
  kind: 'feed' | 'page' | 'directory' | 'not-modified';
  /** Feed title, page title or directory path, for logs and source health. */
  title?: string;
  items: SourceItem[];
  /** Validators to store for the next conditional GET of the source itself. */
  validators: ConditionalState;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  title?: string;
  entries: Array<Omit<SourceItem, 'document'>>;
}
