import type { Node } from 'constructs';
import { DEFAULT_DIGEST_TOPICS, parseDigestTopics } from '../shared/config/index.js';
import { ConfigError } from '../shared/errors/index.js';

/** Deploy-time settings read from CDK context (`cdk.json` or `cdk synth -c key=value`). */
export interface StancewatchContext {
  /**
   * Path of a watches config JSON to validate at synth (`-c config=`), relative to the working directory; optional:
   * the deployed functions read the watches from the table (`stancewatch watches push`). Given, its watches' own
   * digest topics (`digest.snsTopicArn`) are granted to the digest function, besides `digestTopics`.
   */
  configPath?: string;
  /**
   * The SNS topics, besides the stack's own, the digest function may publish to for watches with a topic of their own
   * (`digest.snsTopicArn`): full ARNs, or name patterns with `*` in the stack's account and region
   * (shared/config/digest-topics.ts). Default `stancewatch-*`; `none` grants no other topic. `watches push` checks
   * each watch's topic against the same rule.
   */
  digestTopics: string[];
  /** Addresses that receive every watch's digest (SNS email subscriptions, no filter). */
  digestEmails: string[];
  /** Verified SES identity for HTML digests; unset means SNS email only. */
  sesFrom?: string;
  /** EventBridge schedule expression of the digest function. */
  digestSchedule: string;
  /**
   * How often the schedule function enqueues the sources of the watches due (`rate(<n> minutes|hours)`): a watch's
   * own `schedule` is kept to within one tick.
   */
  scheduleTick: string;
  /**
   * Source messages waiting, for 15 minutes, that raise the backlog alarm. The sources of a pass are in the table now,
   * not known at synth: set it to about twice the sources of your busiest tick (`stancewatch watches list`).
   */
  backlogAlarmMessages: number;
  /** Serve each watch's digests as an Atom feed (`-c feed=true`); its secret is generated in Secrets Manager. */
  feed: boolean;
  /** Guards the archive table against deletion; `-c deletionProtection=false` for throwaway test stacks. */
  deletionProtection: boolean;
  /** Deploy with no `digestEmail` on purpose (`-c allowNoRecipients=true`): alarms and unrouted digests reach no one. */
  allowNoRecipients: boolean;
  /**
   * Processor invocations at once (the SQS event source's `maxConcurrency`): from 2 to 1,000, as SQS allows, and
   * with the digest workers under the account's unreserved concurrency (infra/concurrency.ts).
   */
  processorConcurrency: number;
  /** The account's Lambda concurrency quota in the region (1,000 by default; new accounts may start at 10). */
  accountConcurrency: number;
}

export const CONTEXT_DEFAULTS = {
  digestSchedule: 'rate(1 hour)',
  // Watches on rate(15 minutes) or cron(*/5 …) keep their times; a finer schedule runs once a tick.
  scheduleTick: 'rate(5 minutes)',
  // Two passes of 1,000 sources: enough not to alarm mid-pass for most deployments; set yours.
  backlogAlarmMessages: 2_000,
  deletionProtection: true,
  feed: false,
  allowNoRecipients: false,
  // Two processors keep the load on news sites low; raise it for thousands of sources an hour (README: Scale).
  processorConcurrency: 2,
  // The default Lambda concurrency quota of an account; set it to yours (Service Quotas) when it differs.
  accountConcurrency: 1_000,
  // A watch given a topic named stancewatch-… in the stack's account and region publishes with no flag.
  digestTopics: DEFAULT_DIGEST_TOPICS,
} as const;

/** What SQS allows for an event source's `maxConcurrency`. */
export const PROCESSOR_CONCURRENCY_RANGE = { min: 2, max: 1_000 } as const;

// Deliberately loose: SNS and SES reject what is truly invalid; this catches typos like a missing '@'.
const EMAIL_PATTERN = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const SCHEDULE_PATTERN = /^(rate|cron)\(.+\)$/;
/** A tick is a rate, whose period is the window it covers; minutes or hours (a tick of days would skip most watches). */
const TICK_PATTERN = /^rate\((1 minute|[1-9]\d* minutes|1 hour|[1-9]\d* hours)\)$/;

/**
 * Reads and validates Stancewatch's context keys. Errors name the key: values given with `-c` arrive as
 * strings, values from cdk.json keep their JSON type, so both `false` and `"false"` are accepted.
 *
 * @example
 * const settings = readStancewatchContext(app.node); // cdk synth -c digestEmail=a@example.com,b@example.com
 */
export function readStancewatchContext(node: Node): StancewatchContext {
  const configPath = readString(node, 'config') || undefined;
  const digestTopics = readDigestTopics(node);
  const digestEmails = parseEmailList(readString(node, 'digestEmail') ?? '');
  const sesFrom = readString(node, 'sesFrom') || undefined;
  if (sesFrom !== undefined && !EMAIL_PATTERN.test(sesFrom)) {
    throw new ConfigError(`context sesFrom: expected an email address, got "${sesFrom}"`);
  }
  const digestSchedule = readString(node, 'digestSchedule') || CONTEXT_DEFAULTS.digestSchedule;
  if (!SCHEDULE_PATTERN.test(digestSchedule)) {
    throw new ConfigError(`context digestSchedule: expected rate(...) or cron(...), got "${digestSchedule}"`);
  }
  const scheduleTick = readString(node, 'scheduleTick') || CONTEXT_DEFAULTS.scheduleTick;
  if (!TICK_PATTERN.test(scheduleTick)) {
    throw new ConfigError(`context scheduleTick: expected rate(<n> minutes) or rate(<n> hours), got "${scheduleTick}"`);
  }
  const backlogAlarmMessages = readWholeNumber(node, 'backlogAlarmMessages') ?? CONTEXT_DEFAULTS.backlogAlarmMessages;
  if (backlogAlarmMessages < 1) throw new ConfigError(`context backlogAlarmMessages: expected 1 or more, got ${backlogAlarmMessages}`);
  if (node.tryGetContext('feedToken') !== undefined) {
    // A secret given on the command line ends up in the template and cdk.out; the stack now generates its own.
    throw new ConfigError('context feedToken: no longer accepted; deploy with -c feed=true and the feed secret is generated in Secrets Manager (README: Atom feed of digests)');
  }
  const allowNoRecipients = readBoolean(node, 'allowNoRecipients') ?? CONTEXT_DEFAULTS.allowNoRecipients;
  if (digestEmails.length === 0 && !allowNoRecipients) {
    throw new ConfigError(
      'context digestEmail: no address given, so alarms and digests would reach no one; deploy with -c digestEmail=ops@example.com ' +
        '(comma-separated), or with -c allowNoRecipients=true to deploy without on purpose',
    );
  }
  return {
    configPath,
    digestTopics,
    digestEmails,
    sesFrom,
    digestSchedule,
    scheduleTick,
    backlogAlarmMessages,
    feed: readBoolean(node, 'feed') ?? CONTEXT_DEFAULTS.feed,
    deletionProtection: readBoolean(node, 'deletionProtection') ?? CONTEXT_DEFAULTS.deletionProtection,
    allowNoRecipients,
    processorConcurrency: readProcessorConcurrency(node),
    accountConcurrency: readWholeNumber(node, 'accountConcurrency') ?? CONTEXT_DEFAULTS.accountConcurrency,
  };
}

/** A list (cdk.json) or a comma-separated string (`-c digestTopics=a,b`); unset or blank is the default. */
function readDigestTopics(node: Node): string[] {
  const value: unknown = node.tryGetContext('digestTopics');
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return [...CONTEXT_DEFAULTS.digestTopics];
  return parseDigestTopics(value, 'context digestTopics');
}

function readProcessorConcurrency(node: Node): number {
  const value = readWholeNumber(node, 'processorConcurrency') ?? CONTEXT_DEFAULTS.processorConcurrency;
  const { min, max } = PROCESSOR_CONCURRENCY_RANGE;
  if (value < min || value > max) {
    throw new ConfigError(`context processorConcurrency: expected ${min} to ${max} (what SQS allows an event source's maxConcurrency), got ${value}`);
  }
  return value;
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

/** A whole number, from cdk.json (a number) or `-c key=N` (a string). */
function readWholeNumber(node: Node, key: string): number | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new ConfigError(`context ${key}: expected a whole number, got ${JSON.stringify(value)}`);
  }
  return number;
}

function readBoolean(node: Node, key: string): boolean | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(`context ${key}: expected true or false, got ${JSON.stringify(value)}`);
}
