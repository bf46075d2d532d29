import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './constants.js';
import type { FetchOptions } from './types.js';

/**
 * Fetch options with the defaults a deployed function wants: 15 s timeout, 5 MB cap,
 * 5 redirects, robots.txt honoured, private network refused.
 *
 * @example
 * const local = defaultFetchOptions({ allowPrivateNetwork: true }); // CLI watching an intranet page
 */
export function defaultFetchOptions(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    maxRedirects: DEFAULT_MAX_REDIRECTS,
    userAgent: DEFAULT_USER_AGENT,
    allowPrivateNetwork: false,
    respectRobots: true,
    ...overrides,
  };
}
