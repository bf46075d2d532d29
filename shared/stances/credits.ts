/**
 * Credits that say who wrote what an article quotes, or the article itself.
 *
 * A credit line gives a post or a block quotation to its author: "— Ana Lima (@analima) March 3, 2025" as X and
 * Bluesky print it under an embedded post, "— Ana Lima, mayor of Norvale" under a quotation set apart. The quoted text
 * names no speaker of its own, so without the credit its stances are no one's.
 *
 * A credit that is a paragraph of its own credits the paragraph above it. One that ends a paragraph ("… sea wall. —
 * Ana Lima (@analima) March 3, 2025", a post copied as text) credits the paragraph's own words, and must give the
 * account's handle: a dash and a name inside a paragraph are more often an aside.
 *
 * A byline that names a speaker the caller follows makes the article theirs (an op-ed, a post on a company's own site):
 * what it says in no one else's name is its author's.
 */
import type { AttributedClause } from './attribution.js';
import { MAX_NAME_WORDS } from './patterns.js';
import { isWord, type Sentence, type Token } from './sentences.js';
import { findNameStartingAt, isDashAt, type Person, type SpeakerRegister } from './speakers.js';

/** Gives the unattributed clauses a credit line covers to the credited author (in place). */
export function attributeCredits(clauses: AttributedClause[], sentences: Sentence[], register: SpeakerRegister): void {
  const standalone = new Map<number, Person>();
  const closing = new Map<number, Credit>();
  for (const [paragraph, tokens] of paragraphTokens(sentences)) {
    const own = paragraph > 0 && isDashAt(tokens, 0) ? creditedAuthor(tokens, 0, register)?.person : undefined;
    if (own) standalone.set(paragraph, own);
    const last = own ? undefined : closingCredit(tokens, register);
    if (last) closing.set(paragraph, last);
  }
  const credited = new Map([...closing].map(([paragraph, { author }]) => [paragraph, author]));
  for (const [paragraph, author] of standalone) {
    // A run of dashed names is a list of people ("— Ana Lima, mayor" under "Those present:"), not credits.
    if (!standalone.has(paragraph - 1) && !standalone.has(paragraph + 1)) credited.set(paragraph - 1, author);
  }
  for (const clause of clauses) {
    const dash = closing.get(clause.paragraphIndex)?.dash;
    if (dash) cutCredit(clause, dash);
    const author = clause.speaker === null ? credited.get(clause.paragraphIndex) : undefined;
    if (!author) continue;
    clause.speaker = author;
    clause.source = 'named';
  }
}

/**
 * Gives the unattributed clauses of an article its byline says a watched speaker wrote (`author`, named as the caller
 * lists them) to that speaker (in place). A reporter is no speaker a watch follows, so a news report is left as it is.
 */
export function attributeToAuthor(clauses: AttributedClause[], register: SpeakerRegister, author: string | undefined): void {
  const person = author === undefined ? undefined : register.people.find((candidate) => candidate.watched && candidate.name === author);
  if (!person) return;
  for (const clause of clauses) {
    if (clause.speaker !== null) continue;
    clause.speaker = person;
    clause.source = 'named';
  }
}

/** A credit that ends a paragraph: its author, and the dash it opens with. */
interface Credit {
  author: Person;
  dash: Token;
}

/** The post's words without the credit after them (in place): "… sea wall — Ana Lima (@analima) …" → "… sea wall". */
function cutCredit(clause: AttributedClause, dash: Token): void {
  const at = clause.content.indexOf(dash);
  if (at === -1) return;
  clause.content = clause.content.slice(0, at);
  for (const field of ['text', 'sentenceText'] as const) {
    const cut = clause[field].lastIndexOf(dash.text);
    if (cut !== -1) clause[field] = clause[field].slice(0, cut).trimEnd();
  }
}

/** Each paragraph's tokens: a handle may break a line into sentences ("@ana.bsky.social"). */
function paragraphTokens(sentences: Sentence[]): Map<number, Token[]> {
  const paragraphs = new Map<number, Token[]>();
  for (const { paragraphIndex, tokens } of sentences) paragraphs.set(paragraphIndex, [...(paragraphs.get(paragraphIndex) ?? []), ...tokens]);
  return paragraphs;
}

/** A credit that ends a paragraph after its text: the last dash, a name and a handle. */
function closingCredit(tokens: Token[], register: SpeakerRegister): Credit | undefined {
  for (let k = tokens.length - 1; k > 0; k -= 1) {
    if (!isDashAt(tokens, k)) continue;
    const credited = creditedAuthor(tokens, k, register);
    return credited && startsWithHandle(tokens.slice(credited.end + 1)) ? { author: credited.person, dash: tokens[k] } : undefined;
  }
  return undefined;
}

/**
 * The author a credit line names after the dash at `dash`, and the name's last token, when the rest of the line is a
 * credit's (`isCreditTail`). A name the register does not hold is taken as written when a handle follows it: a post's
 * author may be named nowhere else in the article.
 */
function creditedAuthor(tokens: Token[], dash: number, register: SpeakerRegister): { person: Person; end: number } | undefined {
  const end = nameEnd(tokens, dash, MAX_NAME_WORDS + MAX_TITLE_WORDS);
  const named = findNameStartingAt(tokens, dash + 1, register);
  // The name (after a title, "— Mayor Ana Lima") is all the line's capitalised opening: "– Ready to quiz Lima –", a
  // subheading, names her in a phrase.
  if (named) return named.end <= end && isCreditTail(tokens.slice(named.end + 1)) ? named : undefined;
  const nameLast = nameEnd(tokens, dash, MAX_NAME_WORDS);
  const tail = tokens.slice(nameLast + 1);
  if (nameLast === dash || !startsWithHandle(tail) || !isCreditTail(tail)) return undefined;
  const name = tokens.slice(dash + 1, nameLast + 1).map((token) => token.text);
  const person = { name: name.join(' '), words: name.map((word) => word.toLowerCase()) };
  register.people.push(person);
  return { person, end: nameLast };
}

/** Words of a title before a credited name ("— Deputy Prime Minister Ana Lima"). */
const MAX_TITLE_WORDS = 3;

/** The last of at most `limit` capitalised words after the dash at `dash` (`dash` itself when none follows). */
function nameEnd(tokens: Token[], dash: number, limit: number): number {
  let end = dash;
  while (end - dash < limit && tokens[end + 1] !== undefined && isWord(tokens[end + 1]) && /^\p{Lu}/u.test(tokens[end + 1].text)) end += 1;
  return end;
}

/** "(@analima)": the account the post was made from. */
function startsWithHandle(tail: Token[]): boolean {
  return tail[0]?.text === '(' && tail[1]?.text.startsWith('@') === true && tail.some((token) => token.text === ')');
}

/**
 * What may follow the author's name in a credit line: nothing, the account's handle ("(@analima)"), when it was
 * posted ("March 3, 2025 at 10:15 AM"), or a comma and the author's role ("…, mayor of Norvale"). No verb: "— Lima
 * said it would cost 20 million" is a sentence of its own. No dash: "– Ready to quiz Lima –" is a subheading.
 */
function isCreditTail(tail: Token[]): boolean {
  if (tail.some((_, k) => isDashAt(tail, k))) return false;
  const k = startsWithHandle(tail) ? tail.findIndex((token) => token.text === ')') + 1 : 0;
  const rest = tail.slice(k).filter((token) => token.pos !== 'PUNCT');
  if (tail[k]?.text === ',') return rest.every((token) => token.pos !== 'VERB' && token.pos !== 'AUX');
  return rest.every((token) => token.entity === 'DATE' || token.entity === 'TIME' || token.pos === 'NUM' || POSTED_AT.has(token.normal));
}

/** Words of a post's time that are not a date or time entity: "at 10:15 AM". */
const POSTED_AT = new Set(['at', 'am', 'pm', 'a.m.', 'p.m.', 'utc', 'gmt']);
