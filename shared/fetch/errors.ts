import { FetchError, type FetchErrorDetails, type FetchFailureReason } from '../errors/index.js';

/**
 * Names the URL a failure happened at; after a redirect it also names the URL that was asked for,
 * so a log line explains why a source ended up somewhere else.
 */
export function describeTarget(requestedUrl: string, currentUrl: string): string {
  return currentUrl === requestedUrl ? currentUrl : `${currentUrl} (redirected from ${requestedUrl})`;
}

/** A FetchError about `requestedUrl`, the URL the caller asked for and records the failure against. */
export function fetchFailure(
  requestedUrl: string,
  reason: FetchFailureReason,
  message: string,
  options?: FetchErrorDetails,
): FetchError {
  return new FetchError(message, requestedUrl, reason, options);
}

/** Short text of an unknown thrown value, for messages. */
export function causeText(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
