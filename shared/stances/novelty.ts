/**
 * Is a statement new, a change of terms, or a repeat of something the speaker said before?
 *
 * Claim tokens are weighted by an IDF over the ledger plus the statement: w(t) = ln(1 + (N + 1) / df(t)), N the
 * number of ledger entries and df(t) how many of them (and the statement) contain t. N and df come from the whole
 * ledger even when only part of it is compared (a `LedgerSummary`, kept by the store as the ledger grows). Topic words that most entries
 * share (treaty, Japan, talks) weigh little, so two different conditions on the same subject do not look alike
 * merely for sharing its vocabulary; the terms that set a statement apart (Ukraine, withdraw, volumes) decide.
 *
 * similarity is the weighted Jaccard, Σ w(shared) / Σ w(either): symmetric, so a short new condition is not "the
 * same" as a long earlier statement that happens to cover the topic. Coverage, Σ w(said before) / Σ w(new claim)
 * over the few most related earlier claims of the same polarity taken together, can only make a statement a repeat
 * (from what would otherwise be `new` or `changed`): a statement that says part of an earlier, longer one ("Japan
 * would first have to withdraw" after the standfirst that also names the treaty and the islands) adds nothing. It
 * never makes a statement `changed`, and it is not used for a claim too light to judge (`MIN_RESTATED_WEIGHT`) or
 * one with a term the ledger has never seen.
 * The `not` token is left out of the overlap and compared as polarity instead: a flip is a change, not a repeat.
 */
import { claimTokens, summarizeLedger, voicesOf, type LedgerSummary } from './ledger.js';
import { ORGANIZATION_HEADS, PLATFORM_USERS, singularOf } from './lexicon.js';
import { NEGATION_TOKEN } from './patterns.js';
import { aliasesOf, shortensName, surnameOf, wordsOf } from './surname.js';
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

/** Share of the new claim's weight already said in related earlier claims that makes it a restatement. */
export const RESTATED_COVERAGE = 0.8;

/**
 * Least claim weight (Σ IDF) judged by coverage; lighter claims ("everything japan") are covered by anything.
 * Two rare words weigh about 3.5–4 on a ledger of a few dozen entries; one topic word about 1.
 */
export const MIN_RESTATED_WEIGHT = 3;

/** An earlier statement is related from this similarity up: it may cover part of a restatement. */
export const RELATED_SIMILARITY = 0.1;

/** Related statements pooled for coverage, most similar first; more would cover anything on the topic. */
export const MAX_RELATED = 3;

/**
 * A `new` verdict still names its closest earlier stance (the digest shows a word diff against it) from this
 * similarity up, and only when the two share a distinctive term (`DISTINCTIVE_SHARE`): a diff against a statement
 * that merely shares the topic's words is noise to the reader (`shownBase`).
 */
export const MIN_SHOWN_SIMILARITY = 0.2;

/**
 * A term found in at most this share of the watch's statements (and at least in two) sets statements apart; more
 * common terms are the topic's own vocabulary (treaty, Japan; airline, pilots).
 */
export const DISTINCTIVE_SHARE = 0.25;

/**
 * At or above, against a statement the same speaker made earlier in the same article: the same point made twice, as a
 * lede and the quote behind it. An article does not change a position it has just reported, so this is lower than
 * `CHANGED_SIMILARITY`. On the labelled storylines such pairs score 0.21–0.42, while different points one speaker
 * makes in one article score 0.18 and under (they share the topic's words, which weigh little): a thin margin.
 */
export const SAME_ARTICLE_SIMILARITY = 0.2;

/**
 * At or above, a quotation right behind the same voice's report (its paragraph or the next) restates it: the quote
 * behind a report, which need share less with it than two statements further apart. On the held-out and PolNeAR
 * `train` storylines, quotations that close to a report and judged new were about twice as often labelled repeat as
 * new at 0.1–0.2, and as often under 0.1; at 0.1 the rule took 7 false "new" and 1 new.
 */
export const QUOTE_BEHIND_SIMILARITY = 0.1;

/**
 * Below this share of claim terms the ledger has never seen, a quotation brings no terms of its own. On the held-out
 * and PolNeAR `train` storylines, quotations under 0.3 were 18 false "new" and 2 new; at 0.4 the rule takes 10 new.
 */
export const NEW_WORDS_SHARE = 0.3;

/**
 * Compares a statement with the ledger of earlier statements: the same speaker's (surname match, case-insensitive),
 * or every entry when the statement is unattributed.
 *
 * `earlier` may be only part of the ledger (the speakers' own statements and a recent window) when
 * `options.summary` counts the whole of it; the verdict is the same as against the whole ledger as long as `earlier`
 * holds every statement `pickComparable` would take from it.
 *
 * Stages: pickComparable → weighTokens (IDF over the whole ledger) → scoreEntries (weighted Jaccard) → decide:
 * - `repeat`: similarity ≥ `REPEAT_SIMILARITY` with the closest statement, or the claim covered
 *   (`RESTATED_COVERAGE`) by the related statements (`RELATED_SIMILARITY`, at most `MAX_RELATED`); in both cases
 *   only statements of the same polarity (or earlier in the same article) count, and nothing withdrawn;
 * - `repeat` as well: similarity ≥ `SAME_ARTICLE_SIMILARITY` with one of the speaker's (or, in a watch, their side's)
 *   earlier statements in the same article (`statement.earlierInArticle`, found in the ledger by text), at
 *   `QUOTE_BEHIND_SIMILARITY` for a quotation right behind a report, or a restatement marker ("that is to say") after
 *   one; same polarity, nothing withdrawn;
 * - `repeat` as well, whatever the similarity: the writer says the speaker holds to an earlier stance ("she again ruled
 *   out …", "he still warns …", `statement.reaffirms`) and the closest statement from an earlier article shares a term
 *   with it that is not the topic's; or recalls one ("has said …", "said in April that …", `statement.recalls`) and
 *   that statement is related too (`RELATED_SIMILARITY`);
 * - `repeat` as well: a quotation whose claim terms are nearly all in the ledger already, whoever said them
 *   (`NEW_WORDS_SHARE`): the speaker's own words on a point the story has reported; unless it states a number none of
 *   the speaker's (or their side's) statements held: "Twenty-four percent … is a deal I can defend" takes up the other
 *   side's figure;
 * - `changed`: similarity ≥ `CHANGED_SIMILARITY` otherwise (different terms, a polarity flip, "no longer …",
 *   a condition restated as a mere position);
 * - `new`: anything less, or no earlier statement by the speaker.
 *
 * @example
 * compareWithLedger(statement2024, ledgerUpTo2019)
 * // → { status: 'new', similarity: 0.08, closest: undefined }
 */
export function compareWithLedger(statement: Statement, earlier: LedgerEntry[], options: CompareOptions = {}): NoveltyVerdict {
  const comparable = pickComparable(statement, earlier, options.sides ?? []);
  if (comparable.length === 0) return { status: StanceStatus.New, similarity: 0 };
  const tokens = claimTokens(statement.claim);
  const frequencies = documentFrequencies(options.summary ?? summarizeLedger(earlier), tokens);
  const weights = frequencies.weight;
  const scored = comparable
    .map((entry) => {
      const entryTokens = claimTokens(entry.claim);
      return { entry, tokens: entryTokens, score: weightedJaccard(tokens, entryTokens, weights) };
    })
    .sort((a, b) => b.score - a.score || ((b.entry.publishedAt ?? '') > (a.entry.publishedAt ?? '') ? 1 : -1));
  const best = scored[0];
  const similarity = best.score;
  const rounded = Math.round(similarity * 1000) / 1000;
  // Only what the speaker said earlier with the same polarity can be repeated: a flip against a close statement is a
  // change. The same article's earlier statements stay in the pool whatever their polarity, since an article does not
  // flip a position it has just reported ("could not go higher", then "as far as we can go"). Kind is not filtered:
  // the extractor often labels one point a position in a lede and a demand in the quote behind it
  // (`npm run bench:stances` falls to P 0.85 with a kind filter).
  const sameArticle = new Set(statement.earlierInArticle?.map((earlier) => earlier.text));
  const sameStance = (entry: LedgerEntry) => polarityOf(entry) === statement.polarity || sameArticle.has(entry.text);
  const related = scored.filter((item) => item.score >= RELATED_SIMILARITY && sameStance(item.entry)).slice(0, MAX_RELATED);
  const restated =
    !statement.withdrawn &&
    ((similarity >= REPEAT_SIMILARITY && sameStance(best.entry)) ||
      isCovered(tokens, related.map((item) => item.tokens), frequencies));
  if (restated) {
    const closest = related.length > 0 ? mostCovering(tokens, related, weights) : best.entry;
    return { status: StanceStatus.Repeat, similarity: rounded, closest };
  }
  const held = heldTo(statement, tokens, scored, sameArticle, frequencies);
  if (held) return { status: StanceStatus.Repeat, similarity: rounded, closest: held };
  const lede = restatedInArticle(statement, scored);
  if (lede) return { status: StanceStatus.Repeat, similarity: rounded, closest: lede };
  if (isFamiliarQuotation(statement, tokens, frequencies) && !bringsNewNumber(tokens, scored)) return { status: StanceStatus.Repeat, similarity: rounded, closest: best.entry };
  if (similarity >= CHANGED_SIMILARITY || (statement.withdrawn && similarity >= MIN_SHOWN_SIMILARITY)) {
    return { status: StanceStatus.Changed, similarity: rounded, closest: best.entry };
  }
  const base = shownBase(statement, scored, tokens, frequencies);
  return { status: StanceStatus.New, similarity: rounded, closest: base?.entry };
}

/**
 * The earlier statement a new one is shown against (the digest's word diff): the most similar stance, from
 * `MIN_SHOWN_SIMILARITY` up, sharing a term that is not the topic's. Not a claim: "she was speaking at a conference
 * where she discussed the sea wall" is no position a new condition departs from (a claim is shown against claims).
 */
function shownBase(statement: Statement, scored: Scored[], tokens: Set<string>, frequencies: DocumentFrequencies): Scored | undefined {
  const base = scored.find((item) => item.entry.kind !== 'claim' || statement.kind === 'claim');
  return base && base.score >= MIN_SHOWN_SIMILARITY && sharesDistinctiveTerm(tokens, base.tokens, frequencies) ? base : undefined;
}

/**
 * The speaker's earlier statement in the same article that this one restates, if any: the report a quotation gives
 * the words behind (`statement.backs`), the most similar one at `SAME_ARTICLE_SIMILARITY` or above (at
 * `QUOTE_BEHIND_SIMILARITY` for a quotation right behind it), or, after a restatement marker, the most similar one.
 */
function restatedInArticle(statement: Statement, scored: { entry: LedgerEntry; score: number }[]): LedgerEntry | undefined {
  if (statement.withdrawn || !statement.earlierInArticle?.length) return undefined;
  // The words behind a report just made: its polarity may read otherwise ("would keep to the cap" / "we will not go
  // above it"), but an article does not flip a position it has just reported.
  const report = statement.backs === undefined ? undefined : scored.find((item) => item.entry.text === statement.backs);
  if (report) return report.entry;
  const texts = new Set(statement.earlierInArticle.map((earlier) => earlier.text));
  const candidates = scored.filter((item) => texts.has(item.entry.text) && polarityOf(item.entry) === statement.polarity);
  const best = candidates[0]; // `scored` is sorted by similarity
  if (!best) return undefined;
  // A quotation right behind what it backs, in the same paragraph or the next: the quote behind a report.
  const reported = statement.earlierInArticle.find((earlier) => earlier.text === best.entry.text);
  const behind = statement.quotation === true && reported !== undefined && !reported.quotation && statement.paragraphIndex - reported.paragraphIndex <= 1;
  const bar = behind ? QUOTE_BEHIND_SIMILARITY : SAME_ARTICLE_SIMILARITY;
  return best.score >= bar || statement.restates ? best.entry : undefined;
}

/**
 * The earlier stance a statement holds to when the writer says it is not news ("she again ruled out …", "the vote
 * goes ahead as planned", "has said …"): the closest one from an earlier article, if it shares a term that is not the
 * topic's (and, for a recall, is related). Against the same article's statements, `restatedInArticle` judges.
 */
function heldTo(statement: Statement, tokens: Set<string>, scored: Scored[], sameArticle: Set<string>, frequencies: DocumentFrequencies): LedgerEntry | undefined {
  if (!(statement.reaffirms || statement.recalls || statement.reiterates) || statement.withdrawn) return undefined;
  // "repeated that …": the writer says it was said before, in so many words; the closest earlier stance is what was.
  if (statement.reiterates) return scored[0]?.entry;
  const closest = scored.find((item) => !sameArticle.has(item.entry.text));
  // A recall names no stance it holds to: the earlier one must be related, not merely share a term.
  const related = statement.reaffirms || (closest !== undefined && closest.score >= RELATED_SIMILARITY);
  return closest && related && sharesDistinctiveTerm(tokens, closest.tokens, frequencies) ? closest.entry : undefined;
}

/**
 * A quotation in words the story has already used: the speaker's own words on what was reported ("“We said 24 for our
 * youngest kids, and we're going to get 24”"), not new terms. A reported stance is the writer's summary and is judged
 * on its similarity alone; a quotation that brings terms of its own is too.
 */
function isFamiliarQuotation(statement: Statement, tokens: Set<string>, frequencies: DocumentFrequencies): boolean {
  if (!statement.quotation || statement.withdrawn) return false;
  const unseen = [...tokens].filter((token) => frequencies.count(token) <= 1).length;
  return unseen < NEW_WORDS_SHARE * tokens.size || tokens.size === 0;
}

/** A number the comparable statements (the speaker's and their side's) never held: the other side's, taken up. */
function bringsNewNumber(tokens: Set<string>, scored: Scored[]): boolean {
  const said = new Set(scored.flatMap((item) => [...item.tokens]));
  return [...tokens].some((token) => /^\d/.test(token) && !said.has(token));
}

interface Scored {
  entry: LedgerEntry;
  tokens: Set<string>;
  score: number;
}

/** Whether two claims share a term that is not the topic's (see `DISTINCTIVE_SHARE`). */
function sharesDistinctiveTerm(a: Set<string>, b: Set<string>, frequencies: DocumentFrequencies): boolean {
  const limit = Math.max(2, DISTINCTIVE_SHARE * frequencies.documents);
  return [...a].some((token) => b.has(token) && frequencies.count(token) <= limit);
}

export interface CompareOptions {
  /**
   * Speakers who speak for one side (a leader, their spokesman, their ministry: `["Vladimir Putin", "Dmitry Peskov",
   * "Kremlin"]`), from the watch's config. A statement is compared with its side's earlier statements too, so a
   * spokesman restating the leader is a repeat, not news.
   */
  sides?: string[][];
  /**
   * The whole ledger's counts when `earlier` is only part of it; without it, `earlier` is the whole ledger and is
   * counted here.
   */
  summary?: Pick<LedgerSummary, 'statements' | 'tokenCounts'>;
}

/**
 * The speaker's own earlier statements, those of whom the speaker speaks for (`speaksFor`), and those of everyone on
 * either's side; all of them when unattributed.
 */
function pickComparable(statement: Statement, earlier: LedgerEntry[], sides: string[][]): LedgerEntry[] {
  if (!statement.speaker) return earlier;
  const voices = voicesOf(statement);
  const surnames = new Set(voices.map(surnameOf));
  const side = sides.filter((members) => members.some((member) => voices.some((voice) => speaksAs(voice, member)))).flat();
  return earlier.filter(
    (entry) => entry.speaker !== null && (surnames.has(surnameOf(entry.speaker)) || side.some((member) => speaksAs(entry.speaker as string, member))),
  );
}

/**
 * True when a speaker label names a side's member: the same surname ("Putin" for "Vladimir Putin"), an institutional
 * label holding the member's name ("spokesman, Kremlin" for "Kremlin"), an organisation's name shortened
 * ("Lanmere" for "Lanmere Health Group"), to its initials ("NSU" for "National Stevedores’ Union") or to its head
 * noun ("city" for "City of Holbury"), or a place's body by its adjective ("Russian ministry" for "Russia"). Not a body
 * of its own that bears the member's name ("Drusia Exporters' Association" for "Drusia").
 */
export function speaksAs(speaker: string, member: string): boolean {
  const words = wordsOf(speaker);
  // "Analysts, Belgrin" (analysts in Belgrin) and "Norvale analysts" judge from outside whatever place or body names
  // them.
  if (words.length > 1 && [words[0], words.at(-1) ?? ''].some((word) => OUTSIDE_VOICES.has(singularOf(word)))) return false;
  // "Drusia Exporters' Association" bears the side's name but is not its voice: a body of its own kind.
  const ownBody = words.length > 1 && OWN_BODIES.has(words[words.length - 1]);
  const named = isBodyName(member) ? namesBody(speaker, member) : surnameOf(speaker) === surnameOf(member) || (words.includes(surnameOf(member)) && !ownBody);
  return named || shortensName(speaker, member) || aliasesOf(member).some((word) => words.includes(word) && !ownBody);
}

/** A body's name ends in a head noun ("Norvale Competition Authority", "Finance Ministry"), which is no surname. */
const isBodyName = (name: string) => wordsOf(name).length > 1 && ORGANIZATION_HEADS.has(wordsOf(name).at(-1) ?? '');

/**
 * A label names a body by its whole name ("spokesman, Finance Ministry"), by a description with its head noun ("the
 * hospital group", "spokeswoman, authority"), or, when the label is a name of its own, only by words of the body's
 * ("Competition Authority"): "Tarrow Ports Authority" and "Ministry of Labour" are other bodies.
 */
function namesBody(speaker: string, member: string): boolean {
  const label = plainWordsOf(speaker);
  const name = plainWordsOf(member);
  if (label.some((_, at) => name.every((word, k) => label[at + k] === word))) return true;
  if (/^\p{Lu}/u.test(speaker.trim().split(/\s+/).at(-1) ?? '')) return label.every((word) => word === 'the' || name.includes(word));
  return label.includes(name.at(-1) ?? '');
}

/** Words without apostrophes, so "Students’ Union" and "Students' Union" are one name. */
const plainWordsOf = (label: string) => wordsOf(label).map((word) => word.replace(/['’]/g, ''));

/**
 * People who comment on a side without speaking for it, wherever they are ("analysts in Belgrin"), and whoever posts
 * on a platform ("a Brevolt user" is not Brevolt).
 */
const OUTSIDE_VOICES = new Set(['analyst', 'expert', 'economist', 'observer', 'scholar', 'academic', ...PLATFORM_USERS]);

/**
 * Heads of bodies that speak for their members, not for the place or party whose name they bear (a political party
 * too: "Norvale's opposition Civic Party" is not Norvale's government); a legislature too, which may well hold against
 * the place's government ("Wenlow's provincial assembly" is not Governor Tesson's voice); and a trade's own people
 * ("Rustan dairy farmers", "the Rustan Dairy Council").
 */
const OWN_BODIES = new Set([
  'association',
  'federation',
  'chamber',
  'institute',
  'society',
  'league',
  'club',
  'coalition',
  'alliance',
  'party',
  'company',
  'corporation',
  'assembly',
  'parliament',
  'senate',
  'legislature',
  'council',
  'union',
  'industry',
  'farmers',
  'producers',
  'growers',
  'manufacturers',
  'exporters',
  'importers',
  'workers',
  'employers',
]);

/** The IDF's counts over the ledger plus the statement being judged, and the weight they give each token. */
interface DocumentFrequencies {
  /** N + 1: the ledger's statements and this one. */
  documents: number;
  /** df(t): ledger statements holding the token, plus one when the statement holds it. */
  count(token: string): number;
  /** w(t) = ln(1 + (N + 1) / df(t)); 0 for a token no statement holds. */
  weight(token: string): number;
}

function documentFrequencies(summary: Pick<LedgerSummary, 'statements' | 'tokenCounts'>, statement: Set<string>): DocumentFrequencies {
  const documents = summary.statements + 1;
  const count = (token: string) => (summary.tokenCounts.get(token) ?? 0) + (statement.has(token) ? 1 : 0);
  const weights = new Map<string, number>();
  const weight = (token: string) => {
    let known = weights.get(token);
    if (known === undefined) {
      const df = count(token);
      known = df === 0 ? 0 : Math.log(1 + documents / df);
      weights.set(token, known);
    }
    return known;
  };
  return { documents, count, weight };
}

type Weigh = (token: string) => number;

function weightedJaccard(a: Set<string>, b: Set<string>, weights: Weigh): number {
  let shared = 0;
  let either = 0;
  for (const token of new Set([...a, ...b])) {
    const weight = weights(token);
    either += weight;
    if (a.has(token) && b.has(token)) shared += weight;
  }
  return either === 0 ? 0 : shared / either;
}

/**
 * Whether (nearly) all of the statement's claim weight was said before, in the related earlier statements taken
 * together: a lede and the quote behind it, or a point restated across two earlier remarks, add nothing new.
 * A claim too light to judge (one or two common words) is never covered.
 */
function isCovered(statement: Set<string>, related: Set<string>[], frequencies: DocumentFrequencies): boolean {
  if (related.length === 0) return false;
  const said = new Set(related.flatMap((tokens) => [...tokens]));
  // A term the ledger has never seen ("Bergen" where it said "Oslo") is new terms, however little else changed.
  if ([...statement].some((token) => !said.has(token) && frequencies.count(token) <= 1)) return false;
  let own = 0;
  let shared = 0;
  for (const token of statement) {
    const weight = frequencies.weight(token);
    own += weight;
    if (said.has(token)) shared += weight;
  }
  return own >= MIN_RESTATED_WEIGHT && shared / own >= RESTATED_COVERAGE;
}

/** The related entry that covers most of the statement's weight: the one a repeat is counted against. */
function mostCovering(statement: Set<string>, related: { entry: LedgerEntry; tokens: Set<string> }[], weights: Weigh): LedgerEntry {
  let best = related[0];
  let bestShared = -1;
  for (const item of related) {
    let shared = 0;
    for (const token of statement) if (item.tokens.has(token)) shared += weights(token);
    if (shared > bestShared) {
      best = item;
      bestShared = shared;
    }
  }
  return best.entry;
}

function polarityOf(entry: LedgerEntry): 'positive' | 'negative' {
  if (entry.polarity) return entry.polarity;
  return entry.kind === 'refusal' || entry.claim.split(/\s+/).includes(NEGATION_TOKEN) ? 'negative' : 'positive';
}
