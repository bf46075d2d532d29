import { Annotations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { Watch } from '../../shared/config/index.js';

/** The SNS message attribute the notifier sets to the watch id; per-watch subscriptions filter on it. */
export const WATCH_MESSAGE_ATTRIBUTE = 'watch';

export interface DigestTopicProps {
  watches: readonly Watch[];
  /** Receive every watch's digest. */
  digestEmails: readonly string[];
  /**
   * Verified SES identity of the digest function. When set, the function mails each watch's `digest.email`
   * readers the HTML digest itself, so they get no SNS subscription (it would send them every digest twice).
   */
  sesFrom?: string;
}

/**
 * The digest topic and its email subscriptions: one unfiltered subscription per address in `digestEmails`,
 * and, without `sesFrom`, one filtered subscription per other address named in a watch's `digest.email`,
 * allowing the ids of every watch that lists it (SNS keeps one subscription per topic, protocol and address).
 * With `sesFrom` those readers get the digest through SES only.
 */
export class DigestTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: DigestTopicProps) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Stancewatch digests',
      // The AWS-managed key costs nothing and needs no key policy; a customer key comes with the hardening issue.
      masterKey: kms.Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns'),
      enforceSSL: true,
    });

    for (const address of props.digestEmails) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(address));
    }

    // With SES the digest function mails these readers itself (HTML), those of watches with their own topic
    // too: an SNS subscription would be a second copy of every digest.
    if (!props.sesFrom) this.subscribeWatchReaders(props.watches, props.digestEmails);
  }

  /** A filtered subscription per watch reader; a warning for readers of watches that publish elsewhere. */
  private subscribeWatchReaders(watches: readonly Watch[], digestEmails: readonly string[]): void {
    for (const [address, watchIds] of collectWatchEmails(watches, digestEmails)) {
      this.topic.addSubscription(
        new subscriptions.EmailSubscription(address, {
          filterPolicy: { [WATCH_MESSAGE_ATTRIBUTE]: sns.SubscriptionFilter.stringFilter({ allowlist: watchIds }) },
        }),
      );
    }

    for (const watch of watches) {
      if (watch.digest?.snsTopicArn && watch.digest.email?.length) {
        Annotations.of(this).addWarningV2(
          'stancewatch:externalTopicEmail',
          `watch ${watch.id}: digest.email addresses are not subscribed because the watch publishes to ${watch.digest.snsTopicArn}; subscribe them to that topic`,
        );
      }
    }
  }
}

/**
 * Maps each per-watch address to the ids of the watches that list it, skipping addresses that already
 * receive everything and watches that publish to their own topic. Addresses compare case-insensitively;
 * the first spelling seen is kept.
 */
export function collectWatchEmails(watches: readonly Watch[], digestEmails: readonly string[]): Map<string, string[]> {
  const everything = new Set(digestEmails.map((address) => address.toLowerCase()));
  const byKey = new Map<string, { address: string; watchIds: string[] }>();
  for (const watch of watches) {
    if (watch.digest?.snsTopicArn) continue;
    for (const address of watch.digest?.email ?? []) {
      const key = address.toLowerCase();
      if (everything.has(key)) continue;
      const entry = byKey.get(key) ?? { address, watchIds: [] };
      if (!entry.watchIds.includes(watch.id)) entry.watchIds.push(watch.id);
      byKey.set(key, entry);
    }
  }
  return new Map([...byKey.values()].map(({ address, watchIds }) => [address, watchIds]));
}
