import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { digestTopicAdvice } from '../config/index.js';
import { StancewatchError } from '../errors/index.js';
import { capText } from '../text/index.js';
import type { DigestNotifier } from './types.js';

/** SNS refuses subjects that are not ASCII, contain line breaks, or reach 100 characters. */
const SNS_SUBJECT_MAX = 99;
/** SNS refuses a message over 256 KiB, its attributes included. */
const SNS_PAYLOAD_MAX_BYTES = 256 * 1024;
/** Kept free for the `watch` attribute (a watch id and its type) and the note that says the text was cut. */
const SNS_PAYLOAD_RESERVE_BYTES = 2 * 1024;
/** The digest text a message carries at most; a longer digest is cut between statements and says so. */
export const SNS_MESSAGE_MAX_BYTES = SNS_PAYLOAD_MAX_BYTES - SNS_PAYLOAD_RESERVE_BYTES;
/** The rule line before each statement of a text digest (shared/digest: renderText), after a blank line. */
const STATEMENT_RULE = /\n\n-{20,}\n/g;

export interface SnsNotifierOptions {
  /**
   * The stack's digestTopics setting, as the digest function was deployed with it (`DIGEST_TOPICS`): a refused
   * publish to a watch's own topic then names the exact flag to deploy with. Unknown in a local run.
   */
  digestTopics?: readonly string[];
}

/**
 * Publishes the plain-text digest (SNS email is text only) with a `watch` message attribute, so a
 * subscription filter policy can route each watch to its own audience.
 */
export function snsNotifier(client: SNSClient, defaultTopicArn: string, options: SnsNotifierOptions = {}): DigestNotifier {
  return {
    name: 'sns',
    async deliver(digest) {
      const topicArn = digest.topicArn ?? defaultTopicArn;
      const publish = new PublishCommand({
        TopicArn: topicArn,
        Subject: toSnsSubject(digest.subject),
        Message: capSnsMessage(digest.text, digest.watchId),
        MessageAttributes: { watch: { DataType: 'String', StringValue: digest.watchId } },
      });
      const result = await client.send(publish).catch((error: unknown) => {
        throw digest.topicArn && isAuthorizationError(error) ? watchTopicRefused(digest.watchId, digest.topicArn, error, options.digestTopics) : error;
      });
      return [`sns:${topicArn}:${result.MessageId ?? 'unknown'}`];
    },
  };
}

/** SNS's answer when IAM (or the topic's own policy) does not let the caller publish: `AuthorizationError`. */
function isAuthorizationError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'AuthorizationErrorException';
}

/**
 * A watch's own topic the digest function may not publish to: the stack grants only the topics its `digestTopics`
 * setting names (infra/context.ts), and a watch pushed later may name another. Says which topic and what to change;
 * SNS's own message (the role and the policy that refused) follows.
 */
function watchTopicRefused(watchId: string, topicArn: string, cause: Error, setting: readonly string[] | undefined): StancewatchError {
  return new StancewatchError(
    `SNS refused to let the digest publish watch ${watchId}'s digest to its topic ${topicArn} (digest.snsTopicArn): ` +
      `the stack's digestTopics setting does not cover that topic, or the topic's own access policy refuses the digest function; ` +
      `${digestTopicAdvice(topicArn, setting)}. SNS said: ${cause.message}`,
    { cause },
  );
}

/**
 * The digest text as SNS accepts it: whole when it fits, else cut before the first statement that does not fit
 * (at a paragraph when there is no statement rule), followed by where to read the rest. SNS refuses a larger
 * message, and a refused publish would fail the digest on every run.
 */
export function capSnsMessage(text: string, watchId: string): string {
  if (Buffer.byteLength(text, 'utf8') <= SNS_MESSAGE_MAX_BYTES) return text;
  const prefix = capText(text, SNS_MESSAGE_MAX_BYTES);
  const lastRule = [...prefix.matchAll(STATEMENT_RULE)].at(-1)?.index ?? 0;
  const kept = lastRule > 0 ? prefix.slice(0, lastRule) : prefix;
  return `${kept}\n\n… This digest was longer than an SNS message can carry (256 KB) and was cut here. ` +
    `Every statement is in the archive: npx stancewatch query ${watchId} --stances, or the watch's feed.`;
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
