import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
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
});
