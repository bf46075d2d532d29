/**
 * A speaker label's surname, and whether two namings can be one person, in a module of its own: the ledger (which an
 * adapter loads without the NLP libraries), novelty and a watch's filter compare speakers by them.
 */
import { ORGANIZATION_HEADS } from './lexicon.js';

/**
 * A speaker label's words, lower case, as `speaksAs` compares them and the store indexes labels (`labelWords`): the two
 * must split alike, or a label indexed under one word is looked up under another. A possessive is the owner's word
 * ("association" of "association's president").
 */
export function wordsOf(label: string): string[] {
  return label
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((word) => word.replace(/['’]s$/, ''))
    .filter(Boolean);
}

/** The word a person is named by alone: the surname, or the family name written first (`Person.calledBy`). */
export const calledByOf = (person: { words: string[]; calledBy?: string }): string | undefined => person.calledBy ?? person.words.at(-1);

/** Case-insensitive surname of a speaker label ("Vladimir Putin" → "putin"). */
export function surnameOf(speaker: string): string {
  const words = speaker.trim().toLowerCase().split(/\s+/);
  return words[words.length - 1].replace(/[^\p{L}\p{N}-]/gu, '');
}

/**
 * Whether two namings (lower-case words) can be one person: one ends the other ("clinton", "wasserman schultz" of
 * "debbie wasserman schultz"), or both end in the same surname after given names of the same initial ("hillary rodham
 * clinton", "michael r. pence" for "mike pence"). "Bill Clinton" and "Hillary Clinton" are two people.
 */
export function canBeSamePerson(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.every((word, k) => longer[longer.length - shorter.length + k] === word)) return true;
  return a.at(-1) === b.at(-1) && a[0][0] === b[0][0];
}

/**
 * The word a label shortening an organisation's name is found under ("lanmere" of "Lanmere Health Group"): its
 * first, when the name holds an organisation's head noun (`ORGANIZATION_HEADS`) after it; none for a person's name.
 */
export function shortNameOf(name: string): string | undefined {
  const words = wordsOf(name);
  return words.length > 1 && words.slice(1).some((word) => ORGANIZATION_HEADS.has(word)) ? words[0] : undefined;
}

/** Whether a label is an organisation's name shortened to its first words, as stories write it: "Lanmere". */
export function shortensName(label: string, name: string): boolean {
  const words = wordsOf(label);
  const full = wordsOf(name);
  return shortNameOf(name) !== undefined && words.length < full.length && words.every((word, k) => full[k] === word);
}

/** Words an organisation's initials may leave out: "DOJ" keeps the "of" of "Department of Justice", "NSU" drops none. */
const NAME_JOINERS = new Set(['of', 'the', 'and', 'for', '&']);

/**
 * The initials a label naming an organisation by them is found under: "nsu" for "National Stevedores’ Union", "doj"
 * and "dj" for "Department of Justice". Only for a name that holds an organisation's head noun, so no person is read
 * as initials.
 */
export function acronymsOf(name: string): string[] {
  const words = wordsOf(name);
  if (words.length < 2 || !words.some((word) => ORGANIZATION_HEADS.has(word))) return [];
  const initials = (kept: string[]) => kept.map((word) => word[0]).join('');
  return [...new Set([initials(words), initials(words.filter((word) => !NAME_JOINERS.has(word)))])];
}

/**
 * The head noun an institution named "X of Y" is found under once named ("city" of "City of Holbury", "ministry" of
 * "Ministry of Fisheries"), as stories go on to call it "the city"; none for other names.
 */
export function headNounOf(name: string): string | undefined {
  const words = wordsOf(name);
  const of = words.indexOf('of');
  return of > 0 && of < words.length - 1 ? words[of - 1] : undefined;
}

/**
 * The other words a side member is found under in a speaker label, besides its surname and short name: a place's
 * adjectives, an organisation's initials, an institution's head noun. `speaksAs` matches them and the store looks
 * them up, so the two find the same labels.
 */
export function aliasesOf(member: string): string[] {
  return [...demonymsOf(member), ...acronymsOf(member), headNounOf(member) ?? []].flat();
}

/** Endings that make a place's adjective from its name: Russia-n, Korea-n, Brazil-ian, Japan-ese, Israel-i. */
const DEMONYM_ENDINGS = ['n', 'an', 'ian', 'ese', 'i'];

/**
 * The words a label naming a place's body is found under when the side names the place itself: "ambrian" for
 * "Ambria" ("the Ambrian ministry said"). Only for a side member of one word, a place or a body.
 */
export function demonymsOf(name: string): string[] {
  const words = wordsOf(name);
  return words.length === 1 ? DEMONYM_ENDINGS.map((ending) => words[0] + ending) : [];
}
