import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { assertConcurrencyBudget } from '../../infra/concurrency.js';
import { readStancewatchContext } from '../../infra/context.js';
import { StancewatchStack } from '../../infra/stancewatch-stack.js';
import { assertDeployable } from '../../infra/deployable-config.js';
import { parseConfig } from '../../shared/config/index.js';

const contextOf = (context: Record<string, unknown>) => readStancewatchContext(new App({ context }).node);

describe('readStancewatchContext', () => {
  it('defaults to no config (the watches are pushed to the table), an hourly digest, no feed and deletion protection', () => {
    expect(contextOf({ digestEmail: 'ops@example.com' })).toEqual({
      configPath: undefined,
      digestTopics: ['stancewatch-*'],
      digestEmails: ['ops@example.com'],
      sesFrom: undefined,
      digestSchedule: 'rate(1 hour)',
      scheduleTick: 'rate(5 minutes)',
      backlogAlarmMessages: 2000,
      feed: false,
      deletionProtection: true,
      allowNoRecipients: false,
      processorConcurrency: 2,
      accountConcurrency: 1000,
    });
  });

  it('takes a config to validate at synth only when -c config= names one', () => {
    expect(contextOf({ digestEmail: 'ops@example.com', config: 'my-watches.json' }).configPath).toBe('my-watches.json');
    expect(contextOf({ digestEmail: 'ops@example.com', config: '' }).configPath).toBeUndefined();
  });

  it('reads digestTopics from -c (comma-separated) or cdk.json (a list), blank as the default and none as no topic', () => {
    const alerts = 'arn:aws:sns:us-east-1:210987654321:alerts';
    expect(contextOf({ digestEmail: 'ops@example.com', digestTopics: ` team-*, ${alerts} ` }).digestTopics).toEqual(['team-*', alerts]);
    expect(contextOf({ digestEmail: 'ops@example.com', digestTopics: ['team-*', alerts] }).digestTopics).toEqual(['team-*', alerts]);
    expect(contextOf({ digestEmail: 'ops@example.com', digestTopics: '' }).digestTopics).toEqual(['stancewatch-*']);
    expect(contextOf({ digestEmail: 'ops@example.com', digestTopics: 'none' }).digestTopics).toEqual([]);
  });

  it('refuses a digestTopics entry that is no topic, and a lone *, naming the key', () => {
    expect(() => contextOf({ digestEmail: 'ops@example.com', digestTopics: 'stancewatch-*,arn:aws:sqs:eu-west-1:123456789012:q' })).toThrow(
      'context digestTopics: "arn:aws:sqs:eu-west-1:123456789012:q" is neither an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>) nor a topic name pattern',
    );
    expect(() => contextOf({ digestEmail: 'ops@example.com', digestTopics: '*' })).toThrow(
      'context digestTopics: "*" would allow every topic of the account, alarms included; name a prefix such as stancewatch-*',
    );
    expect(() => contextOf({ digestEmail: 'ops@example.com', digestTopics: 7 })).toThrow(/context digestTopics: expected comma-separated topic ARNs or name patterns, or a list of them, got 7/);
  });

  it('keeps digestTopics in cdk.json at the default, documented beside it', () => {
    const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
    expect(context.digestTopics).toEqual(['stancewatch-*']);
    expect(context['//digestTopics']).toMatch(/digest\.snsTopicArn.*name patterns with \*.*none/);
    expect(contextOf({ ...context, digestEmail: 'ops@example.com' }).digestTopics).toEqual(['stancewatch-*']);
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

  it('reads a scheduleTick of minutes or hours, and refuses a cron or days (a tick covers its period)', () => {
    expect(contextOf({ digestEmail: 'ops@example.com', scheduleTick: 'rate(1 minute)' }).scheduleTick).toBe('rate(1 minute)');
    expect(contextOf({ digestEmail: 'ops@example.com', scheduleTick: 'rate(2 hours)' }).scheduleTick).toBe('rate(2 hours)');
    for (const scheduleTick of ['cron(*/5 * * * ? *)', 'rate(1 day)', 'rate(0 minutes)', 'rate(5 minute)']) {
      expect(() => contextOf({ digestEmail: 'ops@example.com', scheduleTick })).toThrow(
        `context scheduleTick: expected rate(<n> minutes) or rate(<n> hours), got "${scheduleTick}"`,
      );
    }
  });

  it('reads backlogAlarmMessages as a whole number of 1 or more', () => {
    expect(contextOf({ digestEmail: 'ops@example.com', backlogAlarmMessages: '20000' }).backlogAlarmMessages).toBe(20_000);
    expect(() => contextOf({ digestEmail: 'ops@example.com', backlogAlarmMessages: '0' })).toThrow(/context backlogAlarmMessages: expected 1 or more/);
    expect(() => contextOf({ digestEmail: 'ops@example.com', backlogAlarmMessages: 'many' })).toThrow(/context backlogAlarmMessages: expected a whole number/);
  });

  it('rejects a digest schedule that EventBridge would not accept', () => {
    expect(() => contextOf({ digestEmail: 'ops@example.com', digestSchedule: 'hourly' })).toThrow(/context digestSchedule/);
  });

  it('reads processorConcurrency and accountConcurrency from cdk.json numbers and -c strings', () => {
    expect(contextOf({ digestEmail: 'ops@example.com', processorConcurrency: 40, accountConcurrency: '3000' })).toMatchObject({
      processorConcurrency: 40,
      accountConcurrency: 3000,
    });
    expect(contextOf({ digestEmail: 'ops@example.com', processorConcurrency: ' 8 ' }).processorConcurrency).toBe(8);
  });

  it('refuses a processorConcurrency SQS would not take, naming the range', () => {
    for (const processorConcurrency of [1, 1001, '0', '1001']) {
      expect(() => contextOf({ digestEmail: 'ops@example.com', processorConcurrency })).toThrow(
        /context processorConcurrency: expected 2 to 1000 \(what SQS allows an event source's maxConcurrency\), got \d+/,
      );
    }
    for (const processorConcurrency of ['two', 2.5, '-3', true]) {
      expect(() => contextOf({ digestEmail: 'ops@example.com', processorConcurrency })).toThrow(/context processorConcurrency: expected a whole number/);
    }
  });

  it('keeps the limits written next to processorConcurrency in cdk.json, whose value passes them', () => {
    const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
    expect(context['//processorConcurrency']).toMatch(/2 to 1000.*unreserved concurrency/);
    expect(contextOf({ ...context, digestEmail: 'ops@example.com' })).toMatchObject({
      processorConcurrency: context.processorConcurrency,
      accountConcurrency: context.accountConcurrency,
    });
  });
});

describe('assertConcurrencyBudget', () => {
  it('accepts the defaults, and a new account of 10 with the feed', () => {
    expect(() => assertConcurrencyBudget({ processorConcurrency: 2, accountConcurrency: 1000, feed: true })).not.toThrow();
    expect(() => assertConcurrencyBudget({ processorConcurrency: 2, accountConcurrency: 10, feed: true })).not.toThrow();
  });

  it('refuses processors and digest workers that reach the unreserved concurrency, saying what to change', () => {
    expect(() => assertConcurrencyBudget({ processorConcurrency: 993, accountConcurrency: 1000, feed: true })).toThrow(
      "context processorConcurrency: 993 processors and 2 digest workers need 995 concurrent executions, not under the account's 995 " +
        'unreserved (accountConcurrency 1000, less 5 reserved for the feed); lower processorConcurrency, or raise the quota in Service Quotas ' +
        'and pass it as -c accountConcurrency=N',
    );
    expect(() => assertConcurrencyBudget({ processorConcurrency: 992, accountConcurrency: 1000, feed: true })).not.toThrow();
    expect(() => assertConcurrencyBudget({ processorConcurrency: 8, accountConcurrency: 10, feed: false })).toThrow(/not under the account's 10 unreserved/);
  });

  it('is what the stack checks, and the processor event source gets processorConcurrency', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'stancewatch-concurrency-'));
    try {
      const config = parseConfig({ watches: [{ id: 'w', name: 'W', keywords: ['k'], sources: [{ url: 'https://example.com/feed' }] }] }, 'test');
      // No bundling: only the event source mapping is read.
      const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
      const stack = new StancewatchStack(app, 'ConcurrencyTest', { config, processorConcurrency: 40, accountConcurrency: 100 });
      Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: stack.getLogicalId(stack.functions.processSourceFunction.node.defaultChild as never) },
        ScalingConfig: { MaximumConcurrency: 40 },
      });
      expect(() => new StancewatchStack(app, 'TooMany', { config, processorConcurrency: 98, accountConcurrency: 100 })).toThrow(
        /context processorConcurrency: 98 processors and 2 digest workers need 100 concurrent executions, not under the account's 100 unreserved/,
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
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
