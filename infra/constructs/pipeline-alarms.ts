import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
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

/** Periods in a row a backlog must last before it alarms: the hourly burst of a pass drains in less. */
const BACKLOG_PERIODS = 3;

export interface PipelineAlarmsProps {
  /** Function id (as in the alarm names) → function. */
  functions: Record<string, lambda.IFunction>;
  /** The queue of source messages: its backlog and its oldest message. */
  sourceQueue: sqs.IQueue;
  /** Age of the oldest source message that means a stuck processor (see SourceQueue.oldestMessageAlarmAge). */
  oldestMessageAlarmAge: Duration;
  /** Source messages waiting that mean the processor is falling behind (context `backlogAlarmMessages`: about two ticks' sources). */
  backlogAlarmMessages: number;
  deadLetterQueue: sqs.IQueue;
  /** Digest messages that failed three times: a watch's digest that a way out keeps refusing. */
  digestDeadLetterQueue: sqs.IQueue;
  /** Where the asynchronous Schedule function puts events it failed on after its retries. */
  failedInvocations: sqs.IQueue;
  /** Addresses subscribed to the ops topic. */
  alarmEmails: readonly string[];
  /** The processor's count of sources that turned unhealthy (lambdas/lib/pipeline-metrics.ts). */
  unhealthySources: cloudwatch.IMetric;
}

/** The service that publishes alarm notifications; its requests carry the alarm's ARN as `aws:SourceArn`. */
const CLOUDWATCH = new iam.ServicePrincipal('cloudwatch.amazonaws.com');

/**
 * What needs a human: a message in a DLQ (a source or a watch's digest failed three times), a schedule run that failed
 * after its retries, a source queue that is not being drained (its oldest message, its backlog), a function error, a
 * throttle, a source that turned unhealthy (its readers also see it in their next digest).
 * Each alarm notifies the ops topic, apart from the digest topic so readers never get alarms. The topic is
 * encrypted with a customer-managed key because CloudWatch cannot publish to a topic under the AWS-managed
 * `alias/aws/sns` key (its key policy cannot be changed to let CloudWatch in).
 *
 * Alarms are named `<stack>-<id>` (`aws cloudwatch set-alarm-state --alarm-name Stancewatch-DeadLetters …` after a
 * deploy), so the key policy can name them by prefix: it cannot name them by ARN, since the key comes before the
 * topic and the topic before the alarms.
 */
export class PipelineAlarms extends Construct {
  readonly opsTopic: sns.Topic;
  /** The ops topic's key: a service that publishes to the topic (SES bounce events) needs a grant on it too. */
  readonly opsKey: kms.Key;
  readonly alarms: cloudwatch.Alarm[] = [];
  /** `<stack name>-`: every alarm's name starts with it. */
  readonly alarmNamePrefix: string;

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);

    const key = new kms.Key(this, 'OpsTopicKey', {
      description: 'Stancewatch ops topic: lets CloudWatch alarms publish encrypted notifications',
      enableKeyRotation: true,
    });
    this.alarmNamePrefix = `${Stack.of(this).stackName}-`;
    this.opsKey = key;
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisStack',
        principals: [CLOUDWATCH],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
          ArnLike: { 'aws:SourceArn': this.alarmArn('*') },
        },
      }),
    );
    // enforceSSL gives the topic a policy of its own (a Deny without TLS) that replaces the default one, so any
    // service that publishes to it needs an Allow here: CloudWatch below, SES for bounces (ses-delivery.ts).
    this.opsTopic = new sns.Topic(this, 'OpsTopic', { displayName: 'Stancewatch alarms', masterKey: key, enforceSSL: true });
    for (const address of props.alarmEmails) this.opsTopic.addSubscription(new subscriptions.EmailSubscription(address));

    this.addAlarm('DeadLetters', {
      alarmDescription: 'Messages in the Stancewatch dead-letter queue: a source failed three times. Inspect, fix, then redrive (README).',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
    });
    this.addAlarm('DigestDeadLetters', {
      alarmDescription:
        "Messages in the Stancewatch digest dead-letter queue: a watch's digest failed three times (a way out refusing it). The next digest run sends it again: read the logs, fix the way out, then purge the dead letters (README).",
      metric: props.digestDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
    });
    this.addAlarm('FailedInvocations', {
      alarmDescription:
        'A Stancewatch schedule run failed after its retries; the event is kept in the failed-invocations queue (output FailedInvocationsQueueUrl): read it with the logs, fix, and the next scheduled run catches up.',
      metric: props.failedInvocations.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
    });
    this.addAlarm('SourceQueueStuck', {
      alarmDescription: `A Stancewatch source message has waited over ${props.oldestMessageAlarmAge.toHumanString()}, longer than its retries take: the processor is not draining the queue (errors, throttles, or it cannot keep up).`,
      metric: props.sourceQueue.metricApproximateAgeOfOldestMessage({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: props.oldestMessageAlarmAge.toSeconds(),
    });
    this.addAlarm('SourceQueueBacklog', {
      alarmDescription: `Over ${props.backlogAlarmMessages} Stancewatch source messages waiting for ${BACKLOG_PERIODS * ALARM_PERIOD.toMinutes()} minutes: passes arrive faster than the processor finishes them; raise its concurrency or lengthen the schedules.`,
      metric: props.sourceQueue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.MINIMUM }),
      threshold: props.backlogAlarmMessages,
      evaluationPeriods: BACKLOG_PERIODS,
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
    this.allowAlarmsToPublish();
  }

  /** The ARN of this stack's alarm `id` (or a pattern, with `*`). */
  private alarmArn(id: string): string {
    return Stack.of(this).formatArn({
      service: 'cloudwatch',
      resource: 'alarm',
      resourceName: `${this.alarmNamePrefix}${id}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** CloudWatch may publish to the ops topic for this account's alarms of this construct, and nothing else. */
  private allowAlarmsToPublish(): void {
    this.opsTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisStack',
        principals: [CLOUDWATCH],
        actions: ['sns:Publish'],
        resources: [this.opsTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
          ArnEquals: { 'aws:SourceArn': this.alarms.map((alarm) => alarm.alarmArn) },
        },
      }),
    );
  }

  /** Alarms on any occurrence unless a threshold is given; no data (an idle hour) is fine. */
  private addAlarm(
    id: string,
    options: { alarmDescription: string; metric: cloudwatch.IMetric; threshold?: number; evaluationPeriods?: number },
  ): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      threshold: 1,
      evaluationPeriods: 1,
      ...options,
      alarmName: `${this.alarmNamePrefix}${id}`,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.opsTopic));
    this.alarms.push(alarm);
  }
}
