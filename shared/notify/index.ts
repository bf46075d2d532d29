export { outboxNotifier, streamNotifier } from './local.js';
export { atomFeedNotifier, renderAtomFeed } from './atom-feed.js';
export { snsNotifier, toSnsSubject } from './sns.js';
export { sesNotifier } from './ses.js';
export { sqsSourceQueue, type SourceQueue } from './sqs-queue.js';
export type { DigestNotifier, OutgoingDigest } from './types.js';

import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { sesNotifier as makeSes } from './ses.js';
import { snsNotifier as makeSns } from './sns.js';
import { sqsSourceQueue as makeQueue } from './sqs-queue.js';
import type { DigestNotifier as Notifier } from './types.js';

/** The deployed stack's ways out: SNS for every digest, SES HTML too when a sender is verified. */
export function createAwsNotifiers(options: { topicArn: string; sesFrom?: string }): Notifier[] {
  const notifiers = [makeSns(new SNSClient({}), options.topicArn)];
  if (options.sesFrom) notifiers.push(makeSes(new SESv2Client({}), options.sesFrom));
  return notifiers;
}

export function createSqsSourceQueue(queueUrl: string) {
  return makeQueue(new SQSClient({}), queueUrl);
}
