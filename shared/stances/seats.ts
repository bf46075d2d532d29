/**
 * Whose voice a seat of government is. "The White House said", "White House officials say", "a Kremlin spokesman",
 * "White House press secretary Josh Earnest": the office speaks for the head who sits in it, the president or prime
 * minister the article names ("President Barack Obama", "Russian President Vladimir Putin"). A watch that follows the
 * head follows what the office says for them, and judges it with the head's own statements.
 */
import type { AttributedClause } from './attribution.js';
import { SEATS_OF_GOVERNMENT, type SeatOfGovernment } from './lexicon.js';
import { isCapitalized, type Sentence } from './sentences.js';
import { namesAt } from './mentions.js';
import type { Person } from './speakers.js';

/**
 * Sets `speaksFor` on each clause speaker that is a seat of government, or speaks for one, to the head the article names
 * by the seat's title before the name ("President Barack Obama"; not "Morton Klein, president of a lobby").
 */
export function findSeatHolders(clauses: AttributedClause[], sentences: Sentence[], people: Person[]): void {
  const speakers = new Set(clauses.map((clause) => clause.speaker).filter((speaker): speaker is Person => speaker !== null));
  for (const speaker of speakers) {
    const label = ` ${(speaker.speaksFor ?? speaker.name).toLowerCase()} `;
    const seat = SEATS_OF_GOVERNMENT.find((candidate) => label.includes(` ${candidate.name} `));
    const heads = seat ? people.filter((person) => person !== speaker && !person.institutional && !person.organization && holds(person.role, seat) && isTitled(person, seat, sentences)) : [];
    // Two heads ("President Obama" and "President Bill Clinton", before him) leave it open.
    if (heads.length === 1) speaker.speaksFor = heads[0].name;
  }
}

/** "President", "U.S. President", "Russian President": the seat's title, with none but the seat's own qualifiers. */
function holds(role: string | undefined, seat: SeatOfGovernment): boolean {
  const words = (role ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const title = seat.title.split(' ');
  const qualifiers = words.slice(0, words.length - title.length);
  return words.slice(-title.length).join(' ') === seat.title && qualifiers.every((word) => seat.qualifiers.includes(word));
}

/** Whether the article names the person with the seat's title right before the name ("President Barack Obama", "President Obama"). */
function isTitled(person: Person, seat: SeatOfGovernment, sentences: Sentence[]): boolean {
  const title = seat.title.split(' ');
  return sentences.some(({ tokens }) =>
    tokens.some((token, k) => isCapitalized(token) && title.every((word, at) => tokens[k + at]?.normal === word) && namesAt(tokens, k + title.length, person)),
  );
}
