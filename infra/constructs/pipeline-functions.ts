import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arn, ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Config } from '../../shared/config/index.js';

/** Repository root: the bundler's project root, where `lambdas/` and `package-lock.json` live. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** How each function is sized. The processor fetches a feed and its new articles, then runs the NLP model. */
export const FUNCTION_SIZING = {
  schedule: { timeout: Duration.seconds(30), memorySize: 256 },
  // A feed with a dozen new articles at ~10 s per slow page, plus model load on a cold start.
  processSource: { timeout: Duration.minutes(3), memorySize: 1024 },
  digest: { timeout: Duration.minutes(1), memorySize: 512 },
} as const;

/** Records per processor invocation: a handful keeps one slow site from holding many sources hostage. */
export const PROCESS_BATCH_SIZE = 5;
/**
 * Concurrent processor invocations the SQS poller may run: caps the load we put on news sites. Set on the event
 * source rather than as reserved concurrency, which makes SQS throttle receives and burn retries into the DLQ.
 */
export const PROCESS_MAX_CONCURRENCY = 2;

const MAX_RULE_DESCRIPTION = 512;
const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;
// ESM output has no `require`; CommonJS dependencies bundled into it call it, so the banner provides one.
const ESM_REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface PipelineFunctionsProps {
  config: Config;
  table: dynamodb.ITable;
  topic: sns.ITopic;
  queue: sqs.IQueue;
  /** Verified SES identity for HTML digests; the digest function may send from it. */
  sesFrom?: string;
  /** EventBridge schedule expression of the digest function. */
  digestSchedule: string;
}

/**
 * The three Lambda functions and what triggers them:
 * 1. `schedule` — one EventBridge rule per distinct watch schedule → one SQS message per (watch, source);
 * 2. `processSource` — the queue, in batches with partial failures → fetch, extract, dedupe, stances;
 * 3. `digest` — its own rule → one digest per watch on the topic.
 */
export class PipelineFunctions extends Construct {
  readonly scheduleFunction: NodejsFunction;
  readonly processSourceFunction: NodejsFunction;
  readonly digestFunction: NodejsFunction;
  readonly scheduleRules: events.Rule[];
  readonly digestRule: events.Rule;

  constructor(scope: Construct, id: string, props: PipelineFunctionsProps) {
    super(scope, id);
    const { config, table, topic, queue } = props;

    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      QUEUE_URL: queue.queueUrl,
      TOPIC_ARN: topic.topicArn,
      // Deployed functions only ever read public news sites; never let a feed redirect them into the VPC or IMDS.
      ALLOW_PRIVATE_NETWORK: 'false',
      POWERTOOLS_SERVICE_NAME: 'stancewatch',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      ...(props.sesFrom ? { SES_FROM: props.sesFrom } : {}),
    };
    const common = { config, environment };

    this.scheduleFunction = this.createFunction('Schedule', 'schedule.ts', { ...common, ...FUNCTION_SIZING.schedule });
    this.processSourceFunction = this.createFunction('ProcessSource', 'process-source.ts', {
      ...common,
      ...FUNCTION_SIZING.processSource,
    });
    this.digestFunction = this.createFunction('Digest', 'digest.ts', { ...common, ...FUNCTION_SIZING.digest });

    // Schedule: one rule per distinct schedule, each naming its watches in the event's detail.
    queue.grantSendMessages(this.scheduleFunction);
    this.scheduleRules = [...groupWatchesBySchedule(config)].map(
      ([expression, watchIds]) =>
        new events.Rule(this, `ScheduleRule-${toConstructId(expression)}`, {
          description: `Stancewatch: enqueue the sources of ${watchIds.join(', ')}`.slice(0, MAX_RULE_DESCRIPTION),
          schedule: events.Schedule.expression(expression),
          targets: [
            new targets.LambdaFunction(this.scheduleFunction, {
              event: scheduledEventWithDetail({ watchIds }),
              retryAttempts: 2,
            }),
          ],
        }),
    );

    // Process: the queue drives the processor; SqsEventSource grants it consume rights on the queue.
    table.grantReadWriteData(this.processSourceFunction);
    this.processSourceFunction.addEventSource(
      new SqsEventSource(queue, {
        batchSize: PROCESS_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: PROCESS_MAX_CONCURRENCY,
      }),
    );

    // Digest: read pending stances, record sent digests, publish.
    table.grantReadWriteData(this.digestFunction);
    topic.grantPublish(this.digestFunction);
    const watchTopicArns = [...new Set(config.watches.flatMap((watch) => (watch.digest?.snsTopicArn ? [watch.digest.snsTopicArn] : [])))];
    if (watchTopicArns.length > 0) {
      this.digestFunction.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: watchTopicArns }));
    }
    if (props.sesFrom) {
      this.digestFunction.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: sesIdentityArns(this, props.sesFrom) }),
      );
    }
    this.digestRule = new events.Rule(this, 'DigestRule', {
      description: `Stancewatch: send digests on ${props.digestSchedule}`,
      schedule: events.Schedule.expression(props.digestSchedule),
      targets: [new targets.LambdaFunction(this.digestFunction, { retryAttempts: 2 })],
    });
  }

  private createFunction(
    id: string,
    entryFile: string,
    options: { config: Config; environment: Record<string, string>; timeout: Duration; memorySize: number },
  ): NodejsFunction {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    return new NodejsFunction(this, id, {
      entry: join(REPO_ROOT, 'lambdas', entryFile),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: options.timeout,
      memorySize: options.memorySize,
      environment: options.environment,
      logGroup,
      bundling: {
        minify: true,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        // The Node.js 22 runtime ships SDK v3; bundling it again only adds cold-start weight.
        externalModules: ['@aws-sdk/*'],
        // The validated config is baked into the bundle: no size limit (unlike the 4 KB of env vars), no extra read.
        define: { 'process.env.STANCEWATCH_CONFIG_JSON': JSON.stringify(JSON.stringify(options.config)) },
        banner: ESM_REQUIRE_SHIM,
        // Local esbuild only: no Docker in CI or on laptops.
        forceDockerBundling: false,
      },
    });
  }
}

/** Schedule expression → ids of the watches on it, in config order. */
export function groupWatchesBySchedule(config: Config): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const watch of config.watches) groups.set(watch.schedule, [...(groups.get(watch.schedule) ?? []), watch.id]);
  return groups;
}

/**
 * The scheduled event EventBridge would send, with `detail` filled in: the handler keeps the standard
 * `ScheduledEvent` shape and learns which watches this rule is for.
 */
function scheduledEventWithDetail(detail: Record<string, unknown>): events.RuleTargetInput {
  return events.RuleTargetInput.fromObject({
    version: '0',
    id: events.EventField.eventId,
    'detail-type': events.EventField.detailType,
    source: events.EventField.source,
    account: events.EventField.account,
    time: events.EventField.time,
    region: events.EventField.region,
    // EventBridge input paths take dot notation only; a path to an array inserts the whole array.
    resources: events.EventField.fromPath('$.resources'),
    detail,
  });
}

/** `rate(1 hour)` → `rate-1-hour`; construct ids may not contain `/`, which cron expressions do. */
function toConstructId(expression: string): string {
  return expression.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** SES checks `ses:SendEmail` against the identity used: the address itself or its verified domain. */
function sesIdentityArns(scope: Construct, fromAddress: string): string[] {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return [fromAddress, domain].map((identity) =>
    Arn.format({ service: 'ses', resource: 'identity', resourceName: identity, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }, Stack.of(scope)),
  );
}
