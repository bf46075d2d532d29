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
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options);
    this.status = options?.status;
  }
  readonly status?: number;
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
