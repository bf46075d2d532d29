import * as z from 'zod';
import { describeIssues } from '../../shared/config/index.js';
import { ConfigError } from '../../shared/errors/index.js';

/** The Lambda environment, validated once per cold start. */
const AwsEnvSchema = z.object({
  TABLE_NAME: z.string().min(1).optional(),
  TOPIC_ARN: z.string().min(1).optional(),
  QUEUE_URL: z.string().url().optional(),
  /** The digest queue: one message per watch of a digest run, sent by the schedule function, read by the digest function. */
  DIGEST_QUEUE_URL: z.string().url().optional(),
  SES_FROM: z.string().email().optional(),
  /** The stack's digestTopics setting (comma-separated, or none), for the digest function's advice on a refused watch topic. */
  DIGEST_TOPICS: z.string().min(1).optional(),
  /** The SES configuration set whose bounce and complaint events reach the ops topic; set with SES_FROM. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The Secrets Manager secret the feed tokens are derived from (its ARN): the secret itself is never in the environment. */
  FEED_SECRET_ID: z.string().min(1).optional(),
  /** The SSRF guard is on in Lambda unless the stack says otherwise. */
  ALLOW_PRIVATE_NETWORK: z.enum(['true', 'false']).default('false'),
});

/** The watches are not in the environment: they are read from the table (lambdas/lib/watches-source.ts). */
export type AwsEnv = z.infer<typeof AwsEnvSchema>;

/**
 * Validates a function's environment and names what is missing: each function asks for the
 * variables it needs.
 */
export function readAwsEnv<K extends 'TABLE_NAME' | 'TOPIC_ARN' | 'QUEUE_URL' | 'DIGEST_QUEUE_URL' | 'FEED_SECRET_ID'>(
  env: NodeJS.ProcessEnv,
  required: K[],
): AwsEnv & { [P in K]: string } {
  const parsed = AwsEnvSchema.safeParse(env);
  const missing = required.filter((name) => !env[name]);
  if (!parsed.success || missing.length > 0) {
    const problems = [
      ...missing.map((name) => `${name}: required`),
      ...(parsed.success ? [] : describeIssues(parsed.error.issues)),
    ];
    throw new ConfigError(`Invalid function environment: ${problems.join('; ')}`);
  }
  return parsed.data as AwsEnv & { [P in K]: string };
}
