import { describe, expect, it } from 'vitest';
import { assertDeployable, parseConfig, parseScheduleExpression, watchesDueWithin } from '../../shared/config/index.js';
import { toCronerPattern } from '../../shared/config/schedule-expression.js';

const at = (iso: string) => new Date(iso);
/** Whether `expression` fires within the five minutes that end at `tick`: (tick − 5 min, tick]. */
const firesInTick = (expression: string, tick: string) => parseScheduleExpression(expression).firesWithin(new Date(Date.parse(tick) - 5 * 60_000), at(tick));
/** Every five-minute tick of `days` days from `start` at which `expression` fires. */
function ticksFiring(expression: string, start: string, days: number): string[] {
  const schedule = parseScheduleExpression(expression);
  const fired: string[] = [];
  for (let t = Date.parse(start); t < Date.parse(start) + days * 86_400_000; t += 5 * 60_000) {
    if (schedule.firesWithin(new Date(t - 5 * 60_000), new Date(t))) fired.push(new Date(t).toISOString().slice(0, 16));
  }
  return fired;
}

describe('EventBridge cron as croner reads it', () => {
  it.each([
    ['cron(0 6 * * ? *)', '0 0 6 * * * *'],
    ['cron(0 12 ? * MON-FRI *)', '0 0 12 * * MON-FRI *'],
    // A step from a start runs to the end of the field.
    ['cron(0/15 * * * ? *)', '0 0-59/15 * * * * *'],
    ['cron(5 8/6 1/10 * ? 2026/2)', '0 5 8-23/6 1-31/10 * * 2026-2199/2'],
    // `6L` is the last Friday, `L` alone the last day of the week (Saturday).
    ['cron(0 12 ? * 6L *)', '0 0 12 * * 6#L *'],
    ['cron(0 12 ? * L *)', '0 0 12 * * 7 *'],
    ['cron(0 12 ? * 3#2 *)', '0 0 12 * * 3#2 *'],
    ['cron(0 12 LW * ? *)', '0 0 12 LW * * *'],
  ])('%s → %s', (expression, pattern) => {
    expect(toCronerPattern(expression)).toBe(pattern);
  });

  it('refuses what EventBridge refuses: both day fields, or neither, given', () => {
    expect(() => parseScheduleExpression('cron(0 6 1 * MON *)')).toThrow(/one of day-of-month and day-of-week must be "\?"/);
    expect(() => parseScheduleExpression('cron(0 6 ? * ? *)')).toThrow(/one of day-of-month and day-of-week must be "\?"/);
    expect(() => parseScheduleExpression('cron(0 6 * * ?)')).toThrow(/has 6 fields .* got 5/);
    expect(() => parseScheduleExpression('cron(61 6 * * ? *)')).toThrow(/schedule "cron\(61 6 \* \* \? \*\)"/);
  });

  it('counts weekdays from 1 = Sunday, as EventBridge does (3 December 2026 is a Thursday)', () => {
    expect(ticksFiring('cron(0 6 ? * 1 *)', '2026-12-03T00:05:00Z', 7)).toEqual(['2026-12-06T06:00']);
    expect(ticksFiring('cron(0 6 ? * 7 *)', '2026-12-03T00:05:00Z', 7)).toEqual(['2026-12-05T06:00']);
    expect(ticksFiring('cron(0 6 ? * MON-FRI *)', '2026-12-03T00:05:00Z', 7)).toEqual([
      '2026-12-03T06:00',
      '2026-12-04T06:00',
      '2026-12-07T06:00',
      '2026-12-08T06:00',
      '2026-12-09T06:00',
    ]);
    expect(ticksFiring('cron(30 9 ? * 6L *)', '2026-12-01T00:05:00Z', 31)).toEqual(['2026-12-25T09:30']);
    expect(ticksFiring('cron(0 12 ? * 3#2 *)', '2026-12-01T00:05:00Z', 31)).toEqual(['2026-12-08T12:00']);
  });

  it('fires once, in the tick whose window ends at or after its time: (previous tick, tick]', () => {
    expect(firesInTick('cron(0 6 * * ? *)', '2026-12-03T06:00:00Z')).toBe(true);
    expect(firesInTick('cron(0 6 * * ? *)', '2026-12-03T06:05:00Z')).toBe(false);
    expect(firesInTick('cron(0 6 * * ? *)', '2026-12-03T05:55:00Z')).toBe(false);
    // A time between ticks goes to the next one.
    expect(firesInTick('cron(2 6 * * ? *)', '2026-12-03T06:05:00Z')).toBe(true);
    expect(ticksFiring('cron(*/2 * * * ? *)', '2026-12-03T00:05:00Z', 1)).toHaveLength(288);
  });

  it('keeps to the year field', () => {
    expect(ticksFiring('cron(0 6 1 * ? 2027)', '2026-12-01T00:05:00Z', 62)).toEqual(['2027-01-01T06:00']);
    expect(ticksFiring('cron(0 6 1 * ? 2025)', '2026-12-01T00:05:00Z', 62)).toEqual([]);
  });
});

describe('rate expressions, counted from the epoch', () => {
  it('fires on the hour, on the day at 00:00 UTC, and every n minutes from 00:00', () => {
    expect(ticksFiring('rate(1 hour)', '2026-12-03T00:05:00Z', 1)).toHaveLength(24);
    expect(ticksFiring('rate(1 hour)', '2026-12-03T00:05:00Z', 1)[0]).toBe('2026-12-03T01:00');
    expect(ticksFiring('rate(1 day)', '2026-12-03T00:05:00Z', 3)).toEqual(['2026-12-04T00:00', '2026-12-05T00:00', '2026-12-06T00:00']);
    expect(ticksFiring('rate(15 minutes)', '2026-12-03T00:05:00Z', 1 / 24)).toEqual(['2026-12-03T00:15', '2026-12-03T00:30', '2026-12-03T00:45', '2026-12-03T01:00']);
    expect(ticksFiring('rate(6 hours)', '2026-12-03T00:05:00Z', 1)).toEqual(['2026-12-03T06:00', '2026-12-03T12:00', '2026-12-03T18:00', '2026-12-04T00:00']);
  });

  it('runs a rate finer than the tick once a tick', () => {
    expect(ticksFiring('rate(1 minute)', '2026-12-03T00:05:00Z', 1)).toHaveLength(288);
  });
});

describe('watchesDueWithin', () => {
  it('names the watches whose schedule fires in the window, in config order', () => {
    const watch = (id: string, schedule: string) => ({ id, name: id, keywords: ['k'], sources: [{ url: `https://x.example/${id}` }], schedule });
    const config = parseConfig(
      { watches: [watch('daily', 'cron(0 6 * * ? *)'), watch('hourly', 'rate(1 hour)'), watch('quarter', 'rate(15 minutes)'), watch('weekly', 'cron(0 6 ? * MON *)')] },
      'test',
    );
    // Thursday 06:00: the daily, hourly and quarter-hourly watches; not the Monday one.
    expect(watchesDueWithin(config, at('2026-12-03T05:55:00Z'), at('2026-12-03T06:00:00Z'))).toEqual(['daily', 'hourly', 'quarter']);
    expect(watchesDueWithin(config, at('2026-12-03T06:10:00Z'), at('2026-12-03T06:15:00Z'))).toEqual(['quarter']);
    expect(watchesDueWithin(config, at('2026-12-03T06:00:00Z'), at('2026-12-03T06:05:00Z'))).toEqual([]);
  });

  it('is what assertDeployable checks a push with: a cron EventBridge would refuse names its field', () => {
    const config = parseConfig({ watches: [{ id: 'w', name: 'W', keywords: ['k'], sources: [{ url: 'https://x.example/' }], schedule: 'cron(0 6 1 * MON *)' }] }, 'test');
    expect(() => assertDeployable(config, 'watches.json')).toThrow(/watches\.json: watches\[0\]\.schedule: schedule "cron\(0 6 1 \* MON \*\)": one of day-of-month and day-of-week must be "\?"/);
  });
});
