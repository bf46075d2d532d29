/**
 * One base class for every error Stancewatch raises on purpose. Subclasses exist only where a
 * caller reacts differently. Messages name the input, what failed and what happens next.
 */
export class StancewatchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A source or page could not be fetched; the run records it on the source and goes on. */
export class FetchError extends StancewatchError {
  constructor(
    message: string,
    readonly url: string,
    readonly reason: FetchFailureReason,
    options?: FetchErrorDetails,
  ) {
    super(message, options);
    this.status = options?.status;
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.bodyHead = options?.bodyHead;
  }
  readonly status?: number;
  /** The wait a 429 or 5xx asked for in its `Retry-After` header, when it gave one. */
  readonly retryAfterSeconds?: number;
  /** The start of a 403, 429 or 503 answer's body: where a bot wall shows itself (source health). */
  readonly bodyHead?: string;
}

export interface FetchErrorDetails {
  cause?: unknown;
  status?: number;
  retryAfterSeconds?: number;
  bodyHead?: string;
}

export type FetchFailureReason =
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'blocked-address'
  | 'robots'
  | 'unsupported-content'
  | 'too-many-redirects'
  | 'network'
  | 'bad-url';

/** The config file (or the environment) is invalid; the message names the field and the file. */
export class ConfigError extends StancewatchError {}
