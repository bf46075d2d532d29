import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_POLITENESS,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
} from './constants.js';
import type { FetchOptions, PolitenessOptions, RetryOptions } from './types.js';

/** Overrides for {@link defaultFetchOptions}; `retry` and `politeness` may name only the fields that change. */
export type FetchOptionsOverrides = Partial<Omit<FetchOptions, 'retry' | 'politeness'>> & {
  retry?: Partial<RetryOptions>;
  politeness?: Partial<PolitenessOptions>;
};

/**
 * Fetch options with the defaults a deployed function wants: 15 s timeout, 5 MB cap,
 * 5 redirects, robots.txt honoured, private network refused, 3 attempts on a 429/5xx, and at most
 * 2 requests in flight and one start per second per host.
 *
 * @example
 * const local = defaultFetchOptions({ allowPrivateNetwork: true }); // CLI watching an intranet page
 * const quick = defaultFetchOptions({ retry: { baseDelayMs: 5 } }); // a test that retries fast
 */
export function defaultFetchOptions(overrides: FetchOptionsOverrides = {}): FetchOptions {
  const { retry, politeness, ...rest } = overrides;
  return {
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    maxRedirects: DEFAULT_MAX_REDIRECTS,
    userAgent: DEFAULT_USER_AGENT,
    allowPrivateNetwork: false,
    respectRobots: true,
    ...rest,
    retry: { ...DEFAULT_RETRY, ...retry },
    politeness: { ...DEFAULT_POLITENESS, ...politeness },
  };
}
