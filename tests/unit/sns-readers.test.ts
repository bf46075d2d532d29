import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { collectWatchEmails, MAX_FILTER_VALUES, reconcileReaderSubscriptions } from '../../shared/notify/index.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:Stancewatch-DigestsTopic';
const subArn = (name: string) => `${TOPIC}:${name}`;

/**
 * An SNS client whose `send` answers as SNS would for a topic holding `subscriptions` (two pages), recording every
 * request: the SDK boundary, where the tests assert the exact requests.
 */
function snsWith(subscriptions: Array<{ address: string; arn: string; filter?: unknown }>) {
  const client = new SNSClient({ region: 'eu-west-1' });
  const sent: Array<{ command: string; input: unknown }> = [];
  const half = Math.ceil(subscriptions.length / 2);
  const listed = (from: number, to: number) => subscriptions.slice(from, to).map((s) => ({ SubscriptionArn: s.arn, Protocol: 'email', Endpoint: s.address, TopicArn: TOPIC }));
  vi.spyOn(client, 'send').mockImplementation(async (command) => {
    const input = (command as unknown as { input: Record<string, unknown> }).input;
    sent.push({ command: command.constructor.name, input });
    if (command instanceof ListSubscriptionsByTopicCommand) {
      // An SMS subscription too: only e-mail subscriptions are readers.
      if (!input.NextToken) return { Subscriptions: [...listed(0, half), { SubscriptionArn: subArn('sms'), Protocol: 'sms', Endpoint: '+15555550100' }], NextToken: 'page-2' } as never;
      return { Subscriptions: listed(half, subscriptions.length) } as never;
    }
    if (command instanceof GetSubscriptionAttributesCommand) {
      const subscription = subscriptions.find((s) => s.arn === input.SubscriptionArn)!;
      return { Attributes: subscription.filter ? { FilterPolicy: JSON.stringify(subscription.filter) } : {} } as never;
    }
    if (command instanceof SubscribeCommand) return { SubscriptionArn: 'pending confirmation' } as never;
    return {} as never;
  });
  return { client, changes: () => sent.filter((request) => !['ListSubscriptionsByTopicCommand', 'GetSubscriptionAttributesCommand'].includes(request.command)) };
}

const base = { name: 'W', keywords: ['k'], sources: [{ url: 'https://news.example/feed' }] };

describe('collectWatchEmails', () => {
  it('merges an address listed by several watches (any case, first spelling kept), leaving out watches with their own topic', () => {
    const config = parseConfig(
      {
        watches: [
          { ...base, id: 'a', digest: { email: ['Reader@example.com', 'other@example.com'] } },
          { ...base, id: 'b', digest: { email: ['reader@example.com'] } },
          { ...base, id: 'c', digest: { email: ['own@example.com'], snsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:own' } },
        ],
      },
      'test',
    );
    expect([...collectWatchEmails(config.watches)]).toEqual([
      ['Reader@example.com', ['a', 'b']],
      ['other@example.com', ['a']],
    ]);
  });
});

describe('reconcileReaderSubscriptions', () => {
  it('subscribes new readers, updates changed filters, unsubscribes the unlisted, and leaves the rest', async () => {
    const { client, changes } = snsWith([
      { address: 'same@example.com', arn: subArn('same'), filter: { watch: ['b', 'a'] } },
      { address: 'Moved@example.com', arn: subArn('moved'), filter: { watch: ['a'] } },
      { address: 'gone@example.com', arn: subArn('gone'), filter: { watch: ['a'] } },
      // The stack's digestEmail (no filter), and somebody's own filter: neither is the push's to change.
      { address: 'ops@example.com', arn: subArn('ops') },
      { address: 'alerts@example.com', arn: subArn('alerts'), filter: { severity: ['high'] } },
      // Unconfirmed: SNS allows no change, listed or not.
      { address: 'waiting@example.com', arn: 'PendingConfirmation' },
      { address: 'left@example.com', arn: 'PendingConfirmation' },
    ]);
    const readers = new Map([
      ['same@example.com', ['a', 'b']],
      ['moved@example.com', ['b']],
      ['new@example.com', ['a', 'b']],
      ['ops@example.com', ['a']],
      ['waiting@example.com', ['a']],
    ]);
    const report = await reconcileReaderSubscriptions(client, TOPIC, readers);
    expect(report).toEqual({
      subscribed: ['new@example.com'],
      updated: ['moved@example.com'],
      unsubscribed: ['gone@example.com'],
      unchanged: ['same@example.com'],
      pending: [
        { address: 'waiting@example.com', listed: true },
        { address: 'left@example.com', listed: false },
      ],
      receiveEverything: ['ops@example.com'],
    });
    expect(changes()).toEqual([
      { command: 'SetSubscriptionAttributesCommand', input: { SubscriptionArn: subArn('moved'), AttributeName: 'FilterPolicy', AttributeValue: '{"watch":["b"]}' } },
      {
        command: 'SubscribeCommand',
        input: { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'new@example.com', Attributes: { FilterPolicy: '{"watch":["a","b"]}' }, ReturnSubscriptionArn: true },
      },
      { command: 'UnsubscribeCommand', input: { SubscriptionArn: subArn('gone') } },
    ]);
  });

  it('reads every page of the topic, and makes no change when the readers are as pushed', async () => {
    const { client, changes } = snsWith([
      { address: 'a@example.com', arn: subArn('a'), filter: { watch: ['w1'] } },
      { address: 'b@example.com', arn: subArn('b'), filter: { watch: ['w1', 'w2'] } },
      { address: 'c@example.com', arn: subArn('c'), filter: { watch: ['w2'] } },
    ]);
    const readers = new Map([
      ['a@example.com', ['w1']],
      ['b@example.com', ['w2', 'w1']],
      ['c@example.com', ['w2']],
    ]);
    expect((await reconcileReaderSubscriptions(client, TOPIC, readers)).unchanged).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(changes()).toEqual([]);
  });

  it(`refuses a reader of more than ${MAX_FILTER_VALUES} watches before any request`, async () => {
    const { client } = snsWith([]);
    const send = vi.mocked(client.send);
    const readers = new Map([['busy@example.com', Array.from({ length: MAX_FILTER_VALUES + 1 }, (_, index) => `w${index}`)]]);
    await expect(reconcileReaderSubscriptions(client, TOPIC, readers)).rejects.toThrow(
      /SNS filter policies allow 150 values: busy@example\.com \(151 watches\) read too many watches for one subscription; no subscription was changed/,
    );
    expect(send).not.toHaveBeenCalled();
  });
});
