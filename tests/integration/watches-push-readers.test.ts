import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListSubscriptionsByTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { dynamoWatchConfig } from '../../shared/store/index.js';
import { runMainInProcess } from '../helpers/cli-in-process.js';
import { useTestTable } from '../helpers/dynamo.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:Stancewatch-DigestsTopic';
const folder = mkdtempSync(join(tmpdir(), 'stancewatch-readers-'));
const watch = (id: string, email: string[]) => ({ id, name: id, keywords: ['k'], sources: [{ url: `https://news.example/${id}` }], digest: { email } });

/**
 * `stancewatch watches push --topic-arn` in process: the table is dynalite, SNS is stubbed at the client's `send`
 * (an empty topic), so the test sees the exact requests the push makes.
 */
describe('stancewatch watches push --topic-arn', () => {
  const table = useTestTable({ freshTable: 'test' });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function push(config: unknown, ...flags: string[]) {
    const file = join(folder, 'watches.json');
    writeFileSync(file, JSON.stringify(config));
    const { code, both } = await runMainInProcess(['watches', 'push', file, '--table', table.tableName, '--endpoint', table.endpoint, ...flags]);
    return { code, output: both };
  }

  it("subscribes each reader with a filter for the watches that list it, in the topic's region", async () => {
    const send = vi.spyOn(SNSClient.prototype, 'send').mockImplementation(async (command) =>
      (command instanceof ListSubscriptionsByTopicCommand ? { Subscriptions: [] } : { SubscriptionArn: 'pending confirmation' }) as never,
    );
    const { code, output } = await push({ watches: [watch('a', ['r@example.com']), watch('b', ['r@example.com', 's@example.com'])] }, '--topic-arn', TOPIC);
    expect(code).toBe(0);
    const subscribes = send.mock.calls.map(([command]) => command as unknown).filter((command) => command instanceof SubscribeCommand) as SubscribeCommand[];
    expect(subscribes.map((command) => command.input)).toEqual([
      { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'r@example.com', Attributes: { FilterPolicy: '{"watch":["a","b"]}' }, ReturnSubscriptionArn: true },
      { TopicArn: TOPIC, Protocol: 'email', Endpoint: 's@example.com', Attributes: { FilterPolicy: '{"watch":["b"]}' }, ReturnSubscriptionArn: true },
    ]);
    expect(await (send.mock.contexts[0] as SNSClient).config.region()).toBe('eu-west-1');
    expect(output).toContain('subscribed (each must confirm the mail from AWS Notifications): r@example.com, s@example.com');
  });

  it('changes no subscription with --ses, and says why', async () => {
    const send = vi.spyOn(SNSClient.prototype, 'send');
    const { code, output } = await push({ watches: [watch('a', ['r@example.com'])] }, '--topic-arn', TOPIC, '--ses');
    expect(code).toBe(0);
    expect(send).not.toHaveBeenCalled();
    expect(output).toContain('mailed through SES by the digest function: no subscriptions changed');
  });

  it('says how to subscribe the readers when no topic is given', async () => {
    const { output } = await push({ watches: [watch('a', ['r@example.com'])] });
    expect(output).toContain('1 reader address(es) in digest.email not subscribed: pass --topic-arn');
  });

  it('pushes nothing when a reader reads more watches than one filter policy allows', async () => {
    const send = vi.spyOn(SNSClient.prototype, 'send');
    const watches = Array.from({ length: 151 }, (_, index) => watch(`w${index}`, ['busy@example.com']));
    const { code, output } = await push({ watches }, '--topic-arn', TOPIC);
    expect(code).toBe(1);
    expect(output).toContain('busy@example.com (151 watches) read too many watches for one subscription');
    expect(send).not.toHaveBeenCalled();
    expect(await dynamoWatchConfig(table.client, table.tableName).readMeta()).toBeUndefined();
  });
});
