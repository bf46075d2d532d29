import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Receives before a message moves to the dead-letter queue: a source failing three times in a row is broken, not flaky. */
export const MAX_RECEIVE_COUNT = 3;
/** AWS's guidance for SQS event sources: visibility ≥ 6 × function timeout, so retries after throttling don't duplicate work. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface SourceQueueProps {
  /** Timeout of the function consuming the queue; sets the visibility timeout. */
  consumerTimeout: Duration;
}

/** The queue of `SourceMessage`s (one per watch and source) and its dead-letter queue. */
export class SourceQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: SourceQueueProps) {
    super(scope, id);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to notice and redrive after a weekend.
      retentionPeriod: Duration.days(14),
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }
}
