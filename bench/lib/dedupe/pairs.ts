/**
 * The labelled pairs of bench:dedupe: near-duplicates made from real text by the edits syndication makes,
 * and hard negatives (shared background paragraphs, nearest neighbours, the same-topic seeds).
 */
import { normalizeText, shingleHashes, shingleSimilarity, tokenize } from '../../../shared/dedupe/index.js';
import { seededRandom } from '../../../support/prng.js';
import { cutEnding, paragraphsOf, sentencesOf, withBoilerplate, wordCount, type Base } from './corpus.js';

export type EditKind = 'boilerplate-swapped' | 'sentence-added' | 'sentence-removed' | 'first-paragraph-rewritten' | 'ending-cut-20' | 'combined';

/** A syndicated copy: `edit` applied to `base`; `donor` supplies foreign words (a new lede, an added sentence). */
function editCopy(base: string, donor: string, edit: EditKind, random: () => number): { original: string; copy: string } {
  const paragraphs = paragraphsOf(base);
  switch (edit) {
    case 'boilerplate-swapped':
      return { original: withBoilerplate(base, 'a'), copy: withBoilerplate(base, 'b') };
    case 'sentence-added': {
      const sentences = sentencesOf(donor);
      const added = sentences[Math.floor(random() * sentences.length)];
      const at = 1 + Math.floor(random() * Math.max(1, paragraphs.length - 1));
      return { original: base, copy: [...paragraphs.slice(0, at), added, ...paragraphs.slice(at)].join('\n\n') };
    }
    case 'sentence-removed': {
      const sentences = sentencesOf(paragraphs.join('\n\n'));
      const drop = Math.floor(random() * sentences.length);
      return { original: base, copy: sentences.filter((_, index) => index !== drop).join(' ') };
    }
    case 'first-paragraph-rewritten':
      return { original: base, copy: [rewriteLede(paragraphs[0], donor), ...paragraphs.slice(1)].join('\n\n') };
    case 'ending-cut-20':
      return { original: base, copy: cutEnding(base, 0.2) };
    case 'combined':
      return {
        original: withBoilerplate(base, 'a'),
        copy: withBoilerplate(cutEnding([rewriteLede(paragraphs[0], donor), ...paragraphs.slice(1)].join('\n\n'), 0.2), 'b'),
      };
  }
}

/** The first paragraph replaced by as many words of someone else's prose: a full rewrite, the worst case. */
function rewriteLede(first: string, donor: string): string {
  return donor.split(/\s+/).slice(0, Math.max(12, wordCount(first))).join(' ');
}

export interface Pair {
  label: 'duplicate' | 'distinct';
  kind: string;
  a: string;
  b: string;
}

export function buildPairs(bases: Base[]): Pair[] {
  const random = seededRandom(4);
  const pairs: Pair[] = [];
  const edits: EditKind[] = ['boilerplate-swapped', 'sentence-added', 'sentence-removed', 'first-paragraph-rewritten', 'ending-cut-20', 'combined'];
  bases.forEach((base, index) => {
    const donor = bases[(index + 7) % bases.length].text;
    for (const edit of edits) {
      const { original, copy } = editCopy(base.text, donor, edit, random);
      pairs.push({ label: 'duplicate', kind: edit, a: original, b: copy });
    }
  });
  // Hard negatives 1: two different articles that get the same 2–3 background paragraphs spliced in.
  bases.forEach((base, index) => {
    const other = bases[(index + 1) % bases.length];
    const source = paragraphsOf(bases[(index + 2) % bases.length].text).filter((p) => wordCount(p) >= 20);
    const count = 2 + Math.floor(random() * 2);
    const start = Math.floor(random() * Math.max(1, source.length - count));
    const background = source.slice(start, start + count);
    if (background.length < 2) return;
    const spliceInto = (text: string, at: number) => {
      const paragraphs = paragraphsOf(text);
      const position = Math.min(paragraphs.length, Math.max(1, Math.round(paragraphs.length * at)));
      return [...paragraphs.slice(0, position), ...background, ...paragraphs.slice(position)].join('\n\n');
    };
    pairs.push({ label: 'distinct', kind: 'shared-background', a: spliceInto(base.text, 0.4), b: spliceInto(other.text, 0.7) });
  });
  // Hard negatives 2: each article and its nearest other article by shingle Jaccard (same topic, same site).
  const shingles = bases.map((base) => shingleHashes(tokenize(normalizeText(base.text))));
  const seenPairs = new Set<string>();
  bases.forEach((base, index) => {
    let best = -1;
    let bestScore = -1;
    shingles.forEach((other, otherIndex) => {
      if (otherIndex === index) return;
      const score = shingleSimilarity(shingles[index], other).jaccard;
      if (score > bestScore) [best, bestScore] = [otherIndex, score];
    });
    const key = [index, best].sort().join('-');
    if (seenPairs.has(key)) return;
    seenPairs.add(key);
    pairs.push({ label: 'distinct', kind: 'nearest-neighbour', a: base.text, b: bases[best].text });
  });
  // Hard negatives 3: the five seeds, Putin on the treaty 2017–2024 (Kyodo June/December 2019 among them), raw with boilerplate.
  const seeds = bases.filter((base) => base.id.startsWith('seed-'));
  for (let i = 0; i < seeds.length; i += 1) {
    for (let j = 0; j < seeds.length; j += 1) {
      if (i !== j) pairs.push({ label: 'distinct', kind: 'same-topic-seeds', a: seeds[i].text, b: seeds[j].text });
    }
  }
  return pairs;
}
