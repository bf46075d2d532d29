import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIGEST_TOPICS,
  digestTopicAdvice,
  digestTopicArn,
  formatDigestTopicsFlag,
  formatDigestTopicsSetting,
  isDigestTopicAllowed,
  parseDigestTopics,
} from '../../shared/config/index.js';

const ACCOUNT = '123456789012';
const STACK = { partition: 'aws', region: 'eu-west-1', account: ACCOUNT };
const topic = (name: string, region = 'eu-west-1', account = ACCOUNT) => `arn:aws:sns:${region}:${account}:${name}`;

describe('parseDigestTopics', () => {
  it('reads a comma-separated string and a list alike, trimming and dropping blanks and duplicates', () => {
    expect(parseDigestTopics(` stancewatch-*, ${topic('alerts')},,stancewatch-* `, 'context digestTopics')).toEqual(['stancewatch-*', topic('alerts')]);
    expect(parseDigestTopics(['stancewatch-*', topic('alerts')], 'context digestTopics')).toEqual(['stancewatch-*', topic('alerts')]);
  });

  it('reads none as no topic beyond the stack\'s own, and refuses none beside topics', () => {
    expect(parseDigestTopics('none', 'context digestTopics')).toEqual([]);
    expect(parseDigestTopics([], 'context digestTopics')).toEqual([]);
    expect(() => parseDigestTopics('none,stancewatch-*', 'context digestTopics')).toThrow(
      'context digestTopics: "none" cannot be combined with topics, got none,stancewatch-*',
    );
  });

  it('names the setting and the entry that is neither a topic ARN nor a name pattern', () => {
    for (const entry of ['arn:aws:sqs:eu-west-1:123456789012:queue', 'arn:aws:sns:eu-west-1:12345:alerts', 'my topic', 'arn:aws:sns:*:123456789012:alerts']) {
      expect(() => parseDigestTopics(`stancewatch-*,${entry}`, 'context digestTopics')).toThrow(
        `context digestTopics: "${entry}" is neither an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>) nor a topic name pattern`,
      );
    }
    expect(() => parseDigestTopics(42, '--digest-topics')).toThrow('--digest-topics: expected comma-separated topic ARNs or name patterns, or a list of them, got 42');
  });

  it('refuses a lone *, which would take in every topic of the account, alarms included', () => {
    for (const entry of ['*', '**', `arn:aws:sns:eu-west-1:${ACCOUNT}:*`]) {
      expect(() => parseDigestTopics(entry, 'context digestTopics')).toThrow(`context digestTopics: "${entry}" would allow every topic of the account, alarms included`);
    }
  });
});

describe('digestTopicArn', () => {
  it("resolves a name pattern in the stack's scope and keeps a full ARN as it is", () => {
    expect(digestTopicArn('stancewatch-*', STACK)).toBe(topic('stancewatch-*'));
    expect(digestTopicArn(topic('alerts', 'us-east-1', '210987654321'), STACK)).toBe(topic('alerts', 'us-east-1', '210987654321'));
  });
});

describe('isDigestTopicAllowed', () => {
  it("allows by default the stancewatch-… topics of the stack's account and region, and no other", () => {
    expect(isDigestTopicAllowed(topic('stancewatch-boj'), DEFAULT_DIGEST_TOPICS, STACK)).toBe(true);
    expect(isDigestTopicAllowed(topic('stancewatch-'), DEFAULT_DIGEST_TOPICS, STACK)).toBe(true);
    expect(isDigestTopicAllowed(topic('boj-alerts'), DEFAULT_DIGEST_TOPICS, STACK)).toBe(false);
    expect(isDigestTopicAllowed(topic('stancewatch-boj', 'us-east-1'), DEFAULT_DIGEST_TOPICS, STACK)).toBe(false);
    expect(isDigestTopicAllowed(topic('stancewatch-boj', 'eu-west-1', '210987654321'), DEFAULT_DIGEST_TOPICS, STACK)).toBe(false);
    expect(isDigestTopicAllowed('arn:aws-cn:sns:eu-west-1:123456789012:stancewatch-boj', DEFAULT_DIGEST_TOPICS, STACK)).toBe(false);
  });

  it("matches case-sensitively, as IAM does: the stack's own Stancewatch-… topics are not taken in", () => {
    expect(isDigestTopicAllowed(topic('Stancewatch-AlarmsOpsTopic1A2B3C'), DEFAULT_DIGEST_TOPICS, STACK)).toBe(false);
  });

  it('matches a full ARN exactly, or by its own wildcard, whatever the stack scope', () => {
    const other = topic('alerts', 'us-east-1', '210987654321');
    expect(isDigestTopicAllowed(other, [other], STACK)).toBe(true);
    expect(isDigestTopicAllowed(topic('alerts-2', 'us-east-1', '210987654321'), [other], STACK)).toBe(false);
    expect(isDigestTopicAllowed(topic('team-a.b', 'us-east-1'), [topic('team-*', 'us-east-1')], {})).toBe(true);
    // `.` is literal, not a regular expression's any character.
    expect(isDigestTopicAllowed(topic('teamXb'), ['team.b'], STACK)).toBe(false);
  });

  it('matches with the parts of the scope it knows, any value for the others', () => {
    expect(isDigestTopicAllowed(topic('stancewatch-boj', 'eu-west-1', '210987654321'), DEFAULT_DIGEST_TOPICS, { region: 'eu-west-1' })).toBe(true);
    expect(isDigestTopicAllowed(topic('stancewatch-boj', 'us-east-1'), DEFAULT_DIGEST_TOPICS, { region: 'eu-west-1' })).toBe(false);
    expect(isDigestTopicAllowed(topic('stancewatch-boj', 'us-east-1'), DEFAULT_DIGEST_TOPICS, {})).toBe(true);
  });

  it('allows nothing with none, and nothing that is not a topic ARN', () => {
    expect(isDigestTopicAllowed(topic('stancewatch-boj'), [], STACK)).toBe(false);
    expect(isDigestTopicAllowed('arn:aws:sns:eu-west-1:1234:stancewatch-boj', DEFAULT_DIGEST_TOPICS, {})).toBe(false);
  });
});

describe('advice', () => {
  it('quotes the -c flag for the shell, so a * reaches CDK as it is', () => {
    expect(formatDigestTopicsFlag(['stancewatch-*', topic('alerts')])).toBe(`-c 'digestTopics=stancewatch-*,${topic('alerts')}'`);
    expect(formatDigestTopicsFlag([])).toBe("-c 'digestTopics=none'");
    expect(digestTopicAdvice(topic('alerts'))).toBe(
      `add it to the stack's digestTopics setting and deploy again: -c 'digestTopics=<current setting>,${topic('alerts')}' ` +
        '(the default setting is stancewatch-*), or give the watch a topic the setting covers and push',
    );
  });

  it("gives the flag to deploy with when the stack's setting is known: the setting, then the topic", () => {
    expect(digestTopicAdvice(topic('alerts'), ['stancewatch-*', 'team-*'])).toBe(
      `add it to the stack's digestTopics setting (stancewatch-*,team-*) and deploy again: -c 'digestTopics=stancewatch-*,team-*,${topic('alerts')}', ` +
        'or give the watch a topic the setting covers and push',
    );
    expect(digestTopicAdvice(topic('alerts'), [])).toBe(
      `add it to the stack's digestTopics setting (none) and deploy again: -c 'digestTopics=${topic('alerts')}', ` +
        'or give the watch a topic the setting covers and push',
    );
  });

  it('writes a setting as parseDigestTopics reads it back', () => {
    for (const setting of [['stancewatch-*', topic('alerts')], []]) {
      expect(parseDigestTopics(formatDigestTopicsSetting(setting), 'DIGEST_TOPICS')).toEqual(setting);
    }
    expect(formatDigestTopicsSetting([])).toBe('none');
  });
});
