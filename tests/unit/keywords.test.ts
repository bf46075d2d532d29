import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { isRelevant, skipReasonOf } from '../../shared/pipeline/index.js';
import { keywordPattern } from '../../shared/pipeline/keywords.js';

const source = { url: 'https://x.example/feed' };

/** A watch as the config file gives it, validated: `keywords` in either form. */
function watchWith(keywords: unknown) {
  return parseConfig({ watches: [{ id: 'w', name: 'W', keywords, sources: [source] }] }, 'watches.json').watches[0];
}

function article(text: string, title = 'Untitled') {
  return { title, text };
}

describe('keywords: whole words, case-insensitive', () => {
  it.each([
    ['Japan', 'Talks with JAPAN resume', true],
    ['Japan', "Japan's position", true],
    ['Japan', 'Japan’s position', true],
    ['Japan', 'the Japanese prime minister', false],
    ['tariff', 'new tariffs on steel', true],
    ['strike', 'the strikes went on', true],
    ['US', 'a bus to Moscow', false],
    ['US', 'talks with the US.', true],
    ['Korea', 'a North Korean missile', false],
    ['Zürich', 'the Zürichsee shore', false],
    ['Zürich', 'talks in Zürich', true],
    ['U.S.', 'the U.S. alliance', true],
  ])('%s in "%s": %s', (keyword, text, expected) => {
    expect(keywordPattern(keyword).test(text)).toBe(expected);
  });

  it('matches a phrase word for word across any spacing, a line break or a hyphen, and never inside a longer word', () => {
    const pattern = keywordPattern('peace treaty');
    expect(pattern.test('a Peace   Treaty')).toBe(true);
    expect(pattern.test('a peace\ntreaty')).toBe(true);
    expect(pattern.test('peace-treaty talks')).toBe(true);
    expect(pattern.test('peace treaties')).toBe(false);
    expect(pattern.test('the treaty brought peace')).toBe(false);
    expect(pattern.test('peace, treaty')).toBe(false);
  });

  it('takes a keyword with regular-expression characters literally', () => {
    expect(keywordPattern('C++').test('written in C++ today')).toBe(true);
    expect(keywordPattern('a.b').test('axb')).toBe(false);
  });
});

describe('keywords: any, all, none', () => {
  it('reads a plain list as "any"', () => {
    const watch = watchWith(['peace treaty', 'Japan']);
    expect(watch.keywords).toEqual({ any: ['peace treaty', 'Japan'] });
    expect(isRelevant(article('Talks with Japan'), watch)).toBe(true);
    expect(skipReasonOf(article('Talks with Germany'), watch)).toBe('not about the watch (none of its keywords: peace treaty, Japan)');
  });

  it('needs one "any", every "all" and no "none" keyword, in the title or the body', () => {
    const watch = watchWith({ any: ['peace treaty'], all: ['Japan'], none: ['North Korea'] });
    expect(isRelevant(article('Putin said a peace treaty with Japan needs trust.'), watch)).toBe(true);
    expect(isRelevant(article('Putin said a peace treaty needs trust.', 'Putin on Japan'), watch)).toBe(true);
    expect(skipReasonOf(article('Putin said a peace treaty needs trust.'), watch)).toBe('not about the watch (lacks "Japan", which it must mention)');
    expect(skipReasonOf(article('A peace treaty with Japan, and North Korea’s missiles.'), watch)).toBe(
      'not about the watch (mentions "North Korea", which it excludes)',
    );
    expect(isRelevant(article('A peace treaty with Japan, and a North Korean delegation.'), watch)).toBe(true);
  });

  it('never finds a phrase across the end of the title and the start of the body', () => {
    const watch = watchWith(['peace treaty']);
    expect(isRelevant(article('treaty talks resume', 'Hopes for peace'), watch)).toBe(false);
  });

  it('accepts "all" without "any"', () => {
    const watch = watchWith({ all: ['Japan', 'Ukraine'] });
    expect(isRelevant(article('Japan and Ukraine'), watch)).toBe(true);
    expect(isRelevant(article('Japan alone'), watch)).toBe(false);
  });
});

describe('keywords: config errors', () => {
  function problemsOf(keywords: unknown): string {
    try {
      watchWith(keywords);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('config was accepted');
  }

  it('names an unknown group with the one it resembles, and only that', () => {
    expect(problemsOf({ any: ['Japan'], non: ['North Korea'] })).toBe(
      'Invalid config:\n  watches.json: unknown field "non" in watches[0].keywords (did you mean "none"?)',
    );
  });

  it('refuses "none" alone, empty groups and empty keywords, naming the field', () => {
    expect(problemsOf({ none: ['North Korea'] })).toContain('watches[0].keywords: give "any" or "all" (or both) beside "none"');
    expect(problemsOf({ any: [] })).toContain('watches[0].keywords.any: expected at least one keyword');
    expect(problemsOf([])).toContain('watches[0].keywords: expected at least one keyword');
    expect(problemsOf(['Japan', ' '])).toContain('watches[0].keywords[1]: a keyword cannot be empty');
    expect(problemsOf('Japan')).toContain('watches[0].keywords: expected a list of keywords or {"any": [...], "all": [...], "none": [...]}');
  });

  it('validates again what it produced (the Lambda bundle re-parses the config validated at synth)', () => {
    const watch = watchWith(['Japan']);
    expect(watchWith(watch.keywords).keywords).toEqual({ any: ['Japan'] });
  });
});
