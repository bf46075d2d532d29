/**
 * Scoring of the article-extraction benchmark (Scrapinghub/Zyte), re-implemented from its description:
 * multisets of 4-token shingles of `\w+` tokens, per-document counts normalized so every document weighs
 * the same, precision and recall averaged over documents, F1 of the two averages.
 */

/** Python's Unicode `\w`: letters, digits and the underscore (JavaScript's `\w` is ASCII even with `u`). */
const WORD_TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingle length of the benchmark. */
const SHINGLE_TOKENS = 4;

export interface DocumentScore {
  /** Normalized counts: tp + fp + fn = 1. */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Token lists equal. */
  exact: boolean;
}

export interface SetScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of documents whose tokens equal the truth exactly. */
  accuracy: number;
  documents: number;
}

export function tokenize(text: string): string[] {
  return text.match(WORD_TOKEN) ?? [];
}

/** Consecutive 4-token shingles as a multiset; a shorter text (even an empty one) is one shingle. */
export function shingleCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const count = Math.max(1, tokens.length - SHINGLE_TOKENS + 1);
  for (let index = 0; index < count; index += 1) {
    const shingle = tokens.slice(index, index + SHINGLE_TOKENS).join('\u0001');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** Scores one predicted body against its ground truth. */
export function scoreDocument(predicted: string, truth: string): DocumentScore {
  const predictedTokens = tokenize(predicted);
  const truthTokens = tokenize(truth);
  const predictedShingles = shingleCounts(predictedTokens);
  const truthShingles = shingleCounts(truthTokens);
  let tp = 0;
  let fp = 0;
  for (const [shingle, count] of predictedShingles) {
    const matched = Math.min(count, truthShingles.get(shingle) ?? 0);
    tp += matched;
    fp += count - matched;
  }
  let fn = 0;
  for (const [shingle, count] of truthShingles) fn += Math.max(0, count - (predictedShingles.get(shingle) ?? 0));

  const total = tp + fp + fn;
  const [ntp, nfp, nfn] = total ? [tp / total, fp / total, fn / total] : [0, 0, 0];
  const exact = predictedTokens.length === truthTokens.length && predictedTokens.every((token, index) => token === truthTokens[index]);
  return { tp: ntp, fp: nfp, fn: nfn, precision: ratio(ntp, nfp, nfn), recall: ratio(ntp, nfn, nfp), exact };
}

/** tp / (tp + miss); 1 when nothing was missed either way, 0 when nothing matched. */
function ratio(tp: number, miss: number, otherMiss: number): number {
  if (miss === 0 && otherMiss === 0) return 1;
  if (tp === 0 && miss === 0) return 0;
  return tp / (tp + miss);
}

/** Averages precision over documents with a prediction and recall over documents with a truth; F1 of the averages. */
export function scoreSet(documents: readonly DocumentScore[]): SetScore {
  const withPrediction = documents.filter((document) => document.tp + document.fp > 0);
  const withTruth = documents.filter((document) => document.tp + document.fn > 0);
  const precision = mean(withPrediction.map((document) => document.precision));
  const recall = mean(withTruth.map((document) => document.recall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = documents.length ? documents.filter((document) => document.exact).length / documents.length : 0;
  return { precision, recall, f1, accuracy, documents: documents.length };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}
