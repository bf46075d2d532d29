import { CfnOutput, Stack, Tags, Token, type StackProps } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { digestTopicArn, formatDigestTopicsFlag, type Config } from '../shared/config/index.js';
import { ArchiveTable } from './constructs/archive-table.js';
import { DigestQueue } from './constructs/digest-queue.js';
import { DigestTopic } from './constructs/digest-topic.js';
import { PipelineAlarms } from './constructs/pipeline-alarms.js';
import { FUNCTION_SIZING, PipelineFunctions } from './constructs/pipeline-functions.js';
import { SesDelivery } from './constructs/ses-delivery.js';
import { SourceQueue } from './constructs/source-queue.js';
import { assertConcurrencyBudget } from './concurrency.js';
import { CONTEXT_DEFAULTS } from './context.js';

export interface StancewatchStackProps extends StackProps {
  /**
   * A watches config validated at synth (`-c config=`), optional: the functions read the watches from the table
   * (`stancewatch watches push`). Given, the digest function may publish to its watches' own topics
   * (`digest.snsTopicArn`), which IAM must name at deploy.
   */
  config?: Config;
  /**
   * Topics besides the stack's own the digest function may publish to, for watches with a topic of their own: full
   * ARNs or name patterns in the stack's account and region (context `digestTopics`); default `stancewatch-*`.
   */
  digestTopics?: readonly string[];
  /** Addresses that receive every watch's digest. */
  digestEmails?: string[];
  /** Verified SES identity for HTML digests. */
  sesFrom?: string;
  /** EventBridge schedule expression of the digest runs (a digest message per watch); default `rate(1 hour)`. */
  digestSchedule?: string;
  /** How often the schedule function enqueues the sources of the watches due; default `rate(5 minutes)`. */
  scheduleTick?: string;
  /** Source messages waiting for 15 minutes that raise the backlog alarm; default 2,000 (context `backlogAlarmMessages`). */
  backlogAlarmMessages?: number;
  /** DynamoDB deletion protection on the archive table; default true. */
  deletionProtection?: boolean;
  /** Serve each watch's digests as an Atom feed (a function URL, tokens derived from a generated secret). */
  feed?: boolean;
  /** Processor invocations at once, 2 to 1,000 (SQS event source `maxConcurrency`); default 2. */
  processorConcurrency?: number;
  /** The account's Lambda concurrency quota: the processors and digest workers must stay under its unreserved part; default 1,000. */
  accountConcurrency?: number;
}

/** The tag every resource of the stack carries. */
export const STACK_TAG = { key: 'application', value: 'stancewatch' } as const;

/**
 * Stancewatch in AWS: schedule → SQS → process-source → DynamoDB archive; digest → SNS email.
 * Environment-agnostic: account and region come from the deploy-time credentials.
 */
export class StancewatchStack extends Stack {
  readonly archive: ArchiveTable;
  readonly digestTopic: DigestTopic;
  readonly sourceQueue: SourceQueue;
  readonly digestQueue: DigestQueue;
  readonly functions: PipelineFunctions;
  readonly alarms: PipelineAlarms;
  /** With `sesFrom`: the configuration set whose bounces and complaints reach the ops topic. */
  readonly sesDelivery?: SesDelivery;

  constructor(scope: Construct, id: string, props: StancewatchStackProps) {
    const {
      config,
      digestTopics,
      digestEmails,
      sesFrom,
      digestSchedule,
      scheduleTick,
      backlogAlarmMessages,
      deletionProtection,
      feed,
      processorConcurrency,
      accountConcurrency,
      ...stackProps
    } = props;
    super(scope, id, { description: 'Stancewatch: news change-monitoring pipeline', ...stackProps });
    const concurrency = {
      processorConcurrency: processorConcurrency ?? CONTEXT_DEFAULTS.processorConcurrency,
      accountConcurrency: accountConcurrency ?? CONTEXT_DEFAULTS.accountConcurrency,
      feed: feed ?? CONTEXT_DEFAULTS.feed,
    };
    assertConcurrencyBudget(concurrency);
    // On every taggable resource, so cost reports and the console can pick the stack's resources out.
    Tags.of(this).add(STACK_TAG.key, STACK_TAG.value);

    this.archive = new ArchiveTable(this, 'Archive', {
      deletionProtection: deletionProtection ?? CONTEXT_DEFAULTS.deletionProtection,
    });
    this.digestTopic = new DigestTopic(this, 'Digests', { digestEmails: digestEmails ?? [] });
    this.sourceQueue = new SourceQueue(this, 'Sources', { consumerTimeout: FUNCTION_SIZING.processSource.timeout });
    this.digestQueue = new DigestQueue(this, 'DigestRuns', { consumerTimeout: FUNCTION_SIZING.digest.timeout });
    this.functions = new PipelineFunctions(this, 'Pipeline', {
      config,
      digestTopics: digestTopics ?? CONTEXT_DEFAULTS.digestTopics,
      table: this.archive.table,
      topic: this.digestTopic.topic,
      queue: this.sourceQueue.queue,
      digestQueue: this.digestQueue.queue,
      sesFrom,
      digestSchedule: digestSchedule ?? CONTEXT_DEFAULTS.digestSchedule,
      scheduleTick: scheduleTick ?? CONTEXT_DEFAULTS.scheduleTick,
      feed,
      processorConcurrency: concurrency.processorConcurrency,
    });

    this.alarms = new PipelineAlarms(this, 'Alarms', {
      functions: {
        Schedule: this.functions.scheduleFunction,
        ProcessSource: this.functions.processSourceFunction,
        Digest: this.functions.digestFunction,
        ...(this.functions.feedFunction ? { Feed: this.functions.feedFunction } : {}),
      },
      sourceQueue: this.sourceQueue.queue,
      oldestMessageAlarmAge: this.sourceQueue.oldestMessageAlarmAge,
      // The sources of a pass are in the table, not known here: a context setting (infra/context.ts).
      backlogAlarmMessages: backlogAlarmMessages ?? CONTEXT_DEFAULTS.backlogAlarmMessages,
      deadLetterQueue: this.sourceQueue.deadLetterQueue,
      digestDeadLetterQueue: this.digestQueue.deadLetterQueue,
      failedInvocations: this.functions.failedInvocations,
      // Whoever receives every digest runs the deployment; readers of single watches do not get alarms.
      alarmEmails: digestEmails ?? [],
      unhealthySources: this.functions.metricUnhealthySources(),
    });
    if (sesFrom) {
      this.sesDelivery = new SesDelivery(this, 'SesDelivery', { eventTopic: this.alarms.opsTopic, eventTopicKey: this.alarms.opsKey });
      this.functions.useSesConfigurationSet(this.sesDelivery.configurationSet.configurationSetName, this.sesDelivery.configurationSetArn);
    }

    new CfnOutput(this, 'TableName', { value: this.archive.table.tableName, description: 'Archive table, where stancewatch watches push <file> --table <this> puts the watches' });
    new CfnOutput(this, 'TableArn', { value: this.archive.table.tableArn, description: 'Archive table ARN' });
    new CfnOutput(this, 'DigestTopicArn', {
      value: this.digestTopic.topic.topicArn,
      description: sesFrom
        ? 'Digest topic (digestEmail); watch readers are mailed through SES'
        : "Digest topic: stancewatch watches push <file> --table <TableName> --topic-arn <this> subscribes each watch's readers",
    });
    new CfnOutput(this, 'DigestTopics', {
      value: this.functions.watchTopicArns.length > 0 ? this.functions.watchTopicArns.join(',') : 'none',
      description:
        'Topics the digest function may publish to for watches with their own digest.snsTopicArn (context digestTopics); ' +
        'stancewatch watches push --digest-topics <this> checks the watches against them',
    });
    new CfnOutput(this, 'SourceQueueUrl', { value: this.sourceQueue.queue.queueUrl, description: 'Queue of (watch, source) messages' });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: this.sourceQueue.deadLetterQueue.queueUrl,
      description: 'Sources that failed three times; inspect, then redrive',
    });
    new CfnOutput(this, 'DeadLetterQueueArn', {
      value: this.sourceQueue.deadLetterQueue.queueArn,
      description: 'For aws sqs start-message-move-task --source-arn',
    });
    if (this.functions.feedUrl && this.functions.feedSecret) {
      new CfnOutput(this, 'FeedUrl', {
        value: `${this.functions.feedUrl.url}<watch-id>.xml?token=<token of the watch>`,
        description: "Each watch's digests as an Atom feed; the watch's token is HMAC-SHA256(FeedSecret, watch id) (README)",
      });
      new CfnOutput(this, 'FeedSecretArn', {
        value: this.functions.feedSecret.secretArn,
        description: 'Secret the feed tokens are derived from: aws secretsmanager get-secret-value --secret-id <this>',
      });
    }
    new CfnOutput(this, 'DigestQueueUrl', { value: this.digestQueue.queue.queueUrl, description: 'Queue of digest messages, one per watch and digest run' });
    new CfnOutput(this, 'DigestDeadLetterQueueUrl', {
      value: this.digestQueue.deadLetterQueue.queueUrl,
      description: 'Digests that failed three times (a way out refusing them); inspect, then redrive',
    });
    new CfnOutput(this, 'FailedInvocationsQueueUrl', {
      value: this.functions.failedInvocations.queueUrl,
      description: 'Schedule events that failed after their retries, with the error',
    });
    new CfnOutput(this, 'OpsTopicArn', {
      value: this.alarms.opsTopic.topicArn,
      description: 'Alarms (DLQ depth, function errors and throttles, unhealthy sources) and SES bounces and complaints',
    });

    this.suppressAcceptedFindings();
    this.suppressWatchTopicPatterns(digestTopics ?? CONTEXT_DEFAULTS.digestTopics);
  }

  /**
   * The digestTopics entries with a `*` are IAM resources with a wildcard (AwsSolutions-IAM5), each suppressed by its
   * exact resource, so a wildcard the setting did not ask for still fails the synth.
   */
  private suppressWatchTopicPatterns(digestTopics: readonly string[]): void {
    const patterns = digestTopics.filter((entry) => entry.includes('*'));
    if (patterns.length === 0) return;
    // How cdk-nag prints the resource: the stack's pseudo parameters as <AWS::…>, literal values as they are.
    const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const scope = { partition: shown(this.partition, 'Partition'), region: shown(this.region, 'Region'), account: shown(this.account, 'AccountId') };
    NagSuppressions.addResourceSuppressions(
      this.functions.digestFunction.role!,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'sns:Publish on the topics the digestTopics setting names by pattern (default stancewatch-* in this account and region): ' +
            'watches are pushed to the table after the deploy and may publish to a topic of their own (digest.snsTopicArn), which ' +
            'IAM must name at deploy; the pattern is what the deployer allowed, `watches push` warns of a watch topic outside it, ' +
            `and a lone * is refused at synth. Narrow it with ${formatDigestTopicsFlag(['<topic ARNs>'])} or none.`,
          appliesTo: patterns.map((entry) => `Resource::${digestTopicArn(entry, scope)}`),
        },
      ],
      true,
    );
  }

  /** cdk-nag findings accepted on purpose, each with the reason; anything else fails `cdk synth`. */
  private suppressAcceptedFindings(): void {
    const { scheduleFunction, processSourceFunction, digestFunction, feedFunction } = this.functions;
    for (const fn of [scheduleFunction, processSourceFunction, digestFunction, ...(feedFunction ? [feedFunction] : [])]) {
      NagSuppressions.addResourceSuppressions(
        fn,
        [
          {
            id: 'AwsSolutions-L1',
            reason:
              'nodejs22.x is a supported Lambda runtime and the one the bundles target (esbuild node22); moving to a newer runtime is a deliberate upgrade with its own test run, not a side effect of a CDK bump.',
          },
        ],
        true,
      );
      // On the role: its policy is the role's child, not the function's. The infra test checks that the X-Ray
      // actions are the only ones on `*`, since a suppression by resource cannot name the actions.
      NagSuppressions.addResourceSuppressions(
        fn.role!,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'tracing: ACTIVE grants xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level ' +
              'permissions (X-Ray service authorization reference): `*` is the only resource they take.',
            appliesTo: ['Resource::*'],
          },
        ],
        true,
      );
    }
    NagSuppressions.addResourceSuppressions(this.functions.failedInvocations, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is a dead-letter queue itself: the failure destination of the Schedule function, alarmed on any message (FailedInvocations).',
      },
    ]);
    if (this.functions.feedSecret) {
      NagSuppressions.addResourceSuppressions(this.functions.feedSecret, [
        {
          id: 'AwsSolutions-SMG4',
          reason:
            'Rotating the feed secret changes every watch\'s feed URL, which readers have pasted into their feed readers: it is ' +
            'rotated by hand when a URL leaks (README), not on a schedule that would break every subscription.',
        },
      ]);
    }
    // On the role: its policy is the role's child, not the function's.
    NagSuppressions.addResourceSuppressions(
      digestFunction.role!,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'topic.grantPublish on a topic encrypted with alias/aws/sns: an alias has no key ARN at synth time, so the grant names key/* ' +
            'and narrows it with the condition kms:ResourceAliases = alias/aws/sns; GenerateDataKey* is what SNS needs to encrypt a message.',
          appliesTo: ['Action::kms:GenerateDataKey*', 'Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/*'],
        },
      ],
      true,
    );
  }
}
