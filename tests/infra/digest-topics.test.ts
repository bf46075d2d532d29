import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { readStancewatchContext } from '../../infra/context.js';
import { REPO_ROOT } from '../../infra/constructs/pipeline-functions.js';
import { StancewatchStack } from '../../infra/stancewatch-stack.js';
import { parseConfig } from '../../shared/config/index.js';

const ALERTS = 'arn:aws:sns:us-east-1:210987654321:alerts';
const CONFIG_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:boj-desk';
const config = parseConfig(
  { watches: [{ id: 'boj', name: 'BOJ', keywords: ['BOJ'], sources: [{ url: 'https://news.example/feed' }], digest: { snsTopicArn: CONFIG_TOPIC } }] },
  'digest-topics.test.ts',
);
/** `arn:${Partition}:sns:${Region}:${AccountId}:<name>` as CloudFormation receives a name pattern resolved in the stack. */
const inStack = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${name}`]],
});

const outdir = mkdtempSync(join(tmpdir(), 'stancewatch-digest-topics-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/**
 * The stack as `cdk synth` builds it from context (cdk.json's feature flags, then `-c` values), with cdk-nag; no
 * bundling (only the IAM policy, the output and the nag findings are read).
 */
function synth(context: Record<string, unknown>, withConfig = false): { stack: StancewatchStack; template: Template } {
  const { context: projectContext } = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ outdir, context: { ...projectContext, 'aws:cdk:bundling-stacks': [], digestEmail: 'ops@example.com', ...context } });
  const settings = readStancewatchContext(app.node);
  const stack = new StancewatchStack(app, 'Stancewatch', { config: withConfig ? config : undefined, digestTopics: settings.digestTopics, digestEmails: settings.digestEmails });
  Aspects.of(app).add(new AwsSolutionsChecks());
  return { stack, template: Template.fromStack(stack) };
}

/** The resources the digest function may sns:Publish to, besides the stack's digest topic (sorted: IAM's minimizePolicies orders them). */
function watchTopicGrants({ stack, template }: ReturnType<typeof synth>): unknown[] {
  const roleId = stack.getLogicalId(stack.functions.digestFunction.role!.node.defaultChild as never);
  const topicRef = JSON.stringify({ Ref: stack.getLogicalId(stack.digestTopic.topic.node.defaultChild as never) });
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>)
    .filter((statement) => [statement.Action].flat().includes('sns:Publish'))
    .flatMap((statement) => [statement.Resource].flat())
    .filter((resource) => JSON.stringify(resource) !== topicRef)
    .sort(byJson);
}

/** DIGEST_TOPICS of each function that has it, by construct id: the setting a refused watch topic's advice quotes. */
function digestTopicsEnv({ stack, template }: ReturnType<typeof synth>): Record<string, unknown> {
  const functions = template.findResources('AWS::Lambda::Function');
  const ids = { Digest: stack.functions.digestFunction, ProcessSource: stack.functions.processSourceFunction, Schedule: stack.functions.scheduleFunction };
  return Object.fromEntries(
    Object.entries(ids).flatMap(([name, fn]) => {
      const value = functions[stack.getLogicalId(fn.node.defaultChild as never)].Properties.Environment?.Variables?.DIGEST_TOPICS;
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

function nagFindings(stack: StancewatchStack): string[] {
  const annotations = Annotations.fromStack(stack);
  return [...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')), ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))].map(
    (finding) => `${finding.id}: ${String(finding.entry.data)}`,
  );
}

describe('digestTopics: the watch topics the digest function may publish to', () => {
  it('grants stancewatch-* in the stack account and region with no setting, outputs it, and passes cdk-nag', () => {
    const synthesized = synth({});
    expect(watchTopicGrants(synthesized)).toEqual([inStack('stancewatch-*')]);
    synthesized.template.hasOutput('DigestTopics', { Value: inStack('stancewatch-*') });
    expect(digestTopicsEnv(synthesized)).toEqual({ Digest: 'stancewatch-*' });
    expect(nagFindings(synthesized.stack)).toEqual([]);
  });

  it('grants the setting of -c digestTopics instead: name patterns in the stack, ARNs as they are; cdk-nag passes', () => {
    const synthesized = synth({ digestTopics: `team-*,${ALERTS},arn:aws:sns:eu-west-1:123456789012:desk-*` });
    expect(watchTopicGrants(synthesized)).toEqual([inStack('team-*'), ALERTS, 'arn:aws:sns:eu-west-1:123456789012:desk-*'].sort(byJson));
    // The setting as given, for the flag a refused watch topic's error quotes (name patterns unresolved, as -c takes them).
    expect(digestTopicsEnv(synthesized)).toEqual({ Digest: `team-*,${ALERTS},arn:aws:sns:eu-west-1:123456789012:desk-*` });
    expect(nagFindings(synthesized.stack)).toEqual([]);
  });

  it('suppresses IAM5 for exactly the wildcards the setting names, with the reason', () => {
    const { stack } = synth({ digestTopics: `team-*,${ALERTS}` });
    const metadata = (stack.functions.digestFunction.role!.node.defaultChild as unknown as { getMetadata(key: string): { rules_to_suppress: Array<{ id: string; reason: string; applies_to?: string[] }> } })
      .getMetadata('cdk_nag');
    const topics = metadata.rules_to_suppress.filter((rule) => rule.reason.startsWith('sns:Publish on the topics the digestTopics setting names'));
    expect(topics).toHaveLength(1);
    expect(topics[0]).toMatchObject({ id: 'AwsSolutions-IAM5', applies_to: ['Resource::arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:team-*'] });
  });

  it('grants no other topic with none, and adds the exact topics of -c config= to the setting', () => {
    const none = synth({ digestTopics: 'none' });
    expect(watchTopicGrants(none)).toEqual([]);
    none.template.hasOutput('DigestTopics', { Value: 'none' });
    expect(digestTopicsEnv(none)).toEqual({ Digest: 'none' });
    expect(nagFindings(none.stack)).toEqual([]);
    const noneWithConfig = synth({ digestTopics: 'none' }, true);
    expect(watchTopicGrants(noneWithConfig)).toEqual([CONFIG_TOPIC]);
    const withConfig = synth({}, true);
    expect(watchTopicGrants(withConfig)).toEqual([inStack('stancewatch-*'), CONFIG_TOPIC].sort(byJson));
    // The config's topics are granted but are no part of the setting: a deploy with -c config= grants them again.
    expect(digestTopicsEnv(withConfig)).toEqual({ Digest: 'stancewatch-*' });
    expect(nagFindings(withConfig.stack)).toEqual([]);
  });

  it('fails the synth on a setting it cannot read, naming the key', () => {
    expect(() => synth({ digestTopics: 'stancewatch-*,*' })).toThrow(/context digestTopics: "\*" would allow every topic of the account/);
  });
});
