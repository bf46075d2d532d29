import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Aspects, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStancewatchContext } from '../../infra/context.js';
import { DigestTopic } from '../../infra/constructs/digest-topic.js';
import { REPO_ROOT, UNHEALTHY_SOURCES_METRIC } from '../../infra/constructs/pipeline-functions.js';
import { PipelineMetric } from '../../lambdas/lib/pipeline-metrics.js';
import { StancewatchStack } from '../../infra/stancewatch-stack.js';
import { parseConfig } from '../../shared/config/index.js';
import { NLP_MODULES } from '../../shared/stances/nlp-models.js';

/** The Secrets Manager ARN the bundle load test gives the feed function (nothing is called at import). */
const FEED_SECRET_ID = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:StancewatchFeedSecret-AbCdEf';
/** A verified SES sender: the digest function mails each watch's `digest.email` readers itself. */
const SES_FROM = 'digest@example.com';

// Bundling runs esbuild for real, three times: synthesize once for the whole file.
const SYNTH_TIMEOUT_MS = 120_000;

const config = parseConfig(
  {
    watches: [
      {
        id: 'boj-policy',
        name: 'Bank of Japan policy',
        keywords: ['BOJ'],
        sources: [{ url: 'https://news.example.com/feed.xml' }],
        digest: { email: ['analyst@example.com'] },
      },
      {
        id: 'ecb-rates',
        name: 'ECB rates',
        keywords: ['ECB'],
        sources: [{ url: 'https://news.example.org/rss' }, { url: 'https://wire.example.net/atom' }],
        schedule: 'cron(0 6 * * ? *)',
        // ops@ already receives every digest: it must not get a second, filtered subscription.
        digest: { email: ['analyst@example.com', 'ops@example.com'] },
      },
    ],
  },
  'stack.test.ts',
);

let stack: StancewatchStack;
let template: Template;
let outdir: string;

beforeAll(() => {
  // Inside the repo (cdk.out is git-ignored) so a bundle can resolve the SDK it leaves external, as the runtime provides it.
  mkdirSync(join(REPO_ROOT, 'cdk.out'), { recursive: true });
  outdir = mkdtempSync(join(REPO_ROOT, 'cdk.out', 'infra-test-'));
  // The feature flags of cdk.json, so the test synthesizes what `cdk synth` does; then the test's context.
  const { context: projectContext } = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({
    outdir,
    context: {
      ...projectContext,
      digestEmail: 'ops@example.com, team@example.com',
      digestSchedule: 'rate(2 hours)',
      deletionProtection: 'false',
      feed: 'true',
    },
  });
  const settings = readStancewatchContext(app.node);
  stack = new StancewatchStack(app, 'StancewatchTest', {
    config,
    digestEmails: settings.digestEmails,
    digestSchedule: settings.digestSchedule,
    deletionProtection: settings.deletionProtection,
    feed: settings.feed,
  });
  Aspects.of(app).add(new AwsSolutionsChecks());
  template = Template.fromStack(stack);
}, SYNTH_TIMEOUT_MS);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

function logicalIdOf(fn: NodejsFunction): string {
  return stack.getLogicalId(fn.node.defaultChild as CfnFunction);
}

function roleLogicalIdOf(fn: NodejsFunction): string {
  const role = template.findResources('AWS::Lambda::Function')[logicalIdOf(fn)].Properties.Role as { 'Fn::GetAtt': [string, string] };
  return role['Fn::GetAtt'][0];
}

/** Every statement of the inline policies attached to the function's role. */
function statementsOf(fn: NodejsFunction): Array<{ Action: string | string[]; Resource: unknown }> {
  const roleId = roleLogicalIdOf(fn);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

function topicIdOf(topic: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(topic.node.defaultChild as never);
}

function actionsOf(statement: { Action: string | string[] }): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

function tableArn(): unknown {
  return { 'Fn::GetAtt': [stack.getLogicalId(stack.archive.table.node.defaultChild as never), 'Arn'] };
}

/** The DynamoDB statements among `statements`: each resource with its actions, sorted. */
function tableGrantsOf(statements: Array<{ Action: string | string[]; Resource: unknown }>): Array<{ resource: unknown; actions: string[] }> {
  return statements
    .filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')))
    .map((statement) => ({ resource: statement.Resource, actions: actionsOf(statement).sort() }));
}

describe('archive table', () => {
  it('keys items by pk/sk with a gsi1 projecting the attributes its queries read, billed on demand', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: Match.objectLike({ ProjectionType: 'INCLUDE' }),
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has point-in-time recovery, managed encryption and TTL on expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('is retained on stack deletion and takes deletion protection from context', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('digest topic', () => {
  it('is encrypted with the AWS-managed SNS key and refuses publishing without TLS', () => {
    const [topic] = Object.values(template.findResources('AWS::SNS::Topic'));
    // An alias ARN, built from the stack's partition, region and account.
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).toContain(':alias/aws/sns');
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('subscribes each digestEmail address to every digest', () => {
    for (const address of ['ops@example.com', 'team@example.com']) {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: address,
        FilterPolicy: Match.absent(),
      });
    }
  });

  it('subscribes the digestEmail addresses alone: per-watch readers are subscribed by `watches push --topic-arn`', () => {
    template.resourcePropertiesCountIs('AWS::SNS::Subscription', { TopicArn: { Ref: topicIdOf(stack.digestTopic.topic) } }, 2);
    template.hasOutput('DigestTopicArn', { Value: { Ref: topicIdOf(stack.digestTopic.topic) }, Description: Match.stringLikeRegexp('watches push .*--topic-arn') });
  });
});

describe('digest topic with an SES sender', () => {
  let sesStack: StancewatchStack;
  let sesOutdir: string;

  beforeAll(() => {
    sesOutdir = mkdtempSync(join(tmpdir(), 'stancewatch-ses-'));
    // No bundling: this stack is only read for its SES wiring, subscriptions, environment and roles.
    const app = new App({ outdir: sesOutdir, context: { 'aws:cdk:bundling-stacks': [] } });
    sesStack = new StancewatchStack(app, 'StancewatchSesTest', { config, digestEmails: ['ops@example.com'], sesFrom: SES_FROM });
    Aspects.of(app).add(new AwsSolutionsChecks());
    Template.fromStack(sesStack);
  });
  afterAll(() => rmSync(sesOutdir, { recursive: true, force: true }));

  it("subscribes only the digestEmail addresses, unfiltered: watch readers are subscribed by `watches push`, not at synth", () => {
    const topicStack = new Stack(new App(), 'DigestTopicTest');
    new DigestTopic(topicStack, 'Digests', { digestEmails: ['ops@example.com'] });
    const subscriptions = Object.values(Template.fromStack(topicStack).findResources('AWS::SNS::Subscription')).map((resource) => resource.Properties);
    expect(subscriptions).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@example.com' })]);
    expect(subscriptions[0].FilterPolicy).toBeUndefined();
    // The test config's watches list analyst@example.com: no subscription for it in the deployed template either.
    expect(JSON.stringify(template.findResources('AWS::SNS::Subscription'))).not.toContain('analyst@example.com');
  });

  it('is what the stack deploys with -c sesFrom: digestEmail subscriptions only, and SES_FROM on the digest function', () => {
    const sesTemplate = Template.fromStack(sesStack);
    const subscriptions = Object.values(sesTemplate.findResources('AWS::SNS::Subscription', { Properties: { TopicArn: { Ref: sesStack.getLogicalId(sesStack.digestTopic.topic.node.defaultChild as never) } } }));
    expect(subscriptions.map((resource) => [resource.Properties.Endpoint, resource.Properties.FilterPolicy])).toEqual([['ops@example.com', undefined]]);
    sesTemplate.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ SES_FROM }) } });
    sesTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'ses:SendEmail' })]) },
    });
  });

  it('sends with a configuration set whose bounces and complaints reach the ops topic', () => {
    const sesTemplate = Template.fromStack(sesStack);
    const configurationSetId = sesStack.getLogicalId(sesStack.sesDelivery!.configurationSet.node.defaultChild as never);
    const opsTopicId = sesStack.getLogicalId(sesStack.alarms.opsTopic.node.defaultChild as never);
    sesTemplate.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    sesTemplate.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: opsTopicId } } },
    });
    // The digest function names the set in every mail, and SES checks SendEmail against the set too.
    const digestId = sesStack.getLogicalId(sesStack.functions.digestFunction.node.defaultChild as never);
    const digest = sesTemplate.findResources('AWS::Lambda::Function')[digestId];
    expect(digest.Properties.Environment.Variables.SES_CONFIGURATION_SET).toEqual({ Ref: configurationSetId });
    sesTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: 'ses:SendEmail',
            Resource: {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':configuration-set/', { Ref: configurationSetId }]],
            },
          },
        ]),
      },
    });
  });

  it('lets SES publish its events to the encrypted ops topic, for this account and this configuration set', () => {
    const sesTemplate = Template.fromStack(sesStack);
    const configurationSetId = sesStack.getLogicalId(sesStack.sesDelivery!.configurationSet.node.defaultChild as never);
    sesTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: {
              StringEquals: {
                'AWS:SourceAccount': { Ref: 'AWS::AccountId' },
                'AWS:SourceArn': Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([{ Ref: configurationSetId }])] }),
              },
            },
          }),
        ]),
      },
    });
    sesTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'SesEventsOfThisAccount',
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          },
        ]),
      },
    });
  });

  it('passes cdk-nag with SES on', () => {
    const findings = [
      ...Annotations.fromStack(sesStack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...Annotations.fromStack(sesStack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ];
    expect(findings.map((finding) => `${finding.id}: ${String(finding.entry.data)}`)).toEqual([]);
  });
});

describe('source queue', () => {
  const queueIdOf = (queue: { node: { defaultChild?: unknown } }) => stack.getLogicalId(queue.node.defaultChild as never);
  const queueProps = (queue: { node: { defaultChild?: unknown } }) => template.findResources('AWS::SQS::Queue')[queueIdOf(queue)].Properties;

  it('moves a message to the encrypted DLQ after three receives', () => {
    const dlqId = queueIdOf(stack.sourceQueue.deadLetterQueue);
    expect(queueProps(stack.sourceQueue.queue)).toMatchObject({
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 },
      SqsManagedSseEnabled: true,
    });
    expect(queueProps(stack.sourceQueue.deadLetterQueue)).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
  });

  it('keeps source messages 4 days, set explicitly, and the DLQ longer, so nothing expires on its way there', () => {
    expect(queueProps(stack.sourceQueue.queue).MessageRetentionPeriod).toBe(4 * 24 * 3600);
    expect(queueProps(stack.sourceQueue.deadLetterQueue).MessageRetentionPeriod).toBeGreaterThan(queueProps(stack.sourceQueue.queue).MessageRetentionPeriod);
  });

  it('hides a received message for at least six times the processor timeout', () => {
    const processor = template.findResources('AWS::Lambda::Function')[logicalIdOf(stack.functions.processSourceFunction)];
    const timeout = processor.Properties.Timeout as number;
    expect(queueProps(stack.sourceQueue.queue).VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('refuses requests without TLS on the five queues', () => {
    template.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } },
      5,
    );
  });
});

describe('digest queue', () => {
  const queueIdOf = (queue: { node: { defaultChild?: unknown } }) => stack.getLogicalId(queue.node.defaultChild as never);
  const queueProps = (queue: { node: { defaultChild?: unknown } }) => template.findResources('AWS::SQS::Queue')[queueIdOf(queue)].Properties;

  it('moves a digest message to its own encrypted DLQ after three receives, and keeps digest messages a day', () => {
    const dlqId = queueIdOf(stack.digestQueue.deadLetterQueue);
    expect(queueProps(stack.digestQueue.queue)).toMatchObject({
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 },
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 24 * 3600,
    });
    expect(queueProps(stack.digestQueue.deadLetterQueue)).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
  });

  it('hides a received digest message for at least six times the digest function timeout', () => {
    const digest = template.findResources('AWS::Lambda::Function')[logicalIdOf(stack.functions.digestFunction)];
    expect(queueProps(stack.digestQueue.queue).VisibilityTimeout).toBeGreaterThanOrEqual(6 * (digest.Properties.Timeout as number));
  });

  it('feeds the digest function one watch per invocation with partial batch failures, at most two at once', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(stack.functions.digestFunction) },
      EventSourceArn: { 'Fn::GetAtt': [queueIdOf(stack.digestQueue.queue), 'Arn'] },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('lets the schedule function send to it and the digest function consume it', () => {
    const digestQueueArn = JSON.stringify({ 'Fn::GetAtt': [queueIdOf(stack.digestQueue.queue), 'Arn'] });
    const sendsTo = statementsOf(stack.functions.scheduleFunction)
      .filter((statement) => actionsOf(statement).includes('sqs:SendMessage'))
      .flatMap((statement) => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]));
    expect(sendsTo.map((resource) => JSON.stringify(resource))).toContain(digestQueueArn);
    const receives = statementsOf(stack.functions.digestFunction).filter((statement) => actionsOf(statement).includes('sqs:ReceiveMessage'));
    expect(receives.map((statement) => JSON.stringify(statement.Resource))).toEqual([digestQueueArn]);
  });
});

describe('asynchronous functions', () => {
  it('send a Schedule event that failed after two retries to an encrypted failure queue kept 14 days', () => {
    const failedId = stack.getLogicalId(stack.functions.failedInvocations.node.defaultChild as never);
    expect(template.findResources('AWS::SQS::Queue')[failedId].Properties).toMatchObject({
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
    for (const fn of [stack.functions.scheduleFunction]) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalIdOf(fn) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failedId, 'Arn'] } } },
      });
      const sends = statementsOf(fn).filter((statement) => actionsOf(statement).includes('sqs:SendMessage'));
      expect(JSON.stringify(sends)).toContain(JSON.stringify({ 'Fn::GetAtt': [failedId, 'Arn'] }));
    }
    // The digest function is driven by its queue, whose DLQ takes what it fails on.
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
    template.hasOutput('FailedInvocationsQueueUrl', { Value: { Ref: failedId } });
  });
});

describe('functions', () => {
  it('runs three bundled functions on nodejs22.x arm64 with the pipeline environment', () => {
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: Match.anyValue(),
            QUEUE_URL: Match.anyValue(),
            DIGEST_QUEUE_URL: Match.anyValue(),
            TOPIC_ARN: Match.anyValue(),
            ALLOW_PRIVATE_NETWORK: 'false',
          }),
        },
      },
      4,
    );
    template.resourceCountIs('AWS::Lambda::Function', 4);
  });

  it('feeds the processor five messages at a time with partial batch failures and at most two at once', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(stack.functions.processSourceFunction) },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('runs one tick rule that enqueues the watches due, whatever their schedules', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalIdOf(stack.functions.scheduleFunction), 'Arn'] },
          InputTransformer: Match.objectLike({ InputTemplate: Match.stringLikeRegexp('"detail":\\{"enqueue":"due","tick":"rate\\(5 minutes\\)"\\}') }),
        }),
      ],
    });
    // The watches are read from the table: no rule names one.
    expect(JSON.stringify(template.findResources('AWS::Events::Rule'))).not.toMatch(/boj-policy|ecb-rates|cron\(0 6/);
  });

  it('enqueues every watch\'s digest on the digest schedule from context, through the schedule function', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(2 hours)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalIdOf(stack.functions.scheduleFunction), 'Arn'] },
          InputTransformer: Match.objectLike({
            InputTemplate: Match.stringLikeRegexp('"detail":\\{"enqueue":"digests"\\}'),
          }),
        }),
      ],
    });
    // No rule invokes the digest function: its queue does.
    const digestArn = JSON.stringify({ 'Fn::GetAtt': [logicalIdOf(stack.functions.digestFunction), 'Arn'] });
    expect(JSON.stringify(template.findResources('AWS::Events::Rule'))).not.toContain(digestArn);
    template.resourceCountIs('AWS::Events::Rule', 2);
  });
});

describe('tracing', () => {
  const functions = () => [stack.functions.scheduleFunction, stack.functions.processSourceFunction, stack.functions.digestFunction, stack.functions.feedFunction!];

  it('traces every function with X-Ray (tracing: ACTIVE)', () => {
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } }, 4);
  });

  it('lets each function send trace segments, and puts nothing but the X-Ray actions on * (the cdk-nag suppression covers * only for them)', () => {
    for (const fn of functions()) {
      const onEverything = statementsOf(fn).filter((statement) => statement.Resource === '*');
      expect(onEverything).toEqual([{ Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' }]);
    }
  });
});

describe('least privilege', () => {
  it('lets the digest function publish to the digest topic, and to the stancewatch-* topics of its account and region (default digestTopics)', () => {
    const topicId = stack.getLogicalId(stack.digestTopic.topic.node.defaultChild as never);
    // minimizePolicies (cdk.json) merges the two grants into one statement.
    const publishTo = statementsOf(stack.functions.digestFunction)
      .filter((statement) => actionsOf(statement).includes('sns:Publish'))
      .flatMap((statement) => [statement.Resource].flat());
    expect(publishTo).toHaveLength(2);
    expect(publishTo).toContainEqual({ Ref: topicId });
    expect(publishTo).toContainEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':stancewatch-*']],
    });
  });

  it('lets the schedule function send to the queues and read the pushed watches, and write nothing to the table', () => {
    const statements = statementsOf(stack.functions.scheduleFunction);
    const actions = statements.flatMap(actionsOf);
    expect(actions.some((action) => action.startsWith('sqs:Send'))).toBe(true);
    expect(tableGrantsOf(statements)).toEqual([{ resource: tableArn(), actions: ['dynamodb:GetItem', 'dynamodb:Query'] }]);
    expect(actions.filter((action) => action.startsWith('sns:'))).toEqual([]);
  });

  it('lets the processor make its item, query and batch calls on the table, Query gsi1 (the ledger window), and not publish digests', () => {
    const statements = statementsOf(stack.functions.processSourceFunction);
    expect(tableGrantsOf(statements)).toEqual([
      {
        resource: tableArn(),
        actions: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      },
      { resource: { 'Fn::Join': ['', [tableArn(), '/index/gsi1']] }, actions: ['dynamodb:Query'] },
    ]);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toContain('sqs:ReceiveMessage');
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('dynamodb:DeleteItem');
    expect(actions.filter((action) => action.startsWith('sns:'))).toEqual([]);
  });

  it('lets the digest function read pending markers, claim and mark digests, and clear markers on the table alone', () => {
    const actions = statementsOf(stack.functions.digestFunction).flatMap(actionsOf);
    expect(tableGrantsOf(statementsOf(stack.functions.digestFunction))).toEqual([
      { resource: tableArn(), actions: ['dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'] },
    ]);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('dynamodb:DeleteItem');
  });

  it('gives each function a role of its own that writes logs to its own log group only, with no managed policy', () => {
    const roles = template.findResources('AWS::IAM::Role');
    const { scheduleFunction, processSourceFunction, digestFunction, feedFunction } = stack.functions;
    const logGroups = template.findResources('AWS::Logs::LogGroup');
    for (const fn of [scheduleFunction, processSourceFunction, digestFunction, feedFunction!]) {
      const role = roles[roleLogicalIdOf(fn)];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logGroupId = (template.findResources('AWS::Lambda::Function')[logicalIdOf(fn)].Properties.LoggingConfig.LogGroup as { Ref: string }).Ref;
      expect(logGroups[logGroupId]).toBeDefined();
      const logStatements = statementsOf(fn).filter((statement) => actionsOf(statement).some((action) => action.startsWith('logs:')));
      // The group's ARN, in both spellings (with and without the `:*` of its streams), and nothing else.
      expect(logStatements).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: [
            { 'Fn::GetAtt': [logGroupId, 'Arn'] },
            {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:', { Ref: logGroupId }]],
            },
          ],
        },
      ]);
    }
    expect(JSON.stringify(roles)).not.toContain('AWSLambdaBasicExecutionRole');
  });

  it('grants no function the whole set of indexes', () => {
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain('/index/*');
  });
});

describe('the digest feed', () => {
  const secretId = () => stack.getLogicalId(stack.functions.feedSecret!.node.defaultChild as never);

  it('serves the Atom feed from a function URL with reserved concurrency that only reads the table', () => {
    const feed = stack.functions.feedFunction!;
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [logicalIdOf(feed), 'Arn'] },
    });
    const functions = template.findResources('AWS::Lambda::Function');
    // Its own share of the account's concurrency: a flood on the public URL cannot starve the pipeline.
    expect(functions[logicalIdOf(feed)].Properties.ReservedConcurrentExecutions).toBe(5);
    expect(functions[logicalIdOf(stack.functions.processSourceFunction)].Properties.ReservedConcurrentExecutions).toBeUndefined();
    const statements = statementsOf(feed);
    // A digest page is one GetItem on the table, the pushed watches a GetItem and a Query; the feed is one Query on gsi1.
    expect(tableGrantsOf(statements)).toEqual([
      { resource: tableArn(), actions: ['dynamodb:GetItem', 'dynamodb:Query'] },
      { resource: { 'Fn::Join': ['', [tableArn(), '/index/gsi1']] }, actions: ['dynamodb:Query'] },
    ]);
    const actions = statements.flatMap(actionsOf);
    expect(actions.filter((action) => /dynamodb:(Put|Update|Delete|BatchWrite|Scan)/.test(action))).toEqual([]);
    template.hasOutput('FeedUrl', Match.anyValue());
  });

  it('keeps the feed secret in Secrets Manager, generated: the function gets its ARN and may read it, and no other', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
      SecretString: Match.absent(),
    });
    const functions = template.findResources('AWS::Lambda::Function');
    expect(functions[logicalIdOf(stack.functions.feedFunction!)].Properties.Environment.Variables.FEED_SECRET_ID).toEqual({ Ref: secretId() });
    expect(statementsOf(stack.functions.feedFunction!)).toContainEqual(
      expect.objectContaining({ Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], Resource: { Ref: secretId() } }),
    );
    for (const name of ['scheduleFunction', 'processSourceFunction', 'digestFunction'] as const) {
      expect(JSON.stringify(statementsOf(stack.functions[name]))).not.toContain('secretsmanager');
    }
    template.hasOutput('FeedSecretArn', { Value: { Ref: secretId() } });
  });

  it('puts no feed token or secret value in any function configuration', () => {
    const variables = Object.values(template.findResources('AWS::Lambda::Function')).map((fn) => fn.Properties.Environment?.Variables ?? {});
    for (const vars of variables) expect(Object.keys(vars)).not.toContain('FEED_TOKEN');
    expect(JSON.stringify(template.toJSON())).not.toMatch(/FEED_TOKEN|feedToken/);
  });
});

describe('alarms', () => {
  const opsTopicAction = () => [{ Ref: topicIdOf(stack.alarms.opsTopic) }];

  it('alarms on any message in the dead-letter queue, to the ops topic', () => {
    const dlqId = stack.getLogicalId(stack.sourceQueue.deadLetterQueue.node.defaultChild as never);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: opsTopicAction(),
    });
  });

  it.each(['Errors', 'Throttles'])('alarms on %s of each of the four functions', (metricName) => {
    const { scheduleFunction, processSourceFunction, digestFunction, feedFunction } = stack.functions;
    for (const fn of [scheduleFunction, processSourceFunction, digestFunction, feedFunction!]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: metricName,
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(fn) } }],
        Statistic: 'Sum',
        Threshold: 1,
        AlarmActions: opsTopicAction(),
      });
    }
    template.resourceCountIs('AWS::CloudWatch::Alarm', 14);
  });

  it('alarms when a source message has waited longer than its three receives take, one visibility timeout apart', () => {
    const visibility = template.findResources('AWS::SQS::Queue')[stack.getLogicalId(stack.sourceQueue.queue.node.defaultChild as never)].Properties
      .VisibilityTimeout as number;
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'StancewatchTest-SourceQueueStuck',
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [stack.getLogicalId(stack.sourceQueue.queue.node.defaultChild as never), 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 3 * visibility,
      EvaluationPeriods: 1,
      AlarmActions: opsTopicAction(),
    });
  });

  it('alarms on a backlog of the context\'s backlogAlarmMessages (default 2,000) lasting 15 minutes', () => {
    // The sources are in the table, not known at synth: the threshold is a setting.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'StancewatchTest-SourceQueueBacklog',
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [stack.getLogicalId(stack.sourceQueue.queue.node.defaultChild as never), 'QueueName'] } }],
      Statistic: 'Minimum',
      Period: 300,
      Threshold: 2_000,
      EvaluationPeriods: 3,
      AlarmActions: opsTopicAction(),
    });
  });

  it('alarms on any digest message in the digest dead-letter queue, to the ops topic', () => {
    const dlqId = stack.getLogicalId(stack.digestQueue.deadLetterQueue.node.defaultChild as never);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'StancewatchTest-DigestDeadLetters',
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: opsTopicAction(),
    });
  });

  it('alarms on any Schedule event in the failure queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'StancewatchTest-FailedInvocations',
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [stack.getLogicalId(stack.functions.failedInvocations.node.defaultChild as never), 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: opsTopicAction(),
    });
  });

  it('alarms when the processor counts a source turned unhealthy, on the metric it publishes', () => {
    expect(UNHEALTHY_SOURCES_METRIC).toBe(PipelineMetric.SourcesUnhealthy);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Stancewatch',
      MetricName: 'SourcesUnhealthy',
      Dimensions: [{ Name: 'service', Value: 'stancewatch' }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: opsTopicAction(),
    });
  });

  /** `arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>` as the template spells it. */
  const alarmArnPattern = (name: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:alarm:${name}`]],
  });

  it('names every alarm after the stack, for set-alarm-state and for the key policy', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties.AlarmName);
    expect(names).toHaveLength(14);
    expect(names).toEqual(expect.arrayContaining(['StancewatchTest-DeadLetters', 'StancewatchTest-UnhealthySources', 'StancewatchTest-FeedThrottles']));
    for (const name of names) expect(name).toMatch(/^StancewatchTest-[A-Za-z]+$/);
  });

  it("lets CloudWatch publish to the ops topic for this account's alarms only, beside the TLS-only Deny", () => {
    const opsTopicId = topicIdOf(stack.alarms.opsTopic);
    const alarmArns = stack.alarms.alarms.map((alarm) => ({ 'Fn::GetAtt': [stack.getLogicalId(alarm.node.defaultChild as never), 'Arn'] }));
    expect(alarmArns).toHaveLength(14);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: opsTopicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Sid: 'CloudWatchAlarmsOfThisStack',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: opsTopicId },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnEquals: { 'aws:SourceArn': alarmArns } },
          },
        ]),
      },
    });
  });

  it('sends alarms to an ops topic under a rotated customer key that only this stack\'s alarms may use, mailing the digestEmail addresses', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'CloudWatchAlarmsOfThisStack',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': alarmArnPattern('StancewatchTest-*') },
            },
          },
        ]),
      },
    });
    // No grant to CloudWatch without the conditions.
    const [key] = Object.values(template.findResources('AWS::KMS::Key'));
    const cloudwatchStatements = (key.Properties.KeyPolicy.Statement as Array<{ Principal?: { Service?: string } }>).filter(
      (statement) => statement.Principal?.Service === 'cloudwatch.amazonaws.com',
    );
    expect(cloudwatchStatements).toHaveLength(1);
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0];
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    for (const address of ['ops@example.com', 'team@example.com']) {
      template.hasResourceProperties('AWS::SNS::Subscription', { TopicArn: { Ref: topicIdOf(stack.alarms.opsTopic) }, Endpoint: address });
    }
  });
});

describe('metrics', () => {
  it('gives every function the metrics namespace', () => {
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Environment: { Variables: Match.objectLike({ POWERTOOLS_METRICS_NAMESPACE: 'Stancewatch', POWERTOOLS_SERVICE_NAME: 'stancewatch' }) } },
      4,
    );
  });
});

describe('dependency layers', () => {
  const layerIdOf = (layer: { layer: { node: { defaultChild?: unknown } } }) => stack.getLogicalId(layer.layer.node.defaultChild as never);

  it('gives the processor the NLP layer and every function the tracing layer, for nodejs22.x on arm64', () => {
    template.resourcePropertiesCountIs('AWS::Lambda::LayerVersion', { CompatibleRuntimes: ['nodejs22.x'], CompatibleArchitectures: ['arm64'] }, 2);
    const nlp = { Ref: layerIdOf(stack.functions.dependencyLayer) };
    const tracing = { Ref: layerIdOf(stack.functions.tracingLayer) };
    const functions = template.findResources('AWS::Lambda::Function');
    expect(functions[logicalIdOf(stack.functions.processSourceFunction)].Properties.Layers).toEqual([nlp, tracing]);
    for (const fn of [stack.functions.scheduleFunction, stack.functions.digestFunction, stack.functions.feedFunction!]) {
      expect(functions[logicalIdOf(fn)].Properties.Layers).toEqual([tracing]);
    }
  });

  it('holds the NLP model and its kin with their dependencies', () => {
    expect(stack.functions.dependencyLayer.packagePaths).toEqual(
      expect.arrayContaining(['node_modules/wink-eng-lite-web-model', 'node_modules/wink-nlp', 'node_modules/compromise', 'node_modules/iconv-lite', 'node_modules/efrt']),
    );
  });

  it('holds the tracer and the X-Ray SDK, without type declarations or the AWS SDK the runtime provides', () => {
    const paths = stack.functions.tracingLayer.packagePaths;
    expect(paths).toEqual(expect.arrayContaining(['node_modules/@aws-lambda-powertools/tracer', 'node_modules/aws-xray-sdk-core', 'node_modules/cls-hooked']));
    expect(paths.filter((path) => /node_modules\/(@types|@aws-sdk)\//.test(path))).toEqual([]);
  });
});

describe('tags', () => {
  it('tags the table, queues, topics, key, secret and functions with application=stancewatch', () => {
    for (const type of ['AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret', 'AWS::Lambda::Function', 'AWS::IAM::Role']) {
      const resources = Object.values(template.findResources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) expect(resource.Properties.Tags).toContainEqual({ Key: 'application', Value: 'stancewatch' });
    }
  });
});

describe('outputs', () => {
  it('exports the table name and ARN, the topic ARN and the queue URLs', () => {
    for (const name of [
      'TableName',
      'TableArn',
      'DigestTopicArn',
      'DigestTopics',
      'SourceQueueUrl',
      'DeadLetterQueueUrl',
      'DeadLetterQueueArn',
      'DigestQueueUrl',
      'DigestDeadLetterQueueUrl',
      'FailedInvocationsQueueUrl',
      'OpsTopicArn',
    ]) {
      template.hasOutput(name, { Value: Match.anyValue() });
    }
  });
});

describe('bundles', () => {
  /** The asset directory of a resource's code (a function's bundle, a layer's content). */
  function assetDirOf(codeS3Key: unknown): string {
    return join(Stage.of(stack)!.synth().directory, `asset.${String(codeS3Key).replace(/\.zip$/, '')}`);
  }

  /**
   * A directory laid out as Lambda sees it, outside the repository so nothing resolves from its node_modules:
   * the bundle, the runtime's SDK, and the function's layers (Lambda resolves /opt/nodejs/node_modules).
   */
  function lambdaLikeDir(fn: NodejsFunction): string {
    const props = template.findResources('AWS::Lambda::Function')[logicalIdOf(fn)].Properties;
    const dir = mkdtempSync(join(tmpdir(), 'stancewatch-bundle-'));
    copyFileSync(join(assetDirOf(props.Code.S3Key), 'index.mjs'), join(dir, 'index.mjs'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(REPO_ROOT, 'node_modules', '@aws-sdk'), join(dir, 'node_modules', '@aws-sdk'));
    const layers = template.findResources('AWS::Lambda::LayerVersion');
    for (const ref of (props.Layers ?? []) as Array<{ Ref: string }>) {
      const layerModules = join(assetDirOf(layers[ref.Ref].Properties.Content.S3Key), 'nodejs', 'node_modules');
      for (const entry of readdirSync(layerModules)) symlinkSync(join(layerModules, entry), join(dir, 'node_modules', entry));
    }
    return dir;
  }

  /** The processor requires the NLP libraries on first use (shared/stances/nlp-models.ts): they must resolve from where its bundle runs. */
  function requireDeferred(name: string, entry: string): string {
    if (name !== 'processSourceFunction') return '';
    return `const { createRequire } = await import('node:module'); const r = createRequire(${JSON.stringify(entry)}); ${NLP_MODULES.map((module) => `r(${JSON.stringify(module)});`).join(' ')}`;
  }

  // What a cold start does: load the module and build the deps. Catches native modules that cannot be
  // bundled, a broken ESM require shim, a function that wants its watches before an invocation (they are read from
  // the table then, and the env below names no reachable one) and an external module that neither the runtime nor
  // the function's layers provide.
  it.each(['scheduleFunction', 'processSourceFunction', 'digestFunction', 'feedFunction'] as const)(
    '%s loads with only the runtime SDK and its layers, without its config in the environment, and exports a handler',
    (name) => {
      const dir = lambdaLikeDir(stack.functions[name]!);
      try {
        const entry = pathToFileURL(join(dir, 'index.mjs')).href;
        const output = execFileSync(
          process.execPath,
          ['--input-type=module', '-e', `const m = await import(${JSON.stringify(entry)}); ${requireDeferred(name, entry)} console.log(typeof m.handler);`],
          {
            encoding: 'utf8',
            cwd: dir,
            env: {
              PATH: process.env.PATH,
              AWS_REGION: 'eu-west-1',
              TABLE_NAME: 'stancewatch-test',
              QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/stancewatch-sources',
              DIGEST_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/stancewatch-digests',
              TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:stancewatch-digests',
              DIGEST_TOPICS: 'stancewatch-*',
              FEED_SECRET_ID,
              ALLOW_PRIVATE_NETWORK: 'false',
              POWERTOOLS_LOG_LEVEL: 'ERROR',
            },
          },
        );
        expect(output.trim()).toBe('function');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.each(['scheduleFunction', 'processSourceFunction', 'digestFunction', 'feedFunction'] as const)('%s bundle is under 1 MB, with no source map and no watch in it', (name) => {
    const props = template.findResources('AWS::Lambda::Function')[logicalIdOf(stack.functions[name]!)].Properties;
    expect(statSync(join(assetDirOf(props.Code.S3Key), 'index.mjs')).size).toBeLessThan(1_000_000);
    // The watches are read from the table (`stancewatch watches push`): a watch change is no redeploy.
    const bundle = readFileSync(join(assetDirOf(props.Code.S3Key), 'index.mjs'), 'utf8');
    for (const text of ['STANCEWATCH_CONFIG_JSON', 'boj-policy', 'news.example.org/rss']) expect(bundle).not.toContain(text);
    // zod imported as a namespace: `import { z }` kept its 40-odd locales (260 KB) in every bundle.
    expect(bundle).not.toContain('Input tidak valid');
    // Never read (no --enable-source-maps) and three quarters of the zip: not shipped.
    expect(readdirSync(assetDirOf(props.Code.S3Key))).toEqual(['index.mjs']);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unsuppressed errors', () => {
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
    expect(errors.map((error) => `${error.id}: ${String(error.entry.data)}`)).toEqual([]);
  });

  it('reports no unsuppressed warnings', () => {
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'));
    expect(warnings.map((warning) => `${warning.id}: ${String(warning.entry.data)}`)).toEqual([]);
  });
});
