/**
 * When a watch's `schedule` fires, as EventBridge would fire a rule with that expression. The deployed schedule
 * function runs on one tick rule and enqueues the sources of every watch whose schedule fires within the tick's
 * window, so watches need no rule of their own (and a push needs no redeploy). Times are UTC, as EventBridge's.
 */
import { Cron } from 'croner';
import { ConfigError } from '../errors/index.js';
import type { Config } from './schema.js';

const MINUTE_MS = 60_000;
const UNIT_MS = { minute: MINUTE_MS, hour: 60 * MINUTE_MS, day: 24 * 60 * MINUTE_MS } as const;
const RATE_PATTERN = /^rate\((\d+) (minute|hour|day)s?\)$/;
const CRON_PATTERN = /^cron\(([^()]+)\)$/;
/** The highest value of each EventBridge cron field (day-of-week counts 1 = Sunday to 7 = Saturday), for `a/b` steps. */
const FIELD_MAX = { minutes: 59, hours: 23, dayOfMonth: 31, month: 12, dayOfWeek: 7, year: 2199 } as const;
const FIELDS = Object.keys(FIELD_MAX) as Array<keyof typeof FIELD_MAX>;
/**
 * croner reads the converted pattern as EventBridge does: seconds and a year field (7 parts), weekdays counted 1 =
 * Sunday (Quartz, as EventBridge), `?` as `*`, in UTC.
 */
const CRONER_OPTIONS = { mode: '7-part', alternativeWeekdays: true, timezone: 'Etc/UTC' } as const;

/** A parsed schedule expression: does it fire at some instant in (after, upTo]? */
export interface ScheduleExpression {
  readonly expression: string;
  firesWithin(after: Date, upTo: Date): boolean;
}

/**
 * Parses `rate(n unit)` or a six-field EventBridge `cron(...)`. A rate fires at every multiple of its period since
 * the epoch (`rate(1 hour)` on the hour, `rate(1 day)` at 00:00 UTC): EventBridge counts from the rule's creation
 * instead, which one tick rule for every watch cannot follow.
 *
 * @example
 * parseScheduleExpression('cron(0 6 ? * MON-FRI *)').firesWithin(new Date('2026-12-04T05:55:00Z'), new Date('2026-12-04T06:00:00Z')); // true
 */
export function parseScheduleExpression(expression: string): ScheduleExpression {
  const rate = RATE_PATTERN.exec(expression);
  if (rate) return rateExpression(expression, Number(rate[1]) * UNIT_MS[rate[2] as keyof typeof UNIT_MS]);
  const cron = CRON_PATTERN.exec(expression);
  if (cron) return cronExpression(expression, cron[1]);
  throw new ConfigError(`schedule "${expression}": expected rate(<n> minutes|hours|days) or cron(<6 fields>)`);
}

/** The period of a rate expression in milliseconds; a cron has none. */
export function ratePeriodMs(expression: string): number | undefined {
  const rate = RATE_PATTERN.exec(expression);
  return rate ? Number(rate[1]) * UNIT_MS[rate[2] as keyof typeof UNIT_MS] : undefined;
}

/** The ids of the watches whose schedule fires within (after, upTo], in config order. */
export function watchesDueWithin(config: Pick<Config, 'watches'>, after: Date, upTo: Date): string[] {
  const parsed = new Map<string, ScheduleExpression>();
  return config.watches
    .filter((watch) => {
      let schedule = parsed.get(watch.schedule);
      if (!schedule) parsed.set(watch.schedule, (schedule = parseScheduleExpression(watch.schedule)));
      return schedule.firesWithin(after, upTo);
    })
    .map((watch) => watch.id);
}

/** The ids of the watches due in the tick of rate `tick` that ends at `time` (a scheduled event's time). */
export function watchesDueInTick(config: Pick<Config, 'watches'>, time: string, tick: string): string[] {
  const { after, upTo } = tickWindow(time, tick);
  return watchesDueWithin(config, after, upTo);
}

/**
 * The window a tick covers: (time − tick, time], `time` (the scheduled event's) taken to the minute, as EventBridge
 * schedules are. Consecutive ticks of a `rate(...)` rule cover time without gap or overlap, so every fire of a
 * watch's schedule falls in exactly one tick.
 */
export function tickWindow(time: string, tick: string): { after: Date; upTo: Date } {
  const period = ratePeriodMs(tick);
  if (!period) throw new ConfigError(`tick "${tick}": expected rate(<n> minutes|hours)`);
  const at = Date.parse(time);
  if (Number.isNaN(at)) throw new ConfigError(`tick at "${time}": not a time`);
  const upTo = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  return { after: new Date(upTo - period), upTo: new Date(upTo) };
}

function rateExpression(expression: string, periodMs: number): ScheduleExpression {
  if (periodMs <= 0) throw new ConfigError(`schedule "${expression}": a rate must be at least 1`);
  return {
    expression,
    // The last multiple of the period at or before `upTo` is after `after`.
    firesWithin: (after, upTo) => Math.floor(upTo.getTime() / periodMs) * periodMs > after.getTime(),
  };
}

function cronExpression(expression: string, body: string): ScheduleExpression {
  const pattern = toCronerPattern(expression, body);
  let cron: Cron;
  try {
    cron = new Cron(pattern, { ...CRONER_OPTIONS, paused: true });
  } catch (cause) {
    throw new ConfigError(`schedule "${expression}": ${(cause as Error).message.replace(/^CronPattern: /, '')}`, { cause });
  }
  return {
    expression,
    firesWithin(after, upTo) {
      // croner's next run is strictly after the date given; the year field is part of the pattern.
      const next = cron.nextRun(after);
      return next !== null && next.getTime() <= upTo.getTime();
    },
  };
}

/**
 * EventBridge's `minutes hours day-of-month month day-of-week year` as croner's seven parts (`0` seconds first).
 * Differences handled here: exactly one of the day fields must be `?` (EventBridge refuses both or neither); a step
 * from a start (`0/15`) is a range to the field's end for croner; `L` alone in day-of-week is Saturday; `6L` (the
 * last Friday) is croner's `6#L`. Names (`MON-FRI`, `JAN`), `#`, `L` and `W` in day-of-month mean the same in both.
 */
export function toCronerPattern(expression: string, body: string = CRON_PATTERN.exec(expression)?.[1] ?? expression): string {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    throw new ConfigError(`schedule "${expression}": a cron expression has ${FIELDS.length} fields (minutes hours day-of-month month day-of-week year), got ${parts.length}`);
  }
  const [dayOfMonth, dayOfWeek] = [parts[2], parts[4]];
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new ConfigError(`schedule "${expression}": one of day-of-month and day-of-week must be "?" and the other not, as EventBridge requires`);
  }
  const fields = parts.map((part, index) => convertField(FIELDS[index], part));
  return ['0', ...fields].join(' ');
}

function convertField(field: keyof typeof FIELD_MAX, part: string): string {
  if (part === '?') return '*';
  if (field === 'dayOfWeek') {
    if (part === 'L') return '7';
    part = part.replace(/^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)L$/i, '$1#L');
  }
  // `a/b`: from a, every b, to the end of the field.
  return part
    .split(',')
    .map((item) => item.replace(/^(\d+)\/(\d+)$/, (_match, start: string, step: string) => `${start}-${FIELD_MAX[field]}/${step}`))
    .join(',');
}
