/**
 * Who the article has named so far, and whom a pronoun stands for among them: for the passes that tie an unnamed voice
 * to its owner ("his second ad", "her office said").
 */
import { lastAgreeing } from './gender.js';
import type { Sentence, Token } from './sentences.js';
import { matchesWords, type Person } from './speakers.js';
import { calledByOf } from './surname.js';

/** The last person (not an organisation) named before the pronoun at token `k` of sentence `s` whom it can stand for. */
export function referentOf(sentences: Sentence[], s: number, k: number, people: Person[]): Person | undefined {
  const named = namedBefore(sentences, s, k, people).map(({ person }) => person);
  return lastAgreeing(named.filter((person) => !person.organization), sentences[s].tokens[k].normal);
}

/** The people named before token `end` of sentence `s`, outside quotations, in the order the article names them. */
export function namedBefore(sentences: Sentence[], s: number, end: number, people: Person[]): { person: Person; at: number }[] {
  const named: { person: Person; at: number }[] = [];
  sentences.slice(0, s + 1).forEach(({ tokens }, index) => {
    const stop = index === s ? end : tokens.length;
    for (let i = 0; i < stop; i += 1) {
      // Names inside a quotation are what the ad or a speaker says, not who runs it.
      if (tokens[i].quoted) continue;
      const person = people.find((candidate) => namesAt(tokens, i, candidate));
      if (person) named.push({ person, at: i });
    }
  });
  return named;
}

/** Whether the person is named at token `start`, in full or by surname ("President Barack Obama", "Obama"). */
export function namesAt(tokens: Token[], start: number, person: Person): boolean {
  return matchesWords(tokens, start, person.words) || tokens[start]?.normal === calledByOf(person);
}
