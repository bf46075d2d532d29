import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { encryptedQueue } from './encrypted-queue.js';
import { DEAD_LETTER_RETENTION, MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_FACTOR } from './source-queue.js';

/**
 * How long a digest message is kept: a day. A watch's digest message is enqueued again by every digest run (hourly
 * by default), and each run sends whatever is pending, so an older message has nothing left to do.
 */
export const DIGEST_MESSAGE_RETENTION = Duration.days(1);

export interface DigestQueueProps {
  /** Timeout of the digest function; sets the visibility timeout. */
  consumerTimeout: Duration;
}

/**
 * The queue of `DigestMessage`s (one per watch and digest run) and its dead-letter queue: the same pattern as the
 * source queue (source-queue.ts), so one watch's digest is one message, retried alone.
 */
export class DigestQueue extends Construct {
  readonly queue: sqs.Queue;
  /** Digests that failed `MAX_RECEIVE_COUNT` times: a way out that keeps refusing them. */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DigestQueueProps) {
    super(scope, id);
    this.deadLetterQueue = encryptedQueue(this, 'DeadLetterQueue', {
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    this.queue = encryptedQueue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      retentionPeriod: DIGEST_MESSAGE_RETENTION,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }
}
