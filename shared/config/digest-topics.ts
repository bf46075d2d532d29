import { ConfigError } from '../errors/index.js';

/**
 * Which SNS topics, besides the stack's own, the deployed digest function may publish to: the deploy-time setting
 * `digestTopics` (infra/context.ts), and what `stancewatch watches push` checks each watch's `digest.snsTopicArn`
 * against. One module, so the grant and the check cannot disagree.
 *
 * An entry is a full topic ARN (`arn:aws:sns:eu-west-1:123456789012:alerts`) or a topic-name pattern
 * (`stancewatch-*`), which stands for topics of that name in the stack's own account and region. `*` matches any
 * run of characters, as it does in an IAM resource; matching is case-sensitive, as IAM's is.
 */

/**
 * The default: topics named `stancewatch-…` in the stack's account and region, so a watch given a topic of that name
 * works with no flag. The stack's own topics are named `Stancewatch-…` (after the stack, upper case) and IAM matches
 * case-sensitively, so the default does not take in the ops topic.
 */
export const DEFAULT_DIGEST_TOPICS: readonly string[] = ['stancewatch-*'];

/** The value that grants no topic beyond the stack's own (`-c digestTopics=none`). */
export const NO_DIGEST_TOPICS = 'none';

/** Where a setting's name patterns resolve: the stack's partition, region and account (CDK tokens at synth). */
export interface TopicScope {
  partition: string;
  region: string;
  account: string;
}

// SNS topic names: letters, digits, hyphens and underscores, 1 to 256; `*` for a pattern.
const NAME_PATTERN = /^[A-Za-z0-9_*-]{1,256}$/;
/** A topic ARN as a setting or a watch names it: partition, region and account concrete. */
const ARN_PATTERN = /^arn:(aws[a-z-]*):sns:([a-z0-9-]+):(\d{12}):([^:]+)$/;
/** A granted ARN as `isDigestTopicAllowed` resolves it: a part of the stack's scope not known is `*`. */
const GRANT_PATTERN = /^arn:([a-z*-]+):sns:([a-z0-9*-]+):(\d{12}|\*):([^:]+)$/;

/**
 * Reads a digestTopics setting: a comma-separated string (`-c digestTopics=a,b`) or a list (cdk.json); blanks and
 * duplicates dropped, `none` for no topic beyond the stack's own. `label` names the setting in errors.
 *
 * @example
 * parseDigestTopics('stancewatch-*, arn:aws:sns:eu-west-1:123456789012:alerts', 'context digestTopics')
 */
export function parseDigestTopics(value: unknown, label: string): string[] {
  const entries = splitEntries(value, label);
  if (entries.includes(NO_DIGEST_TOPICS)) {
    if (entries.length > 1) throw new ConfigError(`${label}: "${NO_DIGEST_TOPICS}" cannot be combined with topics, got ${entries.join(',')}`);
    return [];
  }
  for (const entry of entries) assertTopicEntry(entry, label);
  return entries;
}

function splitEntries(value: unknown, label: string): string[] {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) && value.every((part) => typeof part === 'string') ? value : undefined;
  if (!parts) throw new ConfigError(`${label}: expected comma-separated topic ARNs or name patterns, or a list of them, got ${JSON.stringify(value)}`);
  return [...new Set(parts.map((part: string) => part.trim()).filter(Boolean))];
}

function assertTopicEntry(entry: string, label: string): void {
  const name = ARN_PATTERN.exec(entry)?.[4] ?? (entry.startsWith('arn:') ? undefined : entry);
  if (name === undefined || !NAME_PATTERN.test(name)) {
    throw new ConfigError(
      `${label}: "${entry}" is neither an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>) nor a topic name pattern ` +
        '(letters, digits, - and _, with * for any run of them, e.g. stancewatch-*)',
    );
  }
  // A bare `*` would let the digest function publish to every topic of the account, the ops topic among them.
  if (/^\*+$/.test(name)) {
    throw new ConfigError(`${label}: "${entry}" would allow every topic of the account, alarms included; name a prefix such as stancewatch-*`);
  }
}

/** Whether an entry is a name pattern (resolved in the stack's account and region) rather than a full ARN. */
export function isTopicNamePattern(entry: string): boolean {
  return !entry.startsWith('arn:');
}

/**
 * The ARN (or ARN pattern) an entry grants: a full ARN as it is, a name pattern in `scope`. Infra passes the stack's
 * tokens, so the result is the IAM resource.
 *
 * @example
 * digestTopicArn('stancewatch-*', { partition: 'aws', region: 'eu-west-1', account: '123456789012' })
 * // 'arn:aws:sns:eu-west-1:123456789012:stancewatch-*'
 */
export function digestTopicArn(entry: string, scope: TopicScope): string {
  return isTopicNamePattern(entry) ? `arn:${scope.partition}:sns:${scope.region}:${scope.account}:${entry}` : entry;
}

/**
 * Whether the digest function of a stack deployed with `entries` may publish to `topicArn`. A part of `scope` not
 * known (the CLI may not know the stack's account) matches any value: the check is then by the parts it knows.
 *
 * @example
 * isDigestTopicAllowed('arn:aws:sns:eu-west-1:123456789012:stancewatch-boj', DEFAULT_DIGEST_TOPICS, { region: 'eu-west-1' }) // true
 */
export function isDigestTopicAllowed(topicArn: string, entries: readonly string[], scope: Partial<TopicScope>): boolean {
  const topic = ARN_PATTERN.exec(topicArn)?.slice(1);
  if (!topic) return false;
  const known = { partition: scope.partition ?? '*', region: scope.region ?? '*', account: scope.account ?? '*' };
  return entries.some((entry) => {
    const grant = GRANT_PATTERN.exec(digestTopicArn(entry, known))?.slice(1);
    return grant !== undefined && grant.every((part, index) => matchesGlob(topic[index], part));
  });
}

/** IAM's `*`: any run of characters; everything else literal. */
function matchesGlob(value: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(value);
}

/** A digestTopics setting as one string, as `parseDigestTopics` reads it back: comma-separated, or `none`. */
export function formatDigestTopicsSetting(entries: readonly string[]): string {
  return entries.length > 0 ? entries.join(',') : NO_DIGEST_TOPICS;
}

/** A digestTopics value as `-c` takes it, quoted for the shell (a `*` must reach CDK as it is). */
export function formatDigestTopicsFlag(entries: readonly string[]): string {
  return `-c 'digestTopics=${formatDigestTopicsSetting(entries)}'`;
}

/**
 * What to do about a watch topic the digest function may not publish to: add the topic to the stack's setting and
 * deploy again. `setting` is the stack's digestTopics as the digest function was deployed with it (its
 * `DIGEST_TOPICS`, set by infra from the value the publish grant is made of), so the flag is the one to deploy with;
 * without it (a local run) the flag says where the current setting goes.
 *
 * @example
 * digestTopicAdvice('arn:aws:sns:eu-west-1:123456789012:alerts', ['stancewatch-*'])
 * // "add it to the stack's digestTopics setting (stancewatch-*) and deploy again: -c 'digestTopics=stancewatch-*,arn:…:alerts', …"
 */
export function digestTopicAdvice(topicArn: string, setting?: readonly string[]): string {
  const fix = 'or give the watch a topic the setting covers and push';
  if (!setting) {
    return (
      `add it to the stack's digestTopics setting and deploy again: ${formatDigestTopicsFlag(['<current setting>', topicArn])} ` +
      `(the default setting is ${DEFAULT_DIGEST_TOPICS.join(',')}), ${fix}`
    );
  }
  return `add it to the stack's digestTopics setting (${formatDigestTopicsSetting(setting)}) and deploy again: ${formatDigestTopicsFlag([...new Set([...setting, topicArn])])}, ${fix}`;
}
