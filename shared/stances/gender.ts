/**
 * Grammatical gender, so "she said" is not given to the man named last. English marks it in the pronoun and in the
 * honorific ("Mr.", "Ms."); a given name marks it often enough for compromise's name lexicon to know it. A person
 * whose gender neither tells is left unmarked and agrees with every pronoun.
 */
import { compromiseNlp } from './nlp-models.js';
import type { Sentence } from './sentences.js';
import type { Person } from './speakers.js';
import { calledByOf } from './surname.js';

export type Gender = 'male' | 'female';

/** Pronouns and the gender they refer to. */
const PRONOUN_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['he', 'male'],
  ['him', 'male'],
  ['his', 'male'],
  ['she', 'female'],
  ['her', 'female'],
]);

/** Honorifics and the gender they mark, lower-cased without the period. */
const HONORIFIC_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['mr', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
]);

export function pronounGender(pronoun: string): Gender | undefined {
  return PRONOUN_GENDER.get(pronoun.toLowerCase());
}

/**
 * A person's gender from an honorific written before their surname in the article ("Mr. Ryan"), else from their given
 * name; undefined for organisations, institutional sources and names that mark none.
 */
export function genderOf(person: Person, sentences: Sentence[]): Gender | undefined {
  if (person.organization || person.institutional) return undefined;
  return honorificGender(person, sentences) ?? givenNameGender(person);
}

/**
 * True unless the pronoun and the person are both marked, differently, or "he" or "she" would stand for a name that
 * reads as a body's (`readsAsBody`).
 */
export function agrees(person: Person | null | undefined, pronoun: string): boolean {
  const wanted = pronounGender(pronoun);
  if (!person || !wanted) return true;
  return person.gender ? person.gender === wanted : !readsAsBody(person);
}

/**
 * A watch's speaker named by one word that reads as no person's: the article gives it no given name, title, role or
 * pronoun's gender, and compromise knows no person by it ("Norvale", a company). "It" may stand for it; "she" may not.
 * A name the article alone gives ("Ban" of "Ban Ki-moon") is a person's whatever compromise knows.
 */
export function readsAsBody(person: Person): boolean {
  if (!person.watched || person.words.length !== 1 || person.role || person.gender || person.organization || person.institutional) return false;
  let reads = READS_AS_BODY.get(person.name);
  if (reads === undefined) READS_AS_BODY.set(person.name, (reads = !compromiseNlp()(person.name).has('#Person')));
  return reads;
}

/** `readsAsBody`'s reading of a name by compromise, which is slow to ask. */
const READS_AS_BODY = new Map<string, boolean>();

/**
 * The last of the people, in the order the article names them, whom the pronoun can stand for; one the article marks
 * with the pronoun's gender first ("Her spokesman, …" after "… by Drusia boats": a name of unmarked gender may be a
 * place or a body the register could not tell from a person).
 */
export function lastAgreeing(people: Person[], pronoun: string): Person | undefined {
  const candidates = people.filter((person) => agrees(person, pronoun));
  return candidates.findLast((person) => person.gender !== undefined) ?? candidates.at(-1);
}

/**
 * The gender a role's noun marks, for a source the article names only by it ("a spokeswoman for the authority"): one
 * person, whom the next "she" may stand for. Undefined for roles that mark none ("an official", "officials").
 */
export function roleGender(person: Person): Gender | undefined {
  if (!person.institutional) return undefined;
  return ROLE_GENDER.get(person.words[0] ?? '');
}

const ROLE_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['spokesman', 'male'],
  ['spokeswoman', 'female'],
  ['chairman', 'male'],
  ['chairwoman', 'female'],
  ['congressman', 'male'],
  ['congresswoman', 'female'],
  ['councilman', 'male'],
  ['councilwoman', 'female'],
  ['businessman', 'male'],
  ['businesswoman', 'female'],
]);

/** The gender an honorific marks ("Mr." male, "Mrs." female); undefined for any other token. */
export function honorificGenderOf(token: { normal: string } | undefined): Gender | undefined {
  return token && HONORIFIC_GENDER.get(token.normal.replace(/\.$/, ''));
}

function honorificGender(person: Person, sentences: Sentence[]): Gender | undefined {
  // The word the article names the person by alone: "Ms. Han" of Han Mei.
  const surname = calledByOf(person);
  const marked = new Set<Gender>();
  for (const { tokens } of sentences) {
    tokens.forEach((token, i) => {
      const gender = HONORIFIC_GENDER.get(token.normal.replace(/\.$/, ''));
      if (gender && surname && tokens[i + 1]?.normal === surname) marked.add(gender);
    });
  }
  // Two people of one surname ("Mr. and Mrs. Khan") leave it open.
  return marked.size === 1 ? [...marked][0] : undefined;
}

function givenNameGender(person: Person): Gender | undefined {
  const words = person.name.split(/\s+/);
  if (words.length < 2) return undefined;
  const given = compromiseNlp()(words[0]);
  if (given.has('#MaleName')) return 'male';
  if (given.has('#FemaleName')) return 'female';
  return undefined;
}
