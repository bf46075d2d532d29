import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { Config } from '../shared/config/index.js';
import { ArchiveTable } from './constructs/archive-table.js';
import { DigestTopic } from './constructs/digest-topic.js';
import { PipelineAlarms } from './constructs/pipeline-alarms.js';
import { FUNCTION_SIZING, PipelineFunctions } from './constructs/pipeline-functions.js';
import { SourceQueue } from './constructs/source-queue.js';
import { CONTEXT_DEFAULTS } from './context.js';

export interface StancewatchStackProps extends StackProps {
  /** The validated watches config; baked into the function bundles. */
  config: Config;
  /** Addresses that receive every watch's digest. */
  digestEmails?: string[];
  /** Verified SES identity for HTML digests. */
  sesFrom?: string;
  /** EventBridge schedule expression of the digest function; default `rate(1 hour)`. */
  digestSchedule?: string;
  /** DynamoDB deletion protection on the archive table; default true. */
  deletionProtection?: boolean;
  /** Secret of the Atom feed URLs; without it no feed function is deployed. */
  feedToken?: string;
}

/**
 * Stancewatch in AWS: schedule → SQS → process-source → DynamoDB archive; digest → SNS email.
 * Environment-agnostic: account and region come from the deploy-time credentials.
 */
export class StancewatchStack extends Stack {
  readonly archive: ArchiveTable;
  readonly digestTopic: DigestTopic;
  readonly sourceQueue: SourceQueue;
  readonly functions: PipelineFunctions;
  readonly alarms: PipelineAlarms;

  constructor(scope: Construct, id: string, props: StancewatchStackProps) {
    const { config, digestEmails, sesFrom, digestSchedule, deletionProtection, feedToken, ...stackProps } = props;
    super(scope, id, { description: 'Stancewatch: news change-monitoring pipeline', ...stackProps });

    this.archive = new ArchiveTable(this, 'Archive', {
      deletionProtection: deletionProtection ?? CONTEXT_DEFAULTS.deletionProtection,
    });
    this.digestTopic = new DigestTopic(this, 'Digests', {
      watches: config.watches,
      digestEmails: digestEmails ?? [],
      sesFrom,
    });
    this.sourceQueue = new SourceQueue(this, 'Sources', { consumerTimeout: FUNCTION_SIZING.processSource.timeout });
    this.functions = new PipelineFunctions(this, 'Pipeline', {
      config,
      table: this.archive.table,
      topic: this.digestTopic.topic,
      queue: this.sourceQueue.queue,
      sesFrom,
      digestSchedule: digestSchedule ?? CONTEXT_DEFAULTS.digestSchedule,
      feedToken,
    });

    this.alarms = new PipelineAlarms(this, 'Alarms', {
      functions: {
        Schedule: this.functions.scheduleFunction,
        ProcessSource: this.functions.processSourceFunction,
        Digest: this.functions.digestFunction,
        ...(this.functions.feedFunction ? { Feed: this.functions.feedFunction } : {}),
      },
      deadLetterQueue: this.sourceQueue.deadLetterQueue,
      // Whoever receives every digest runs the deployment; readers of single watches do not get alarms.
      alarmEmails: digestEmails ?? [],
      unhealthySources: this.functions.metricUnhealthySources(),
    });

    new CfnOutput(this, 'TableName', { value: this.archive.table.tableName, description: 'Archive table' });
    new CfnOutput(this, 'TableArn', { value: this.archive.table.tableArn, description: 'Archive table ARN' });
    new CfnOutput(this, 'DigestTopicArn', { value: this.digestTopic.topic.topicArn, description: 'Digest topic; subscribe more readers here' });
    new CfnOutput(this, 'SourceQueueUrl', { value: this.sourceQueue.queue.queueUrl, description: 'Queue of (watch, source) messages' });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: this.sourceQueue.deadLetterQueue.queueUrl,
      description: 'Sources that failed three times; inspect, then redrive',
    });
    new CfnOutput(this, 'DeadLetterQueueArn', {
      value: this.sourceQueue.deadLetterQueue.queueArn,
      description: 'For aws sqs start-message-move-task --source-arn',
    });
    if (this.functions.feedUrl) {
      new CfnOutput(this, 'FeedUrl', {
        value: `${this.functions.feedUrl.url}<watch-id>.xml?token=<feedToken>`,
        description: "Each watch's digests as an Atom feed: put the watch id and your feedToken in the URL",
      });
    }
    new CfnOutput(this, 'OpsTopicArn', { value: this.alarms.opsTopic.topicArn, description: 'Alarms: DLQ depth, function errors and throttles' });

    this.suppressAcceptedFindings();
  }

  /** cdk-nag findings accepted on purpose, each with the reason; anything else fails `cdk synth`. */
  private suppressAcceptedFindings(): void {
    const { scheduleFunction, processSourceFunction, digestFunction, feedFunction } = this.functions;
    for (const fn of [scheduleFunction, processSourceFunction, digestFunction, ...(feedFunction ? [feedFunction] : [])]) {
      NagSuppressions.addResourceSuppressions(
        fn,
        [
          {
            id: 'AwsSolutions-IAM4',
            reason: 'AWSLambdaBasicExecutionRole only allows writing the function\'s own CloudWatch logs; it is the AWS-maintained minimum for Lambda.',
            appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
          },
          {
            id: 'AwsSolutions-L1',
            reason:
              'nodejs22.x is a supported Lambda runtime and the one the bundles target (esbuild node22); moving to a newer runtime is a deliberate upgrade with its own test run, not a side effect of a CDK bump.',
          },
        ],
        true,
      );
    }
    NagSuppressions.addResourceSuppressions(
      digestFunction,
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
