import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from '../../lambdas/lib/sqs-retry.js';

describe('retry backoff of a failed source message', () => {
  it('waits a minute after the first failure and five after the second, and no longer after that', () => {
    expect([1, 2, 3, 7].map(retryDelaySeconds)).toEqual([60, 300, 300, 300]);
  });

  it('treats a missing or odd receive count as the first receive', () => {
    expect([0, Number.NaN, -1].map(retryDelaySeconds)).toEqual([60, 60, 60]);
  });
});
