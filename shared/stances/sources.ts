/**
 * Speakers that are not named people: organisations named by a proper noun ("Breitbart News reported", "the Kremlin
 * said") and unnamed or institutional sources named by their role ("officials said", "a spokesman for the trade
 * ministry told reporters"). Each becomes a speaker label the ledger and the timeline can follow
 * ("spokesman, trade ministry").
 */
import {
  GENERIC_PERSON_NOUNS,
  ORGANIZATION_HEADS,
  PERSON_DESCRIPTION_HEADS,
  PLATFORM_USERS,
  POSSESSIVE_DETERMINERS,
  POSSESSIVE_MARKS,
  POSTMODIFYING_ADJECTIVES,
  ROLE_WORDS,
  SOURCE_NOUNS,
  isTitleNoun,
  UNSPEAKING_HEADS,
} from './lexicon.js';
import { compromiseNlp } from './nlp-models.js';
import { MAX_NAME_WORDS } from './patterns.js';
import { isCapitalized, isCommaBetweenCapitals, isWord, type Token } from './sentences.js';
import { isTitle, PLACE_TITLES, type Person } from './speakers.js';

/** Pronouns of anyone or anything ("Everything", "Nobody"), which wink may tag a proper noun at a sentence's start. */
const INDEFINITE_PRONOUNS = new Set(['everything', 'everyone', 'everybody', 'nothing', 'nobody', 'something', 'someone', 'somebody', 'anything', 'anyone', 'anybody']);

/**
 * Prepositions that tie a role to its institution ("spokesman for the ministry", "officials at the embassy", "a user on
 * Weibo").
 */
const LINKING_PREPOSITIONS = new Set(['for', 'of', 'at', 'from', 'with', 'in', 'on']);

/** Determiners and quantifiers left out of a label ("a spokesman" → "spokesman", "two officials" → "officials"). */
const LEFT_OUT = new Set(['DET', 'NUM', 'PRON']);

/**
 * Quantifiers left out too, whatever wink tags them: capitalised at the start of a sentence they read as proper nouns
 * ("Several Democratic senators" is not a body called "Several Democratic").
 */
const QUANTIFIERS = new Set(['several', 'some', 'many', 'most', 'all', 'both', 'few', 'other', 'various', 'numerous']);

const isLeftOut = (token: Token) => LEFT_OUT.has(token.pos) || QUANTIFIERS.has(token.normal);

/** Where the noun the preposition at `linking` follows is, past a body they are "of" ("members of Congress from …"). */
function peopleHeadBefore(tokens: Token[], linking: number): number {
  let k = linking - 1;
  while (k > 0 && tokens[k].pos === 'PROPN') k -= 1;
  return k < linking - 1 && tokens[k]?.normal === 'of' ? k - 1 : linking - 1;
}

/**
 * The speaker a noun phrase ending at `end` (and starting at `start`) stands for, when it names a source: a proper-noun
 * organisation, or a role noun from `SOURCE_NOUNS`, with the institution it is "of" or "for" when one follows.
 * Undefined for other subjects ("the report", "the move"), which name no one.
 */
export function sourceSpeaker(tokens: Token[], start: number, end: number): { person: Person; start: number } | undefined {
  const phrase = tokens.slice(start, end + 1);
  const head = tokens[end];
  const held = roleThroughBody(tokens, start);
  if (held) return held;
  const envoy = envoyTo(tokens, start, phrase);
  if (envoy) return envoy;
  // "the president of their association": an owner's determiner may stand between the preposition and the body.
  const linking = POSSESSIVE_DETERMINERS.has(tokens[start - 1]?.normal ?? '') ? start - 2 : start - 1;
  // "on" ties a role to a platform or a body by its name ("a user on Weibo"), not to a place ("leaders on the ground").
  const linked = tokens[linking] && LINKING_PREPOSITIONS.has(tokens[linking].normal) && (tokens[linking].normal !== 'on' || isCapitalized(head));
  if (linked) {
    const holder = roleBefore(tokens, linking - 1);
    // "lawmakers in both parties", "voters in six states": bodies counted are no body to speak for ("a group of rabbis"
    // and "supporters of abortion rights" keep theirs).
    const counted = isPluralNoun(head) && phrase.some((token) => token.pos === 'NUM' || QUANTIFIERS.has(token.normal));
    if (holder) return { person: label(counted ? [holder.role] : [holder.role, phrase], 'institution'), start: holder.start };
    // "Dairy farmers in Belora's northern provinces", "Many in Halden": a place where people of no role live is not the
    // speaker.
    const before = tokens[peopleHeadBefore(tokens, linking)];
    const people = before && ((before.pos === 'NOUN' && isPluralNoun(before)) || (QUANTIFIERS.has(before.normal) && isCapitalized(head)));
    // "his comrades on the Standing Committee": people on a body who hold no role there are not the body, nor people
    // from a place ("council members from Halden") the place.
    if (['in', 'on', 'from'].includes(tokens[linking].normal) && people) return undefined;
  }
  // "two people familiar with the talks": people of no role are a source by what the adjective after them says they know.
  if (GENERIC_PERSON_NOUNS.has(head.lemma)) {
    const known = knowingPhrase(tokens, end + 1);
    return known && { person: label([[...phrase, ...known]], 'institution'), start };
  }
  // "Users rightly expect …": a platform's users with nothing that says which are everyone who uses it, the writer's
  // generalisation ("one user wrote", "Twitter users", "a user on Weibo" are sources).
  if (PLATFORM_USERS.has(head.lemma) && phrase.length === 1 && isPluralNoun(head)) return undefined;
  if (isSourceNoun(head)) {
    // "a source familiar with the FDIC's investigation": what the source knows tells one anonymous source from another.
    const described = [...phrase, ...(knowingPhrase(tokens, end + 1) ?? [])];
    const owner = capitalizedOwnerBefore(tokens, start);
    return owner ? { person: label([[...owner, ...described]], 'institution'), start: start - owner.length } : { person: label([described], 'institution'), start };
  }
  // "Velby shares closed up 18%, suggesting …": what trades or is counted says nothing; the market is no speaker.
  if (UNSPEAKING_HEADS.has(head.normal)) return undefined;
  // "Halden’s chief medical examiner concluded …": a person a body has, by what they do, speaks, not the body.
  if (isOwnedPerson(phrase, head)) return { person: label([phrase], 'institution'), start };
  // "the government's offer calls for …", "the committee's counterproposal seeks …": a body's own proposal speaks for
  // it, as "Norvale's offer" does for Norvale.
  const owner = bodyOwning(phrase, head);
  if (owner) return { person: label([[owner]], 'organization'), start };
  const proper = properRun(phrase);
  // "Everything is on the table": a pronoun that opens a sentence is capitalised, and names no body.
  if (proper.length === 1 && INDEFINITE_PRONOUNS.has(proper[0].normal)) return undefined;
  // "Japanese fishermen", "Ambrian farmers": a people's adjective before a common noun names a group, not a body.
  if (proper.length === 1 && proper[0] !== head && DEMONYM_ENDING.test(proper[0].text)) return undefined;
  // "the Saturday debate", "Thursday’s meeting", "on Super Tuesday": capitals that date something name no body.
  if (proper.length === 0 || !proper.some((token) => token.pos === 'PROPN') || proper.some((token) => token.entity === 'DATE')) return undefined;
  // "GOP strategists", "Labour councillors": people of a kind the capitals qualify, not the party or body itself; "The
  // Wikileaks founder": a person's role at the body the capitals name, not the body.
  const kind = isPluralNoun(head) && proper[proper.length - 1] !== head;
  const role = ROLE_WORDS.has(head.normal) && head.pos === 'NOUN' && !isCapitalized(head);
  if (kind || role) return { person: label([[...proper, head]], 'institution'), start };
  // "Councillor Ivo Pelt took to Twitter to say …": a title before capitalised words names a person the name finder
  // did not know, not a body called "Councillor Ivo Pelt".
  const name = proper.slice(1);
  if (isTitle(proper[0].text) && name.length >= 2 && name.length <= MAX_NAME_WORDS && name.every((token) => token.pos === 'PROPN' && !isTitle(token.text))) {
    return { person: { name: name.map((token) => token.text).join(' '), words: name.map((token) => token.normal) }, start };
  }
  return { person: label([withoutDescription(proper)], 'organization'), start };
}

/**
 * "Dow component Home Depot", "Power company Brevolt Energy": a common noun before the name says what the body is,
 * and the name is the capitals after it.
 */
function withoutDescription(proper: Token[]): Token[] {
  const described = proper.findLastIndex((token) => token.pos === 'NOUN' && !isCapitalized(token));
  return described === -1 ? proper : proper.slice(described + 1);
}

/**
 * A phrase that names a person by what they do (a noun compromise tags an actor: examiner, inspector, deputy) after
 * a capitalised owner's possessive mark.
 */
function isOwnedPerson(phrase: Token[], head: Token): boolean {
  const mark = phrase.findIndex((token) => POSSESSIVE_MARKS.has(token.text));
  const owned = mark > 0 && isCapitalized(phrase[mark - 1]) && head.pos === 'NOUN' && !isCapitalized(head);
  return owned && compromiseNlp()(head.normal).has('#Actor');
}

/** The body a proposal phrase's possessive names by its head noun ("the government's | latest offer"), if any. */
function bodyOwning(phrase: Token[], head: Token): Token | undefined {
  if (!PROPOSAL_NOUNS.has(head.lemma)) return undefined;
  const mark = phrase.findIndex((token) => POSSESSIVE_MARKS.has(token.text));
  const owner = phrase[mark - 1];
  const body = owner !== undefined && owner.pos === 'NOUN' && !isCapitalized(owner) && ORGANIZATION_HEADS.has(owner.lemma);
  return body && phrase.slice(mark + 1, -1).every((token) => token.pos === 'ADJ') ? owner : undefined;
}

/** What a body proposes, which says what the body wants. */
const PROPOSAL_NOUNS = new Set(['offer', 'proposal', 'counterproposal', 'counteroffer', 'plan', 'bid']);

/**
 * "the head of the union in Ohio", "a spokesman for the union at the talks", "officials at the embassy in Tokyo", "the
 * deputy head of China’s delegation to the forum": a role and its body, then where or to what the body is (the noun
 * phrase starting at `start`); the role speaks for the body, not for the place.
 */
function roleThroughBody(tokens: Token[], start: number): { person: Person; start: number } | undefined {
  if (!CIRCUMSTANCE_PREPOSITIONS.has(tokens[start - 1]?.normal ?? '')) return undefined;
  const bodyEnd = start - 2;
  let bodyStart = bodyEnd + 1;
  while (bodyStart > 0 && isKnownPart(tokens, bodyStart - 1)) bodyStart -= 1;
  // A body is one: "a group of 32 experts at the Aspen Institute" are people, and the institute is where they are from.
  if (bodyStart > bodyEnd || isPluralNoun(tokens[bodyEnd]) || !HOLDING_PREPOSITIONS.has(tokens[bodyStart - 1]?.normal ?? '')) return undefined;
  const holder = roleBefore(tokens, bodyStart - 2);
  return holder && { person: label([holder.role, tokens.slice(bodyStart, bodyEnd + 1)], 'institution'), start: holder.start };
}

/**
 * "Norvale's ambassador to Halden accused …": an envoy speaks for who sent them, never for the place they are sent
 * to (the phrase starting at `start`), so the speaker is the whole title with its owner when it has one.
 */
function envoyTo(tokens: Token[], start: number, phrase: Token[]): { person: Person; start: number } | undefined {
  if (tokens[start - 1]?.normal !== 'to' || !PLACE_TITLES.has(tokens[start - 2]?.normal ?? '')) return undefined;
  const holder = roleBefore(tokens, start - 2);
  if (!holder) return undefined;
  // "Norvale's ambassador", "the US ambassador": who sent them, by a possessive or by a name before the title.
  let first = holder.start;
  while (first > 0 && tokens[first - 1].pos === 'PROPN' && isCapitalized(tokens[first - 1])) first -= 1;
  const owner = capitalizedOwnerBefore(tokens, holder.start) ?? tokens.slice(first, holder.start);
  return { person: label([[...owner, ...holder.role, tokens[start - 1], ...phrase]], 'institution'), start: holder.start - owner.length };
}

/** Prepositions that tie a role to its body ("head of", "spokesman for", "officials at"), and not to a place. */
const HOLDING_PREPOSITIONS = new Set(['for', 'of', 'at', 'from', 'with']);

/** Prepositions of where a body is or what it is at: "the union in Ohio", "the delegation to the forum". */
const CIRCUMSTANCE_PREPOSITIONS = new Set(['in', 'at', 'to', 'on']);

/**
 * "familiar with the talks", "close to the president", "with direct knowledge of the matter", "briefed on the plan":
 * the adjective, participle or knowledge, its preposition and the noun phrase after it.
 */
function knowingPhrase(tokens: Token[], from: number): Token[] | undefined {
  const preposition = knowingPrepositionAt(tokens, from);
  if (preposition === undefined || tokens[preposition]?.pos !== 'ADP') return undefined;
  const start = preposition + 1;
  // "close to her": a pronoun is all of it (not "close to her campaign", "familiar with her thinking").
  if (OBJECT_PRONOUNS.has(tokens[start]?.normal ?? '') && !(tokens[start + 1] && isKnownPart(tokens, start + 1))) return tokens.slice(from, start + 1);
  let end = start;
  // "briefed on the talks this week": a date says when, not what.
  while (end < tokens.length && end - start < MAX_KNOWN_TOKENS && isKnownPart(tokens, end) && tokens[end].entity !== 'DATE') end += 1;
  return end > start ? tokens.slice(from, end) : undefined;
}

/** Where the preposition of a knowing phrase at `from` is: after its adjective, its participle or "with … knowledge". */
function knowingPrepositionAt(tokens: Token[], from: number): number | undefined {
  const word = tokens[from]?.normal ?? '';
  if (POSTMODIFYING_ADJECTIVES.has(word)) return from + 1;
  if (word !== 'with') return undefined;
  let k = from + 1;
  while (tokens[k]?.pos === 'ADJ') k += 1;
  return tokens[k]?.normal === 'knowledge' ? k + 1 : undefined;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it']);

/** The pronoun a preposition ends a label's part with ("people close to her"), which `label` keeps. */
const isPrepositionsPronoun = (part: Token[], k: number) => k === part.length - 1 && OBJECT_PRONOUNS.has(part[k].normal) && part[k - 1]?.pos === 'ADP';

/** The longest noun phrase of what a source knows ("the administration's thinking on the deal"). */
const MAX_KNOWN_TOKENS = 6;

/** A word of the noun phrase: "her thinking", "Cruz’s thinking" (an -ing word an owner has is a noun). */
function isKnownPart(tokens: Token[], k: number): boolean {
  const token = tokens[k];
  const owned = POSSESSIVE_MARKS.has(tokens[k - 1]?.text ?? '') || POSSESSIVE_DETERMINERS.has(tokens[k - 1]?.normal ?? '');
  return ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(token.pos) || POSSESSIVE_MARKS.has(token.text) || POSSESSIVE_DETERMINERS.has(token.normal) || (owned && token.normal.endsWith('ing'));
}

export const isPluralNoun = (token: Token) => token.pos === 'NOUN' && token.normal !== token.lemma && token.normal.endsWith('s');

/** How a people's adjective most often ends: Japan-ese, Halvor-ian, Brit-ish (not an acronym: "FBI"). */
const DEMONYM_ENDING = /[a-z](ese|ian|ish)$/;

/**
 * A role or institution noun, or a title ("the minister" whom the article does not name), or a description of people
 * in the plural ("Republican senators", "the candidates": a group, where "the senator" is one person already named).
 */
export const isSourceNoun = (token: Token) =>
  SOURCE_NOUNS.has(token.lemma) || isTitleNoun(token.lemma) || PERSON_DESCRIPTION_HEADS.has(token.normal) || isPluralDescription(token);

const isPluralDescription = (token: Token) => token.normal !== token.lemma && PERSON_DESCRIPTION_HEADS.has(token.lemma);

/** "Sanders’ aides", "the ministry's spokesman": the owner's capitalised words and the possessive mark before `start`. */
export function capitalizedOwnerBefore(tokens: Token[], start: number): Token[] | undefined {
  const mark = tokens[start - 1];
  if (!mark || !POSSESSIVE_MARKS.has(mark.text)) return undefined;
  let first = start - 1;
  while (first > 0 && isWord(tokens[first - 1]) && isCapitalized(tokens[first - 1])) first -= 1;
  return first < start - 1 ? tokens.slice(first, start) : undefined;
}

/** A role noun phrase ending at `end` ("a spokesman", "senior officials", "the mayor"), for "X for Y", "X of Y". */
function roleBefore(tokens: Token[], end: number): { role: Token[]; start: number } | undefined {
  // A role word too: "the mayor of Tokyo", "the head of the union" hold a role, not a name.
  if (end < 0 || !(isSourceNoun(tokens[end]) || ROLE_WORDS.has(tokens[end].normal))) return undefined;
  let start = end;
  while (start > 0 && ['ADJ', 'NOUN', 'DET', 'NUM'].includes(tokens[start - 1].pos)) start -= 1;
  return { role: tokens.slice(start, end + 1), start };
}

/** The capitalised words of a phrase, from its first to its last ("The New York Times" → "New York Times"). */
function properRun(phrase: Token[]): Token[] {
  const first = phrase.findIndex((token) => isWord(token) && isCapitalized(token) && token.pos !== 'DET' && !QUANTIFIERS.has(token.normal));
  if (first === -1) return [];
  let last = phrase.length - 1;
  while (last > first && !(isWord(phrase[last]) && isCapitalized(phrase[last]))) last -= 1;
  return phrase.slice(first, last + 1);
}

/** A phrase without the ages in it: "The 57-year-old scientist" is a scientist ("year-old scientist" otherwise). */
function withoutAges(part: Token[]): Token[] {
  const age = (k: number) => part[k].pos === 'NUM' && part[k + 1]?.text === '-' && AGE_UNITS.test(part[k + 2]?.normal ?? '') && part[k + 3]?.text === '-' && part[k + 4]?.normal === 'old';
  const starts = part.map((_, k) => k).filter(age);
  return part.filter((_, k) => !starts.some((start) => k >= start && k <= start + AGE_TOKENS - 1));
}

const AGE_UNITS = /^(year|month|week|day)s?$/;
/** "57", "-", "year", "-", "old". */
const AGE_TOKENS = 5;

/** A hyphen written between two words, with no space on either side. */
function joinsWords(tokens: Token[], k: number): boolean {
  const kept = (token: Token | undefined) => token !== undefined && isWord(token) && !isLeftOut(token);
  return tokens[k].text === '-' && tokens[k].space === '' && tokens[k + 1]?.space === '' && kept(tokens[k - 1]) && kept(tokens[k + 1]);
}

/** "Brevolt & Halden": an ampersand between capitalised words is a word of the name. */
const isAmpersandInName = (tokens: Token[], k: number) => tokens[k].text === '&' && k > 0 && k < tokens.length - 1 && isCapitalized(tokens[k - 1]) && isCapitalized(tokens[k + 1]);

/** "spokesman, trade ministry": each part as written, determiners left out, parts joined by a comma. */
function label(parts: Token[][], kind: 'institution' | 'organization'): Person {
  const texts = parts.map(withoutAges).map((part) =>
    part
      // A pronoun a preposition takes stays: "people close to her".
      .filter((token, k) => (isWord(token) && !isLeftOut(token)) || POSSESSIVE_MARKS.has(token.text) || joinsWords(part, k) || isPrepositionsPronoun(part, k) || isCommaBetweenCapitals(part, k) || isAmpersandInName(part, k))
      // A hyphen and the word after it keep to the word before ("Wealth-X", "KING-TV"); so does a comma that lists
      // words of a name ("Ministry of Trade, Industry and Energy").
      .map((token, k, kept) => (POSSESSIVE_MARKS.has(token.text) || token.text === '-' || token.text === ',' || kept[k - 1]?.text === '-' ? token.text : ` ${token.text}`))
      .join('')
      .trim(),
  );
  const name = texts.filter(Boolean).join(', ');
  const words = name.toLowerCase().split(/[\s,]+/).filter(Boolean);
  const candidate = candidateOf(parts[parts.length - 1]);
  const speaksFor = candidate ? { speaksFor: candidate } : {};
  return kind === 'institution' ? { name, words, institutional: true, ...speaksFor } : { name, words, organization: true, ...speaksFor };
}

/**
 * "the Trump campaign", "Clinton's campaign", "Trump's legal team": a campaign or a team speaks for the candidate it
 * bears the name of, as their spokesperson does (a watch on the candidate follows it, and judges it with the
 * candidate's statements).
 */
function candidateOf(part: Token[]): string | undefined {
  const head = part.findLastIndex((token) => isWord(token));
  // Capitalised, the noun ends a body's own name ("the Human Rights Campaign").
  if (head < 1 || !CAMPAIGN_NOUNS.has(part[head].lemma) || isCapitalized(part[head])) return undefined;
  // The owner's name ends at the possessive mark ("Mrs. Clinton's presidential campaign") or right before the noun.
  const mark = part.slice(0, head).findLastIndex((token) => POSSESSIVE_MARKS.has(token.text));
  if (mark === -1 && part.slice(0, head).some((token) => isWord(token) && !isCapitalized(token) && !isLeftOut(token))) return undefined;
  let start = (mark === -1 ? head : mark) - 1;
  while (start >= 0 && isWord(part[start]) && isCapitalized(part[start]) && !isLeftOut(part[start]) && !isTitleWord(part[start])) start -= 1;
  const name = part.slice(start + 1, mark === -1 ? head : mark);
  return name.length > 0 && name.length <= MAX_NAME_WORDS ? name.map((token) => token.text).join(' ') : undefined;
}

/** A title before a name ("Sen.", "Mrs.", "Governor"), or a dateline in capitals ("PHILADELPHIA"): no part of it. */
const isTitleWord = (token: Token) => isTitle(token.text) || /\.$/.test(token.text) || (token.text.length > 1 && token.text === token.text.toUpperCase());

const CAMPAIGN_NOUNS = new Set(['campaign', 'team']);
