import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readStancewatchContext } from '../../infra/context.js';
import { assertDeployable } from '../../infra/deployable-config.js';
import { collectWatchEmails } from '../../infra/constructs/digest-topic.js';
import { parseConfig } from '../../shared/config/index.js';

const contextOf = (context: Record<string, unknown>) => readStancewatchContext(new App({ context }).node);

describe('readStancewatchContext', () => {
  it('defaults to the AWS sample config, an hourly digest, no feed and deletion protection', () => {
    expect(contextOf({ digestEmail: 'ops@example.com' })).toEqual({
      configPath: 'samples/watches.aws.json',
      digestEmails: ['ops@example.com'],
      sesFrom: undefined,
      digestSchedule: 'rate(1 hour)',
      feed: false,
      deletionProtection: true,
      allowNoRecipients: false,
    });
  });

  it('refuses a stack whose alarms and digests would reach no one, naming the two ways out', () => {
    for (const digestEmail of [undefined, '', ' , ']) {
      expect(() => contextOf({ digestEmail })).toThrow(
        /context digestEmail: no address given, so alarms and digests would reach no one; deploy with -c digestEmail=.*or with -c allowNoRecipients=true/,
      );
    }
  });

  it('deploys without recipients when -c allowNoRecipients=true says so on purpose', () => {
    expect(contextOf({ allowNoRecipients: 'true' })).toMatchObject({ digestEmails: [], allowNoRecipients: true });
    expect(() => contextOf({ allowNoRecipients: 'yes' })).toThrow(/context allowNoRecipients: expected true or false/);
  });

  it('is what cdk.json and `npm run synth` give: the flag on the command line, no address in cdk.json', () => {
    const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
    const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(() => contextOf(cdkJson.context)).toThrow(/context digestEmail: no address given/);
    expect(packageJson.scripts.synth).toContain('-c allowNoRecipients=true');
    expect(contextOf({ ...cdkJson.context, allowNoRecipients: 'true' }).allowNoRecipients).toBe(true);
  });

  it('turns the feed on with -c feed=true and refuses the old feedToken, which put the token in the template', () => {
    expect(contextOf({ digestEmail: 'ops@example.com', feed: 'true' }).feed).toBe(true);
    expect(() => contextOf({ digestEmail: 'ops@example.com', feedToken: 'x'.repeat(32) })).toThrow(
      /context feedToken: no longer accepted; deploy with -c feed=true/,
    );
  });

  it('reads -c strings: comma-separated emails and deletionProtection=false', () => {
    const settings = contextOf({ digestEmail: ' a@example.com,b@example.com, a@example.com ', deletionProtection: 'false' });
    expect(settings.digestEmails).toEqual(['a@example.com', 'b@example.com']);
    expect(settings.deletionProtection).toBe(false);
  });

  it('names the context key of a malformed address', () => {
    expect(() => contextOf({ digestEmail: 'a@example.com,not-an-address' })).toThrow(/context digestEmail: .*"not-an-address"/);
  });

  it('rejects a deletionProtection that is not a boolean', () => {
    expect(() => contextOf({ digestEmail: 'ops@example.com', deletionProtection: 'no' })).toThrow(/context deletionProtection: expected true or false/);
  });

  it('rejects a digest schedule that EventBridge would not accept', () => {
    expect(() => contextOf({ digestEmail: 'ops@example.com', digestSchedule: 'hourly' })).toThrow(/context digestSchedule/);
  });
});

describe('assertDeployable', () => {
  const watch = { id: 'w', name: 'W', keywords: ['k'], sources: [{ url: 'https://example.com/feed' }] };

  it('accepts http(s) sources on rate and cron schedules', () => {
    const config = parseConfig({ watches: [watch, { ...watch, id: 'v', schedule: 'cron(0 6 * * ? *)' }] }, 'test');
    expect(() => assertDeployable(config, 'watches.json')).not.toThrow();
  });

  // A bad schedule never gets this far: the shared schema refuses it at load (tests/unit/config.test.ts).
  it('names the file and field of a file:// source', () => {
    const config = parseConfig({ watches: [{ ...watch, sources: [watch.sources[0], { url: 'file:///tmp/feed.xml' }] }] }, 'test');
    expect(() => assertDeployable(config, 'watches.json')).toThrow(/watches\.json: watches\[0\]\.sources\[1\]\.url: file URLs/);
  });
});

describe('collectWatchEmails', () => {
  const base = { name: 'W', keywords: ['k'], sources: [{ url: 'https://example.com/feed' }] };

  it('merges an address listed by several watches and skips addresses that receive everything', () => {
    const config = parseConfig(
      {
        watches: [
          { ...base, id: 'a', digest: { email: ['Reader@example.com', 'ops@example.com'] } },
          { ...base, id: 'b', digest: { email: ['reader@example.com'] } },
        ],
      },
      'test',
    );
    expect([...collectWatchEmails(config.watches, ['OPS@example.com'])]).toEqual([['Reader@example.com', ['a', 'b']]]);
  });

  it('leaves out watches that publish to their own topic', () => {
    const config = parseConfig(
      { watches: [{ ...base, id: 'a', digest: { email: ['x@example.com'], snsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:own' } }] },
      'test',
    );
    expect(collectWatchEmails(config.watches, []).size).toBe(0);
  });
});
