/** Identifies us to servers and robots.txt; robots rules match the product token `stancewatch`. */
export const DEFAULT_USER_AGENT = 'Stancewatch/0.1 (+https://github.com/stancewatch/stancewatch)';

/** A news page or feed that takes longer than this is failing; the source is retried next run. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Large enough for a long article page or a busy feed, small enough to keep a Lambda's memory flat. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Browsers allow 20; news sites need two or three (http → https → www), so 5 leaves headroom. */
export const DEFAULT_MAX_REDIRECTS = 5;

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
