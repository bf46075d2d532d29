import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** What a human must hear of: an address that bounces (the reader list needs fixing) or a reader who marked the digest as spam. */
export const SES_OPS_EVENTS = [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT] as const;

export interface SesDeliveryProps {
  /** The ops topic: bounce and complaint events are published there, beside the alarms. */
  eventTopic: sns.ITopic;
  /** The topic's customer-managed key: SES must be let in to publish encrypted messages. */
  eventTopicKey: kms.IKey;
}

/**
 * The SES configuration set the digest function sends with (`-c sesFrom`): bounces and complaints go to the ops
 * topic, and addresses that bounce or complain are suppressed, so a dead reader address stops costing reputation.
 * The event destination adds the topic policy statement SES needs (conditioned on this account and this
 * configuration set); the key grant is added here.
 */
export class SesDelivery extends Construct {
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: SesDeliveryProps) {
    super(scope, id);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    this.configurationSet.addEventDestination('ToOpsTopic', {
      destination: ses.EventDestination.snsTopic(props.eventTopic),
      events: [...SES_OPS_EVENTS],
    });

    // SNS encrypts what SES publishes with the topic's key, as SES. Only this account's SES; the topic policy,
    // which names this configuration set, decides what may publish to the topic at all.
    props.eventTopicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'SesEventsOfThisAccount',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
  }

  /** The ARN SES authorizes `ses:SendEmail` against, beside the sender identity, when a mail names this set. */
  get configurationSetArn(): string {
    return Arn.format(
      {
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      },
      Stack.of(this),
    );
  }
}
