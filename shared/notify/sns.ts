import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { DigestNotifier } from './types.js';

/** SNS refuses subjects that are not ASCII, contain line breaks, or reach 100 characters. */
const SNS_SUBJECT_MAX = 99;

/**
 * Publishes the plain-text digest (SNS email is text only) with a `watch` message attribute, so a
 * subscription filter policy can route each watch to its own audience.
 */
export function snsNotifier(client: SNSClient, defaultTopicArn: string): DigestNotifier {
  return {
    name: 'sns',
    async deliver(digest) {
      const topicArn = digest.topicArn ?? defaultTopicArn;
      const result = await client.send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject: toSnsSubject(digest.subject),
          Message: digest.text,
          MessageAttributes: { watch: { DataType: 'String', StringValue: digest.watchId } },
        }),
      );
      return [`sns:${topicArn}:${result.MessageId ?? 'unknown'}`];
    },
  };
}

export function toSnsSubject(subject: string): string {
  const ascii = subject
    .normalize('NFKD')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.length > SNS_SUBJECT_MAX ? `${ascii.slice(0, SNS_SUBJECT_MAX - 1)}.` : ascii;
}
