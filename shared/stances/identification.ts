/**
 * Delayed identification, the wire lede's habit: "The governor of Corvel said on Monday …", and only in the next
 * sentence "… Gov. Sanne Orlo told reporters". The role in the lede is the person the next sentences name with
 * that title, so the lede and the quote behind it are one speaker's.
 */
import type { Subject } from './anchors.js';
import { PERSON_DESCRIPTION_HEADS, POSSESSIVE_MARKS, POSTMODIFYING_ADJECTIVES, ROLE_WORDS } from './lexicon.js';
import { endsInsideQuote } from './quotes.js';
import type { Sentence } from './sentences.js';
import { namesIn, roleWordsOf, type Person, type SpeakerRegister } from './speakers.js';

/** Sentences after the role's that may name its holder; further on, a title names someone else as often. */
export const IDENTIFICATION_LOOKAHEAD = 2;

/** Titles one person holds ("the governor of Corvel", "Wenlow's mayor"); "a spokesman" or "officials" are many. */
const PERSON_TITLES = new Set([...PERSON_DESCRIPTION_HEADS, 'president', 'premier', 'minister', 'chancellor', 'chairman', 'chairwoman', 'ambassador']);

/**
 * The person named in the next `IDENTIFICATION_LOOKAHEAD` sentences under the title of a role subject ("governor,
 * Corvel"), when their title says nothing of another place or body ("Wenlow Gov. Bram Tesson" is not Corvel's).
 */
export function identifiedLater(subject: Subject, sentences: Sentence[], index: number, register: SpeakerRegister): Person | undefined {
  // "The head of their union said" is a source; "The head of the union said", an office with its label as fallback (not
  // a description of someone named before: "the former Florida governor").
  const office = subject.type === 'title' && !subject.describesPerson ? subject.fallback : undefined;
  const source = subject.type === 'source' ? subject.person : office;
  if (!source?.institutional) return undefined;
  // "a person familiar with the governor's thinking" is not the governor: what a source knows names no title of its own.
  const knows = source.words.findIndex((word) => POSTMODIFYING_ADJECTIVES.has(word));
  const words = (knows === -1 ? source.words : source.words.slice(0, knows)).map(withoutPossessive);
  const title = words.find((word) => PERSON_TITLES.has(word) || LEADER_TITLES.has(word));
  if (!title) return undefined;
  const holds = (person: Person, sentence: Sentence) => {
    const role = roleWordsOf(person);
    const fits = role.every((word) => ROLE_WORDS.has(word.replace(/\.$/, '')) || words.includes(word));
    return fits && (role.includes(title) || leadsSameBody(role, title, words, sentence));
  };
  for (let k = index + 1; k < sentences.length && k <= index + IDENTIFICATION_LOOKAHEAD; k += 1) {
    const holder = peopleNamedIn(sentences[k], register).find((person) => holds(person, sentences[k]));
    if (holder) return holder;
  }
  return undefined;
}

/**
 * A body's leader goes by any of its leader titles: "the head of their union" is "Maria Lopez, president of the
 * union", when the sentence that names her names the body too ("President Obama" is not "the Senate Democratic leader").
 */
function leadsSameBody(role: string[], title: string, words: string[], sentence: Sentence): boolean {
  if (!LEADER_TITLES.has(title) || !role.some((word) => LEADER_TITLES.has(word))) return false;
  const body = words.filter((word) => !LEADER_TITLES.has(word) && !ROLE_WORDS.has(word));
  const named = new Set(sentence.tokens.map((token) => withoutPossessive(token.normal)));
  return body.length > 0 && body.every((word) => named.has(word));
}

/**
 * A lede's role owned by the body it is about ("…, its chief executive said", "its leader said"), and the one person
 * the next sentence names (after a quotation's opening sentence: where it closes), without the title: "“…,” Rolf
 * Mattner told a news conference." The wire names the holder right after the lede; the title is often left for
 * later, or given in other words ("general secretary").
 */
export function namedNext(subject: Subject, sentences: Sentence[], index: number, register: SpeakerRegister): Person | undefined {
  if (subject.type !== 'source' || !subject.person.institutional || !subject.owned) return undefined;
  // The title heads the phrase: "Marco Rubio’s campaign" is a body, though a candidate's.
  if (!ONE_HOLDER_TITLES.has(withoutPossessive(subject.person.words.at(-1) ?? ''))) return undefined;
  // A quotation's opening sentence names no one: "“We have been patient. …,” Hugo Fennick told reporters" names him
  // where it closes.
  let next = index + 1;
  const opensQuotation = (sentence?: Sentence) => !!sentence && sentence.tokens[0]?.quoteMark === 'open' && endsInsideQuote(sentence);
  while (next < index + IDENTIFICATION_LOOKAHEAD && opensQuotation(sentences[next])) next += 1;
  const named = sentences[next] ? peopleNamedIn(sentences[next], register) : [];
  return new Set(named).size === 1 ? named[0] : undefined;
}

/** Titles of whoever leads a body, one for another in the same story. */
const LEADER_TITLES = new Set(['head', 'leader', 'chief', 'president', 'chairman', 'chairwoman', 'chair']);

/** Titles one person holds in a body ("its chief executive", "the union's leader"). */
const ONE_HOLDER_TITLES = new Set([...PERSON_TITLES, 'executive', 'leader', 'secretary', 'head', 'director']);

function withoutPossessive(word: string): string {
  const mark = [...POSSESSIVE_MARKS].find((possessive) => word.endsWith(possessive));
  return mark ? word.slice(0, -mark.length) : word;
}

function peopleNamedIn(sentence: Sentence, register: SpeakerRegister): Person[] {
  return [...namesIn(sentence.tokens, register)].map((named) => named.person).filter((person) => !person.organization && !person.institutional);
}
