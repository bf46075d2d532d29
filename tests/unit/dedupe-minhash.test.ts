import { describe, expect, it } from 'vitest';
import {
  NEAR_DUPLICATE,
  bandKeysOf,
  fingerprintText,
  isNearDuplicate,
  minHashSignature,
  shingleHashes,
  shingleSimilarity,
  tokenize,
} from '../../shared/dedupe/index.js';

const words = (count: number, offset = 0) => Array.from({ length: count }, (_, index) => `word${index + offset}`).join(' ');

describe('MinHash fingerprints', () => {
  it('is deterministic: the band keys stored in the archive do not change between runs', () => {
    const text = words(200);
    expect(fingerprintText(text)!.bandKeys).toEqual(fingerprintText(text)!.bandKeys);
    expect(fingerprintText(text)!.bandKeys).toHaveLength(NEAR_DUPLICATE.bands);
    expect(fingerprintText(text)!.bandKeys[3]).toMatch(/^3#[0-9a-f]{16}$/);
  });

  it('skips teasers too short to fingerprint', () => {
    expect(fingerprintText(words(NEAR_DUPLICATE.minWords - 1))).toBeUndefined();
  });

  it('estimates Jaccard similarity from the signature agreement', () => {
    const a = shingleHashes(tokenize(words(1000)));
    const b = shingleHashes(tokenize(words(1000, 250)));
    const exact = shingleSimilarity(a, b).jaccard;
    const [sigA, sigB] = [minHashSignature(a, 512), minHashSignature(b, 512)];
    const agreement = sigA.filter((value, index) => value === sigB[index]).length / 512;
    expect(Math.abs(agreement - exact)).toBeLessThan(0.08);
  });

  it('shares band keys between a text and its copy with a cut ending, none with an unrelated text', () => {
    const original = fingerprintText(words(400))!;
    const cut = fingerprintText(words(320))!;
    const other = fingerprintText(words(400, 10_000))!;
    expect(original.bandKeys.filter((key) => cut.bandKeys.includes(key)).length).toBeGreaterThan(0);
    expect(original.bandKeys.filter((key) => other.bandKeys.includes(key))).toEqual([]);
    expect(bandKeysOf(original.signature)).toEqual(original.bandKeys);
  });

  it('confirms by containment, so a copy cut by 20 % still matches its original', () => {
    // The incoming copy first: containment is the share of its shingles found in the archived article.
    const similarity = shingleSimilarity(shingleHashes(tokenize(words(320))), shingleHashes(tokenize(words(400))));
    expect(similarity.containment).toBe(1);
    expect(isNearDuplicate(similarity)).toBe(true);
    expect(isNearDuplicate(shingleSimilarity(shingleHashes(tokenize(words(400))), shingleHashes(tokenize(words(400, 200)))))).toBe(false);
  });

  it('measures the incoming text, so a longer follow-up is not contained in the brief it starts with', () => {
    const followUp = shingleSimilarity(shingleHashes(tokenize(words(400))), shingleHashes(tokenize(words(200))));
    expect(followUp.containment).toBeCloseTo(0.5, 1);
    expect(isNearDuplicate(followUp)).toBe(false);
  });
});
