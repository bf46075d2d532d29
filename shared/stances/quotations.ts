/**
 * One quotation, one statement. A speaker quoted over several sentences ("“We’re going to have to do things we never
 * did before. And so we’re going to have to do certain things that were frankly unthinkable,” he said.") makes one
 * point: read sentence by sentence, its filler ("Just the opposite.") would each be reported as a stance of its own,
 * and the sentence that holds the condition would be shown cut off from the rest of the quote.
 */
import { KIND_ORDER, MAX_SENTENCE_CHARS, NEGATION_TOKEN } from './patterns.js';
import { endsInsideQuote, startsInsideQuote } from './quotes.js';
import { isWord, type Sentence } from './sentences.js';
import type { Statement } from './types.js';

/** A statement with the sentence it was read from. */
export interface SentenceStatement {
  statement: Statement;
  sentenceIndex: number;
  /** True when the statement is its sentence's only one (shown as the whole sentence). */
  wholeSentence: boolean;
}

/**
 * Merges the statements of one speaker inside one quotation running over consecutive sentences of a paragraph into a
 * single statement: the quotation as written, of the strongest kind among its sentences (`KIND_ORDER`), with the
 * union of their claims. A change of speaker, a sentence of several clauses after its first (see `opensSentence`), or
 * a quotation longer than `MAX_SENTENCE_CHARS` ends the merge. A statement in a quotation is shown to the quotation's
 * end (`quoteEnd`).
 */
export function mergeQuotations(found: SentenceStatement[], sentences: Sentence[], articleText: string): Statement[] {
  const quotation = quotationOfSentence(sentences);
  const merged: { members: Statement[]; quotation: number; last: number }[] = [];
  for (const item of found) {
    const last = merged[merged.length - 1];
    // A sentence of several statements goes on with the quotation only in its first, the quoted words it opens with
    // ("We won the room,” he said, before adding that …").
    const opensSentence = item.wholeSentence || item.statement.start === sentences[item.sentenceIndex]?.start;
    const run = opensSentence ? quotation[item.sentenceIndex] : undefined;
    if (last && run !== undefined && last.quotation === run && joins(last.members, item.statement)) {
      last.members.push(item.statement);
      last.last = item.sentenceIndex;
    } else merged.push({ members: [item.statement], quotation: run ?? -1, last: item.sentenceIndex });
  }
  const stated = new Set(found.map((item) => item.sentenceIndex));
  return merged.map(({ members, quotation: run, last }) => {
    const statement = members.length === 1 ? members[0] : oneStatement(members, articleText);
    return run === -1 ? statement : toQuotationEnd(statement, quoteEnd(quotation, run, last, stated, sentences), articleText);
  });
}

/**
 * The last sentence of the quotation `run` after sentence `last` that states nothing itself ("“The resolution stands.
 * May 31 is May 31,” he says.": its second sentence takes no stance, but it is the quotation's end and its attribution).
 */
function quoteEnd(quotation: (number | undefined)[], run: number, last: number, stated: Set<number>, sentences: Sentence[]): Sentence | undefined {
  let end = last;
  while (quotation[end + 1] === run && !stated.has(end + 1)) end += 1;
  return end === last ? undefined : sentences[end];
}

/** The statement's text run on to the end of `sentence`, within the quotation's length limit. */
function toQuotationEnd(statement: Statement, sentence: Sentence | undefined, articleText: string): Statement {
  if (!sentence || statement.start === undefined) return statement;
  const end = sentence.start + sentence.text.length;
  if (end - statement.start > MAX_SENTENCE_CHARS) return statement;
  return { ...statement, text: articleText.slice(statement.start, end), end };
}

/**
 * For each sentence, the index of the first sentence of the quotation it belongs to, when a quotation runs on from
 * or into a neighbouring sentence of the same paragraph, or resumes after the sentence that attributes it; undefined
 * for a sentence not in such a quotation.
 */
function quotationOfSentence(sentences: Sentence[]): (number | undefined)[] {
  const runs: (number | undefined)[] = new Array(sentences.length).fill(undefined);
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    const continues = previous !== undefined
      && previous.paragraphIndex === sentence.paragraphIndex
      && ((endsInsideQuote(previous) && startsInsideQuote(sentence)) || isWhollyQuoted(sentence));
    if (continues) runs[index] = runs[index - 1] ?? index - 1;
    if (continues && runs[index - 1] === undefined) runs[index - 1] = index - 1;
  });
  return runs;
}

/**
 * A sentence all in quotation marks, with no attribution of its own: the quotation interrupted by the sentence before
 * it goes on ("“…,” he said. “And they ought to start that up immediately.”").
 */
function isWhollyQuoted(sentence: Sentence): boolean {
  return sentence.tokens[0]?.quoteMark === 'open' && sentence.tokens.every((token) => token.quoteMark !== undefined || token.quoted || !isWord(token));
}

function joins(members: Statement[], next: Statement): boolean {
  const first = members[0];
  const last = members[members.length - 1];
  if (first.start === undefined || last.end === undefined || next.end === undefined) return false;
  return next.speaker !== null && next.speaker === first.speaker && next.end - first.start <= MAX_SENTENCE_CHARS;
}

function oneStatement(members: Statement[], articleText: string): Statement {
  const strongest = [...members].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))[0];
  const start = members[0].start ?? 0;
  const end = members[members.length - 1].end ?? start;
  const negated = strongest.polarity === 'negative';
  const words = new Set(members.flatMap((member) => member.claim.split(' ').filter((word) => word && word !== NEGATION_TOKEN)));
  if (negated) words.add(NEGATION_TOKEN);
  const statement: Statement = {
    ...members[0],
    kind: strongest.kind,
    polarity: strongest.polarity,
    text: articleText.slice(start, end),
    claim: [...words].sort().join(' '),
    start,
    end,
  };
  if (members.some((member) => member.withdrawn)) statement.withdrawn = true;
  else delete statement.withdrawn;
  return statement;
}
