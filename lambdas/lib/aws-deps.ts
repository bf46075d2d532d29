import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { createAwsNotifiers } from '../../shared/notify/aws.js';
import { secretsManagerFeedSecret } from '../../shared/notify/feed-secret.js';
import { createDynamoClient, dynamoArchive } from '../../shared/store/dynamo-archive.js';
import { dynamoHostBoilerplate } from '../../shared/store/host-boilerplate.js';
import type { DigestDeps, FeedDeps, Log, ScheduleDeps, SourceDeps } from '../../shared/pipeline/index.js';
import { readAwsEnv } from './aws-env.js';
import { createSqsSourceQueue } from './sqs-source-queue.js';

// The Lambdas' composition root (bin/local-runtime.ts is the CLI's): one factory per function, each importing
// only the AWS clients that function uses: loading SDK clients is most of a cold start, so the schedule function
// never loads DynamoDB, SNS or SES.

/** The one clock of a function: the core and the store date things by it. */
const now = () => new Date();

/** The schedule function: the watches and the SQS queue. */
export function createScheduleDeps(env: NodeJS.ProcessEnv): ScheduleDeps {
  const vars = readAwsEnv(env, ['QUEUE_URL']);
  return { config: vars.config, queue: createSqsSourceQueue(vars.QUEUE_URL) };
}

/** The processing function: the archive and the fetcher, with the SSRF guard on by default. */
export function createSourceDeps(env: NodeJS.ProcessEnv, log: Log): SourceDeps {
  const vars = readAwsEnv(env, ['TABLE_NAME']);
  const client = createDynamoClient();
  return {
    config: vars.config,
    store: dynamoArchive(client, vars.TABLE_NAME, now),
    boilerplate: dynamoHostBoilerplate(client, vars.TABLE_NAME, now),
    fetchOptions: defaultFetchOptions({ allowPrivateNetwork: vars.ALLOW_PRIVATE_NETWORK === 'true' }),
    log,
    now,
  };
}

/** The digest function: the archive and the SNS (and SES) notifiers. */
export function createDigestDeps(env: NodeJS.ProcessEnv, log: Log): DigestDeps {
  const vars = readAwsEnv(env, ['TABLE_NAME', 'TOPIC_ARN']);
  return {
    config: vars.config,
    store: dynamoArchive(createDynamoClient(), vars.TABLE_NAME, now),
    notifiers: createAwsNotifiers({ topicArn: vars.TOPIC_ARN, sesFrom: vars.SES_FROM, sesConfigurationSet: vars.SES_CONFIGURATION_SET }),
    log,
    now,
  };
}

/** The feed function: the archive's digests and the secret the feed tokens are derived from. */
export function createFeedDeps(env: NodeJS.ProcessEnv): FeedDeps {
  const vars = readAwsEnv(env, ['TABLE_NAME', 'FEED_SECRET_ID']);
  return { config: vars.config, store: dynamoArchive(createDynamoClient(), vars.TABLE_NAME), feedSecret: secretsManagerFeedSecret(vars.FEED_SECRET_ID) };
}
