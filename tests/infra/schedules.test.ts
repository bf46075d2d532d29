import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_MESSAGES_PER_TARGET,
  MAX_TARGET_INPUT_CHARS,
  MAX_TARGETS_PER_RULE,
  MAX_WATCH_IDS_CHARS,
  planDigestShares,
  planScheduleShares,
} from '../../infra/constructs/watch-schedules.js';
import { StancewatchStack } from '../../infra/stancewatch-stack.js';
import { parseConfig, type Config } from '../../shared/config/index.js';

const WATCH_COUNT = 1_000;
const SCHEDULES = ['rate(1 hour)', 'rate(15 minutes)', 'cron(0 6 * * ? *)'];

/** `count` watches with ids of the longest kind (63 characters), spread over three schedules, two sources each. */
function manyWatches(count: number, sourcesOf: (index: number) => number = () => 2): Config {
  return parseConfig(
    {
      watches: Array.from({ length: count }, (_, index) => ({
        id: `watch-${String(index).padStart(4, '0')}-`.padEnd(63, 'x'),
        name: `Watch ${index}`,
        keywords: ['treaty'],
        schedule: SCHEDULES[index % SCHEDULES.length],
        sources: Array.from({ length: sourcesOf(index) }, (__, source) => ({ url: `https://s${index}.example/feed-${source}.xml` })),
      })),
    },
    'schedules.test.ts',
  );
}

describe('planScheduleShares', () => {
  it('puts every watch in exactly one share of its own schedule, each within the input and source budgets', () => {
    const config = manyWatches(WATCH_COUNT);
    const shares = planScheduleShares(config);
    expect(shares.flatMap((share) => share.watchIds).sort()).toEqual(config.watches.map((watch) => watch.id).sort());
    const byId = new Map(config.watches.map((watch) => [watch.id, watch]));
    for (const share of shares) {
      expect(JSON.stringify(share.watchIds).length).toBeLessThanOrEqual(MAX_WATCH_IDS_CHARS);
      expect(share.watchIds.reduce((sum, id) => sum + byId.get(id)!.sources.length, 0)).toBeLessThanOrEqual(MAX_MESSAGES_PER_TARGET);
      for (const id of share.watchIds) expect(byId.get(id)!.schedule).toBe(share.expression);
    }
    // 334 ids of 65 characters each on the busiest schedule: more than one share's worth.
    expect(shares.filter((share) => share.expression === 'rate(1 hour)').length).toBeGreaterThan(1);
  });

  it('cuts a share at MAX_MESSAGES_PER_TARGET sources, and gives a watch with more a share of its own', () => {
    const config = manyWatches(6, (index) => (index === 3 ? MAX_MESSAGES_PER_TARGET + 1 : MAX_MESSAGES_PER_TARGET / 2));
    const hourly = planScheduleShares(config).filter((share) => share.expression === 'rate(1 hour)');
    // Watches 0 and 3 are hourly: 500 sources, then 1,001, which cannot join it.
    expect(hourly.map((share) => share.watchIds)).toEqual([[config.watches[0].id], [config.watches[3].id]]);
  });

  it('keeps a small config to one share per schedule, in config order', () => {
    expect(planScheduleShares(manyWatches(4))).toEqual([
      { expression: 'rate(1 hour)', watchIds: [manyWatches(4).watches[0].id, manyWatches(4).watches[3].id] },
      { expression: 'rate(15 minutes)', watchIds: [manyWatches(4).watches[1].id] },
      { expression: 'cron(0 6 * * ? *)', watchIds: [manyWatches(4).watches[2].id] },
    ]);
  });
});

describe('planDigestShares', () => {
  it('puts every watch in one share of the digest schedule, each within the input budget', () => {
    const config = manyWatches(WATCH_COUNT);
    const shares = planDigestShares(config, 'rate(2 hours)');
    expect(shares.flatMap((share) => share.watchIds)).toEqual(config.watches.map((watch) => watch.id));
    for (const share of shares) {
      expect(share.expression).toBe('rate(2 hours)');
      expect(JSON.stringify(share.watchIds).length).toBeLessThanOrEqual(MAX_WATCH_IDS_CHARS);
    }
  });
});

describe('a stack of 1,000 watches', () => {
  let outdir: string;
  let stack: StancewatchStack;
  let template: Template;
  const config = manyWatches(WATCH_COUNT);

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'stancewatch-schedules-'));
    // No bundling: only the rules are read.
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    stack = new StancewatchStack(app, 'StancewatchScheduleTest', { config, digestEmails: ['ops@example.com'], digestSchedule: 'rate(2 hours)' });
    template = Template.fromStack(stack);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  /** Each schedule-function target: its rule's schedule, its input template, and the watch ids it names. */
  function scheduleTargets(): Array<{ expression: string; inputTemplate: string; watchIds: string[]; digests: boolean }> {
    const scheduleArn = JSON.stringify({ 'Fn::GetAtt': [stack.getLogicalId(stack.functions.scheduleFunction.node.defaultChild as never), 'Arn'] });
    return Object.values(template.findResources('AWS::Events::Rule')).flatMap((rule) => {
      const ruleTargets = rule.Properties.Targets as Array<{ Arn: unknown; InputTransformer: { InputTemplate: string } }>;
      expect(ruleTargets.length).toBeLessThanOrEqual(MAX_TARGETS_PER_RULE);
      return ruleTargets
        .filter((target) => JSON.stringify(target.Arn) === scheduleArn)
        .map((target) => {
          const inputTemplate = target.InputTransformer.InputTemplate;
          const [, ids, enqueue] = /"detail":\{"watchIds":(\[[^\]]*\])(,"enqueue":"digests")?\}/.exec(inputTemplate)!;
          const watchIds = JSON.parse(ids) as string[];
          return { expression: rule.Properties.ScheduleExpression as string, inputTemplate, watchIds, digests: enqueue !== undefined };
        });
    });
  }

  it('keeps every target input under the EventBridge limit', () => {
    const inputs = scheduleTargets();
    expect(inputs.length).toBeGreaterThan(SCHEDULES.length);
    for (const { inputTemplate } of inputs) expect(inputTemplate.length).toBeLessThanOrEqual(MAX_TARGET_INPUT_CHARS);
  });

  it('schedules every watch exactly once, on a rule with its own schedule', () => {
    const scheduled = scheduleTargets()
      .filter((target) => !target.digests)
      .flatMap(({ expression, watchIds }) => watchIds.map((id) => ({ id, expression })));
    expect(scheduled.map((entry) => entry.id).sort()).toEqual(config.watches.map((watch) => watch.id).sort());
    const scheduleOf = new Map(config.watches.map((watch) => [watch.id, watch.schedule]));
    for (const { id, expression } of scheduled) expect(expression).toBe(scheduleOf.get(id));
  });

  it("enqueues every watch's digest exactly once on the digest schedule", () => {
    const digests = scheduleTargets().filter((target) => target.digests);
    expect(digests.length).toBeGreaterThan(1);
    for (const target of digests) expect(target.expression).toBe('rate(2 hours)');
    expect(digests.flatMap((target) => target.watchIds).sort()).toEqual(config.watches.map((watch) => watch.id).sort());
  });
});
