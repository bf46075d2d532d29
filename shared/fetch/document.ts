import { fetchFailure } from './errors.js';
import { readFileDocument } from './file.js';
import { fetchHttpDocument } from './http.js';
import type { ConditionalState, FetchedDocument, FetchOptions } from './types.js';

const SUPPORTED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'file:']);

/**
 * Fetches one document over http(s) or reads it from a file:// URL.
 *
 * http(s): redirects are followed by hand (each hop re-checked by the SSRF guard and robots.txt),
 * a 429, 5xx or broken connection is retried with backoff (honouring `Retry-After`), requests to one
 * host are paced process-wide (`politeness`), the whole exchange runs under `timeoutMs`, the body is
 * streamed and abandoned past `maxBytes`, and `validators` turn the GET conditional (a 304 gives
 * `notModified: true` and an empty body).
 *
 * @throws FetchError with reason `bad-url`, `blocked-address`, `robots`, `timeout`, `too-large`,
 * `too-many-redirects`, `http-status` (with `status`, and `retryAfterSeconds` when the server sent
 * one), `network` or `unsupported-content`.
 *
 * @example
 * const page = await fetchDocument(url, defaultFetchOptions(), stored.validators);
 * if (!page.notModified) await store(page.body, page.validators);
 */
export async function fetchDocument(
  url: string,
  options: FetchOptions,
  validators?: ConditionalState,
): Promise<FetchedDocument> {
  const target = parseSourceUrl(url);
  if (target.protocol === 'file:') return readFileDocument(url, target, options, validators);
  return fetchHttpDocument(url, target, options, validators);
}

/**
 * Parses a URL we are asked to fetch; only http, https and file are accepted.
 *
 * @throws FetchError `bad-url`.
 */
export function parseSourceUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch (cause) {
    throw fetchFailure(url, 'bad-url', `${JSON.stringify(url)} is not a valid URL; not fetched`, { cause });
  }
  if (!SUPPORTED_PROTOCOLS.has(target.protocol)) {
    throw fetchFailure(url, 'bad-url', `${url} uses ${target.protocol} — only http, https and file URLs are fetched; not fetched`);
  }
  return target;
}
