import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { parseDigestTopics } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { sesNotifier } from '../../shared/notify/ses.js';
import { snsNotifier } from '../../shared/notify/sns.js';
import { secretsManagerFeedSecret } from '../../shared/notify/feed-secret.js';
import { createDynamoClient, dynamoArchive } from '../../shared/store/dynamo-archive.js';
import { dynamoHostBoilerplate } from '../../shared/store/host-boilerplate.js';
import { dynamoFleetHostPacer } from '../../shared/store/host-slots.js';
import { dynamoWatchConfig } from '../../shared/store/watch-config.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DigestDeps, DigestQueue, FeedDeps, Log, ScheduleDeps, SourceDeps } from '../../shared/pipeline/index.js';
import { readAwsEnv } from './aws-env.js';
import { sqsDigestQueue, sqsSourceQueue } from './sqs-work-queue.js';
import type { CaptureClient } from './tracing.js';
import { tableWatchesSource, type WatchesSource } from './watches-source.js';

// The Lambdas' composition root (bin/local-runtime.ts is the CLI's): one factory per function, each importing
// only the AWS clients that function uses: loading SDK clients is most of a cold start, so the schedule function
// never loads SNS or SES (it loads DynamoDB for the watches). Each client built here goes through `capture` (the
// function's tracer, see lambdas/lib/tracing.ts), so its calls are subsegments of the invocation's trace.
//
// Every factory returns its deps without `config` and with `watches`, where the watches are read from the table
// (cached per container): a handler takes `config` from `watches.get()` for each invocation (`withWatches`).

/** A function's deps before the watches are read: `withWatches` completes them for one invocation. */
export type WatchesDeps<D extends { config: unknown }> = Omit<D, 'config'> & { watches: WatchesSource };

/** The deps of one invocation: the container's deps with the watches as they are now. */
export async function withWatches<D extends { config: unknown }>(deps: WatchesDeps<D>): Promise<D> {
  const { watches, ...rest } = deps;
  return { ...rest, config: await watches.get() } as unknown as D;
}

function watchesIn(client: DynamoDBClient, tableName: string, log: Log): WatchesSource {
  return tableWatchesSource(dynamoWatchConfig(client, tableName), { tableName, log });
}

/** The one clock of a function: the core and the store date things by it. */
const now = () => new Date();

/** No tracing: the clients as they are. */
const untraced: CaptureClient = (client) => client;

/** The schedule function: the watches (from the table), the source queue and the digest queue. */
export function createScheduleDeps(env: NodeJS.ProcessEnv, log: Log, capture: CaptureClient = untraced): WatchesDeps<ScheduleDeps & { digestQueue: DigestQueue }> {
  const vars = readAwsEnv(env, ['TABLE_NAME', 'QUEUE_URL', 'DIGEST_QUEUE_URL']);
  const sqs = capture(new SQSClient({}));
  return {
    watches: watchesIn(capture(createDynamoClient()), vars.TABLE_NAME, log),
    queue: sqsSourceQueue(sqs, vars.QUEUE_URL),
    digestQueue: sqsDigestQueue(sqs, vars.DIGEST_QUEUE_URL),
  };
}

/**
 * The processing function: the archive and the fetcher, with the SSRF guard on by default. Many processors run at
 * once, so the per-host delay is held for the fleet: each reserves its starts in the table's host slots.
 */
export function createSourceDeps(env: NodeJS.ProcessEnv, log: Log, capture: CaptureClient = untraced): WatchesDeps<SourceDeps> {
  const vars = readAwsEnv(env, ['TABLE_NAME']);
  const client = capture(createDynamoClient());
  return {
    watches: watchesIn(client, vars.TABLE_NAME, log),
    store: dynamoArchive(client, vars.TABLE_NAME, now),
    boilerplate: dynamoHostBoilerplate(client, vars.TABLE_NAME, now),
    fetchOptions: defaultFetchOptions({
      allowPrivateNetwork: vars.ALLOW_PRIVATE_NETWORK === 'true',
      hostPacer: dynamoFleetHostPacer(client, vars.TABLE_NAME, log),
    }),
    log,
    now,
  };
}

/**
 * The digest function: the archive and the ways out, SNS for every digest and SES HTML too when a sender is verified
 * (with the stack's configuration set, whose bounces and complaints go to the ops topic). The SES client is built on
 * the first digest with readers, not at cold start; its calls are traced as HTTPS requests.
 */
export function createDigestDeps(env: NodeJS.ProcessEnv, log: Log, capture: CaptureClient = untraced): WatchesDeps<DigestDeps> {
  const vars = readAwsEnv(env, ['TABLE_NAME', 'TOPIC_ARN']);
  // The setting the stack granted sns:Publish from: a refused watch topic is answered with the flag to deploy with.
  const digestTopics = vars.DIGEST_TOPICS === undefined ? undefined : parseDigestTopics(vars.DIGEST_TOPICS, 'function environment DIGEST_TOPICS');
  const notifiers = [snsNotifier(capture(new SNSClient({})), vars.TOPIC_ARN, { digestTopics })];
  if (vars.SES_FROM) notifiers.push(sesNotifier(vars.SES_FROM, { configurationSet: vars.SES_CONFIGURATION_SET }));
  const client = capture(createDynamoClient());
  return {
    watches: watchesIn(client, vars.TABLE_NAME, log),
    store: dynamoArchive(client, vars.TABLE_NAME, now),
    notifiers,
    log,
    now,
  };
}

/** The feed function: the archive's digests and the secret the feed tokens are derived from. */
export function createFeedDeps(env: NodeJS.ProcessEnv, log: Log, capture: CaptureClient = untraced): WatchesDeps<FeedDeps> {
  const vars = readAwsEnv(env, ['TABLE_NAME', 'FEED_SECRET_ID']);
  const client = capture(createDynamoClient());
  return {
    watches: watchesIn(client, vars.TABLE_NAME, log),
    store: dynamoArchive(client, vars.TABLE_NAME),
    // Powertools Parameters builds its own Secrets Manager client, called once in five minutes: traced as HTTPS.
    feedSecret: secretsManagerFeedSecret(vars.FEED_SECRET_ID),
  };
}
