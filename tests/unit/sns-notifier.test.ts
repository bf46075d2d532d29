import { AuthorizationErrorException, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it, vi } from 'vitest';
import { capSnsMessage, SNS_MESSAGE_MAX_BYTES, snsNotifier } from '../../shared/notify/index.js';

const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:stancewatch-digests';
const digest = { watchId: 'treaty', watchName: 'Peace treaty', digestKey: 'k', subject: 'Stancewatch: 2 new — Peace treaty', html: '<p/>', recipients: [] };

const RULE = '-'.repeat(60);

/** A text digest as shared/digest renders it: a heading, then each statement after a rule, each a long quote with multi-byte characters. */
function longDigestText(statements: number): string {
  const items = Array.from(
    { length: statements },
    (_, index) => `\n\n${RULE}\nNEW · condition · Speaker ${index}\n\n“${'Переговоры — '.repeat(200)}”\n\nOutlet · 2024-06-06\nhttps://news.example/${index}`,
  );
  return `Stancewatch — Peace treaty\n${statements} new · 2026-11-23${items.join('')}\n\n${RULE}\nNo repeats of earlier statements in this period.\n`;
}

describe('SNS delivery (mocked at the SDK boundary)', () => {
  it('publishes a digest that fits as it is, with the watch attribute', async () => {
    const client = new SNSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const send = vi.spyOn(client, 'send').mockResolvedValue({ MessageId: 'm-1' } as never);
    await snsNotifier(client, TOPIC_ARN).deliver({ ...digest, text: 'plain' });
    const [command] = send.mock.calls[0] as unknown as [PublishCommand];
    expect(command).toBeInstanceOf(PublishCommand);
    expect(command.input).toEqual({
      TopicArn: TOPIC_ARN,
      Subject: 'Stancewatch: 2 new - Peace treaty',
      Message: 'plain',
      MessageAttributes: { watch: { DataType: 'String', StringValue: 'treaty' } },
    });
  });

  it('cuts a digest over 256 KB before the first statement that does not fit, says where the rest is, and stays under the SNS limit', async () => {
    const text = longDigestText(200);
    expect(Buffer.byteLength(text)).toBeGreaterThan(256 * 1024);
    const client = new SNSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const send = vi.spyOn(client, 'send').mockResolvedValue({ MessageId: 'm-1' } as never);
    await snsNotifier(client, TOPIC_ARN).deliver({ ...digest, text });
    const { Message, MessageAttributes, Subject } = (send.mock.calls[0][0] as PublishCommand).input;
    const payloadBytes = Buffer.byteLength(Message!) + Buffer.byteLength(Subject!) + Buffer.byteLength(JSON.stringify(MessageAttributes));
    expect(payloadBytes).toBeLessThanOrEqual(256 * 1024);
    expect(Message).toMatch(/\n\n… This digest was longer than an SNS message can carry \(256 KB\) and was cut here\. .*query treaty --stances/);
    // Whole statements only: what is kept is a prefix of the text that ends with a statement's link, before a rule.
    const kept = Message!.slice(0, Message!.indexOf('\n\n… This digest'));
    expect(text.startsWith(kept)).toBe(true);
    expect(kept).toMatch(/https:\/\/news\.example\/\d+$/);
    expect(text.slice(kept.length).startsWith(`\n\n${RULE}\n`)).toBe(true);
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(SNS_MESSAGE_MAX_BYTES);
  });

  it('leaves a text of exactly the limit whole', () => {
    const text = 'a'.repeat(SNS_MESSAGE_MAX_BYTES);
    expect(capSnsMessage(text, 'treaty')).toBe(text);
    expect(capSnsMessage(`${text}\n\nb`, 'treaty')).toMatch(/^a+\n\n… This digest/);
  });

  describe("a watch's own topic that IAM does not let the digest function publish to", () => {
    const WATCH_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:boj-alerts';
    const refusal = () =>
      new AuthorizationErrorException({
        message: `User: arn:aws:sts::123456789012:assumed-role/Stancewatch-DigestRole/fn is not authorized to perform: SNS:Publish on resource: ${WATCH_TOPIC} because no identity-based policy allows the SNS:Publish action`,
        $metadata: { httpStatusCode: 403 },
      });

    it('names the watch, the topic and the setting to change, and keeps SNS\'s answer', async () => {
      const client = new SNSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
      const send = vi.spyOn(client, 'send').mockRejectedValue(refusal() as never);
      const delivery = snsNotifier(client, TOPIC_ARN).deliver({ ...digest, text: 'plain', topicArn: WATCH_TOPIC });
      await expect(delivery).rejects.toThrow(
        `SNS refused to let the digest publish watch treaty's digest to its topic ${WATCH_TOPIC} (digest.snsTopicArn): ` +
          "the stack's digestTopics setting does not cover that topic, or the topic's own access policy refuses the digest function; " +
          `add it to the stack's digestTopics setting and deploy again: -c 'digestTopics=<current setting>,${WATCH_TOPIC}' ` +
          '(the default setting is stancewatch-*), or give the watch a topic the setting covers and push. ' +
          'SNS said: User: arn:aws:sts::123456789012:assumed-role/Stancewatch-DigestRole/fn is not authorized to perform: SNS:Publish',
      );
      await expect(delivery).rejects.toHaveProperty('cause.name', 'AuthorizationErrorException');
      expect((send.mock.calls[0][0] as PublishCommand).input).toEqual({
        TopicArn: WATCH_TOPIC,
        Subject: 'Stancewatch: 2 new - Peace treaty',
        Message: 'plain',
        MessageAttributes: { watch: { DataType: 'String', StringValue: 'treaty' } },
      });
    });

    it('gives the exact flag to deploy with when the function knows the stack\'s setting (DIGEST_TOPICS)', async () => {
      const client = new SNSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
      vi.spyOn(client, 'send').mockRejectedValue(refusal() as never);
      const delivery = snsNotifier(client, TOPIC_ARN, { digestTopics: ['stancewatch-*', 'team-*'] }).deliver({ ...digest, text: 'plain', topicArn: WATCH_TOPIC });
      await expect(delivery).rejects.toThrow(
        `add it to the stack's digestTopics setting (stancewatch-*,team-*) and deploy again: -c 'digestTopics=stancewatch-*,team-*,${WATCH_TOPIC}', ` +
          'or give the watch a topic the setting covers and push. SNS said: ',
      );
      await expect(delivery).rejects.not.toThrow('<current setting>');
    });

    it("passes a refusal on the stack's own topic, and any other error, as SNS gave it", async () => {
      const client = new SNSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
      const own = refusal();
      vi.spyOn(client, 'send').mockRejectedValueOnce(own as never);
      await expect(snsNotifier(client, TOPIC_ARN).deliver({ ...digest, text: 'plain' })).rejects.toBe(own);
      const throttled = new Error('Rate exceeded');
      vi.spyOn(client, 'send').mockRejectedValueOnce(throttled as never);
      await expect(snsNotifier(client, TOPIC_ARN).deliver({ ...digest, text: 'plain', topicArn: WATCH_TOPIC })).rejects.toBe(throttled);
    });
  });
});
