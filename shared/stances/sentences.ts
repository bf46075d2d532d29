/**
 * Reads paragraphs into sentences of tokens with wink-nlp: POS, lemma, stop-word flag, entity type and whether the
 * token sits inside a quotation. The model loads once per process, on first use (see nlp-models.ts).
 */
import type { ItsFunction } from 'wink-nlp';
import { cutOnWord } from '../text/index.js';
import { readWord, winkNlp } from './nlp-models.js';
import { CHARACTERISING_VERBS, IRREGULAR_PAST_FORMS, PHRASAL_REPORTING_VERBS, PHRASAL_STANCE_VERBS, POSSESSIVE_DETERMINERS, POSSESSIVE_MARKS, QUESTION_OPENERS, QUOTE_CLOSING_VERBS, REPORTING_VERBS, SPEAKER_PRONOUNS, STANCE_VERBS, STATEMENT_NOUNS } from './lexicon.js';
import { MAX_ARTICLE_READ_CHARS, MAX_NAME_WORDS, MAX_SENTENCE_CHARS } from './patterns.js';

export interface Token {
  text: string;
  /** wink's normal form: lower case, contractions expanded ("n't" → "not"). */
  normal: string;
  /** Lower-cased lemma ("needed" → "need", "Japan" → "japan"). */
  lemma: string;
  /** Universal POS tag (NOUN, PROPN, VERB, ADJ, AUX, PUNCT …). */
  pos: string;
  stop: boolean;
  /** Whitespace before the token in the source, to rebuild a clause as written. */
  space: string;
  /** Entity type when wink tags the token as part of one (DATE, CARDINAL, PERCENT …). */
  entity?: string;
  /** Inside a quotation (the quote marks themselves are not). */
  quoted: boolean;
  /** An opening or closing quotation mark. */
  quoteMark?: 'open' | 'close';
}

export interface Sentence {
  paragraphIndex: number;
  /** Where the sentence starts in the article text (`paragraphs.join('\n\n')`). */
  start: number;
  text: string;
  tokens: Token[];
}

/** Double quotation marks; single ones double as apostrophes ("It’s") and are left alone. */
const QUOTE_MARKS = { open: new Set(['“', '„', '«']), close: new Set(['”', '»']), either: new Set(['"']) } as const;

/** wink splits "Japan-U.S. security" after "U."; a sentence ending in a lone capital + "." is joined to the next. */
const BROKEN_ABBREVIATION = /(^|[\s-])[A-Z]\.$/;

/** Titles always followed by a name: a sentence never ends on them. */
const TITLE_ABBREVIATIONS = new Set(['gov.', 'sen.', 'rep.', 'reps.', 'mr.', 'mrs.', 'ms.', 'dr.', 'gen.', 'lt.', 'col.', 'sgt.', 'capt.', 'adm.', 'rev.', 'prof.', 'st.', 'gov', 'sen']);

/** The first part of a degree's abbreviation, before the capital that ends it ("Ph." of "Ph.D."). */
const DEGREE_START = /^\p{Lu}\p{Ll}{0,2}\.$/u;

/** Month abbreviations, followed by their day. */
const MONTH_ABBREVIATIONS = new Set(['jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);

/** "U.S.", "U.N.", "E.U.": capitals with a period each. */
const INITIALISM = /^(\p{Lu}\.){2,}$/u;

/** A paragraph of at least this many words, more than this share capitalised, is copy in capitals (see mergeBrokenAbbreviations). */
const MIN_CAPITALS_WORDS = 4;
const CAPITALS_COPY_SHARE = 0.6;

/** A sentence end and the space after it: where a run of text is split to measure its sentences. */
const SENTENCE_BREAK = /[.!?…]["”’')\]]*\s+/g;

/**
 * Splits paragraphs into sentences.
 *
 * Stages: boundParagraphs → tokenizeParagraph → splitFusedMarks → splitPossessives → mendSplitPairs → markQuotations →
 * retagSentenceStart → retagParticiples → retagOwnedModifiers → retagPresentVerbs → retagCharacterisingVerbs →
 * retagPhrasalVerbs → retagPhrasalStanceParticiples → retagSaidReadAsAdjective → retagClosingVerbsReadAsAdjectives →
 * retagAfterAccordingTo → retagNamesReadAsVerbs → retagAdverbsAfterHave → retagVerbsAfterModal → retagVerbsAfterDo →
 * retagPastVerbsBeforeOwners → mergeBrokenAbbreviations → withoutDateline.
 * Quotation state resets at each paragraph: by convention a quote that runs on opens again in the next one.
 */
export function readSentences(paragraphs: string[]): Sentence[] {
  let paragraphStart = 0;
  const singles = !paragraphs.some(hasDoubleMarks);
  return boundParagraphs(paragraphs).flatMap((paragraph, paragraphIndex) => {
    const start = paragraphStart;
    const sentences = mendSplitPairs(tokenizeParagraph(paragraph, paragraphIndex, start).map(splitFusedMarks).map(splitPossessives));
    paragraphStart += paragraphs[paragraphIndex].length + PARAGRAPH_SEPARATOR.length;
    const retagged = markQuotations(sentences, singles).map(retagSentenceStart).map(retagParticiples).map(retagOwnedModifiers).map(retagPresentVerbs).map(retagCharacterisingVerbs).map(retagPhrasalVerbs).map(retagPhrasalStanceParticiples).map(retagSaidReadAsAdjective).map(retagClosingVerbsReadAsAdjectives).map(retagAfterAccordingTo).map(retagNamesReadAsVerbs).map(retagAdverbsAfterHave).map(retagVerbsAfterModal).map(retagVerbsAfterDo).map(retagPastVerbsBeforeOwners);
    const merged = mergeBrokenAbbreviations(retagged, paragraph, start);
    return withoutDateline(merged, paragraph, start);
  });
}

/** How an article's text joins its paragraphs (see shared/extract/types.ts): offsets count it. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * What the reader takes of an article: paragraphs in order up to `MAX_ARTICLE_READ_CHARS`, and in each, runs without
 * a sentence end cut at `MAX_SENTENCE_CHARS` (on a word, marked with "…"). Paragraph indexes stay those of the article.
 *
 * @example
 * boundParagraphs([`Putin said talks need a change first. ${'and more '.repeat(1e6)}`]);
 * // → ['Putin said talks need a change first. and more and more … and more… '] (the run cut at 2,000 characters)
 */
export function boundParagraphs(paragraphs: string[]): string[] {
  const bounded: string[] = [];
  let budget = MAX_ARTICLE_READ_CHARS;
  for (const paragraph of paragraphs) {
    if (budget <= 0) break;
    const kept = cutLongSentences(cutOnWord(paragraph, budget, { mark: '' }));
    bounded.push(kept);
    budget -= kept.length;
  }
  return bounded;
}

function cutLongSentences(paragraph: string): string {
  if (paragraph.length <= MAX_SENTENCE_CHARS) return paragraph;
  const pieces: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(SENTENCE_BREAK)) {
    const end = match.index + match[0].length;
    pieces.push(cutSentence(paragraph.slice(start, end)));
    start = end;
  }
  if (start < paragraph.length) pieces.push(cutSentence(paragraph.slice(start)));
  return pieces.join('');
}

/** A runaway sentence cut on a word and marked "…", which also ends it for the sentence splitter. */
function cutSentence(sentence: string): string {
  return sentence.length <= MAX_SENTENCE_CHARS ? sentence : `${cutOnWord(sentence, MAX_SENTENCE_CHARS)} `;
}

/**
 * wink reads a capitalised sentence opening as a proper noun and leaves it unlemmatized ("Pilots will strike" →
 * "pilots"). When the word read in lower case is an inflected common word ("pilot"), that reading wins; names
 * ("Motegi", "Lavrov") read the same in lower case and stay proper nouns.
 */
function retagSentenceStart(sentence: Sentence): Sentence {
  const first = sentence.tokens[0];
  if (!first || first.pos !== 'PROPN' || !isCapitalized(first)) return sentence;
  const lower = first.text.toLowerCase();
  const reading = readWord(lower);
  const inflected = reading.pos !== 'PROPN' && reading.lemma !== lower;
  if (inflected) sentence.tokens[0] = { ...first, lemma: reading.lemma, pos: reading.pos };
  return sentence;
}

/**
 * wink reads some participles after a comma as nouns (`…, warning against allowing …`, `…, offering to free …`) or
 * adjectives (`…, promising to campaign …`). After a comma (inside a closing quotation mark or not), an -ing word whose
 * verb is a verb of saying or of stance is that verb: it reports or takes a stance for the clause before it; so is
 * such an adjective after "be" ("is promising to …"). Other -ing nouns ("…, funding for schools") stay nouns, and an
 * adjective stays one unless "to" or "that" follows it ("…, promising young players").
 */
function retagParticiples(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    const misread = token.pos === 'NOUN' || (token.pos === 'ADJ' && (tokens[k + 1]?.normal === 'to' || tokens[k + 1]?.normal === 'that'));
    if (!misread || token.text !== token.normal || !token.normal.endsWith('ing')) return;
    // "Trump is promising to bomb …": the progressive too; "passed a motion last week warning that …": what a
    // statement says.
    if (!followsComma(tokens, k) && !(token.pos === 'ADJ' && tokens[k - 1]?.lemma === 'be') && !saysOfStatement(tokens, k)) return;
    const lemma = verbOfParticiple(token.normal);
    if (lemma) tokens[k] = { ...token, pos: 'VERB', lemma };
  });
  return sentence;
}

/**
 * wink reads an -ing modifier after a possessive as a verb ("Trump’s running mate, Mike Pence, endorsed …", "his
 * growing lead"), which then passes for the sentence's main verb. Between an owner and a noun it modifies the noun; a
 * gerund with an object ("Trump's saying that …", "his backing the deal") has no noun right after it.
 */
function retagOwnedModifiers(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    // "He's telling allies": an "'s" that is "is" owns nothing.
    const before = tokens[k - 1];
    const owned = before !== undefined && ((POSSESSIVE_MARKS.has(before.text) && before.pos === 'PART') || POSSESSIVE_DETERMINERS.has(before.normal));
    if (token.pos === 'VERB' && token.normal.endsWith('ing') && owned && tokens[k + 1]?.pos === 'NOUN') tokens[k] = { ...token, pos: 'ADJ' };
  });
  return sentence;
}

/**
 * wink reads some verbs of saying or of taking a stance in the present as plural nouns after their subject ("Trump
 * claims that …", "he vows the wall …", "he disavows the ideology"). After "he", "she" or a name that does not own it
 * ("the Trump claims", "Trump's claims"), and before "that", a pronoun, a determiner or a name (not "claims were
 * false"), such a word is the verb. Not "states", far more often the noun ("Western states that …"). After a body's
 * singular noun ("the ministry plans to cut …"), only before "to" and a verb.
 */
function retagPresentVerbs(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (token.pos !== 'NOUN' || !token.normal.endsWith('s') || token.normal === 'states') return;
    const before = tokens[k - 1];
    const subject = isSubjectBefore(tokens, k);
    const after = tokens[k + 1];
    const object = after && (after.normal === 'that' || ['PRON', 'DET', 'PROPN'].includes(after.pos));
    // "The ministry plans to cut the quota": after a body's singular noun, only before "to" and a verb.
    const body = before?.pos === 'NOUN' && before.normal === before.lemma && tokens[k - 2]?.pos === 'DET';
    const infinitive = after?.normal === 'to' && tokens[k + 2]?.pos === 'VERB';
    const lemma = (subject && (object || followsQuotationAndName(tokens, k))) || (body && infinitive) ? verbOfPresent(token.normal) : undefined;
    if (lemma) tokens[k] = { ...token, pos: 'VERB', lemma };
  });
  return sentence;
}

/** "he", "she" or a name right before `k` that does not own it ("the Trump claims", "Trump's claims"): its subject. */
function isSubjectBefore(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1];
  const owned = /['’]s?$/.test(before?.text ?? '') || DETERMINED.has(tokens[k - 2]?.pos ?? '');
  return before !== undefined && (SPEAKER_PRONOUNS.has(before.normal) || (before.pos === 'PROPN' && !owned));
}

const DETERMINED = new Set(['DET', 'PRON']);

/**
 * wink reads some verbs that say what something is as nouns after a name ("Clinton cast Trump as unfit", "Trump paints
 * Clinton as a liar"). After a subject that does not own it ("Trump's paints"), with "as" a few words on, such a word is
 * the verb.
 */
function retagCharacterisingVerbs(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    const lemma = token.pos === 'NOUN' ? characterisingVerbOf(token.normal) : undefined;
    if (!lemma) return;
    const as = tokens.slice(k + 2, k + 2 + MAX_CHARACTERISED_TOKENS).some((after) => after.normal === 'as');
    if (isSubjectBefore(tokens, k) && as) tokens[k] = { ...token, pos: 'VERB', lemma };
  });
  return sentence;
}

/** Words between a characterising verb and its "as": the object ("the nomination battle"). */
const MAX_CHARACTERISED_TOKENS = 6;

/** "cast", "paints", "painted" → their verb, when it says what something is (`CHARACTERISING_VERBS`). */
function characterisingVerbOf(word: string): string | undefined {
  return [word, word.replace(/s$/, ''), word.replace(/ed$/, ''), word.replace(/d$/, '')].find((stem) => CHARACTERISING_VERBS.has(stem));
}

/**
 * "“…,” Conway notes.": after a quotation's closing mark and its speaker's name, at the clause's end, a present form is
 * the verb of saying.
 */
function followsQuotationAndName(tokens: Token[], k: number): boolean {
  let start = k - 1;
  while (start > 0 && tokens[start - 1].pos === 'PROPN') start -= 1;
  const end = tokens[k + 1];
  return tokens[start - 1]?.quoteMark === 'close' && (end === undefined || end.text === '.' || end.text === ',');
}

/**
 * The verb of saying or of taking a stance a third-person present form belongs to ("claims" → claim, "vows" → vow,
 * "stresses" → stress, "disavows" → disavow, "worries" → worry).
 */
function verbOfPresent(word: string): string | undefined {
  // "stresses" less "es", "worries" with "y" for "ies"; not "endorsers" less "rs".
  const stems = word.endsWith('ies') ? [`${word.slice(0, -3)}y`] : word.endsWith('es') ? [word.slice(0, -1), word.slice(0, -2)] : [word.slice(0, -1)];
  return stems.find((candidate) => word.length > 3 && (REPORTING_VERBS.has(candidate) || STANCE_VERBS.has(candidate)));
}

/**
 * wink reads some past forms of two-word verbs of saying as nouns after a name ("“…,” Bennett shot back"). After a name
 * or "he" or "she", and before the verb's own particle, such a word is the verb ("a parting shot back home" is not).
 */
function retagPhrasalVerbs(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    const lemma = token.pos === 'NOUN' ? phrasalVerbOfPast(token.normal) : undefined;
    const before = tokens[k - 1];
    const subject = before && (before.pos === 'PROPN' || SPEAKER_PRONOUNS.has(before.normal));
    if (lemma && subject && PHRASAL_REPORTING_VERBS[lemma].includes(tokens[k + 1]?.normal ?? '')) tokens[k] = { ...token, pos: 'VERB', lemma };
  });
  return sentence;
}

/**
 * wink reads the -ing form of a two-word stance verb as a noun ("spent her campaign railing against the toll"). Before
 * the verb's own particle, and not after a determiner ("the railing against the wall"), it is the verb.
 */
function retagPhrasalStanceParticiples(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (token.pos !== 'NOUN' || !token.normal.endsWith('ing') || tokens[k - 1]?.pos === 'DET') return;
    const lemma = stemsOf(token.normal).find((stem) => PHRASAL_STANCE_VERBS[stem]?.includes(tokens[k + 1]?.normal ?? ''));
    if (lemma) tokens[k] = { ...token, pos: 'VERB', lemma };
  });
  return sentence;
}

/** The verbs an -ing form may be of: "railing" → rail, "making" → make, "ripping" → rip. */
function stemsOf(word: string): string[] {
  const stem = word.slice(0, -'ing'.length);
  const doubled = /([^aeiou])\1$/.test(stem) ? [stem.slice(0, -1)] : [];
  return [stem, `${stem}e`, ...doubled];
}

/** The two-word verb of saying a past form belongs to ("shot" → shoot, "fired" → fire, "called" → call), if any. */
function phrasalVerbOfPast(word: string): string | undefined {
  if (IRREGULAR_PAST_FORMS[word]) return IRREGULAR_PAST_FORMS[word];
  if (!word.endsWith('ed')) return undefined;
  return [word.slice(0, -2), word.slice(0, -1)].find((stem) => Object.hasOwn(PHRASAL_REPORTING_VERBS, stem));
}

/**
 * wink reads "said" before a noun as the adjective ("the said company"); after a name or a pronoun ("Ian Read said
 * company leaders …", "she said voters …") it is the verb.
 */
function retagSaidReadAsAdjective(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    const before = tokens[k - 1];
    const subject = before !== undefined && isWord(before) && (isCapitalized(before) || before.pos === 'PRON');
    if (token.normal === 'said' && token.pos === 'ADJ' && subject) tokens[k] = { ...token, pos: 'VERB', lemma: 'say' };
  });
  return sentence;
}

/**
 * wink reads some past forms of verbs that close a quotation as adjectives ("“…,” Pelt fumed."). Right after the
 * quotation and its speaker (a name or a pronoun), such a word is the verb.
 */
function retagClosingVerbsReadAsAdjectives(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    const lemma = token.pos === 'ADJ' ? verbOfPast(token.normal) : undefined;
    if (!lemma) return;
    let start = k;
    while (k - start < MAX_NAME_WORDS && (tokens[start - 1]?.pos === 'PROPN' || SPEAKER_PRONOUNS.has(tokens[start - 1]?.normal ?? ''))) start -= 1;
    if (start < k && tokens[start - 1]?.quoteMark === 'close') tokens[k] = { ...token, pos: 'VERB', lemma };
  });
  return sentence;
}

/** The verb of saying whose past form (in "-ed") `word` is ("fumed", "snapped"), if any. */
function verbOfPast(word: string): string | undefined {
  if (!word.endsWith('ed')) return undefined;
  const doubled = word.at(-3) === word.at(-4) ? [word.slice(0, -3)] : [];
  return [word.slice(0, -1), word.slice(0, -2), ...doubled].find((stem) => QUOTE_CLOSING_VERBS.has(stem) || REPORTING_VERBS.has(stem));
}

/**
 * wink reads a verb after a modal as an adjective when the word can be one ("would welcome the move", "will clear the
 * way", "will open the door"), and "back" as an adverb ("would back the deal"). After a modal or "to", and before what
 * the verb takes (a determiner, a name, a pronoun), it is the verb: an adjective there would need "be" ("would be
 * open to", "would be back the following week").
 */
function retagVerbsAfterModal(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (token.pos !== 'ADJ' && !(token.pos === 'ADV' && token.normal === 'back')) return;
    let before = k - 1;
    // Not past a question word: "according to how full the buses are" has no verb after "to".
    while (tokens[before]?.normal === 'not' || (tokens[before]?.pos === 'ADV' && !QUESTION_OPENERS.has(tokens[before].normal))) before -= 1;
    const modal = (tokens[before]?.pos === 'AUX' && tokens[before].lemma !== 'be' && tokens[before].lemma !== 'have') || (tokens[before]?.normal === 'to' && tokens[before].pos === 'PART');
    const next = tokens[k + 1];
    const object = next !== undefined && (['DET', 'PROPN'].includes(next.pos) || OBJECT_PRONOUNS.has(next.normal)) && next.entity !== 'DATE';
    // A verb is a content word, though wink lists "back" as a stop word for its adverb.
    if (modal && object) tokens[k] = { ...token, pos: 'VERB', lemma: token.normal, stop: false };
  });
  return sentence;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'us', 'me', 'whoever']);

/**
 * wink reads a verb after "did" and an adverb set off by commas as a noun ("did, however, signal that …"). After "do"
 * (and "not") only a verb's base form can stand.
 */
function retagVerbsAfterDo(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (token.pos !== 'NOUN' || !isInterjectionAt(tokens, k - 1)) return;
    const auxiliary = tokens[k - 4]?.normal === 'not' ? tokens[k - 5] : tokens[k - 4];
    if (auxiliary?.pos === 'AUX' && auxiliary.lemma === 'do') tokens[k] = { ...token, pos: 'VERB', lemma: token.normal };
  });
  return sentence;
}

/**
 * wink reads some past forms as adjectives ("The company hardened its warning, saying …"), which leaves the clause
 * without a verb for a participle to hang on. After a subject (a name, a pronoun, or a determined noun) and before a
 * possessive that opens the object, an -ed word is the verb.
 */
function retagPastVerbsBeforeOwners(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (token.pos !== 'ADJ' || token.text !== token.normal || !token.normal.endsWith('ed') || !OWNERS.has(tokens[k + 1]?.normal ?? '')) return;
    let before = k - 1;
    while (tokens[before]?.pos === 'ADV') before -= 1;
    const subject = tokens[before];
    const determined = subject?.pos === 'NOUN' && tokens[before - 1]?.pos === 'DET';
    if (determined || subject?.pos === 'PROPN' || SPEAKER_PRONOUNS.has(subject?.normal ?? '')) tokens[k] = { ...token, pos: 'VERB', lemma: token.normal };
  });
  return sentence;
}

const OWNERS = new Set(['its', 'his', 'her', 'their', 'our', 'my']);

/** A "who" at `k` after a comma opens a relative clause about the name before it (", who told a rally …"). */
export const isRelativeWhoAt = (tokens: Token[], k: number) => tokens[k]?.normal === 'who' && tokens[k - 1]?.text === ',';

/** An adverb set off by commas ending at `k` (", however,"). */
export const isInterjectionAt = (tokens: Token[], k: number) => tokens[k]?.text === ',' && tokens[k - 1]?.pos === 'ADV' && tokens[k - 2]?.text === ',';

/**
 * wink reads "long" in "has long been opposed" as an adjective, and "since" in "has since raised its offer" as a
 * conjunction; either hides the subject from the verb after it. Between "have" and its participle only an adverb can
 * stand.
 */
function retagAdverbsAfterHave(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (tokens[k - 1]?.lemma !== 'have') return;
    const long = token.pos === 'ADJ' && tokens[k + 1]?.normal === 'been';
    const since = token.normal === 'since' && tokens[k + 1]?.pos === 'VERB';
    if (long || since) tokens[k] = { ...token, pos: 'ADV' };
  });
  return sentence;
}

/**
 * wink reads "people" in "according to people familiar with …" as a verb, "to" as its infinitive marker. After
 * "according", "to" is a preposition and what follows it a noun.
 */
function retagAfterAccordingTo(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (token.pos !== 'VERB' || tokens[k - 1]?.normal !== 'to' || tokens[k - 2]?.normal !== 'according') return;
    tokens[k - 1] = { ...tokens[k - 1], pos: 'ADP' };
    tokens[k] = { ...token, pos: 'NOUN' };
  });
  return sentence;
}

/**
 * wink reads some capitalised names as verbs: after "to", as an infinitive ("Trump added to People", "said to
 * Reuters": inside a sentence, the word is a name and "to" a preposition); right before a verb of saying in the
 * past ("“…,” Ward said", "Hung said": no finite verb is the subject of "said"; "Having announced …" stays a verb);
 * and at the end of a name, before a comma or a full stop ("…, Tom Ward, said").
 */
function retagNamesReadAsVerbs(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    if (token.pos !== 'VERB' || !isCapitalized(token)) return;
    const to = tokens[k - 1];
    const afterTo = k >= 2 && to?.normal === 'to' && to.pos === 'PART';
    const next = tokens[k + 1];
    const beforeSaid = !/ing$/.test(token.normal) && next?.pos === 'VERB' && REPORTING_VERBS.has(next.lemma) && next.normal !== next.lemma;
    // "Paul Ward has argued": a finite verb is never followed by an auxiliary, its subject is.
    const beforeAuxiliary = !/ing$/.test(token.normal) && next?.pos === 'AUX';
    // "Lima's campaign manager, Tom Ward, said": a capitalised word after a name and before a comma or a full stop ends
    // the name; a verb there would have its object or clause after it.
    const endsName = k >= 2 && to?.pos === 'PROPN' && isCapitalized(to) && (next?.text === ',' || next?.text === '.');
    if (afterTo) tokens[k - 1] = { ...to, pos: 'ADP' };
    if (afterTo || beforeSaid || beforeAuxiliary || endsName) tokens[k] = { ...token, pos: 'PROPN', lemma: token.normal };
  });
  return sentence;
}

/** The token at `k` comes right after a comma, or after a comma inside a closing quotation mark (`"Dangerous," warning`). */
export function followsComma(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1]?.quoteMark === 'close' ? tokens[k - 2] : tokens[k - 1];
  return before?.text === ',';
}

/** An -ing word after a statement's noun, a date between, with a "that"-clause after it ("a motion last week warning that"). */
function saysOfStatement(tokens: Token[], k: number): boolean {
  let noun = k - 1;
  while (noun > 0 && tokens[noun].entity === 'DATE') noun -= 1;
  return STATEMENT_NOUNS.has(tokens[noun]?.lemma ?? '') && tokens[k + 1]?.normal === 'that';
}

/** The verb of saying or of stance an -ing form belongs to ("warning" → warn, "offering" → offer), if any. */
function verbOfParticiple(word: string): string | undefined {
  return stemsOf(word).find((candidate) => REPORTING_VERBS.has(candidate) || STANCE_VERBS.has(candidate));
}

function tokenizeParagraph(paragraph: string, paragraphIndex: number, paragraphStart: number): Sentence[] {
  const { readDoc, its } = winkNlp();
  const doc = readDoc(paragraph);
  const tokens = doc.tokens();
  const texts = tokens.out() as string[];
  const normals = tokens.out(its.normal) as string[];
  // wink's typings give `lemma` a model-addons parameter that `out()` does not declare; at run time it returns strings.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const pos = tokens.out(its.pos) as string[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const entityOf: (string | undefined)[] = new Array(texts.length).fill(undefined);
  const entitySpans = doc.entities().out(its.span) as unknown as number[][];
  const entityTypes = doc.entities().out(its.type) as string[];
  entitySpans.forEach(([start, end], k) => {
    for (let i = start; i <= end; i += 1) entityOf[i] = entityTypes[k];
  });
  const sentenceSpans = doc.sentences().out(its.span) as unknown as number[][];
  const sentenceTexts = doc.sentences().out() as string[];
  let cursor = 0;
  return sentenceSpans.map(([start, end], k) => ({
    paragraphIndex,
    start: paragraphStart + (cursor = locate(paragraph, sentenceTexts[k].trim(), cursor)),
    text: sentenceTexts[k].trim(),
    tokens: texts.slice(start, end + 1).map((text, offset) => {
      const i = start + offset;
      return {
        text,
        normal: normals[i],
        lemma: compoundLemma(normals[i], lemmas[i].toLowerCase(), pos[i]),
        pos: pos[i],
        stop: stops[i],
        space: spaces[i],
        entity: entityOf[i],
        quoted: false,
      };
    }),
  }));
}

/**
 * wink leaves a hyphenated noun as written ("co-chairs"). A compound is inflected on its last word, which heads it:
 * "co-chairs" is the plural of "co-chair", as "chairs" is of "chair".
 */
function compoundLemma(normal: string, lemma: string, pos: string): string {
  const hyphen = normal.lastIndexOf('-');
  if (pos !== 'NOUN' || lemma !== normal || hyphen <= 0 || hyphen === normal.length - 1) return lemma;
  return normal.slice(0, hyphen + 1) + readWord(normal.slice(hyphen + 1)).lemma;
}

/** Where `text` starts in `paragraph` at or after `from`; `from` when wink rewrote it (it keeps the text as written). */
function locate(paragraph: string, text: string, from: number): number {
  const at = paragraph.indexOf(text, from);
  return at === -1 ? from : at;
}

/**
 * wink reads an opening '' before some words as an apostrophe and a contraction ("''a good idea" → `'` `'a`, also
 * `'s`, `'d`, `'ll`): the second apostrophe is the twin of the first, and the word is read on its own.
 */
function splitFusedMarks(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  for (let k = tokens.length - 1; k > 0; k -= 1) {
    const [mark, fused] = [tokens[k - 1], tokens[k]];
    if (mark.text !== "'" || fused.space !== '' || !/^'\p{L}+$/u.test(fused.text)) continue;
    const word = fused.text.slice(1);
    const reading = readWord(word);
    tokens.splice(k, 1, { ...fused, text: "'", normal: "'", lemma: "'", pos: 'PUNCT', stop: false, entity: undefined }, {
      ...fused,
      text: word,
      normal: word.toLowerCase(),
      lemma: reading.lemma,
      pos: reading.pos,
    });
  }
  return sentence;
}

/**
 * wink splits a possessive "'s" from its noun only when the word is new to it: once it has kept "Trump's" whole (before
 * a comma: "It was Trump's, not …"), it keeps it whole in every later text the process reads. The split is made here,
 * so that an article reads the same whatever was read before it.
 */
function splitPossessives(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  for (let k = tokens.length - 1; k >= 0; k -= 1) {
    const token = tokens[k];
    const fused = FUSED_POSSESSIVE.exec(token.text);
    if (!fused || (token.pos !== 'PROPN' && token.pos !== 'NOUN')) continue;
    const [, word, mark] = fused;
    // The mark as wink writes it when it splits it itself.
    const possessive = { ...token, text: mark, normal: mark, lemma: mark, pos: 'PART', stop: false, space: '', entity: undefined };
    tokens.splice(k, 1, { ...token, text: word, normal: word.toLowerCase(), lemma: word.toLowerCase() }, possessive);
  }
  return sentence;
}

const FUSED_POSSESSIVE = /^(\p{L}[\p{L}.'’-]*)(['’]s)$/u;

/**
 * wink ends a sentence between the two apostrophes of a closing mark (`comment.'` | `' But …`): the twin goes back to
 * the sentence it closes, or the quotation would stay open over the rest of the paragraph.
 */
function mendSplitPairs(sentences: Sentence[]): Sentence[] {
  sentences.forEach((sentence, k) => {
    const previous = sentences[k - 1];
    const last = previous?.tokens[previous.tokens.length - 1];
    const first = sentence.tokens[0];
    if (!last || !first || !PAIRED_MARKS.has(first.text) || first.text !== last.text || first.space !== '') return;
    previous.tokens.push(sentence.tokens.shift()!);
    previous.text += first.text;
    const rest = sentence.text.slice(first.text.length);
    sentence.start += first.text.length + (rest.length - rest.trimStart().length);
    sentence.text = rest.trimStart();
  });
  return sentences.filter((sentence) => sentence.tokens.length > 0);
}

/**
 * Whether a paragraph has double quotation marks (`QUOTE_MARKS`), or their two-apostrophe and backtick forms ('' and
 * ``, `PAIRED_MARKS`): an article that has none quotes with single marks (‘…’ or '…'), as British papers do.
 */
function hasDoubleMarks(paragraph: string): boolean {
  const marks = [...QUOTE_MARKS.open, ...QUOTE_MARKS.close, ...QUOTE_MARKS.either];
  return marks.some((mark) => paragraph.includes(mark)) || [...PAIRED_MARKS].some((mark) => paragraph.includes(mark + mark));
}

/**
 * `singles`: the article quotes with single marks, so a lone ‘ or ' before a word opens a quotation and a lone ’ or '
 * after one closes it; a lone mark after a plural before a noun ("the drivers’ union") is a possessive, not a close.
 */
function markQuotations(sentences: Sentence[], singles = false): Sentence[] {
  let open = false;
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, k) => {
      const single = singles ? singleQuoteMark(sentence.tokens, k, open) : undefined;
      if (single) {
        token.quoteMark = single;
        open = single === 'open';
        return;
      }
      const pair = pairedQuote(sentence.tokens, k);
      if (pair === 'second') {
        token.quoteMark = open ? 'open' : 'close';
        return;
      }
      const either = QUOTE_MARKS.either.has(token.text) || (pair === 'first' && token.text === "'");
      // "“It's unusual,“ said Noble": an opening mark typed for the closing one, against the words it ends.
      const mistyped = open && QUOTE_MARKS.open.has(token.text) && token.space === '' && (sentence.tokens[k + 1]?.space ?? ' ') !== '';
      if (mistyped) {
        token.quoteMark = 'close';
        open = false;
      } else if (QUOTE_MARKS.open.has(token.text) || (pair === 'first' && token.text === '`') || (either && !open)) {
        token.quoteMark = 'open';
        open = true;
      } else if (QUOTE_MARKS.close.has(token.text) || (either && open)) {
        token.quoteMark = 'close';
        open = false;
      } else {
        token.quoted = open;
      }
    });
  }
  return sentences;
}

/** A single mark at `k` as a quotation mark in an article that quotes with them (see `markQuotations`). */
function singleQuoteMark(tokens: Token[], k: number, open: boolean): 'open' | 'close' | undefined {
  const token = tokens[k];
  const next = tokens[k + 1];
  if (!open && (token.text === '‘' || token.text === "'") && (k === 0 || token.space !== '') && next !== undefined && next.space === '') return 'open';
  if (!open || (token.text !== '’' && token.text !== "'") || k === 0 || token.space !== '') return undefined;
  const possessive = /s$/.test(tokens[k - 1].normal) && next !== undefined && next.space !== '' && ['NOUN', 'ADJ', 'PROPN'].includes(next.pos);
  return possessive ? undefined : 'close';
}

/**
 * Two apostrophes or backticks written as one quotation mark (''…'' in wire and newspaper copy, ``…'' in TeX-style
 * text); wink splits them into two tokens. The first of a pair is a mark, its twin goes with it.
 */
function pairedQuote(tokens: Token[], k: number): 'first' | 'second' | undefined {
  const isPair = (a?: Token, b?: Token) => a !== undefined && b !== undefined && PAIRED_MARKS.has(a.text) && a.text === b.text && b.space === '';
  if (isPair(tokens[k - 1], tokens[k])) return 'second';
  return isPair(tokens[k], tokens[k + 1]) ? 'first' : undefined;
}

const PAIRED_MARKS = new Set(["'", '`']);

/**
 * Joins sentences wink split after an abbreviation or where no sentence can start (at a comma): a lone capital
 * ("Japan-U." | "S. security"), a title before a name ("Gov." | "Brown said"), a month before its day ("Sept." | "11"),
 * an initialism before a word that goes on with the sentence ("the U.S." | "and Japan"; in copy written in capitals,
 * "U.S." | "And Japan"), anything before a comma ("(D-Md.)" | ", chair of …") and a parenthesis before lower case. The
 * joined text is the paragraph's own, spacing and all.
 */
function mergeBrokenAbbreviations(sentences: Sentence[], paragraph: string, paragraphStart: number): Sentence[] {
  const merged: Sentence[] = [];
  const capitalsCopy = isWrittenInCapitals(paragraph);
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    if (previous && continuesAfterAbbreviation(previous, sentence, capitalsCopy)) {
      previous.text = paragraph.slice(previous.start - paragraphStart, sentence.start - paragraphStart + sentence.text.length);
      previous.tokens.push(...sentence.tokens);
    } else {
      merged.push({ ...sentence, tokens: [...sentence.tokens] });
    }
  }
  return merged;
}

/**
 * A wire dateline opening a paragraph ("WASHINGTON (AP) — ", "TOKYO (Reuters) - ", "WASHINGTON, June 24 (UPI) — ",
 * "NORVALE, June 12, 2025 (AFP) - "): a place in capitals, a region or a date (with its year or without), the agency, a
 * dash; or the agency alone ("(Bloomberg) -- "). In copy written in capitals, where any opening before a dash reads so
 * ("PILOTS WILL STRIKE - …"), only with the agency.
 */
const DATELINE = /^(?:\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,3}(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?(?: \d{1,2})?(?:, \d{4})?)?(?<agency> \([\p{L} .&-]{2,30}\))?|(?<bare>\(\p{Lu}[\p{L} .&-]{1,29}\))) ?(?:—|–|--?) /u;

/**
 * The paragraph's first sentence without its dateline: where the story was filed is not what anyone said, and its
 * words ("washington", "ap") would make every wire lede alike to the novelty.
 */
function withoutDateline(sentences: Sentence[], paragraph: string, paragraphStart: number): Sentence[] {
  const match = DATELINE.exec(paragraph);
  const dateline = match && (match.groups?.agency || match.groups?.bare || !isWrittenInCapitals(paragraph)) ? match : null;
  const first = sentences[0];
  if (!dateline || !first || first.start !== paragraphStart) return sentences;
  let covered = 0;
  let kept = 0;
  while (kept < first.tokens.length && covered + first.tokens[kept].space.length + first.tokens[kept].text.length <= dateline[0].trimEnd().length) {
    covered += first.tokens[kept].space.length + first.tokens[kept].text.length;
    kept += 1;
  }
  if (kept === 0 || kept === first.tokens.length) return sentences;
  const start = paragraphStart + dateline[0].length;
  const tokens = [{ ...first.tokens[kept], space: '' }, ...first.tokens.slice(kept + 1)];
  const text = paragraph.slice(dateline[0].length, first.start - paragraphStart + first.text.length);
  return [{ ...first, start, text, tokens }, ...sentences.slice(1)];
}

function continuesAfterAbbreviation(previous: Sentence, next: Sentence, capitalsCopy: boolean): boolean {
  if (BROKEN_ABBREVIATION.test(previous.text)) return true;
  const last = previous.tokens[previous.tokens.length - 1]?.text ?? '';
  const first = next.tokens[0];
  if (!first) return false;
  // No sentence opens with a comma: "(D-Md.)" | ", chair of the committee, said" is one sentence.
  if (first.text === ',' || first.text === ';') return true;
  // "(D-Ore.)" | "on Monday toured …": a parenthesis closed after an abbreviation, then the sentence goes on in lower case.
  if (last === ')' && /^\p{Ll}/u.test(first.text)) return true;
  if (endsQuotedQuestion(previous)) return opensWithAttribution(next);
  // wink may split the title from its full stop ("Rev" "."): the abbreviation is the two.
  const beforeStop = previous.tokens[previous.tokens.length - 2];
  const stop = previous.tokens[previous.tokens.length - 1];
  const abbreviation = last === '.' && beforeStop && stop.space === '' ? `${beforeStop.text}.` : last;
  const word = abbreviation.toLowerCase();
  // "Ph." | "D., said": a degree wink cut after its first part ("Ph.D.", "M.A.").
  if (DEGREE_START.test(abbreviation) && /^\p{Lu}\.$/u.test(first.text)) return true;
  if (TITLE_ABBREVIATIONS.has(word)) return isCapitalized(first);
  if (MONTH_ABBREVIATIONS.has(word)) return /^\d/.test(first.text);
  if (!INITIALISM.test(last)) return false;
  return /^\p{Ll}/u.test(first.text) || (capitalsCopy && (first.pos === 'CCONJ' || first.pos === 'ADP'));
}

/** The sentence ends with a question or an exclamation inside quotation marks ("… who knows?”"). */
function endsQuotedQuestion(sentence: Sentence): boolean {
  const tokens = sentence.tokens;
  // The closing mark may be two tokens: ''…?'' in newspaper copy.
  let k = tokens.length - 1;
  while (k > 0 && tokens[k].quoteMark === 'close') k -= 1;
  return k < tokens.length - 1 && (tokens[k].text === '?' || tokens[k].text === '!');
}

/**
 * Opens with the attribution of the quotation before it, so it is that quotation's sentence: "he said", "Trump told
 * …", "Mr. Smith asked", "asked Jones", "Ana Lima shouted". Lower case after a closing mark is always the same sentence.
 */
function opensWithAttribution(sentence: Sentence): boolean {
  const tokens = sentence.tokens;
  if (/^\p{Ll}/u.test(tokens[0].text)) return true;
  let k = 0;
  while (k < tokens.length && k < MAX_NAME_WORDS + 1 && (isCapitalized(tokens[k]) || TITLE_ABBREVIATIONS.has(tokens[k].text.toLowerCase()))) k += 1;
  // "Ana Lima tearfully asked": a manner adverb between the name and its verb.
  if (k > 0 && tokens[k]?.pos === 'ADV' && /ly$/.test(tokens[k].normal)) k += 1;
  return k > 0 && tokens[k] !== undefined && tokens[k].pos === 'VERB' && (REPORTING_VERBS.has(tokens[k].lemma) || QUOTE_CLOSING_VERBS.has(tokens[k].lemma));
}

/** Most words of the paragraph start with a capital: wire headlines and all-caps copy, where case tells nothing. */
function isWrittenInCapitals(paragraph: string): boolean {
  const words = paragraph.match(/\p{L}+/gu) ?? [];
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return words.length >= MIN_CAPITALS_WORDS && capitalised / words.length > CAPITALS_COPY_SHARE;
}

/** The tokens as written, with their original spacing. */
export function joinTokens(tokens: Token[]): string {
  return tokens.map((token, i) => (i === 0 ? token.text : `${token.space}${token.text}`)).join('');
}

/** An auxiliary or a verb not in -ing: what makes a clause finite. */
export function isFiniteVerb(token: Token): boolean {
  return token.pos === 'AUX' || (token.pos === 'VERB' && !token.normal.endsWith('ing'));
}

/** True for tokens that carry words (not punctuation or symbols). */
export function isWord(token: Token): boolean {
  return token.pos !== 'PUNCT' && token.pos !== 'SYM' && /[\p{L}\p{N}]/u.test(token.text);
}

/** Capitalised word, as in a name ("Motegi", "O'Neill"). */
export function isCapitalized(token: Token): boolean {
  return /^\p{Lu}[\p{L}'’.-]*$/u.test(token.text);
}

/** A comma between two capitalised words, as a body's name may list them ("Ministry of Trade, Industry and Energy"). */
export function isCommaBetweenCapitals(tokens: Token[], k: number): boolean {
  const capital = (token: Token | undefined) => token !== undefined && isWord(token) && isCapitalized(token);
  return tokens[k]?.text === ',' && capital(tokens[k - 1]) && capital(tokens[k + 1]);
}

/**
 * "the offer of fixed ratios", "Rubio's proposed credit", "his proposed wall", "generally accepted rules", "the
 * judge's written ruling": a participle between a preposition, a determiner or a possessive (and an adverb after one)
 * and its noun modifies it. After an adverb alone it is the clause's verb ("also offered ideas").
 */
export function isModifyingParticiple(tokens: Token[], k: number): boolean {
  const opens = (at: number) => tokens[at] !== undefined && (['ADP', 'ADJ'].includes(tokens[at].pos) || isDeterminer(tokens[at]) || POSSESSIVE_MARKS.has(tokens[at].text));
  const modified = opens(k - 1) || (tokens[k - 1]?.pos === 'ADV' && opens(k - 2));
  return tokens[k]?.pos === 'VERB' && isParticiple(tokens[k]) && tokens[k + 1]?.pos === 'NOUN' && modified;
}

/** "offered", "offering", and an irregular participle ("written", "taken"). */
function isParticiple(token: Token): boolean {
  return /(ed|ing)$/.test(token.normal) || isIrregularParticiple(token);
}

/** "written", "spoken", "shown": a past participle in "-en" that is not also the past tense ("wrote"; not "open"). */
export function isIrregularParticiple(token: Token): boolean {
  return /en$/.test(token.normal) && token.normal !== token.lemma;
}

/** "the", "a", "her", "their": a determiner, possessive ones included (wink tags those as pronouns). */
export function isDeterminer(token: Token): boolean {
  return token.pos === 'DET' || POSSESSIVE_DETERMINERS.has(token.normal);
}
