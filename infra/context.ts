import type { Node } from 'constructs';
import { ConfigError } from '../shared/errors/index.js';

/** Deploy-time settings read from CDK context (`cdk.json` or `cdk synth -c key=value`). */
export interface StancewatchContext {
  /** Path of the watches config JSON, relative to the working directory. */
  configPath: string;
  /** Addresses that receive every watch's digest (SNS email subscriptions, no filter). */
  digestEmails: string[];
  /** Verified SES identity for HTML digests; unset means SNS email only. */
  sesFrom?: string;
  /** EventBridge schedule expression of the digest function. */
  digestSchedule: string;
  /** Secret of the Atom feed URLs (`-c feedToken=$(openssl rand -hex 16)`); unset means no feed function. */
  feedToken?: string;
  /** Guards the archive table against deletion; `-c deletionProtection=false` for throwaway test stacks. */
  deletionProtection: boolean;
}

export const CONTEXT_DEFAULTS = {
  config: 'samples/watches.aws.json',
  digestSchedule: 'rate(1 hour)',
  deletionProtection: true,
} as const;

// Deliberately loose: SNS and SES reject what is truly invalid; this catches typos like a missing '@'.
const EMAIL_PATTERN = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const SCHEDULE_PATTERN = /^(rate|cron)\(.+\)$/;
// Long enough not to be guessed; URL-safe so it can stand in a query string as it is.
const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24,}$/;

/**
 * Reads and validates Stancewatch's context keys. Errors name the key: values given with `-c` arrive as
 * strings, values from cdk.json keep their JSON type, so both `false` and `"false"` are accepted.
 *
 * @example
 * const settings = readStancewatchContext(app.node); // cdk synth -c digestEmail=a@example.com,b@example.com
 */
export function readStancewatchContext(node: Node): StancewatchContext {
  const configPath = readString(node, 'config') ?? CONTEXT_DEFAULTS.config;
  const digestEmails = parseEmailList(readString(node, 'digestEmail') ?? '');
  const sesFrom = readString(node, 'sesFrom') || undefined;
  if (sesFrom !== undefined && !EMAIL_PATTERN.test(sesFrom)) {
    throw new ConfigError(`context sesFrom: expected an email address, got "${sesFrom}"`);
  }
  const digestSchedule = readString(node, 'digestSchedule') || CONTEXT_DEFAULTS.digestSchedule;
  if (!SCHEDULE_PATTERN.test(digestSchedule)) {
    throw new ConfigError(`context digestSchedule: expected rate(...) or cron(...), got "${digestSchedule}"`);
  }
  const feedToken = readString(node, 'feedToken') || undefined;
  if (feedToken !== undefined && !FEED_TOKEN_PATTERN.test(feedToken)) {
    throw new ConfigError('context feedToken: expected at least 24 letters, digits, - or _ (e.g. `openssl rand -hex 16`)');
  }
  return {
    configPath,
    feedToken,
    digestEmails,
    sesFrom,
    digestSchedule,
    deletionProtection: readBoolean(node, 'deletionProtection') ?? CONTEXT_DEFAULTS.deletionProtection,
  };
}

/** Splits `a@example.com, b@example.com` into addresses, dropping blanks and duplicates. */
export function parseEmailList(value: string): string[] {
  const addresses = [...new Set(value.split(',').map((part) => part.trim()).filter(Boolean))];
  const invalid = addresses.filter((address) => !EMAIL_PATTERN.test(address));
  if (invalid.length > 0) {
    throw new ConfigError(`context digestEmail: expected comma-separated email addresses, got ${invalid.map((a) => `"${a}"`).join(', ')}`);
  }
  return addresses;
}

function readString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ConfigError(`context ${key}: expected a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

function readBoolean(node: Node, key: string): boolean | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(`context ${key}: expected true or false, got ${JSON.stringify(value)}`);
}
