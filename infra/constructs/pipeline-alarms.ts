import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Window of every alarm: short enough to hear of a broken run before the next hourly one. */
const ALARM_PERIOD = Duration.minutes(5);

export interface PipelineAlarmsProps {
  /** Function id (as in the alarm names) → function. */
  functions: Record<string, lambda.IFunction>;
  deadLetterQueue: sqs.IQueue;
  /** Addresses subscribed to the ops topic. */
  alarmEmails: readonly string[];
  /** The processor's count of sources that turned unhealthy (lambdas/lib/pipeline-metrics.ts). */
  unhealthySources: cloudwatch.IMetric;
}

/**
 * What needs a human: a message in the DLQ (a source failed three times), a function error, a throttle, a source
 * that turned unhealthy (its readers also see it in their next digest).
 * Each alarm notifies the ops topic, apart from the digest topic so readers never get alarms. The topic is
 * encrypted with a customer-managed key because CloudWatch cannot publish to a topic under the AWS-managed
 * `alias/aws/sns` key (its key policy cannot be changed to let CloudWatch in).
 */
export class PipelineAlarms extends Construct {
  readonly opsTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);

    const key = new kms.Key(this, 'OpsTopicKey', {
      description: 'Stancewatch ops topic: lets CloudWatch alarms publish encrypted notifications',
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.opsTopic = new sns.Topic(this, 'OpsTopic', { displayName: 'Stancewatch alarms', masterKey: key, enforceSSL: true });
    for (const address of props.alarmEmails) this.opsTopic.addSubscription(new subscriptions.EmailSubscription(address));

    this.addAlarm('DeadLetters', {
      alarmDescription: 'Messages in the Stancewatch dead-letter queue: a source failed three times. Inspect, fix, then redrive (README).',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
    });
    this.addAlarm('UnhealthySources', {
      alarmDescription: 'A Stancewatch source turned unhealthy (failing runs in a row, a bot wall, or no articles); the next digest lists it with the reason',
      metric: props.unhealthySources,
    });
    for (const [name, fn] of Object.entries(props.functions)) {
      this.addAlarm(`${name}Errors`, {
        alarmDescription: `Stancewatch ${name} function errors (a whole invocation failed, not one record of a batch)`,
        metric: fn.metricErrors({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }),
      });
      this.addAlarm(`${name}Throttles`, {
        alarmDescription: `Stancewatch ${name} function throttled: the account's concurrency is exhausted`,
        metric: fn.metricThrottles({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }),
      });
    }
  }

  /** Alarms on any occurrence; no data (an idle hour) is fine. */
  private addAlarm(id: string, options: { alarmDescription: string; metric: cloudwatch.IMetric }): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      ...options,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.opsTopic));
    this.alarms.push(alarm);
  }
}
