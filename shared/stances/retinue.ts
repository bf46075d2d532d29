/**
 * Whose aides speak. "Aides said Obama will make a familiar case for …", "Advisers said Clinton would …": unnamed
 * people who are someone's by what they are (aides, advisers) and tell what a person named right after the verb
 * (a title may come first) will do or holds speak for that person. A watch that follows the person follows what their
 * aides say of them.
 */
import type { AttributedClause } from './attribution.js';
import { POSSESSIVE_MARKS, singularOf } from './lexicon.js';
import { findNameStartingAt, type Person, type SpeakerRegister } from './speakers.js';
import { calledByOf } from './surname.js';

/**
 * Sets `speaksFor` on each unnamed aide or adviser whose label names whose they are ("Cruz's aides", "Sanders
 * advisers"), or, bare, whose clause opens with a person of the register.
 */
export function findRetinueOwners(clauses: AttributedClause[], register: SpeakerRegister): void {
  for (const clause of clauses) {
    const speaker = clause.speaker;
    if (!speaker?.institutional || speaker.speaksFor) continue;
    const principal = namedPrincipal(speaker, register);
    if (principal) {
      speaker.speaksFor = principal.name;
      continue;
    }
    if (!isBareRetinue(speaker)) continue;
    const words = clause.content.filter((token) => !token.quoteMark);
    const start = words[0]?.normal === 'that' ? 1 : 0;
    const named = findNameStartingAt(words, start, register);
    // "Senate aides said Reid's remark was …": the subject is the remark, not Reid.
    const owner = named !== undefined && POSSESSIVE_MARKS.has(words[named.end + 1]?.text ?? '');
    if (named && !owner && named.person !== speaker && !named.person.institutional && !named.person.organization) speaker.speaksFor = named.person.name;
  }
}

/**
 * The person of the register a retinue label names as theirs, by the surname before its closeness words: "Ted Cruz’s
 * associates", "Sanders senior advisers". Not a body ("Senate aides").
 */
function namedPrincipal(person: Person, register: SpeakerRegister): Person | undefined {
  const { words } = person;
  if (!RETINUE_NOUNS.has(singularOf(words.at(-1) ?? ''))) return undefined;
  let end = words.length - 2;
  while (end >= 0 && CLOSENESS_WORDS.has(words[end])) end -= 1;
  // Not made singular: "Sanders advisers" are Sanders's.
  const surname = words[end]?.replace(/['’]s?$/, '');
  return register.people.find((candidate) => !candidate.institutional && !candidate.organization && candidate.words.length > 1 && calledByOf(candidate) === surname);
}

/**
 * "Aides", "senior advisers", "associates": a label of nothing but a retinue noun and how close they are. "Sanders
 * advisers", "a Democratic aide" or "the former top aide" name or imply someone else's.
 */
function isBareRetinue(person: Person): boolean {
  const words = person.words.map(singularOf);
  return RETINUE_NOUNS.has(words.at(-1) ?? '') && words.slice(0, -1).every((word) => CLOSENESS_WORDS.has(word));
}

const CLOSENESS_WORDS = new Set(['senior', 'top', 'close', 'longtime']);

/** People who are someone's by what they are (sources by `SOURCE_NOUNS`; allies and backers are not sources). */
const RETINUE_NOUNS = new Set(['aide', 'adviser', 'advisor', 'associate']);
