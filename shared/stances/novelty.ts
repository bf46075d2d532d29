/**
 * Is a statement new, a change of terms, or a repeat of something the speaker said before?
 *
 * Claim tokens are weighted by an IDF over the ledger plus the statement: w(t) = ln(1 + (N + 1) / df(t)), N the
 * number of ledger entries and df(t) how many of them (and the statement) contain t. Topic words that most entries
 * share (treaty, Japan, talks) weigh little, so two different conditions on the same subject do not look alike
 * merely for sharing its vocabulary; the terms that set a statement apart (Ukraine, withdraw, volumes) decide.
 *
 * similarity is the weighted Jaccard, Σ w(shared) / Σ w(either): symmetric, so a short new condition is not "the
 * same" as a long earlier statement that happens to cover the topic. Containment, Σ w(shared) / Σ w(new claim),
 * can only turn a change into a repeat: a statement that says part of an earlier, longer one ("Japan would first
 * have to withdraw" after the standfirst that also names the treaty and the islands) adds nothing. It never makes a
 * `new` statement `changed`, since a few topic words are contained in almost anything.
 * The `not` token is left out of the overlap and compared as polarity instead: a flip is a change, not a near-repeat.
 */
import { NEGATION_TOKEN } from './patterns.js';
import { surnameOf } from './speakers.js';
import { StanceStatus, type LedgerEntry, type NoveltyVerdict, type Statement } from './types.js';

/**
 * At or above: the same claim reworded. Reworded claims fold to the same tokens (1.0) or differ by one incidental
 * word (~0.8); swapping one term of a seven-word claim ("Oslo base" → "Bergen base") scores ~0.7, a change of terms.
 */
export const REPEAT_SIMILARITY = 0.75;

/**
 * At or above (and below repeat): the same subject on different terms. On the seeds, statements that share only the
 * story's vocabulary with everything earlier (the 2024 conditions) score under 0.15; restated subjects 0.3–0.7.
 */
export const CHANGED_SIMILARITY = 0.3;

/** Share of the new claim's weight already in a related earlier claim that makes it a restatement (all but a stray word). */
export const RESTATED_CONTAINMENT = 0.9;

/** Claims shorter than this are judged by Jaccard alone: two or three words are contained in anything. */
export const MIN_CONTAINED_TOKENS = 4;

/** A `new` verdict still names its closest earlier statement from this similarity up, as context for the reader. */
export const MIN_SHOWN_SIMILARITY = 0.15;

/**
 * Compares a statement with the ledger of earlier statements: the same speaker's (surname match, case-insensitive),
 * or every entry when the statement is unattributed.
 *
 * Stages: pickComparable → weighTokens (IDF over the whole ledger) → scoreEntries (weighted Jaccard) → decide:
 * - `repeat`: similarity ≥ `REPEAT_SIMILARITY`, or ≥ `CHANGED_SIMILARITY` with the claim contained in the closest
 *   (`RESTATED_CONTAINMENT`); in both cases same kind, same polarity, nothing withdrawn;
 * - `changed`: similarity ≥ `CHANGED_SIMILARITY` otherwise (different terms, a polarity flip, "no longer …",
 *   a condition restated as a mere position);
 * - `new`: anything less, or no earlier statement by the speaker.
 *
 * @example
 * compareWithLedger(statement2024, ledgerUpTo2019)
 * // → { status: 'new', similarity: 0.08, closest: undefined }
 */
export function compareWithLedger(statement: Statement, earlier: LedgerEntry[]): NoveltyVerdict {
  const comparable = pickComparable(statement, earlier);
  if (comparable.length === 0) return { status: StanceStatus.New, similarity: 0 };
  const tokens = claimTokens(statement.claim);
  const weights = weighTokens(earlier.map((entry) => claimTokens(entry.claim)), tokens);
  let closest: LedgerEntry | undefined;
  let similarity = 0;
  for (const entry of comparable) {
    const score = weightedJaccard(tokens, claimTokens(entry.claim), weights);
    if (score > similarity || (score === similarity && closest && isLater(entry, closest))) {
      similarity = score;
      closest = entry;
    }
  }
  const rounded = Math.round(similarity * 1000) / 1000;
  if (!closest || similarity < CHANGED_SIMILARITY) {
    return { status: StanceStatus.New, similarity: rounded, closest: similarity >= MIN_SHOWN_SIMILARITY ? closest : undefined };
  }
  const flipped = polarityOf(closest) !== statement.polarity;
  const restated = similarity >= REPEAT_SIMILARITY || isContained(tokens, claimTokens(closest.claim), weights);
  const sameTerms = restated && !flipped && !statement.withdrawn && closest.kind === statement.kind;
  return { status: sameTerms ? StanceStatus.Repeat : StanceStatus.Changed, similarity: rounded, closest };
}

function pickComparable(statement: Statement, earlier: LedgerEntry[]): LedgerEntry[] {
  if (!statement.speaker) return earlier;
  const surname = surnameOf(statement.speaker);
  return earlier.filter((entry) => entry.speaker !== null && surnameOf(entry.speaker) === surname);
}

/** Claim tokens without the negation, which is compared as polarity. */
function claimTokens(claim: string): Set<string> {
  return new Set(claim.split(/\s+/).filter((token) => token && token !== NEGATION_TOKEN));
}

function weighTokens(ledger: Set<string>[], statement: Set<string>): Map<string, number> {
  const documents = [...ledger, statement];
  const df = new Map<string, number>();
  for (const tokens of documents) for (const token of tokens) df.set(token, (df.get(token) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [token, count] of df) weights.set(token, Math.log(1 + documents.length / count));
  return weights;
}

function weightedJaccard(a: Set<string>, b: Set<string>, weights: Map<string, number>): number {
  let shared = 0;
  let either = 0;
  for (const token of new Set([...a, ...b])) {
    const weight = weights.get(token) ?? 0;
    either += weight;
    if (a.has(token) && b.has(token)) shared += weight;
  }
  return either === 0 ? 0 : shared / either;
}

/** Whether (nearly) all of the statement's claim weight is already in the earlier claim. */
function isContained(statement: Set<string>, entry: Set<string>, weights: Map<string, number>): boolean {
  if (statement.size < MIN_CONTAINED_TOKENS) return false;
  let own = 0;
  let shared = 0;
  for (const token of statement) {
    const weight = weights.get(token) ?? 0;
    own += weight;
    if (entry.has(token)) shared += weight;
  }
  return own > 0 && shared / own >= RESTATED_CONTAINMENT;
}

function polarityOf(entry: LedgerEntry): 'positive' | 'negative' {
  if (entry.polarity) return entry.polarity;
  return entry.kind === 'refusal' || entry.claim.split(/\s+/).includes(NEGATION_TOKEN) ? 'negative' : 'positive';
}

function isLater(a: LedgerEntry, b: LedgerEntry): boolean {
  return (a.publishedAt ?? '') > (b.publishedAt ?? '');
}
