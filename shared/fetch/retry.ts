import { RETRYABLE_STATUSES } from './constants.js';
import type { RetryOptions } from './types.js';

const MS_PER_SECOND = 1000;
/** fetch nests the socket error one or two levels down; the bound only guards against a cyclic cause. */
const MAX_CAUSE_DEPTH = 5;
/** `Retry-After: 120` — whole seconds, nothing else (RFC 9110 §10.2.3). */
const DELTA_SECONDS = /^\s*(\d+)\s*$/;
/** All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) open with a day name. */
const HTTP_DATE_START = /^\s*[A-Za-z]{3}/;
/** asctime dates carry no zone, and Date.parse would read them as local time; HTTP dates are GMT. */
const ENDS_WITH_ZONE = /(GMT|UTC|[+-]\d{4})\s*$/i;

/**
 * Error codes of a connection that could not be made or broke mid-exchange: worth another try.
 * A name that does not resolve (`ENOTFOUND`) or a TLS failure would fail the same way again.
 */
const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  // undici's names for a socket the other side closed, and for its own connect/headers/body timers.
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Why retrying stops: no attempts left, a `Retry-After` too long to sit through, or no time left for a backoff. */
export type RetryStop = 'exhausted' | 'wait-too-long' | 'no-time-left';

/** What to do after a failed attempt: wait and retry, or stop and say why. */
export type RetryPlan = { retry: true; delayMs: number } | { retry: false; why: RetryStop };

/**
 * The backoff before retry number `attempt` (1 = the first retry), with "full jitter": a random wait
 * in [0, min(maxDelayMs, baseDelayMs × 2^(attempt−1))], so clients that failed together do not come
 * back together.
 *
 * @example
 * backoffDelay(3, { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8000 }); // somewhere in [0, 2000]
 */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Seconds a `Retry-After` header asks us to wait: delta-seconds or an HTTP-date (rounded up, 0 for a
 * date already past). `undefined` when absent or unreadable, so the caller falls back to backoff.
 *
 * @example
 * parseRetryAfter('120', now);                            // 120
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now);  // seconds from now until then
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const delta = DELTA_SECONDS.exec(header);
  if (delta) return Number(delta[1]);
  if (!HTTP_DATE_START.test(header)) return undefined;
  const at = Date.parse(ENDS_WITH_ZONE.test(header) ? header : `${header} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / MS_PER_SECOND));
}

/**
 * Decides whether attempt number `attempt` (1-based), which failed in a retryable way, gets another
 * try and after how long. A server's `Retry-After` replaces the backoff; one longer than `maxDelayMs`
 * or than what is left of the deadline is not waited for at all: one slow host must not hold a batch.
 */
export function planRetry(
  failed: { attempt: number; retryAfterSeconds?: number; remainingMs: number },
  options: RetryOptions,
  random: () => number = Math.random,
): RetryPlan {
  if (failed.attempt >= options.maxAttempts) return { retry: false, why: 'exhausted' };
  if (failed.retryAfterSeconds !== undefined) {
    const delayMs = failed.retryAfterSeconds * MS_PER_SECOND;
    if (delayMs > options.maxDelayMs || delayMs >= failed.remainingMs) return { retry: false, why: 'wait-too-long' };
    return { retry: true, delayMs };
  }
  const delayMs = backoffDelay(failed.attempt, options, random);
  if (delayMs >= failed.remainingMs) return { retry: false, why: 'no-time-left' };
  return { retry: true, delayMs };
}

/** True for 429 and 500/502/503/504; any other 4xx (404, 403, 410) would be answered the same way again. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * True when a thrown value (or one of its causes) is a connection that was refused, reset or closed
 * mid-exchange. fetch wraps these: `TypeError: terminated` ← `SocketError: other side closed`.
 */
export function isTransientNetworkError(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++, current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) return true;
  }
  return false;
}
