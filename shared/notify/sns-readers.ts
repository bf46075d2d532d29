import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
  UnsubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { Watch } from '../config/index.js';
import { ConfigError } from '../errors/index.js';

/** The SNS message attribute the notifier sets to the watch id (sns.ts); reader subscriptions filter on it. */
export const WATCH_MESSAGE_ATTRIBUTE = 'watch';
/** SNS allows a filter policy 150 values in all: a reader of more watches cannot be routed by one subscription. */
export const MAX_FILTER_VALUES = 150;
/** What SNS answers for the ARN of a subscription nobody has confirmed yet: it cannot be changed or removed. */
const PENDING = 'PendingConfirmation';

/** What reconciling the readers did, by address. */
export interface ReaderReport {
  /** Subscribed now: each gets a confirmation mail from AWS, and digests once they confirm. */
  subscribed: string[];
  /** Their filter policy now allows a different set of watches. */
  updated: string[];
  /** No watch lists them any more. */
  unsubscribed: string[];
  unchanged: string[];
  /** Waiting for the reader to confirm: SNS lets nobody change or remove these; they lapse after 3 days unconfirmed. */
  pending: Array<{ address: string; listed: boolean }>;
  /** Subscribed to every digest already (no filter, the stack's digestEmail): left as they are. */
  receiveEverything: string[];
}

/**
 * Maps each reader address named in a watch's `digest.email` to the ids of the watches that list it. Watches that
 * publish to their own topic are left out (their readers subscribe to that topic). Addresses compare
 * case-insensitively; the first spelling is kept.
 */
export function collectWatchEmails(watches: readonly Watch[]): Map<string, string[]> {
  const byKey = new Map<string, { address: string; watchIds: string[] }>();
  for (const watch of watches) {
    if (watch.digest?.snsTopicArn) continue;
    for (const address of watch.digest?.email ?? []) {
      const entry = byKey.get(address.toLowerCase()) ?? { address, watchIds: [] };
      if (!entry.watchIds.includes(watch.id)) entry.watchIds.push(watch.id);
      byKey.set(address.toLowerCase(), entry);
    }
  }
  return new Map([...byKey.values()].map(({ address, watchIds }) => [address, watchIds]));
}

interface EmailSubscription {
  address: string;
  arn: string;
  /** The watch ids its filter allows; undefined for a subscription with no filter (every digest). */
  watchIds?: string[];
  /** A filter on something other than the watch attribute: someone else's, left alone. */
  foreign: boolean;
}

/**
 * Makes the digest topic's e-mail subscriptions match the readers of the pushed watches, as the stack did at synth
 * before the watches left it: one subscription per reader, its filter policy allowing the watches that list it.
 * Subscribes new readers, updates changed filters (SetSubscriptionAttributes), unsubscribes readers no watch lists.
 * Subscriptions without a filter (the stack's `digestEmail`) and those filtering on other attributes are not touched.
 *
 * @example
 * await reconcileReaderSubscriptions(new SNSClient({}), topicArn, collectWatchEmails(config.watches));
 */
export async function reconcileReaderSubscriptions(client: SNSClient, topicArn: string, readers: Map<string, string[]>): Promise<ReaderReport> {
  assertFilterable(readers);
  const existing = await listEmailSubscriptions(client, topicArn);
  const byAddress = new Map(existing.map((subscription) => [subscription.address.toLowerCase(), subscription]));
  const report: ReaderReport = { subscribed: [], updated: [], unsubscribed: [], unchanged: [], pending: [], receiveEverything: [] };

  for (const [address, watchIds] of readers) {
    const current = byAddress.get(address.toLowerCase());
    if (!current) {
      await client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email', Endpoint: address, Attributes: { FilterPolicy: filterPolicy(watchIds) }, ReturnSubscriptionArn: true }));
      report.subscribed.push(address);
    } else if (current.arn === PENDING) {
      report.pending.push({ address, listed: true });
    } else if (!current.watchIds) {
      report.receiveEverything.push(address);
    } else if (current.foreign) {
      continue;
    } else if (sameIds(current.watchIds, watchIds)) {
      report.unchanged.push(address);
    } else {
      await client.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: current.arn, AttributeName: 'FilterPolicy', AttributeValue: filterPolicy(watchIds) }));
      report.updated.push(address);
    }
  }

  const listed = new Set([...readers.keys()].map((address) => address.toLowerCase()));
  for (const subscription of existing) {
    if (listed.has(subscription.address.toLowerCase())) continue;
    if (subscription.arn === PENDING) report.pending.push({ address: subscription.address, listed: false });
    else if (subscription.watchIds && !subscription.foreign) {
      await client.send(new UnsubscribeCommand({ SubscriptionArn: subscription.arn }));
      report.unsubscribed.push(subscription.address);
    }
  }
  return report;
}

/** `{"watch":["a","b"]}`: the filter policy the stack gave reader subscriptions. */
export function filterPolicy(watchIds: readonly string[]): string {
  return JSON.stringify({ [WATCH_MESSAGE_ATTRIBUTE]: [...watchIds] });
}

/** Checked before any change (the CLI checks before it pushes): a reader SNS cannot route is named, and nothing changes. */
export function assertFilterable(readers: Map<string, string[]>): void {
  const tooMany = [...readers].filter(([, watchIds]) => watchIds.length > MAX_FILTER_VALUES);
  if (tooMany.length > 0) {
    const names = tooMany.map(([address, watchIds]) => `${address} (${watchIds.length} watches)`).join(', ');
    throw new ConfigError(`SNS filter policies allow ${MAX_FILTER_VALUES} values: ${names} read too many watches for one subscription; no subscription was changed`);
  }
}

/** Every e-mail subscription of the topic, with the watches its filter allows (one GetSubscriptionAttributes each). */
async function listEmailSubscriptions(client: SNSClient, topicArn: string): Promise<EmailSubscription[]> {
  const found: EmailSubscription[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }));
    for (const subscription of page.Subscriptions ?? []) {
      if (subscription.Protocol !== 'email' || !subscription.Endpoint || !subscription.SubscriptionArn) continue;
      found.push(await describeSubscription(client, subscription.Endpoint, subscription.SubscriptionArn));
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}

async function describeSubscription(client: SNSClient, address: string, arn: string): Promise<EmailSubscription> {
  if (arn === PENDING) return { address, arn, foreign: false };
  const { Attributes } = await client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }));
  if (!Attributes?.FilterPolicy) return { address, arn, foreign: false };
  const policy = JSON.parse(Attributes.FilterPolicy) as Record<string, unknown>;
  const values = policy[WATCH_MESSAGE_ATTRIBUTE];
  const ours = Object.keys(policy).length === 1 && Array.isArray(values) && values.every((value) => typeof value === 'string');
  return { address, arn, watchIds: ours ? (values as string[]) : [], foreign: !ours };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
