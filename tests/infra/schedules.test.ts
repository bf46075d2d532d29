import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StancewatchStack } from '../../infra/stancewatch-stack.js';
import { parseConfig, type Config } from '../../shared/config/index.js';

const WATCH_COUNT = 1_000;
const SCHEDULES = ['rate(1 hour)', 'rate(15 minutes)', 'cron(0 6 * * ? *)'];

/** `count` watches with ids of the longest kind (63 characters), spread over three schedules, two sources each. */
function manyWatches(count: number): Config {
  return parseConfig(
    {
      watches: Array.from({ length: count }, (_, index) => ({
        id: `watch-${String(index).padStart(4, '0')}-`.padEnd(63, 'x'),
        name: `Watch ${index}`,
        keywords: ['treaty'],
        schedule: SCHEDULES[index % SCHEDULES.length],
        sources: Array.from({ length: 2 }, (__, source) => ({ url: `https://s${index}.example/feed-${source}.xml` })),
      })),
    },
    'schedules.test.ts',
  );
}

/** The rules of a stack synthesized with `config` (no bundling: only the rules are read). */
function synthRules(config: Config | undefined, props: { scheduleTick?: string } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'stancewatch-schedules-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new StancewatchStack(app, 'StancewatchScheduleTest', { config, digestEmails: ['ops@example.com'], digestSchedule: 'rate(2 hours)', ...props });
  const template = Template.fromStack(stack);
  rmSync(outdir, { recursive: true, force: true });
  const scheduleArn = JSON.stringify({ 'Fn::GetAtt': [stack.getLogicalId(stack.functions.scheduleFunction.node.defaultChild as never), 'Arn'] });
  const rules = Object.values(template.findResources('AWS::Events::Rule')).map((rule) => {
    const [target, ...others] = rule.Properties.Targets as Array<{ Arn: unknown; InputTransformer: { InputTemplate: string } }>;
    expect(others).toEqual([]);
    expect(JSON.stringify(target.Arn)).toBe(scheduleArn);
    const detail = /"detail":(\{[^}]*\})/.exec(target.InputTransformer.InputTemplate)![1];
    return { expression: rule.Properties.ScheduleExpression as string, detail: JSON.parse(detail) as Record<string, unknown> };
  });
  return { rules, template };
}

describe('the schedule rules', () => {
  let synthesized: ReturnType<typeof synthRules>;
  beforeAll(() => {
    synthesized = synthRules(manyWatches(WATCH_COUNT));
  });
  afterAll(() => undefined);

  it('are a tick and a digest rule for 1,000 watches on three schedules, naming no watch', () => {
    expect(synthesized.rules).toEqual([
      { expression: 'rate(5 minutes)', detail: { enqueue: 'due', tick: 'rate(5 minutes)' } },
      { expression: 'rate(2 hours)', detail: { enqueue: 'digests' } },
    ]);
    expect(JSON.stringify(synthesized.template.toJSON())).not.toContain('watch-0000-');
  });

  it('are the same without any config at synth: the watches are pushed to the table', () => {
    expect(synthRules(undefined).rules).toEqual(synthesized.rules);
  });

  it('tick at the scheduleTick given', () => {
    expect(synthRules(undefined, { scheduleTick: 'rate(1 minute)' }).rules[0]).toEqual({
      expression: 'rate(1 minute)',
      detail: { enqueue: 'due', tick: 'rate(1 minute)' },
    });
  });
});
