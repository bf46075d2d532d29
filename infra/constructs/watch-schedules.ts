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
 * Sources one schedule invocation enqueues at most: 100 SendMessageBatch calls of ten, a few seconds, well inside
 * the schedule function's 30 s timeout. A watch with more sources than this still gets a target of its own.
 */
export const MAX_SOURCES_PER_TARGET = 1_000;
/** EventBridge allows five targets per rule; a schedule with more shares than that gets more rules. */
export const MAX_TARGETS_PER_RULE = 5;
/** Retries of a target EventBridge could not invoke, before the event is dropped. */
const TARGET_RETRY_ATTEMPTS = 2;
/** CloudFormation's limit on a rule's description. */
const MAX_RULE_DESCRIPTION = 512;

/** One target's share of a schedule: the watches one invocation of the schedule function enqueues. */
export interface ScheduleShare {
  expression: string;
  watchIds: string[];
}

/**
 * The watches of each schedule, in config order, cut into shares that each fit one target: at most
 * `MAX_WATCH_IDS_CHARS` of ids and `MAX_SOURCES_PER_TARGET` sources, and at least one watch. Every watch is in
 * exactly one share.
 *
 * @example
 * planScheduleShares(config); // [{ expression: 'rate(1 hour)', watchIds: ['boj-policy', …] }, …]
 */
export function planScheduleShares(config: Config): ScheduleShare[] {
  const shares: ScheduleShare[] = [];
  // The share of each schedule still being filled, with what it spends: `[]` and `"id",` per watch, and sources.
  const filling = new Map<string, { share: ScheduleShare; chars: number; sources: number }>();
  for (const watch of config.watches) {
    const chars = JSON.stringify(watch.id).length + 1;
    const sources = watch.sources.length;
    const current = filling.get(watch.schedule);
    if (current && current.chars + chars <= MAX_WATCH_IDS_CHARS && current.sources + sources <= MAX_SOURCES_PER_TARGET) {
      current.share.watchIds.push(watch.id);
      current.chars += chars;
      current.sources += sources;
    } else {
      const share = { expression: watch.schedule, watchIds: [watch.id] };
      shares.push(share);
      filling.set(watch.schedule, { share, chars: 2 + chars, sources });
    }
  }
  return shares;
}

export interface WatchSchedulesProps {
  config: Config;
  /** The schedule function: each share invokes it with the share's watch ids in the event's `detail`. */
  scheduleFunction: lambda.IFunction;
}

/**
 * The rules that start each pass: per distinct watch schedule, one target per share of its watches
 * (`planScheduleShares`), five targets a rule.
 */
export class WatchSchedules extends Construct {
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: WatchSchedulesProps) {
    super(scope, id);
    const byExpression = new Map<string, ScheduleShare[]>();
    for (const share of planScheduleShares(props.config)) {
      byExpression.set(share.expression, [...(byExpression.get(share.expression) ?? []), share]);
    }
    for (const [expression, shares] of byExpression) {
      for (let start = 0; start < shares.length; start += MAX_TARGETS_PER_RULE) {
        const ruleShares = shares.slice(start, start + MAX_TARGETS_PER_RULE);
        const watchIds = ruleShares.flatMap((share) => share.watchIds);
        const suffix = start === 0 ? '' : `-${start / MAX_TARGETS_PER_RULE + 1}`;
        this.rules.push(
          new events.Rule(this, `Rule-${toConstructId(expression)}${suffix}`, {
            description: `Stancewatch: enqueue the sources of ${describeWatches(watchIds)}`.slice(0, MAX_RULE_DESCRIPTION),
            schedule: events.Schedule.expression(expression),
            targets: ruleShares.map(
              (share) =>
                new targets.LambdaFunction(props.scheduleFunction, {
                  event: scheduledEventWithDetail({ watchIds: share.watchIds }),
                  retryAttempts: TARGET_RETRY_ATTEMPTS,
                }),
            ),
          }),
        );
      }
    }
  }
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
