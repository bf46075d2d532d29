/**
 * Whose unnamed voice a possessive pronoun names. "Her spokesman said …", "His campaign said …", "according to her
 * office": the source speaks for the person "her" or "his" stands for, the last one named before whom it can stand
 * for. A watch that follows the person follows what their office, campaign or spokesman says.
 */
import type { AttributedClause } from './attribution.js';
import { singularOf, SPEAKER_POSSESSIVES, SPOKESPERSON_NOUNS } from './lexicon.js';
import { referentOf } from './mentions.js';
import type { Sentence, Token } from './sentences.js';
import type { Person } from './speakers.js';

/** Sets `speaksFor` on each unnamed source a possessive pronoun owns in its clause's sentence. */
export function findPronounOwners(clauses: AttributedClause[], sentences: Sentence[], people: Person[]): void {
  const persons = people.filter((person) => !person.institutional);
  for (const clause of clauses) {
    const speaker = clause.speaker;
    if (!speaker?.institutional || speaker.speaksFor || !REPRESENTATIVE_NOUNS.has(headOf(speaker))) continue;
    const at = ownerPronounAt(sentences[clause.sentenceIndex].tokens, speaker);
    const owner = at === undefined ? undefined : referentOf(sentences, clause.sentenceIndex, at, persons);
    if (owner) speaker.speaksFor = owner.name;
  }
}

/** The "his" or "her" right before the speaker's label in the sentence, adjectives between ("her senior aides"). */
function ownerPronounAt(tokens: Token[], speaker: Person): number | undefined {
  for (let k = 1; k < tokens.length; k += 1) {
    if (tokens[k].quoted || tokens[k].normal !== speaker.words[0]) continue;
    let owner = k - 1;
    while (owner > 0 && tokens[owner].pos === 'ADJ') owner -= 1;
    if (SPEAKER_POSSESSIVES.has(tokens[owner].normal)) return owner;
  }
  return undefined;
}

/** The label's last word in the singular ("aides" → "aide", "spokesmen" → "spokesman"). */
const headOf = (speaker: Person) => singularOf(speaker.words.at(-1) ?? '');

/**
 * People and bodies who speak for whoever they are: "her spokesman", "his aides", "her office", "his campaign". Not
 * "her critics", "his supporters" or "her rivals", who are hers only as what they think of her.
 */
const REPRESENTATIVE_NOUNS = new Set([
  ...SPOKESPERSON_NOUNS,
  'aide',
  'adviser',
  'advisor',
  'associate',
  'strategist',
  'representative',
  'secretary',
  'lawyer',
  'attorney',
  'staff',
  'office',
  'campaign',
  'team',
  'organization',
  'organisation',
  'ministry',
  'department',
  'government',
  'administration',
  'party',
]);
