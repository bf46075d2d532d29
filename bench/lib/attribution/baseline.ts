/**
 * The naive baseline the bench reports for scale: every sentence with a reporting verb is a statement, said by the
 * last capitalised name before the verb.
 */
import type { ScoredStatement } from './score.js';

const REPORTING_VERB = /\b(said|says|told|tells|added|adds|stated|states|announced|declared|argued|insisted|warned|wrote|tweeted|explained|noted|claimed|according to)\b/;
const SENTENCE = /[^.!?]+(?:[.!?]+["”’)]*|$)/g;
const CAPITALISED_RUN = /\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu;
const NOT_NAMES = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'On', 'This', 'That']);

/** Baseline statements of one article's paragraphs (offsets into the article text). */
export function baselineStatements(paragraphs: Array<{ text: string; start: number }>): ScoredStatement[] {
  const statements: ScoredStatement[] = [];
  for (const paragraph of paragraphs) {
    for (const match of paragraph.text.matchAll(SENTENCE)) {
      const sentence = match[0];
      const verb = REPORTING_VERB.exec(sentence);
      if (!verb) continue;
      const names = [...sentence.slice(0, verb.index).matchAll(CAPITALISED_RUN)].map((run) => run[0]).filter((run) => !NOT_NAMES.has(run));
      const start = paragraph.start + (match.index ?? 0);
      statements.push({ speaker: names[names.length - 1] ?? null, start, end: start + sentence.length });
    }
  }
  return statements;
}
