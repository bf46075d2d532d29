import type { BandCandidate, NearDuplicateIndex } from './ports.js';

/**
 * Near-duplicate detection of syndicated copies (other boilerplate, a new first line, a trimmed
 * ending): MinHash of the word shingles of the normalized body, split into LSH bands whose keys are
 * archive items, so candidates cost one Query per band whatever the archive size; then a confirming
 * containment check of the exact shingle sets of the candidates' stored text.
 *
 * tokenize → shingleHashes → minHashSignature → bandKeys → (index) findBandCandidates →
 * getArticleTexts → shingleContainment ≥ CONTAINMENT_MIN
 *
 * Why MinHash + LSH and these values: `npm run bench:dedupe` (bench/results/dedupe.json) compares it
 * with SimHash on real article text; SimHash at a Hamming threshold that can be looked up with a few
 * exact-match block queries misses most copies with a rewritten lede or a cut ending.
 */
export const NEAR_DUPLICATE = {
  /** Words per shingle: 4 keeps a one-word edit to four shingles while shared phrases stay rare. */
  shingleWords: 4,
  /** LSH bands: one Query each. 20 bands × 3 rows put the 50 % candidate point near Jaccard 0.33. */
  bands: 20,
  /** MinHash rows per band. */
  rows: 3,
  /** Below this many words a body is a teaser: too few shingles to tell a copy from a neighbour. */
  minWords: 60,
  /**
   * Share of the incoming text's shingles found in the candidate: a copy cut by 20 % still scores ~1, while a longer
   * follow-up (an earlier brief plus new paragraphs) scores only the share it repeats.
   */
  containmentMin: 0.75,
  /** Candidates whose text is fetched (one BatchGetItem), most shared bands first. */
  maxCandidates: 20,
  // Items read per band Query are the store's to bound (`BAND_QUERY_LIMIT` in store/near-duplicates.ts).
} as const;

/** Fixed seed of the hash family: the band keys in the archive depend on it. Change it and re-index. */
const MINHASH_SEED = 0x5eed_0004;

export interface TextFingerprint {
  /** 32-bit hashes of the distinct word shingles of the normalized text. */
  shingles: Set<number>;
  signature: Uint32Array;
  /** `<band>#<hash>` per band, as stored in the band items' partition keys. */
  bandKeys: string[];
}

export interface NearDuplicateMatch {
  urlKey: string;
  /** Containment of the incoming text's shingles in the matched article's (0..1). */
  similarity: number;
  jaccard: number;
}

/** Words of a text as compared: letters and digits, lower case, after the exact-dedupe normalization. */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The 32-bit hashes of the distinct `shingleWords`-word shingles (the whole text when shorter). */
export function shingleHashes(tokens: string[], size: number = NEAR_DUPLICATE.shingleWords): Set<number> {
  const tokenHashes = tokens.map(fnv1a);
  const shingles = new Set<number>();
  const last = Math.max(0, tokenHashes.length - size);
  for (let start = 0; start <= last && tokenHashes.length > 0; start += 1) {
    let hash = MINHASH_SEED;
    for (let offset = start; offset < Math.min(start + size, tokenHashes.length); offset += 1) {
      hash = fmix32((Math.imul(hash, 0x01000193) ^ tokenHashes[offset]) >>> 0);
    }
    shingles.add(hash);
  }
  return shingles;
}

/** MinHash: per seeded permutation of the 32-bit space, the smallest image of any shingle. */
export function minHashSignature(shingles: Set<number>, length: number = NEAR_DUPLICATE.bands * NEAR_DUPLICATE.rows): Uint32Array {
  const seeds = permutationSeeds(length);
  const signature = new Uint32Array(length).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let index = 0; index < length; index += 1) {
      const image = fmix32((shingle ^ seeds[index]) >>> 0);
      if (image < signature[index]) signature[index] = image;
    }
  }
  return signature;
}

/** One key per band: a 64-bit hash of the band's rows, prefixed with the band number. */
export function bandKeysOf(signature: Uint32Array, bands: number = NEAR_DUPLICATE.bands, rows: number = NEAR_DUPLICATE.rows): string[] {
  const keys: string[] = [];
  for (let band = 0; band < bands; band += 1) {
    let high = fmix32((MINHASH_SEED ^ band) >>> 0);
    let low = fmix32((high ^ 0x9e3779b9) >>> 0);
    for (let row = band * rows; row < (band + 1) * rows; row += 1) {
      high = fmix32((Math.imul(high, 0x01000193) ^ signature[row]) >>> 0);
      low = fmix32((Math.imul(low, 0x85ebca6b) ^ signature[row] ^ high) >>> 0);
    }
    keys.push(`${band}#${hex32(high)}${hex32(low)}`);
  }
  return keys;
}

/** The fingerprint of a body, or undefined for a teaser too short to fingerprint reliably. */
export function fingerprintText(normalized: string): TextFingerprint | undefined {
  const tokens = tokenize(normalized);
  if (tokens.length < NEAR_DUPLICATE.minWords) return undefined;
  const shingles = shingleHashes(tokens);
  const signature = minHashSignature(shingles);
  return { shingles, signature, bandKeys: bandKeysOf(signature) };
}

/**
 * Containment of the incoming text in the candidate, |I ∩ C| / |I|, and Jaccard |I ∩ C| / |I ∪ C|. Asymmetric on
 * purpose: what matters is whether the incoming article says anything the candidate did not.
 */
export function shingleSimilarity(incoming: Set<number>, candidate: Set<number>): { containment: number; jaccard: number } {
  if (incoming.size === 0 || candidate.size === 0) return { containment: 0, jaccard: 0 };
  let shared = 0;
  for (const shingle of incoming) if (candidate.has(shingle)) shared += 1;
  return { containment: shared / incoming.size, jaccard: shared / (incoming.size + candidate.size - shared) };
}

/** Whether a candidate's text is close enough to be the same story: the confirming check. */
export function isNearDuplicate(similarity: { containment: number }): boolean {
  return similarity.containment >= NEAR_DUPLICATE.containmentMin;
}

/**
 * Finds the archived article this body is a syndicated copy of: one Query per band, one
 * BatchGetItem for the best candidates' text (none when no band matched), then the exact check.
 * Returns the best confirmed match, earliest first-seen on ties.
 */
export async function findNearDuplicate(
  fingerprint: TextFingerprint,
  selfKey: string,
  index: NearDuplicateIndex,
  normalize: (text: string) => string,
): Promise<NearDuplicateMatch | undefined> {
  const candidates = rankCandidates(await index.findBandCandidates(fingerprint.bandKeys), selfKey);
  if (candidates.length === 0) return undefined;
  const articles = await index.getArticleTexts(candidates.map((candidate) => candidate.urlKey));
  let best: (NearDuplicateMatch & { firstSeenAt: string }) | undefined;
  for (const article of articles) {
    // Copies are stored without text (and never indexed), so every candidate with text is a first-seen article.
    if (!article.text || article.urlKey === selfKey) continue;
    const similarity = shingleSimilarity(fingerprint.shingles, shingleHashes(tokenize(normalize(article.text))));
    if (!isNearDuplicate(similarity)) continue;
    const match = {
      urlKey: article.urlKey,
      similarity: similarity.containment,
      jaccard: similarity.jaccard,
      firstSeenAt: article.firstSeenAt,
    };
    const better =
      !best || match.similarity > best.similarity || (match.similarity === best.similarity && match.firstSeenAt < best.firstSeenAt);
    if (better) best = match;
  }
  return best && { urlKey: best.urlKey, similarity: round(best.similarity), jaccard: round(best.jaccard) };
}

/** Most shared bands first; at most `maxCandidates`, so the confirming read is one request. */
function rankCandidates(candidates: BandCandidate[], selfKey: string): BandCandidate[] {
  return candidates
    .filter((candidate) => candidate.urlKey !== selfKey)
    .sort((a, b) => b.bands - a.bands || a.urlKey.localeCompare(b.urlKey))
    .slice(0, NEAR_DUPLICATE.maxCandidates);
}

const seedCache = new Map<number, Uint32Array>();

/** Deterministic per-permutation seeds (splitmix32 from MINHASH_SEED). */
function permutationSeeds(length: number): Uint32Array {
  let seeds = seedCache.get(length);
  if (seeds) return seeds;
  seeds = new Uint32Array(length);
  let state = MINHASH_SEED;
  for (let index = 0; index < length; index += 1) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[index] = fmix32(state);
  }
  seedCache.set(length, seeds);
  return seeds;
}

/** MurmurHash3's finalizer: a bijection of 32-bit integers with good avalanche. */
export function fmix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
