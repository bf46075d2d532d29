import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../shared/config/index.js';
import { suggestName } from '../../shared/config/suggest.js';

const watch = { id: 'w', name: 'W', keywords: ['k'], sources: [{ url: 'https://x.example/feed' }] };

function problemsOf(raw: unknown): string {
  try {
    parseConfig(raw, 'watches.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('config was accepted');
}

describe('config: unknown fields', () => {
  it('names a mistyped watch field with the field it resembles, instead of tracking everyone', () => {
    expect(problemsOf({ watches: [{ ...watch, speaker: ['Vladimir Putin'] }] })).toBe(
      'Invalid config:\n  watches.json: unknown field "speaker" in watches[0] (did you mean "speakers"?)',
    );
  });

  it('reports every unknown field at every depth, one line each', () => {
    const message = problemsOf({ watches: [watch, { ...watch, id: 'v', shedule: 'rate(1 hour)', digest: { emails: ['a@example.com'] } }] });
    expect(message).toContain('watches.json: unknown field "shedule" in watches[1] (did you mean "schedule"?)');
    expect(message).toContain('watches.json: unknown field "emails" in watches[1].digest (did you mean "email"?)');
    expect(message.split('\n')).toHaveLength(3);
  });

  it('lists the known fields when nothing is close, and names the top level', () => {
    expect(problemsOf({ watches: [{ ...watch, sources: [{ url: 'https://x.example/f', frequency: 3 }] }] })).toContain(
      'unknown field "frequency" in watches[0].sources[0] (known: url, name)',
    );
    expect(problemsOf({ watches: [watch], watchs: [] })).toContain('unknown field "watchs" at the top level (did you mean "watches"?)');
  });

  it('suggests only names within a slip or two', () => {
    expect(suggestName('keyword', ['keywords', 'speakers'])).toBe('keywords');
    expect(suggestName('Speakers', ['keywords', 'speakers'])).toBe('speakers');
    expect(suggestName('frequency', ['url', 'name'])).toBeUndefined();
  });
});

describe('config: schedule', () => {
  it.each([
    ['every hour', /expected rate\(<n> minutes\|hours\|days\) or cron\(<6 fields>\), got "every hour"/],
    ['rate(1 hours)', /EventBridge wants "rate\(1 hour\)"/],
    ['rate(5 minute)', /EventBridge wants "rate\(5 minutes\)"/],
    ['rate(0 hours)', /at least 1/],
    ['cron(0 6 * * ?)', /6 fields .* got 5/],
  ])('refuses %s at load, naming the field', (schedule, expected) => {
    const message = problemsOf({ watches: [{ ...watch, schedule }] });
    expect(message).toMatch(/watches\.json: watches\[0\]\.schedule: /);
    expect(message).toMatch(expected);
  });

  it('accepts rate and cron expressions EventBridge takes, and defaults to hourly', () => {
    const config = parseConfig(
      { watches: [{ ...watch, schedule: 'rate(15 minutes)' }, { ...watch, id: 'v', schedule: 'cron(0 6 * * ? *)' }, { ...watch, id: 'u' }] },
      'test',
    );
    expect(config.watches.map((entry) => entry.schedule)).toEqual(['rate(15 minutes)', 'cron(0 6 * * ? *)', 'rate(1 hour)']);
  });
});

describe('config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stancewatch-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file in front of each problem', () => {
    const path = join(dir, 'watches.json');
    writeFileSync(path, JSON.stringify({ watches: [{ ...watch, speaker: ['Putin'] }] }));
    expect(() => loadConfigFile(path)).toThrow(`${path}: unknown field "speaker" in watches[0] (did you mean "speakers"?)`);
  });
});

describe('config: a watch’s topic vocabulary and sides', () => {
  it('takes synonyms and sides, and names the field of a bad one', () => {
    const config = parseConfig(
      { watches: [{ ...watch, synonyms: { Tokyo: 'japan', 'security pact': 'alliance' }, sides: { Russia: ['Vladimir Putin', 'Kremlin'] } }] },
      'watches.json',
    );
    expect(config.watches[0]).toMatchObject({ synonyms: { Tokyo: 'japan' }, sides: { Russia: ['Vladimir Putin', 'Kremlin'] } });
    expect(problemsOf({ watches: [{ ...watch, sides: { Russia: [] } }] })).toContain('watches[0].sides.Russia');
    expect(problemsOf({ watches: [{ ...watch, synonym: { Tokyo: 'japan' } }] })).toContain('(did you mean "synonyms"?)');
  });
});
