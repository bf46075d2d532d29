import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { dynamoWatchConfig } from '../../shared/store/index.js';
import { runMainInProcess } from '../helpers/cli-in-process.js';
import { useTestTable } from '../helpers/dynamo.js';

const ACCOUNT = '123456789012';
/** The stack's digest topic, as its DigestTopicArn output names it: the stack's partition, region and account. */
const STACK_TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:Stancewatch-DigestsTopic1A2B3C4D`;
const topic = (name: string, region = 'eu-west-1', account = ACCOUNT) => `arn:aws:sns:${region}:${account}:${name}`;
const folder = mkdtempSync(join(tmpdir(), 'stancewatch-topics-'));
const watch = (id: string, snsTopicArn?: string) => ({
  id,
  name: id,
  keywords: ['k'],
  sources: [{ url: `https://news.example/${id}` }],
  ...(snsTopicArn ? { digest: { snsTopicArn } } : {}),
});

/**
 * `stancewatch watches push` checks each watch's own topic (digest.snsTopicArn) against the stack's digestTopics
 * setting before it writes: in process, against dynalite. `--ses` keeps SNS out of it (no subscription is touched).
 */
describe('stancewatch watches push: watches with a topic of their own', () => {
  const table = useTestTable({ freshTable: 'test' });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function push(config: unknown, ...flags: string[]) {
    const file = join(folder, 'watches.json');
    writeFileSync(file, JSON.stringify(config));
    const sns = vi.spyOn(SNSClient.prototype, 'send');
    // `both` is one sequence of the two streams, to see what is said before the table is written.
    const outcome = await runMainInProcess(['watches', 'push', file, '--table', table.tableName, '--endpoint', table.endpoint, ...flags]);
    expect(sns).not.toHaveBeenCalled();
    return outcome;
  }

  it('says nothing of topics the default digestTopics (stancewatch-* in the stack account and region) covers', async () => {
    const outcome = await push({ watches: [watch('boj', topic('stancewatch-boj')), watch('plain')] }, '--topic-arn', STACK_TOPIC, '--ses');
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('');
  });

  it('warns before writing of each topic the default does not cover, with the exact flag to deploy with, and still pushes', async () => {
    const otherName = topic('boj-alerts');
    const otherRegion = topic('stancewatch-ecb', 'us-east-1');
    const otherAccount = topic('stancewatch-fed', 'eu-west-1', '210987654321');
    const config = { watches: [watch('boj', otherName), watch('ecb', otherRegion), watch('fed', otherAccount), watch('ok', topic('stancewatch-ok'))] };
    const outcome = await push(config, '--topic-arn', STACK_TOPIC, '--ses');
    expect(outcome.code).toBe(0);
    const notCovered = "does not cover: SNS will refuse its digests (AuthorizationError) and they will go to the digest dead-letter queue\n";
    expect(outcome.stderr).toBe(
      `warning: watch boj publishes to ${otherName} (digest.snsTopicArn), which the stack's digestTopics setting (stancewatch-*) ${notCovered}` +
        `warning: watch ecb publishes to ${otherRegion} (digest.snsTopicArn), which the stack's digestTopics setting (stancewatch-*) ${notCovered}` +
        `warning: watch fed publishes to ${otherAccount} (digest.snsTopicArn), which the stack's digestTopics setting (stancewatch-*) ${notCovered}` +
        `  to allow them: deploy the stack again with -c 'digestTopics=stancewatch-*,${otherName},${otherRegion},${otherAccount}' ` +
        '(the watches pushed now start publishing once it is deployed); if the stack was deployed with another digestTopics setting, ' +
        'pass it as --digest-topics <stack output DigestTopics>\n',
    );
    expect(outcome.both.indexOf('warning: watch boj')).toBeLessThan(outcome.both.indexOf('pushed revision 1'));
    const pushed = await dynamoWatchConfig(table.client, table.tableName).loadWatches();
    expect(pushed?.watches.map((w) => w.id)).toEqual(['boj', 'ecb', 'fed', 'ok']);
  });

  it('checks against the setting --digest-topics states (as the DigestTopics output prints it), none included', async () => {
    const alerts = topic('boj-alerts');
    const config = { watches: [watch('boj', alerts), watch('ecb', topic('stancewatch-ecb'))] };
    const stated = await push(config, '--topic-arn', STACK_TOPIC, '--ses', '--digest-topics', `${topic('stancewatch-*')},${alerts}`);
    expect(stated.stderr).toBe('');
    const none = await push(config, '--topic-arn', STACK_TOPIC, '--ses', '--digest-topics', 'none');
    expect(none.stderr).toMatch(/^warning: watch boj .*setting \(none\) does not cover.*\nwarning: watch ecb .*\n {2}to allow them: deploy the stack again with -c 'digestTopics=arn:aws:sns:eu-west-1:123456789012:boj-alerts,arn:aws:sns:eu-west-1:123456789012:stancewatch-ecb'/);
  });

  it('without --topic-arn, checks the region of --region and says the account was not checked', async () => {
    const outcome = await push({ watches: [watch('boj', topic('stancewatch-boj', 'eu-west-1', '210987654321')), watch('ecb', topic('stancewatch-ecb', 'us-east-1'))] }, '--region', 'eu-west-1', '--ses');
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain(`warning: watch ecb publishes to ${topic('stancewatch-ecb', 'us-east-1')}`);
    expect(outcome.stderr).not.toContain('warning: watch boj');
    expect(outcome.stderr).toContain(
      "note: the stack's account is not known here, so a watch topic in another account would not be caught; pass --topic-arn <stack output DigestTopicArn> to check it too\n",
    );
  });

  it('refuses a --digest-topics it cannot read, naming the flag, and writes nothing', async () => {
    const outcome = await push({ watches: [watch('boj', topic('stancewatch-boj'))] }, '--ses', '--digest-topics', 'arn:aws:sqs:eu-west-1:123456789012:q');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('--digest-topics: "arn:aws:sqs:eu-west-1:123456789012:q" is neither an SNS topic ARN');
    expect(await dynamoWatchConfig(table.client, table.tableName).readMeta()).toBeUndefined();
  });
});
