import { describe, expect, it } from 'vitest';
import { hasNamedSource, isRightSpeaker } from '../../bench/lib/attribution/score.js';
import type { Attribution } from '../../support/polnear.js';

/** An attribution whose source reads `sourceText`, in an article that writes `lowerCase` in lower case. */
function attributed(sourceText: string, lowerCase: string[] = []): Attribution {
  return { source: [], cue: [], content: [], sourceText, cueText: 'said', lowerCaseWords: new Set(lowerCase) };
}

describe('bench:attribution speaker scoring', () => {
  it('takes a speaker whose name is among the source’s name words', () => {
    expect(isRightSpeaker('Donald Trump', attributed('Trump'))).toBe(true);
    expect(isRightSpeaker('Bernie Sanders', attributed('Sen. Bernie Sanders (I-Vt.)'))).toBe(true);
    expect(isRightSpeaker('Jeff Weaver', attributed('Jeff Weaver, Sanders’ campaign manager,'))).toBe(true);
    expect(isRightSpeaker('John Kerry', attributed('Secretary of State John Kerry'))).toBe(true);
    expect(isRightSpeaker('Ted Cruz', attributed('Donald Trump and Sen. Ted Cruz'))).toBe(true);
    expect(isRightSpeaker(null, attributed('Trump'))).toBe(false);
  });

  it('does not take the owner of a role before the speaker’s name, nor the place the speaker is from', () => {
    expect(isRightSpeaker('Hillary Clinton', attributed('Clinton campaign manager Robby Mook'))).toBe(false);
    expect(isRightSpeaker('Robby Mook', attributed('Clinton campaign manager Robby Mook'))).toBe(true);
    expect(isRightSpeaker('Barack Obama', attributed('former Obama adviser David Axelrod'))).toBe(false);
    expect(isRightSpeaker('Houston', attributed('Christopher Harvey, a delegate from Houston, Texas,'))).toBe(false);
    expect(isRightSpeaker('Baldwin', attributed('Dewayne Smithy, 33, of Baldwin, Miss.,'))).toBe(false);
    expect(isRightSpeaker('Dewayne Smithy', attributed('Dewayne Smithy, 33, of Baldwin, Miss.,'))).toBe(true);
  });

  it('finds no named source in a description whose only names are where people are from', () => {
    expect(hasNamedSource(attributed('a woman in Worcester, Massachusetts,'))).toBe(false);
    expect(hasNamedSource(attributed('Trump'))).toBe(true);
  });

  it('finds no named source in a group opened by a capitalised quantifier', () => {
    // The first word is a name unless the article writes it in lower case; a quantifier never names anyone.
    expect(hasNamedSource(attributed('Several senators'))).toBe(false);
    expect(hasNamedSource(attributed('Other Republicans'))).toBe(false);
    expect(hasNamedSource(attributed('Some candidates'))).toBe(false);
    expect(hasNamedSource(attributed('Both candidates, Clinton and Sanders,'))).toBe(true);
  });
});
