import type { PolitenessOptions, RetryOptions } from './types.js';

/** Identifies us to servers and robots.txt; robots rules match the product token `stancewatch`. */
export const DEFAULT_USER_AGENT = 'Stancewatch/0.1 (+https://github.com/stancewatch/stancewatch)';

/** A news page or feed that takes longer than this is failing; the source is retried next run. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Large enough for a long article page or a busy feed, small enough to keep a Lambda's memory flat. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Browsers allow 20; news sites need two or three (http → https → www), so 5 leaves headroom. */
export const DEFAULT_MAX_REDIRECTS = 5;

/**
 * Three tries ride out a deploy or a brief overload; more would only add load to a struggling site.
 * Backoffs of up to 0.5 s and 1 s fit well inside the 15 s deadline; 8 s is the longest `Retry-After`
 * worth sitting through in a Lambda that has other sources waiting.
 */
export const DEFAULT_RETRY: Readonly<RetryOptions> = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * Two requests in flight and one start per second per host: what a careful crawler sends, and still
 * enough for a source's handful of new articles. Loopback is exempt so the bundled demo stays quick.
 */
export const DEFAULT_POLITENESS: Readonly<Required<PolitenessOptions>> = {
  perHostConcurrency: 2,
  perHostDelayMs: 1_000,
  paceLoopback: false,
};

/** Statuses that mean "not now" rather than "no": rate limited, or the server or its gateway failing. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** What a source or page fetch asks for: feeds first, then HTML, then anything. */
export const ACCEPT_HEADER =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5';

/** The HTTP statuses that carry a `Location` to follow. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export const NOT_MODIFIED_STATUS = 304;

/** Status reported for a file:// read, so callers treat files and HTTP responses alike. */
export const FILE_OK_STATUS = 200;

/** Content types guessed from a file's extension for file:// sources. */
export const FILE_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.atom': 'application/xml',
  '.rss': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

/** Files a directory source turns into items; other files (images, notes) are ignored. */
export const DIRECTORY_DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.htm', '.txt', '.xml']);
