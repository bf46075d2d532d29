import { join } from 'node:path';
import { Arn, ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { encryptedQueue } from './encrypted-queue.js';
import { digestTopicArn, formatDigestTopicsSetting, type Config } from '../../shared/config/index.js';
import { TABLE_KEYS } from '../../shared/store/index.js';
import { LAMBDA_ENTRIES, NLP_LAYER_MODULES, nodejsBundling, REPO_ROOT, TRACING_LAYER_MODULES } from '../bundling.js';
import { DependencyLayer } from './dependency-layer.js';
import { WatchSchedules } from './watch-schedules.js';

export { REPO_ROOT } from '../bundling.js';

/** How each function is sized. The processor fetches a feed and its new articles, then runs the NLP model. */
export const FUNCTION_SIZING = {
  // A tick that finds 10,000 sources due sends 1,000 SendMessageBatch calls, 16 at once: about 3 s and 2 s of CPU on
  // a laptop core (sqs-work-queue.ts). At 256 MB Lambda gives a seventh of a vCPU, which made that 15-30 s; 1 GB gives
  // over half of one, and the timeout leaves room for a cold start and a slow Query of the watches.
  schedule: { timeout: Duration.seconds(60), memorySize: 1024 },
  // Politeness sets the pace: pages of one host start 1 s apart (shared/fetch/host-pacer.ts), so a batch of five
  // feeds of one outlet with 40 entries each takes over 3 minutes of mostly waiting. Waiting is cheap at 1 GB-s per
  // second; a timeout re-runs the whole batch.
  processSource: { timeout: Duration.minutes(10), memorySize: 1024 },
  digest: { timeout: Duration.minutes(1), memorySize: 512 },
  // Reads at most 50 digests and renders XML: small and quick.
  feed: { timeout: Duration.seconds(10), memorySize: 256 },
} as const;

/**
 * Digest messages per digest invocation: one, so a watch whose digest is slow (many readers, a slow way out) holds up
 * no other inside the function's timeout, and a failed one is retried alone.
 */
export const DIGEST_BATCH_SIZE = 1;
/**
 * Concurrent digest invocations: the least SQS allows. SES sends one mail per reader, and its sending rate (14 a
 * second by default, 1 in the sandbox) is shared by every digest at once; a refused reader is not retried.
 */
export const DIGEST_MAX_CONCURRENCY = 2;
/** Records per processor invocation: a handful keeps one slow site from holding many sources hostage. */
export const PROCESS_BATCH_SIZE = 5;
/**
 * The public feed URL's share of the account's concurrency: feed readers poll a few times an hour, so 5 is ample,
 * and a flood of requests to the URL is throttled here instead of starving the pipeline. Reserving needs the
 * account's concurrency quota above 100 + 5 (new accounts start at 10: ask for the default 1,000 first).
 */
export const FEED_RESERVED_CONCURRENCY = 5;
/** Length of the generated feed secret: 48 letters and digits, about 285 bits. */
const FEED_SECRET_LENGTH = 48;

/** Lambda's own retries of a failed asynchronous invocation (its maximum) before the event goes to the failure queue. */
const ASYNC_RETRY_ATTEMPTS = 2;
/** Failed schedule events are kept as long as SQS allows: time to read them after a weekend. */
const FAILED_INVOCATION_RETENTION = Duration.days(14);
const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;
const RUNTIME = lambda.Runtime.NODEJS_22_X;
const ARCHITECTURE = lambda.Architecture.ARM_64;
/**
 * The DynamoDB calls each function makes (shared/store: dynamo-table.ts, the per-port files dynamo-archive.ts
 * composes, host-boilerplate.ts), granted on the table ARN alone; a new call in the store code needs its action here. Conditional writes need
 * nothing extra, and BatchWriteItem covers the delete requests that clear pending markers.
 */
export const TABLE_ACTIONS = {
  // The pushed watches (shared/store/watch-config.ts): META and the watches' partition.
  schedule: ['dynamodb:GetItem', 'dynamodb:Query'],
  // Dedupe, URL state, statements, near-duplicate bands, host boilerplate and the pushed watches; every Query is on the table.
  processSource: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:BatchWriteItem',
  ],
  // The ledger's recent window for an unattributed statement: a watch's statements by date, a Query on gsi1.
  processSourceIndex: ['dynamodb:Query'],
  // Pending markers (Query, BatchWriteItem deletes), the digest claim (PutItem, GetItem), delivery (UpdateItem), the pushed watches (GetItem, Query).
  digest: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
  // One digest page and the pushed watches (GetItem, Query); the feed itself is a Query on gsi1, granted on that index alone.
  feed: ['dynamodb:GetItem', 'dynamodb:Query'],
  feedIndex: ['dynamodb:Query'],
} as const;

/** CloudWatch namespace of the pipeline's own metrics (articles, stances, failures). */
export const METRICS_NAMESPACE = 'Stancewatch';

/** Powertools adds it to every metric as the `service` dimension. */
export const METRICS_SERVICE = 'stancewatch';

/** `PipelineMetric.SourcesUnhealthy` in lambdas/lib/pipeline-metrics.ts (a test keeps the two equal). */
export const UNHEALTHY_SOURCES_METRIC = 'SourcesUnhealthy';

export interface PipelineFunctionsProps {
  /** A config validated at synth, if any: only its watches' own digest topics are read from it (a publish grant each). */
  config?: Config;
  /**
   * Topics besides `topic` the digest function may publish to, for watches with a topic of their own: full ARNs or
   * name patterns in the stack's account and region (context `digestTopics`, shared/config/digest-topics.ts).
   */
  digestTopics: readonly string[];
  table: dynamodb.ITable;
  topic: sns.ITopic;
  queue: sqs.IQueue;
  /** The queue of digest messages, one per watch and digest run: the schedule function fills it, the digest function drains it. */
  digestQueue: sqs.IQueue;
  /** Verified SES identity for HTML digests; the digest function may send from it. */
  sesFrom?: string;
  /** EventBridge schedule expression of the digest runs. */
  digestSchedule: string;
  /** How often the schedule function enqueues the sources of the watches due (context `scheduleTick`). */
  scheduleTick: string;
  /**
   * Concurrent processor invocations the SQS poller may run (context `processorConcurrency`, checked at synth by
   * infra/concurrency.ts): caps the load we put on news sites. Set on the event source rather than as reserved
   * concurrency, which makes SQS throttle receives and burn retries into the DLQ.
   */
  processorConcurrency: number;
  /** Serve each watch's digests as an Atom feed from a function URL, its tokens derived from a generated secret. */
  feed?: boolean;
}

/**
 * The Lambda functions and what triggers them:
 * 1. `schedule` — a tick rule (infra/constructs/watch-schedules.ts) → the watches read from the table, and one SQS
 *    message per source URL of those due; the digest rule → one digest message per watch;
 * 2. `processSource` — the source queue, in batches with partial failures → fetch, extract, dedupe, stances;
 * 3. `digest` — the digest queue, one watch per invocation → that watch's digest on the topic (and SES);
 * 4. `feed` (with `feed: true`) — a function URL serving each watch's digests as an Atom feed.
 */
export class PipelineFunctions extends Construct {
  readonly scheduleFunction: NodejsFunction;
  readonly processSourceFunction: NodejsFunction;
  readonly digestFunction: NodejsFunction;
  readonly feedFunction?: NodejsFunction;
  readonly feedUrl?: lambda.FunctionUrl;
  /** The secret each watch's feed token is derived from (HMAC-SHA256 of the watch id); generated, never in the template. */
  readonly feedSecret?: secretsmanager.Secret;
  /** The packages the bundles leave external (the NLP model and its kin); only the processor imports them. */
  readonly dependencyLayer: DependencyLayer;
  /** Powertools Tracer and the X-Ray SDK, which every function imports (lambdas/lib/tracing.ts). */
  readonly tracingLayer: DependencyLayer;
  /** The tick rule that starts the passes of the watches due, and the digest rule. */
  readonly watchSchedules: WatchSchedules;
  /**
   * The watch topics the digest function may publish to besides the stack's own: `digestTopics` resolved in the
   * stack's account and region, then the exact topics of a `-c config=` file. Empty when there are none.
   */
  readonly watchTopicArns: string[];
  /**
   * The failure destination of the asynchronous function (Schedule): an event it still failed on after Lambda's
   * retries is kept here with the error, instead of being dropped. Digests fail into the digest queue's DLQ.
   */
  readonly failedInvocations: sqs.Queue;

  constructor(scope: Construct, id: string, props: PipelineFunctionsProps) {
    super(scope, id);
    const { config, table, topic, queue, digestQueue } = props;

    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      QUEUE_URL: queue.queueUrl,
      DIGEST_QUEUE_URL: digestQueue.queueUrl,
      TOPIC_ARN: topic.topicArn,
      // Deployed functions only ever read public news sites; never let a feed redirect them into the VPC or IMDS.
      ALLOW_PRIVATE_NETWORK: 'false',
      POWERTOOLS_SERVICE_NAME: METRICS_SERVICE,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      ...(props.sesFrom ? { SES_FROM: props.sesFrom } : {}),
    };
    this.failedInvocations = encryptedQueue(this, 'FailedInvocations', {
      retentionPeriod: FAILED_INVOCATION_RETENTION,
    });
    const asyncInvocation = { onFailure: new SqsDestination(this.failedInvocations), retryAttempts: ASYNC_RETRY_ATTEMPTS };
    const common = { environment };
    const layerTarget = { compatibleRuntimes: [RUNTIME], compatibleArchitectures: [ARCHITECTURE] };
    this.dependencyLayer = new DependencyLayer(this, 'Dependencies', { modules: NLP_LAYER_MODULES, ...layerTarget });
    this.tracingLayer = new DependencyLayer(this, 'TracingDependencies', { modules: TRACING_LAYER_MODULES, ...layerTarget });

    this.scheduleFunction = this.createFunction('Schedule', LAMBDA_ENTRIES.schedule, { ...common, ...FUNCTION_SIZING.schedule, ...asyncInvocation });
    this.processSourceFunction = this.createFunction('ProcessSource', LAMBDA_ENTRIES.processSource, {
      ...common,
      ...FUNCTION_SIZING.processSource,
      layers: [this.dependencyLayer.layer],
    });
    this.digestFunction = this.createFunction('Digest', LAMBDA_ENTRIES.digest, {
      // The setting its sns:Publish grant is made from (below), so a refused watch topic is answered with the exact flag.
      environment: { ...environment, DIGEST_TOPICS: formatDigestTopicsSetting(props.digestTopics) },
      ...FUNCTION_SIZING.digest,
    });

    // Schedule: the tick and the digest rule; the function reads the watches from the table.
    queue.grantSendMessages(this.scheduleFunction);
    digestQueue.grantSendMessages(this.scheduleFunction);
    grantOnTable(this.scheduleFunction, table, TABLE_ACTIONS.schedule);
    this.watchSchedules = new WatchSchedules(this, 'Schedules', {
      scheduleTick: props.scheduleTick,
      digestSchedule: props.digestSchedule,
      scheduleFunction: this.scheduleFunction,
    });

    // Process: the queue drives the processor; SqsEventSource grants it consume rights on the queue.
    grantOnTable(this.processSourceFunction, table, TABLE_ACTIONS.processSource);
    grantOnTable(this.processSourceFunction, table, TABLE_ACTIONS.processSourceIndex, TABLE_KEYS.gsi1.name);
    this.processSourceFunction.addEventSource(
      new SqsEventSource(queue, {
        batchSize: PROCESS_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: props.processorConcurrency,
      }),
    );

    // Digest: one watch per message; read pending stances, record sent digests, publish.
    this.digestFunction.addEventSource(
      new SqsEventSource(digestQueue, {
        batchSize: DIGEST_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: DIGEST_MAX_CONCURRENCY,
      }),
    );
    grantOnTable(this.digestFunction, table, TABLE_ACTIONS.digest);
    topic.grantPublish(this.digestFunction);
    // Watches are pushed after the deploy, so their topics are granted by a setting, not read from the watches.
    const { partition, region, account } = Stack.of(this);
    const configTopicArns = (config?.watches ?? []).flatMap((watch) => (watch.digest?.snsTopicArn ? [watch.digest.snsTopicArn] : []));
    this.watchTopicArns = [...new Set([...props.digestTopics.map((entry) => digestTopicArn(entry, { partition, region, account })), ...configTopicArns])];
    if (this.watchTopicArns.length > 0) {
      this.digestFunction.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: this.watchTopicArns }));
    }
    if (props.sesFrom) {
      this.digestFunction.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: sesIdentityArns(this, props.sesFrom) }),
      );
    }

    // Feed: feed readers cannot sign requests, so the URL is public and the token in it is the key. The function
    // reads the secret at run time (Powertools Parameters, cached): only its ARN is in the configuration.
    if (props.feed) {
      this.feedSecret = new secretsmanager.Secret(this, 'FeedSecret', {
        description: "Stancewatch: each watch's feed token is HMAC-SHA256(this secret, watch id)",
        generateSecretString: { passwordLength: FEED_SECRET_LENGTH, excludePunctuation: true },
      });
      this.feedFunction = this.createFunction('Feed', LAMBDA_ENTRIES.feed, {
        environment: { ...environment, FEED_SECRET_ID: this.feedSecret.secretArn },
        ...FUNCTION_SIZING.feed,
        reservedConcurrentExecutions: FEED_RESERVED_CONCURRENCY,
      });
      this.feedSecret.grantRead(this.feedFunction);
      grantOnTable(this.feedFunction, table, TABLE_ACTIONS.feed);
      grantOnTable(this.feedFunction, table, TABLE_ACTIONS.feedIndex, TABLE_KEYS.gsi1.name);
      this.feedUrl = this.feedFunction.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    }
  }

  /** The digest function sends its SES mail with this configuration set (bounces and complaints to ops). */
  useSesConfigurationSet(name: string, arn: string): void {
    this.digestFunction.addEnvironment('SES_CONFIGURATION_SET', name);
    // SES authorizes SendEmail against the configuration set a mail names too, not only the sender identity.
    this.digestFunction.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: [arn] }));
  }

  private createFunction(
    id: string,
    entryFile: string,
    options: {
      environment: Record<string, string>;
      timeout: Duration;
      memorySize: number;
      layers?: lambda.ILayerVersion[];
      reservedConcurrentExecutions?: number;
      onFailure?: lambda.IDestination;
      retryAttempts?: number;
    },
  ): NodejsFunction {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role instead of AWSLambdaBasicExecutionRole, which lets a function write to every log group of the
    // account: this one writes streams and events to its own group only (the group exists, so no CreateLogGroup).
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Stancewatch ${id} function`,
    });
    logGroup.grant(role, 'logs:CreateLogStream', 'logs:PutLogEvents');
    return new NodejsFunction(this, id, {
      role,
      entry: join(REPO_ROOT, 'lambdas', entryFile),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: ARCHITECTURE,
      timeout: options.timeout,
      memorySize: options.memorySize,
      layers: [...(options.layers ?? []), this.tracingLayer.layer],
      // X-Ray traces each invocation; the handlers add their subsegments and AWS calls with Powertools Tracer.
      // CDK grants xray:PutTraceSegments and xray:PutTelemetryRecords, which take no resource but `*`.
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: options.reservedConcurrentExecutions,
      onFailure: options.onFailure,
      retryAttempts: options.retryAttempts,
      environment: options.environment,
      logGroup,
      // Shared with `npm run bench:lambda` (infra/bundling.ts), so the benchmark measures what is deployed.
      bundling: nodejsBundling(),
    });
  }

  /** Sources that turned unhealthy, as the processor counts them, summed over five minutes. */
  metricUnhealthySources(): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName: UNHEALTHY_SOURCES_METRIC,
      dimensionsMap: { service: METRICS_SERVICE },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.minutes(5),
    });
  }
}

/**
 * Grants `actions` on the table, or on one of its indexes. Not `table.grant()`: on a table with indexes it
 * adds `<table>/index/*` to every grant, which none of the writers needs.
 */
function grantOnTable(fn: lambda.IFunction, table: dynamodb.ITable, actions: readonly string[], indexName?: string): void {
  const resourceArn = indexName ? `${table.tableArn}/index/${indexName}` : table.tableArn;
  iam.Grant.addToPrincipal({ grantee: fn, actions: [...actions], resourceArns: [resourceArn] });
}

/** SES checks `ses:SendEmail` against the identity used: the address itself or its verified domain. */
function sesIdentityArns(scope: Construct, fromAddress: string): string[] {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return [fromAddress, domain].map((identity) =>
    Arn.format({ service: 'ses', resource: 'identity', resourceName: identity, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }, Stack.of(scope)),
  );
}
