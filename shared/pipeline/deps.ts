import { z } from 'zod';
import { parseConfig, type Config } from '../config/index.js';
import { ConfigError } from '../errors/index.js';
import { defaultFetchOptions } from '../fetch/index.js';
import type { FetchOptions } from '../fetch/types.js';
import { createAwsNotifiers, createSqsSourceQueue, type DigestNotifier, type SourceQueue } from '../notify/index.js';
import { createDynamoClient, dynamoArchive, type ArchiveStore } from '../store/index.js';
import { stderrLog, type Log } from './log.js';

/** Everything the core needs from the outside world; the CLI and the Lambdas wire it differently. */
export interface PipelineDeps {
  config: Config;
  store: ArchiveStore;
  notifiers: DigestNotifier[];
  /** Present in AWS, where a schedule fans sources out to the processing function. */
  queue?: SourceQueue;
  fetchOptions: FetchOptions;
  log: Log;
  now: () => Date;
}

/** The Lambda environment, validated once per cold start. */
const AwsEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  TOPIC_ARN: z.string().min(1).optional(),
  QUEUE_URL: z.string().url().optional(),
  SES_FROM: z.string().email().optional(),
  /** The SSRF guard is on in Lambda unless the stack says otherwise. */
  ALLOW_PRIVATE_NETWORK: z.enum(['true', 'false']).default('false'),
  /** Inlined at bundle time by esbuild's `define` from the config validated at synth. */
  STANCEWATCH_CONFIG_JSON: z.string().min(2),
});

/**
 * Builds the deployed pipeline's adapters from the function's environment. Handlers pass
 * `STANCEWATCH_CONFIG_JSON` explicitly: esbuild's `define` inlines the config at that expression.
 */
export function createAwsDeps(env: NodeJS.ProcessEnv, log: Log = stderrLog()): PipelineDeps {
  const parsed = AwsEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid function environment: ${problems}`);
  }
  const vars = parsed.data;
  return {
    config: parseConfig(JSON.parse(vars.STANCEWATCH_CONFIG_JSON), 'bundled config'),
    store: dynamoArchive(createDynamoClient(), vars.TABLE_NAME),
    notifiers: vars.TOPIC_ARN ? createAwsNotifiers({ topicArn: vars.TOPIC_ARN, sesFrom: vars.SES_FROM }) : [],
    queue: vars.QUEUE_URL ? createSqsSourceQueue(vars.QUEUE_URL) : undefined,
    fetchOptions: defaultFetchOptions({ allowPrivateNetwork: vars.ALLOW_PRIVATE_NETWORK === 'true' }),
    log,
    now: () => new Date(),
  };
}
