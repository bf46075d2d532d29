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

/** Servers refuse longer request lines (Apache at 8,190 bytes): a longer link or canonical URL cannot be fetched. */
export const MAX_URL_CHARS = 8_192;

/**
 * Titles travel into logs, fetch state and beside every statement and link of an article, so they are bounded: a
 * headline runs under 300 characters, and a longer feed, link or page title is cut (on a word).
 */
export const MAX_TITLE_CHARS = 300;

/**
 * One text node (or plain-text line) of a page is kept up to this many characters. News paragraphs run to a few
 * thousand; a longer run is a flattened table, a script dumped as text or a hostile page, and every stage reads each
 * paragraph several times (a single 20 MB paragraph took 18 s and 1.7 GB before this cap).
 */
export const MAX_TEXT_RUN_CHARS = 100_000;

/**
 * Text read from one page, scripts and styles aside: about what `DEFAULT_MAX_BYTES` lets through, so a fetched
 * page is never cut and a bigger document handed to extraction costs no more than one that size.
 */
export const MAX_PAGE_TEXT_CHARS = 5_000_000;

/**
 * Elements nested deeper than this are flattened into their text. Real pages nest 30 to 60 levels; Blink stops
 * at 512. Ours is lower because several stages (and cheerio's `text()`) recurse once per level.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * Start tags past this depth are dropped before parsing (see `limitNesting`); Blink's limit. Higher than
 * `MAX_NESTING_DEPTH` because the pre-parse scan only approximates the parser's implied end tags.
 */
export const MAX_PARSE_DEPTH = 512;

/** A document has a doctype, `<html>` and a few comments at its root; more top-level nodes make it a fragment. */
export const MAX_ROOT_NODES = 64;
