import { SNSClient } from '@aws-sdk/client-sns';
import {
  assertDeployable,
  DEFAULT_DIGEST_TOPICS,
  formatDigestTopicsFlag,
  isDigestTopicAllowed,
  isTopicNamePattern,
  loadConfigFile,
  parseDigestTopics,
  type Config,
  type TopicScope,
} from '../../shared/config/index.js';
import { StancewatchError } from '../../shared/errors/index.js';
import { assertFilterable, collectWatchEmails, reconcileReaderSubscriptions, type ReaderReport } from '../../shared/notify/index.js';
import { createDynamoClient, dynamoWatchConfig, type PushReport } from '../../shared/store/index.js';
import { formatRows } from './output.js';

/** Where the deployed stack keeps its watches: its archive table (stack output `TableName`). */
export interface WatchesTableOptions {
  table: string;
  /** A DynamoDB endpoint other than AWS's (dynalite, DynamoDB Local). */
  endpoint?: string;
  region?: string;
}

export interface WatchesPushOptions extends WatchesTableOptions {
  /** The stack's digest topic (output DigestTopicArn): each watch reader gets a filtered e-mail subscription to it. */
  topicArn?: string;
  /** The stack mails watch readers through SES (deployed with -c sesFrom): no subscriptions are made. */
  ses?: boolean;
  /**
   * The stack's digestTopics setting (stack output DigestTopics), when it was not deployed with the default: the
   * watches' own topics are checked against it.
   */
  digestTopics?: string;
}

export interface WatchesListOptions extends WatchesTableOptions {
  json?: boolean;
}

/**
 * `stancewatch watches push <file>`: validates the file as `cdk synth` did (the schema, then what the deployed
 * functions can use) and writes it to the table, where the functions read it within a minute. An invalid file
 * writes nothing.
 */
export async function watchesPushCommand(file: string, options: WatchesPushOptions): Promise<number> {
  const config = loadConfigFile(file);
  assertDeployable(config, file);
  const digestTopics = options.digestTopics === undefined ? [...DEFAULT_DIGEST_TOPICS] : parseDigestTopics(options.digestTopics, '--digest-topics');
  const readers = collectWatchEmails(config.watches);
  if (options.topicArn && !options.ses) assertFilterable(readers);
  // A warning, not a refusal: the push cannot read the deployed setting (it is the stack's, not the table's), so a
  // stack deployed with -c config= naming the topic, or with a setting not passed here, would be refused wrongly;
  // and deploying after the push is as good as before, since the digest fails only when it runs. Printed before the
  // write, so the user reads it before a digest fails.
  for (const line of uncoveredTopicWarnings(config, digestTopics, stackScopeOf(options))) process.stderr.write(`${line}\n`);
  await withWatchStore(options, async (store) => process.stdout.write(formatPushReport(await store.pushWatches(config), options.table)));
  if (options.ses) {
    process.stdout.write('readers of single watches are mailed through SES by the digest function: no subscriptions changed\n');
  } else if (options.topicArn) {
    const client = new SNSClient({ region: regionOfArn(options.topicArn) ?? options.region });
    try {
      process.stdout.write(formatReaderReport(await reconcileReaderSubscriptions(client, options.topicArn, readers), options.topicArn));
    } finally {
      client.destroy();
    }
  } else if (readers.size > 0) {
    process.stdout.write(`${readers.size} reader address(es) in digest.email not subscribed: pass --topic-arn <stack output DigestTopicArn> (or --ses on a stack with an SES sender)\n`);
  }
  for (const line of ownTopicWarnings(config)) process.stdout.write(`${line}\n`);
  return 0;
}

/**
 * The stack's partition, region and account, as far as the push knows them: all three from its digest topic
 * (--topic-arn, a stack output), else the table's region.
 */
function stackScopeOf(options: WatchesPushOptions): Partial<TopicScope> {
  const [, partition, region, account] = /^arn:([^:]+):sns:([^:]+):(\d{12}):/.exec(options.topicArn ?? '') ?? [];
  if (partition) return { partition, region, account };
  const tableRegion = options.region ?? process.env.AWS_REGION;
  return tableRegion ? { region: tableRegion } : {};
}

/**
 * Watches whose own topic (`digest.snsTopicArn`) the digest function may not publish to under the stack's
 * digestTopics setting (shared/config/digest-topics.ts, the rule the stack grants by), and exactly what to do.
 */
export function uncoveredTopicWarnings(config: Config, digestTopics: readonly string[], scope: Partial<TopicScope>): string[] {
  const ownTopics = config.watches.flatMap((watch) => (watch.digest?.snsTopicArn ? [{ id: watch.id, topicArn: watch.digest.snsTopicArn }] : []));
  const uncovered = ownTopics.filter(({ topicArn }) => !isDigestTopicAllowed(topicArn, digestTopics, scope));
  const setting = digestTopics.length > 0 ? digestTopics.join(',') : 'none';
  const lines = uncovered.map(
    ({ id, topicArn }) =>
      `warning: watch ${id} publishes to ${topicArn} (digest.snsTopicArn), which the stack's digestTopics setting (${setting}) does not cover: ` +
      'SNS will refuse its digests (AuthorizationError) and they will go to the digest dead-letter queue',
  );
  if (uncovered.length > 0) {
    const allowed = [...new Set([...digestTopics, ...uncovered.map(({ topicArn }) => topicArn)])];
    lines.push(
      `  to allow ${uncovered.length === 1 ? 'it' : 'them'}: deploy the stack again with ${formatDigestTopicsFlag(allowed)} ` +
        '(the watches pushed now start publishing once it is deployed); if the stack was deployed with another digestTopics ' +
        'setting, pass it as --digest-topics <stack output DigestTopics>',
    );
  }
  const unknown = [scope.account ? '' : 'account', scope.region ? '' : 'region'].filter(Boolean);
  if (uncovered.length < ownTopics.length && unknown.length > 0 && digestTopics.some(isTopicNamePattern)) {
    const [parts, verb, pronoun] = unknown.length > 1 ? ['account and region', 'are', 'them'] : [unknown[0], 'is', 'it'];
    lines.push(
      `note: the stack's ${parts} ${verb} not known here, so a watch topic in another ${parts.replace(' and ', ' or ')} would not be caught; ` +
        `pass --topic-arn <stack output DigestTopicArn> to check ${pronoun} too`,
    );
  }
  return lines;
}

/** `arn:aws:sns:eu-west-1:…` → `eu-west-1`: the topic's own region, whatever the table's. */
function regionOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:sns:([^:]+):/.exec(arn)?.[1];
}

/** Watches publishing to a topic of their own: their readers subscribe there, which push cannot do for them. */
function ownTopicWarnings(config: Config): string[] {
  return config.watches
    .filter((watch) => watch.digest?.snsTopicArn && watch.digest.email?.length)
    .map((watch) => `watch ${watch.id}: digest.email readers are not subscribed because the watch publishes to ${watch.digest!.snsTopicArn}; subscribe them to that topic`);
}

/** What happened to the readers' subscriptions, a line per kind of change, and what a reader must do. */
export function formatReaderReport(report: ReaderReport, topicArn: string): string {
  const lines = [`readers of ${topicArn}:`];
  const add = (addresses: string[], what: string) => {
    if (addresses.length > 0) lines.push(`  ${what}: ${addresses.join(', ')}`);
  };
  add(report.subscribed, 'subscribed (each must confirm the mail from AWS Notifications)');
  add(report.updated, 'filter updated to the watches that list them');
  add(report.unsubscribed, 'unsubscribed (no watch lists them)');
  add(report.unchanged, 'unchanged');
  add(report.receiveEverything, 'already receive every digest (digestEmail), left as they are');
  add(report.pending.filter((entry) => entry.listed).map((entry) => entry.address), 'awaiting confirmation, not changed (SNS allows no change before it; push again after they confirm)');
  add(
    report.pending.filter((entry) => !entry.listed).map((entry) => entry.address),
    'no longer listed but awaiting confirmation: SNS cannot unsubscribe them (unconfirmed subscriptions lapse after 3 days; if one confirms, push again)',
  );
  if (lines.length === 1) lines.push('  none: no watch has digest.email readers');
  return `${lines.join('\n')}\n`;
}

/** `stancewatch watches list`: the watches the deployed functions read, with the revision and when it was pushed. */
export async function watchesListCommand(options: WatchesListOptions): Promise<number> {
  return withWatchStore(options, async (store) => {
    const [meta, config] = [await store.readMeta(), await store.loadWatches()];
    if (!meta || !config) throw new StancewatchError(`no watches in table ${options.table} yet: run \`stancewatch watches push <file> --table ${options.table}\``);
    const rows = config.watches.map((watch) => ({
      id: watch.id,
      name: watch.name,
      schedule: watch.schedule,
      sources: watch.sources.length,
      readers: (watch.digest?.email ?? []).join(' '),
    }));
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ revision: meta.revision, pushedAt: meta.pushedAt, watches: config.watches }, null, 2)}\n`);
    } else {
      process.stdout.write(`revision ${meta.revision}, pushed ${meta.pushedAt}${meta.state === 'pushing' ? ' (a later push did not finish)' : ''}\n`);
      process.stdout.write(formatRows(rows, ['id', 'name', 'schedule', 'sources', 'readers'], 'table'));
    }
    return 0;
  });
}

async function withWatchStore<T>(options: WatchesTableOptions, use: (store: ReturnType<typeof dynamoWatchConfig>) => Promise<T>): Promise<T> {
  const client = createDynamoClient({ endpoint: options.endpoint, region: options.region });
  try {
    return await use(dynamoWatchConfig(client, options.table));
  } finally {
    client.destroy();
  }
}

/** `revision 3 of table T: 1 added (boj), 1 changed (treaty), 0 removed, 4 unchanged`. */
export function formatPushReport(report: PushReport, table: string): string {
  const part = (count: string[], what: string) => `${count.length} ${what}${count.length > 0 && what !== 'unchanged' ? ` (${count.join(', ')})` : ''}`;
  const changed = report.added.length + report.changed.length + report.removed.length > 0;
  const parts = [part(report.added, 'added'), part(report.changed, 'changed'), part(report.removed, 'removed'), part(report.unchanged, 'unchanged')];
  return `${changed ? `pushed revision ${report.revision}` : `nothing changed, still revision ${report.revision}`} of the watches in table ${table}: ${parts.join(', ')}\n`;
}
