import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Retries of a target EventBridge could not invoke, before the event is dropped. */
const TARGET_RETRY_ATTEMPTS = 2;

export interface WatchSchedulesProps {
  /**
   * How often the schedule function looks for due watches (context `scheduleTick`, a `rate(...)`): each tick enqueues
   * the sources of every watch whose own schedule fires within it, so a watch's schedule is kept to within one tick.
   */
  scheduleTick: string;
  /** Schedule expression of the digests: every pushed watch's digest message is enqueued on it. */
  digestSchedule: string;
  scheduleFunction: lambda.IFunction;
}

/**
 * Two rules, whatever the watches: they live in the table (`stancewatch watches push`), so adding one, or changing
 * its schedule, is no redeploy, and no rule input grows with them.
 * - the tick: `{ enqueue: 'due', tick }` in the detail; the function reads the watches and enqueues the sources of
 *   those whose `schedule` fires in (time − tick, time] (shared/config/schedule-expression.ts);
 * - the digests: `{ enqueue: 'digests' }`; the function enqueues a digest message per watch.
 */
export class WatchSchedules extends Construct {
  readonly tickRule: events.Rule;
  readonly digestRule: events.Rule;

  constructor(scope: Construct, id: string, props: WatchSchedulesProps) {
    super(scope, id);
    this.tickRule = this.addRule('TickRule', props.scheduleTick, 'the sources of the watches due', { enqueue: 'due', tick: props.scheduleTick }, props.scheduleFunction);
    this.digestRule = this.addRule('DigestRule', props.digestSchedule, "every watch's digest", { enqueue: 'digests' }, props.scheduleFunction);
  }

  private addRule(id: string, expression: string, what: string, detail: Record<string, unknown>, scheduleFunction: lambda.IFunction): events.Rule {
    return new events.Rule(this, id, {
      description: `Stancewatch: enqueue ${what}, with the watches pushed to the table`,
      schedule: events.Schedule.expression(expression),
      targets: [new targets.LambdaFunction(scheduleFunction, { event: scheduledEventWithDetail(detail), retryAttempts: TARGET_RETRY_ATTEMPTS })],
    });
  }
}

/**
 * The scheduled event EventBridge would send, with `detail` filled in: the handler keeps the standard
 * `ScheduledEvent` shape and learns what to enqueue.
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
