import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface DigestTopicProps {
  /** Receive every watch's digest. */
  digestEmails: readonly string[];
}

/**
 * The digest topic and one unfiltered e-mail subscription per address in `digestEmails`. The readers of single
 * watches (`digest.email`) are not subscribed here: the watches live in the table, and
 * `stancewatch watches push --topic-arn` subscribes each reader with a filter policy allowing the watches that list
 * it (shared/notify/sns-readers.ts), or, on a stack with an SES sender, the digest function mails them itself.
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
  }
}
