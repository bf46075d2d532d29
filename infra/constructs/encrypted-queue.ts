import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Every queue of the stack: encrypted with the SQS-managed key and refusing requests without TLS (cdk-nag's SQS3/SQS4),
 * with whatever else the caller sets (retention, visibility, its dead-letter queue).
 */
export function encryptedQueue(scope: Construct, id: string, props: sqs.QueueProps): sqs.Queue {
  return new sqs.Queue(scope, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, ...props });
}
