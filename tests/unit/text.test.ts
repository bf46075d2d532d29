import { describe, expect, it } from 'vitest';
import { capText, cutOnWord, escapeRegExp } from '../../shared/text/index.js';

describe('cutOnWord', () => {
  it('returns a text that fits as it is', () => {
    expect(cutOnWord('Tokyo and Moscow', 16)).toBe('Tokyo and Moscow');
  });

  it('cuts back to the last whole word and marks the cut', () => {
    expect(cutOnWord('One two three four five.', 12)).toBe('One two…');
  });

  it('drops the comma, colon or dash that led into the cut word', () => {
    expect(cutOnWord('Talks resumed, officials said today', 17)).toBe('Talks resumed…');
    expect(cutOnWord('Summit news — talks resumed', 14)).toBe('Summit news…');
  });

  it('cuts a text without a space at the allowance', () => {
    expect(cutOnWord('x'.repeat(20), 8)).toBe(`${'x'.repeat(8)}…`);
  });

  it('cuts a runaway run at its last sentence end when that keeps half the allowance, unmarked', () => {
    expect(cutOnWord('One two. Three four five.', 12, { atSentenceEnd: true })).toBe('One two. ');
    expect(cutOnWord('One. Two three four five six.', 20, { atSentenceEnd: true })).toBe('One. Two three four…');
  });

  it('leaves the mark out when told', () => {
    expect(cutOnWord('One two three four five.', 12, { mark: '' })).toBe('One two');
  });

  it('keeps nothing of a text that must fit in no characters', () => {
    expect(cutOnWord('One two', 0)).toBe('');
  });
});

describe('capText', () => {
  it('returns a text that fits in the bytes as it is', () => {
    expect(capText('café', 5)).toBe('café');
  });

  it('cuts at the last paragraph break inside the allowance', () => {
    expect(capText('First paragraph.\n\nSecond paragraph.', 24)).toBe('First paragraph.');
  });

  it('never splits a multi-byte character', () => {
    expect(capText('cafés', 4)).toBe('caf');
  });
});

describe('escapeRegExp', () => {
  it('matches text as written, special characters and all', () => {
    const written = 'C. (Reyes) [1+2]? $5 ^a|b\\';
    expect(new RegExp(`^${escapeRegExp(written)}$`).test(written)).toBe(true);
    expect(new RegExp(escapeRegExp('a.c')).test('abc')).toBe(false);
  });
});
