import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { Config } from '../../shared/config/index.js';

/**
 * EventBridge's limit on a target's input, in characters (PutTargets: `Input` and `InputTransformer.InputTemplate`).
 * Every watch id of a schedule in one input broke it at a few hundred watches; each target now names a share.
 */
export const MAX_TARGET_INPUT_CHARS = 8_192;
/**
 * What a target's input may spend on its watch ids (`["id-1","id-2",…]`): the limit less the scheduled-event
 * envelope around them (170 characters, see `scheduledEventWithDetail`), with room to spare.
 */
export const MAX_WATCH_IDS_CHARS = MAX_TARGET_INPUT_CHARS - 1_024;
/**
 * Messages one schedule invocation enqueues at most (a source message per source, a digest message per watch):
 * 100 SendMessageBatch calls of ten, a few seconds, well inside the schedule function's 30 s timeout. A watch with
 * more sources than this still gets a target of its own.
 */
export const MAX_MESSAGES_PER_TARGET = 1_000;
/** EventBridge allows five targets per rule; a schedule with more shares than that gets more rules. */
export const MAX_TARGETS_PER_RULE = 5;
/** Retries of a target EventBridge could not invoke, before the event is dropped. */
const TARGET_RETRY_ATTEMPTS = 2;
/** CloudFormation's limit on a rule's description. */
const MAX_RULE_DESCRIPTION = 512;

/** One target's share of a schedule: the watches one invocation of the schedule function enqueues for. */
export interface ScheduleShare {
  expression: string;
  watchIds: string[];
}

/**
 * The watches of each source schedule, in config order, cut into shares that each fit one target: at most
 * `MAX_WATCH_IDS_CHARS` of ids and `MAX_MESSAGES_PER_TARGET` sources, and at least one watch. Every watch is in
 * exactly one share.
 *
 * @example
 * planScheduleShares(config); // [{ expression: 'rate(1 hour)', watchIds: ['boj-policy', …] }, …]
 */
export function planScheduleShares(config: Config): ScheduleShare[] {
  return cutIntoShares(config.watches.map((watch) => ({ id: watch.id, expression: watch.schedule, messages: watch.sources.length })));
}

/** Every watch on the digest schedule, cut the same way: one digest message per watch. */
export function planDigestShares(config: Config, digestSchedule: string): ScheduleShare[] {
  return cutIntoShares(config.watches.map((watch) => ({ id: watch.id, expression: digestSchedule, messages: 1 })));
}

function cutIntoShares(watches: Array<{ id: string; expression: string; messages: number }>): ScheduleShare[] {
  const shares: ScheduleShare[] = [];
  // The share of each schedule still being filled, with what it spends: `[]` and `"id",` per watch, and messages.
  const filling = new Map<string, { share: ScheduleShare; chars: number; messages: number }>();
  for (const watch of watches) {
    const chars = JSON.stringify(watch.id).length + 1;
    const current = filling.get(watch.expression);
    if (current && current.chars + chars <= MAX_WATCH_IDS_CHARS && current.messages + watch.messages <= MAX_MESSAGES_PER_TARGET) {
      current.share.watchIds.push(watch.id);
      current.chars += chars;
      current.messages += watch.messages;
    } else {
      const share = { expression: watch.expression, watchIds: [watch.id] };
      shares.push(share);
      filling.set(watch.expression, { share, chars: 2 + chars, messages: watch.messages });
    }
  }
  return shares;
}

export interface WatchSchedulesProps {
  config: Config;
  /** Schedule expression of the digests: every watch's digest message is enqueued on it. */
  digestSchedule: string;
  /** The schedule function: each share invokes it with the share's watch ids in the event's `detail`. */
  scheduleFunction: lambda.IFunction;
}

/**
 * The rules that start the work, all invoking the schedule function, five targets a rule:
 * - a pass: per distinct watch schedule, one target per share of its watches (`planScheduleShares`), which
 *   enqueues their sources;
 * - the digests: on the digest schedule, one target per share of all watches (`planDigestShares`), which enqueues a
 *   digest message per watch (`enqueue: 'digests'` in the detail, see lambdas/schedule.ts).
 */
export class WatchSchedules extends Construct {
  readonly rules: events.Rule[] = [];
  readonly digestRules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: WatchSchedulesProps) {
    super(scope, id);
    for (const [expression, shares] of groupByExpression(planScheduleShares(props.config))) {
      this.rules.push(...this.addRules(`Rule-${toConstructId(expression)}`, expression, shares, props.scheduleFunction, 'sources'));
    }
    const digestShares = planDigestShares(props.config, props.digestSchedule);
    this.digestRules.push(...this.addRules('DigestRule', props.digestSchedule, digestShares, props.scheduleFunction, 'digests'));
  }

  private addRules(
    id: string,
    expression: string,
    shares: ScheduleShare[],
    scheduleFunction: lambda.IFunction,
    enqueue: 'sources' | 'digests',
  ): events.Rule[] {
    const rules: events.Rule[] = [];
    for (let start = 0; start < shares.length; start += MAX_TARGETS_PER_RULE) {
      const ruleShares = shares.slice(start, start + MAX_TARGETS_PER_RULE);
      const suffix = start === 0 ? '' : `-${start / MAX_TARGETS_PER_RULE + 1}`;
      const watches = describeWatches(ruleShares.flatMap((share) => share.watchIds));
      rules.push(
        new events.Rule(this, `${id}${suffix}`, {
          description: `Stancewatch: enqueue the ${enqueue} of ${watches}`.slice(0, MAX_RULE_DESCRIPTION),
          schedule: events.Schedule.expression(expression),
          targets: ruleShares.map(
            (share) =>
              new targets.LambdaFunction(scheduleFunction, {
                // A pass keeps the detail it always had: no `enqueue` means sources.
                event: scheduledEventWithDetail(enqueue === 'sources' ? { watchIds: share.watchIds } : { watchIds: share.watchIds, enqueue }),
                retryAttempts: TARGET_RETRY_ATTEMPTS,
              }),
          ),
        }),
      );
    }
    return rules;
  }
}

function groupByExpression(shares: ScheduleShare[]): Map<string, ScheduleShare[]> {
  const byExpression = new Map<string, ScheduleShare[]>();
  for (const share of shares) byExpression.set(share.expression, [...(byExpression.get(share.expression) ?? []), share]);
  return byExpression;
}

function describeWatches(watchIds: string[]): string {
  return watchIds.length === 1 ? watchIds[0] : `${watchIds.length} watches: ${watchIds.join(', ')}`;
}

/**
 * The scheduled event EventBridge would send, with `detail` filled in: the handler keeps the standard
 * `ScheduledEvent` shape and learns which watches this target is for.
 */
function scheduledEventWithDetail(detail: Record<string, unknown>): events.RuleTargetInput {
  return events.RuleTargetInput.fromObject({
    version: '0',
    id: events.EventField.eventId,
    'detail-type': events.EventField.detailType,
    source: events.EventField.source,
    account: events.EventField.account,
    time: events.EventField.time,
    region: events.EventField.region,
    // EventBridge input paths take dot notation only; a path to an array inserts the whole array.
    resources: events.EventField.fromPath('$.resources'),
    detail,
  });
}

/** `rate(1 hour)` → `rate-1-hour`; construct ids may not contain `/`, which cron expressions do. */
function toConstructId(expression: string): string {
  return expression.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
