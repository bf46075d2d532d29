/**
 * An organisation the article names in full, then by the last word of its name ("The San Francisco Chronicle says …"
 * | "The Chronicle says …"): the short name is the same speaker, so the ledger and the digest follow one voice.
 */
import type { AttributedClause } from './attribution.js';
import type { Person } from './speakers.js';

/** Gives each clause of an organisation named by one word the organisation named before in full (in place). */
export function nameOrganizationsInFull(clauses: AttributedClause[]): void {
  const named = new Map<string, Person>();
  for (const clause of clauses) {
    const speaker = clause.speaker;
    if (!speaker?.organization) continue;
    if (speaker.words.length > 1) named.set(speaker.name, speaker);
    else clause.speaker = fullNameOf(speaker, [...named.values()]) ?? speaker;
  }
}

/**
 * The one organisation named before whose name ends in the word; none when two do ("Times" of two papers), nor for
 * initials, a name of their own ("the NRA" is not "the Young NRA"). Not two names joined ("Dale and Martha" is not
 * Martha).
 */
function fullNameOf(short: Person, named: Person[]): Person | undefined {
  if (short.name === short.name.toUpperCase()) return undefined;
  const candidates = named.filter((organization) => organization.words.at(-1) === short.words[0] && !organization.words.includes('and'));
  return candidates.length === 1 ? candidates[0] : undefined;
}
