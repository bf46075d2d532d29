import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { sesNotifier } from '../../shared/notify/ses.js';
import { snsNotifier } from '../../shared/notify/sns.js';
import { secretsManagerFeedSecret } from '../../shared/notify/feed-secret.js';
import { createDynamoClient, dynamoArchive } from '../../shared/store/dynamo-archive.js';
import { dynamoHostBoilerplate } from '../../shared/store/host-boilerplate.js';
import { dynamoFleetHostPacer } from '../../shared/store/host-slots.js';
import type { DigestDeps, DigestQueue, FeedDeps, Log, ScheduleDeps, SourceDeps } from '../../shared/pipeline/index.js';
import { readAwsEnv } from './aws-env.js';
import { sqsDigestQueue, sqsSourceQueue } from './sqs-work-queue.js';
import type { CaptureClient } from './tracing.js';

// The Lambdas' composition root (bin/local-runtime.ts is the CLI's): one factory per function, each importing
// only the AWS clients that function uses: loading SDK clients is most of a cold start, so the schedule function
// never loads DynamoDB, SNS or SES. Each client built here goes through `capture` (the function's tracer, see
// lambdas/lib/tracing.ts), so its calls are subsegments of the invocation's trace.

/** The one clock of a function: the core and the store date things by it. */
const now = () => new Date();

/** No tracing: the clients as they are. */
const untraced: CaptureClient = (client) => client;

/** The schedule function: the watches, the source queue and the digest queue. */
export function createScheduleDeps(env: NodeJS.ProcessEnv, capture: CaptureClient = untraced): ScheduleDeps & { digestQueue: DigestQueue } {
  const vars = readAwsEnv(env, ['QUEUE_URL', 'DIGEST_QUEUE_URL']);
  const sqs = capture(new SQSClient({}));
  return { config: vars.config, queue: sqsSourceQueue(sqs, vars.QUEUE_URL), digestQueue: sqsDigestQueue(sqs, vars.DIGEST_QUEUE_URL) };
}

/**
 * The processing function: the archive and the fetcher, with the SSRF guard on by default. Many processors run at
 * once, so the per-host delay is held for the fleet: each reserves its starts in the table's host slots.
 */
export function createSourceDeps(env: NodeJS.ProcessEnv, log: Log, capture: CaptureClient = untraced): SourceDeps {
  const vars = readAwsEnv(env, ['TABLE_NAME']);
  const client = capture(createDynamoClient());
  return {
    config: vars.config,
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
export function createDigestDeps(env: NodeJS.ProcessEnv, log: Log, capture: CaptureClient = untraced): DigestDeps {
  const vars = readAwsEnv(env, ['TABLE_NAME', 'TOPIC_ARN']);
  const notifiers = [snsNotifier(capture(new SNSClient({})), vars.TOPIC_ARN)];
  if (vars.SES_FROM) notifiers.push(sesNotifier(vars.SES_FROM, { configurationSet: vars.SES_CONFIGURATION_SET }));
  return {
    config: vars.config,
    store: dynamoArchive(capture(createDynamoClient()), vars.TABLE_NAME, now),
    notifiers,
    log,
    now,
  };
}

/** The feed function: the archive's digests and the secret the feed tokens are derived from. */
export function createFeedDeps(env: NodeJS.ProcessEnv, capture: CaptureClient = untraced): FeedDeps {
  const vars = readAwsEnv(env, ['TABLE_NAME', 'FEED_SECRET_ID']);
  return {
    config: vars.config,
    store: dynamoArchive(capture(createDynamoClient()), vars.TABLE_NAME),
    // Powertools Parameters builds its own Secrets Manager client, called once in five minutes: traced as HTTPS.
    feedSecret: secretsManagerFeedSecret(vars.FEED_SECRET_ID),
  };
}
