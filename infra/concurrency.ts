import { ConfigError } from '../shared/errors/index.js';
import { DIGEST_MAX_CONCURRENCY, FEED_RESERVED_CONCURRENCY } from './constructs/pipeline-functions.js';

export interface ConcurrencyBudget {
  /** Processor invocations at once (context `processorConcurrency`). */
  processorConcurrency: number;
  /** The account's Lambda concurrency quota in the region (context `accountConcurrency`). */
  accountConcurrency: number;
  /** With the feed, its reserved concurrency comes out of the account's pool. */
  feed: boolean;
}

/**
 * Refuses at synth a processor concurrency the account cannot run. The processor and the digest workers draw on the
 * account's unreserved concurrency (its quota less what functions reserve: the feed's `FEED_RESERVED_CONCURRENCY`),
 * and must stay under it, or Lambda throttles them and SQS burns receives, then retries, into the DLQ; the schedule
 * function, and the account's other functions, need the rest.
 *
 * @example
 * assertConcurrencyBudget({ processorConcurrency: 50, accountConcurrency: 1000, feed: true });
 */
export function assertConcurrencyBudget(budget: ConcurrencyBudget): void {
  const reserved = budget.feed ? FEED_RESERVED_CONCURRENCY : 0;
  const unreserved = budget.accountConcurrency - reserved;
  const wanted = budget.processorConcurrency + DIGEST_MAX_CONCURRENCY;
  if (wanted >= unreserved) {
    throw new ConfigError(
      `context processorConcurrency: ${budget.processorConcurrency} processors and ${DIGEST_MAX_CONCURRENCY} digest workers need ${wanted} ` +
        `concurrent executions, not under the account's ${unreserved} unreserved (accountConcurrency ${budget.accountConcurrency}` +
        `${reserved ? `, less ${reserved} reserved for the feed` : ''}); lower processorConcurrency, or raise the quota in Service Quotas ` +
        'and pass it as -c accountConcurrency=N',
    );
  }
}
