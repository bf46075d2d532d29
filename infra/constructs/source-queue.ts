import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { encryptedQueue } from './encrypted-queue.js';

/** Receives before a message moves to the dead-letter queue: a source failing three times in a row is broken, not flaky. */
export const MAX_RECEIVE_COUNT = 3;
/** AWS's guidance for SQS event sources: visibility ≥ 6 × function timeout, so retries after throttling don't duplicate work. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
/**
 * How long an unprocessed source message is kept, set rather than left to the 4-day default so it is a decision:
 * a message that old has been superseded by dozens of later passes over the same source, and the queue-age alarm
 * (`oldestMessageAlarmAge`) has fired days before anything expires. The DLQ keeps messages longer (it counts from
 * the first send), so nothing expires on its way there.
 */
export const SOURCE_MESSAGE_RETENTION = Duration.days(4);
/** The longest SQS allows: time to notice and redrive after a weekend. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

export interface SourceQueueProps {
  /** Timeout of the function consuming the queue; sets the visibility timeout. */
  consumerTimeout: Duration;
}

/** The queue of `SourceMessage`s (one per watch and source) and its dead-letter queue. */
export class SourceQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /**
   * The age past which the oldest message means a stuck processor, not a retry in progress: a failing source is
   * received `MAX_RECEIVE_COUNT` times before it moves to the DLQ, minutes apart (lambdas/process-source.ts shortens
   * the wait), one visibility timeout apart at worst.
   */
  readonly oldestMessageAlarmAge: Duration;

  constructor(scope: Construct, id: string, props: SourceQueueProps) {
    super(scope, id);

    this.deadLetterQueue = encryptedQueue(this, 'DeadLetterQueue', {
      retentionPeriod: DEAD_LETTER_RETENTION,
    });

    const visibilityTimeout = Duration.seconds(props.consumerTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR);
    this.queue = encryptedQueue(this, 'Queue', {
      visibilityTimeout,
      retentionPeriod: SOURCE_MESSAGE_RETENTION,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    this.oldestMessageAlarmAge = Duration.seconds(visibilityTimeout.toSeconds() * MAX_RECEIVE_COUNT);
  }
}
