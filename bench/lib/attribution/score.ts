/**
 * Scores reported statements against PolNeAR's attributions. Definitions (fixed before any rule was tuned on them):
 *
 * - A statement *matches* an attribution when at least `MIN_MATCHED_SHARE` of its text lies inside the attribution
 *   (its content, cue and source spans): the statement is mostly that attribution, not narration around it. It is
 *   matched to the attribution it shares most with.
 * - An attribution has a *named source* when its source span holds a capitalised word that is not a pronoun, a
 *   determiner or a title ("Trump", "The New York Post", "Sen. Ted Cruz"; not "sources", "he", "a spokesman"), and
 *   that is not merely a sentence opening: a first word counts only when the article never writes it in lower case
 *   ("Trump said" is named, "Police announce" and "Sixty-six percent said" are not). It is
 *   *speech* when its cue holds a verb of communication (`SPEECH_CUE`: said, told, tweeted, according to …), not a
 *   verb of thought or intent ("believes", "wants").
 * - A statement's speaker is *right* when one of the source's name words is one of the speaker's words ("Trump" in
 *   "Donald Trump"; titles and party words do not count). A name word that describes the speaker is not theirs (added
 *   after the rules were tuned; on the same code it lowers dev accuracy by 0.005, the baseline's by 0.018): the owner
 *   of a role before the speaker's name ("Clinton" in "Clinton campaign manager Robby Mook") and a place or body the
 *   speaker is from ("Houston" in "a delegate from Houston"). A source left with no name word is no one named.
 *
 * - speaker accuracy: of the statements matched to an attribution with a named source, the share with the right speaker
 *   (an unattributed statement there counts as wrong);
 * - coverage: of the named-source speech attributions, the share matched by a statement with the right speaker;
 * - no one's: the share of statements that match no attribution at all (narration reported as a statement).
 */
import type { Attribution, Span } from '../../../support/polnear.js';

export const MIN_MATCHED_SHARE = 0.5;

/** Verbs and phrases of communication, over the lower-cased cue. */
export const SPEECH_CUE =
  /\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|state[sd]?|stating|announc\w*|declar\w*|claim\w*|argu\w*|writ\w*|wrote|tweet\w*|post(s|ed)|report\w*|explain\w*|ask\w*|insist\w*|not(e|es|ed|ing)|warn\w*|call\w*|suggest\w*|repl(y|ies|ied)|respond\w*|accus\w*|urg\w*|promis\w*|vow\w*|pledg\w*|den(y|ies|ied)|acknowledg\w*|admit\w*|predict\w*|according|recall\w*|describ\w*|charg\w*|assert\w*|contend\w*|remark\w*|stress\w*|emphasi\w*|reiterat\w*|conced\w*|complain\w*|criticiz\w*|boast\w*|quip\w*|joke[sd]?|mock\w*|blam\w*|question\w*|demand\w*|confirm\w*|disclos\w*|reveal\w*|testif\w*|threat\w*|predict\w*|propos\w*|counter\w*|rebut\w*|deni\w*|exclaim\w*|shout\w*|yell\w*|chant\w*|told)\b/;

/** Capitalised words that are not names: pronouns, determiners, titles, party and group words. */
const NOT_NAME_WORDS = new Set(
  'i he she we they it you his her their its our my your the a an this that these those some several many most all both few other none each every any mr mrs ms dr sen senator rep gov governor president former vice gen secretary republican republicans democrat democrats democratic gop campaign spokesman spokeswoman chairman presidential nominee candidate rev'.split(
    ' ',
  ),
);

const nameWords = (attribution: Attribution) => {
  // Words, and the commas and dashes that end a phrase ("Ari Fleischer, former White House press secretary").
  const words = attribution.sourceText.replace(/\([^)]*\)/g, ' ').match(/[\p{L}\p{N}'’.-]+|[,;:—–]/gu) ?? [];
  return words
    .filter((word, i) => isCapitalized(word) && (i > 0 || !attribution.lowerCaseWords.has(word.toLowerCase())) && !qualifiesAnother(words, i))
    .map((word) => word.toLowerCase().replace(/['’]s$|['’]+$/g, '').replace(/\./g, ''))
    .filter((word) => word.length > 1 && !NOT_NAME_WORDS.has(word));
};

const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);

/**
 * A name word that only describes the speaker: the owner of a role before the speaker's name ("Clinton" in "Clinton
 * campaign manager Robby Mook", "Obama" in "former Obama adviser David Axelrod"), or where the speaker is from or works
 * ("Houston" in "a delegate from Houston", "New York" in "Rep. Lee Zeldin of New York").
 */
function qualifiesAnother(words: string[], i: number): boolean {
  // "of" after a title names the office, not where the speaker is from ("Secretary of State John Kerry").
  const from = (k: number) => PLACE_WORDS.has(words[k]) && !(words[k] === 'of' && TITLES_OF.has(words[k - 1]?.toLowerCase() ?? ''));
  const place = (k: number): boolean => k >= 0 && (from(k) || (isCapitalized(words[k]) && place(k - 1)));
  // "from Houston, Texas," "of Baldwin, Miss.,": a one-word state after the town.
  const state = words[i - 1] === ',' && isCapitalized(words[i - 2] ?? '') && place(i - 2) && !isCapitalized(words[i + 1] ?? '');
  if (place(i - 1) || state) return true;
  let k = i + 1;
  while (k < words.length && isCapitalized(words[k])) k += 1;
  const role = k;
  while (k < words.length && !isCapitalized(words[k]) && !FUNCTION_WORDS.has(words[k]) && !PUNCTUATION.test(words[k])) k += 1;
  return k > role && k < words.length && isCapitalized(words[k]);
}

const PUNCTUATION = /^[,;:—–]$/;

/** Titles that "of" completes ("Secretary of State", "Chief of Staff", "Supervisor of Elections"). */
const TITLES_OF = new Set(['secretary', 'chief', 'supervisor', 'director', 'chairman', 'chairwoman', 'president', 'speaker', 'minister', 'head', 'member', 'leader', 'attorney', 'governor', 'mayor', 'commissioner', 'superintendent', 'comptroller', 'treasurer', 'ambassador', 'administrator']);
/** Words before a place or body that the speaker is from, in or of. */
const PLACE_WORDS = new Set(['in', 'from', 'of', 'at']);
/** Lower-case words that join two names rather than name a role between them ("Trump and Sen. Ted Cruz"). */
const FUNCTION_WORDS = new Set(['and', 'or', 'of', 'for', 'to', 'the', 'a', 'an', 'who', 'in', 'from', 'at', 'with', 'on', 'as', 'by']);

export const hasNamedSource = (attribution: Attribution) => nameWords(attribution).length > 0;
export const isSpeech = (attribution: Attribution) => SPEECH_CUE.test(attribution.cueText.toLowerCase());

export function isRightSpeaker(speaker: string | null, attribution: Attribution): boolean {
  if (!speaker) return false;
  const words = new Set(speaker.toLowerCase().replace(/\./g, '').split(/[^\p{L}\p{N}'’-]+/u).map((word) => word.replace(/['’]s?$/, '')));
  return nameWords(attribution).some((word) => words.has(word));
}

export interface ScoredStatement {
  speaker: string | null;
  start: number;
  end: number;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The attribution a statement matches, or undefined when it matches none. */
export function matchAttribution(statement: Span, attributions: Attribution[]): Attribution | undefined {
  let best: Attribution | undefined;
  let bestOverlap = 0;
  const length = statement.end - statement.start;
  for (const attribution of attributions) {
    const spans = [...attribution.content, ...attribution.cue, ...attribution.source];
    const shared = spans.reduce((sum, span) => sum + overlap(statement, span), 0);
    if (shared >= MIN_MATCHED_SHARE * length && shared > bestOverlap && shared > 0) {
      best = attribution;
      bestOverlap = shared;
    }
  }
  return best;
}

export interface Tally {
  statements: number;
  matchedNamed: number;
  rightNamed: number;
  noOnes: number;
  namedSpeech: number;
  covered: number;
}

export const emptyTally = (): Tally => ({ statements: 0, matchedNamed: 0, rightNamed: 0, noOnes: 0, namedSpeech: 0, covered: 0 });

/** Adds one article's statements to the tally. */
export function tallyArticle(tally: Tally, statements: ScoredStatement[], attributions: Attribution[]): void {
  const covered = new Set<Attribution>();
  for (const statement of statements) {
    tally.statements += 1;
    const attribution = matchAttribution(statement, attributions);
    if (!attribution) {
      tally.noOnes += 1;
      continue;
    }
    if (!hasNamedSource(attribution)) continue;
    tally.matchedNamed += 1;
    if (isRightSpeaker(statement.speaker, attribution)) {
      tally.rightNamed += 1;
      covered.add(attribution);
    }
  }
  for (const attribution of attributions) {
    if (!hasNamedSource(attribution) || !isSpeech(attribution)) continue;
    tally.namedSpeech += 1;
    if (covered.has(attribution)) tally.covered += 1;
  }
}

export interface Figures {
  statements: number;
  accuracy: number;
  coverage: number;
  noOnesShare: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export function figuresOf(tally: Tally): Figures {
  return {
    statements: tally.statements,
    accuracy: ratio(tally.rightNamed, tally.matchedNamed),
    coverage: ratio(tally.covered, tally.namedSpeech),
    noOnesShare: ratio(tally.noOnes, tally.statements),
  };
}
