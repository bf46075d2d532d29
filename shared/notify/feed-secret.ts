import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { StancewatchError } from '../errors/index.js';

/**
 * Seconds a warm feed function keeps the secret before reading it again: one Secrets Manager call per container
 * every five minutes, whatever the traffic; a changed secret takes effect within that time.
 */
export const FEED_SECRET_MAX_AGE_SECONDS = 300;

/**
 * The feed secret, read from Secrets Manager with Powertools Parameters (cached in memory for
 * `FEED_SECRET_MAX_AGE_SECONDS`), so it never sits in the function's configuration or the template.
 */
export function secretsManagerFeedSecret(secretId: string): () => Promise<string> {
  return async () => {
    const secret = await getSecret(secretId, { maxAge: FEED_SECRET_MAX_AGE_SECONDS });
    if (typeof secret !== 'string' || secret.length === 0) {
      throw new StancewatchError(`Feed secret ${secretId} has no string value; every feed answers 500 until it has one`);
    }
    return secret;
  };
}
