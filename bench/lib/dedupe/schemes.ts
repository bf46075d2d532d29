/** The fingerprint schemes bench:dedupe weighs, in memory on the same pairs: MinHash LSH and SimHash. */
import { NEAR_DUPLICATE, fmix32, minHashSignature, normalizeText, tokenize } from '../../../shared/dedupe/index.js';
import type { Pair } from './pairs.js';
import { shinglesOf } from './quality.js';
import { ratio } from './tally.js';

/** 64-bit SimHash of the shingle set, as two 32-bit halves. */
function simHash(shingles: Set<number>): [number, number] {
  const votes = new Int32Array(64);
  for (const shingle of shingles) {
    const halves = [fmix32(shingle ^ 0x1234567), fmix32(shingle ^ 0x7654321)];
    for (let bit = 0; bit < 64; bit += 1) votes[bit] += (halves[bit >> 5] >>> (bit & 31)) & 1 ? 1 : -1;
  }
  const out: [number, number] = [0, 0];
  for (let bit = 0; bit < 64; bit += 1) if (votes[bit] > 0) out[bit >> 5] |= 1 << (bit & 31);
  return out;
}

function hamming(a: [number, number], b: [number, number]): number {
  const popcount = (value: number) => {
    let v = value >>> 0;
    let count = 0;
    while (v) {
      v &= v - 1;
      count += 1;
    }
    return count;
  };
  return popcount(a[0] ^ b[0]) + popcount(a[1] ^ b[1]);
}

export function compareSchemes(pairs: Pair[]) {
  const lshConfigs = [
    { bands: 20, rows: 3 },
    { bands: 16, rows: 4 },
    { bands: 32, rows: 4 },
    { bands: 10, rows: 5 },
    { bands: 12, rows: 2 },
  ];
  const prepared = pairs
    .map((pair) => ({ pair, a: shinglesOf(pair.a), b: shinglesOf(pair.b) }))
    .filter((p) => tokenize(normalizeText(p.pair.b)).length >= NEAR_DUPLICATE.minWords);
  const positives = prepared.filter((p) => p.pair.label === 'duplicate');
  const negatives = prepared.filter((p) => p.pair.label === 'distinct');
  const minhash = lshConfigs.map(({ bands, rows }) => {
    const isCandidate = (p: (typeof prepared)[number]) => {
      const [sa, sb] = [minHashSignature(p.a, bands * rows), minHashSignature(p.b, bands * rows)];
      for (let band = 0; band < bands; band += 1) {
        let same = true;
        for (let row = band * rows; row < (band + 1) * rows && same; row += 1) same = sa[row] === sb[row];
        if (same) return true;
      }
      return false;
    };
    const candidateRecall = ratio(positives.filter(isCandidate).length, positives.length);
    const negativeCandidateRate = ratio(negatives.filter(isCandidate).length, negatives.length);
    return { scheme: `minhash-lsh b=${bands} r=${rows}`, queriesPerLookup: bands, bandItemsPerArticle: bands, candidateRecall, negativeCandidateRate };
  });
  const distances = (set: typeof prepared) => set.map((p) => hamming(simHash(p.a), simHash(p.b)));
  const positiveDistances = distances(positives);
  const negativeDistances = distances(negatives);
  const simhash = [3, 6, 10].map((threshold) => ({
    scheme: `simhash-64 hamming<=${threshold}`,
    // Pigeonhole lookup: threshold+1 blocks, one exact-match Query per block.
    queriesPerLookup: threshold + 1,
    bitsPerBlock: Math.floor(64 / (threshold + 1)),
    candidateRecall: ratio(positiveDistances.filter((d) => d <= threshold).length, positives.length),
    negativeCandidateRate: ratio(negativeDistances.filter((d) => d <= threshold).length, negatives.length),
  }));
  const sorted = [...positiveDistances].sort((a, b) => a - b);
  return {
    pairsCompared: { positives: positives.length, negatives: negatives.length },
    minhash,
    simhash,
    simhashPositiveHamming: { median: sorted[sorted.length >> 1], p90: sorted[Math.floor(sorted.length * 0.9)], max: sorted.at(-1) },
    note: 'candidate recall before the confirming containment check; a SimHash block of b bits puts ~n/2^b articles in every bucket, so only short thresholds keep the lookup cost fixed',
  };
}
