/**
 * Whose a bare ministry is. Wire copy names a ministry once with its country or through its minister ("Pellor's
 * energy ministry", "Quarnia Energy Minister Nico Arvel") and then bare ("a ministry spokesman, Lev Danner", "the
 * Ministry of Fisheries said"): the bare one is the ministry last named with an owner, or the one the minister last
 * named heads, when their portfolios agree ("energy ministry" is not the foreign minister's).
 */
import type { AttributedClause } from './attribution.js';
import { POSSESSIVE_MARKS } from './lexicon.js';
import { isCapitalized, isWord, type Sentence, type Token } from './sentences.js';
import { matchesWords, type Person } from './speakers.js';

/**
 * Sets `speaksFor` on each clause speaker that is a bare ministry, or speaks for one: to the minister who heads it
 * ("Nico Arvel") or to the ministry named with its owner ("Pellor energy ministry"). Once per person, at the first
 * clause that needs it.
 */
export function findMinistryOwners(clauses: AttributedClause[], sentences: Sentence[], people: Person[]): void {
  const resolved = new Set<Person>();
  for (const clause of clauses) {
    const speaker = clause.speaker;
    if (!speaker || resolved.has(speaker)) continue;
    resolved.add(speaker);
    const body = bareMinistry(speaker.speaksFor ?? (speaker.institutional || speaker.organization ? speaker.name : ''));
    if (!body) continue;
    const owner = lastOwnedMinistry(sentences, clause.sentenceIndex, body.portfolio, people);
    if (owner) speaker.speaksFor = owner;
  }
}

/**
 * A ministry label with no owner ("ministry", "energy ministry", "Ministry of Fisheries"; not "Ambrian ministry" or
 * "Pellor’s energy ministry"), with the words of its portfolio; undefined for anything else.
 */
function bareMinistry(label: string): { portfolio: string[] } | undefined {
  const words = label.split(/[\s,]+/).filter(Boolean);
  const head = words.findIndex((word) => word.toLowerCase() === 'ministry');
  if (head === -1 || words.slice(0, head).some((word) => /^\p{Lu}/u.test(word))) return undefined;
  return { portfolio: portfolioWords([...words.slice(0, head), ...words.slice(head + 1)]) };
}

/** The lower-cased words of a portfolio ("energy", "agriculture fisheries"), "of" and "and" left out. */
function portfolioWords(words: string[]): string[] {
  return words.map((word) => word.toLowerCase()).filter((word) => /^\p{L}/u.test(word) && !LINK_WORDS.has(word));
}

const LINK_WORDS = new Set(['of', 'and', 'for', 'the']);

/**
 * The nearest ministry before (or in) sentence `index` that is named with an owner, or whose minister is named: the
 * minister's name, or the owner and the ministry as written without the possessive mark. None when the nearest
 * sentence that names one names two ("Pellor’s energy minister met Quarnia’s").
 */
function lastOwnedMinistry(sentences: Sentence[], index: number, portfolio: string[], people: Person[]): string | undefined {
  for (let s = index; s >= 0; s -= 1) {
    const owners = new Set(ownedMinistriesIn(sentences[s].tokens, people).filter((found) => agrees(portfolio, found.portfolio)).map((found) => found.owner));
    if (owners.size > 0) return owners.size === 1 ? [...owners][0] : undefined;
  }
  return undefined;
}

function ownedMinistriesIn(tokens: Token[], people: Person[]): Owned[] {
  return tokens.flatMap((token, k) => (token.normal === 'minister' ? ministerAt(tokens, k, people) : token.normal === 'ministry' ? ownedMinistryAt(tokens, k) : undefined) ?? []);
}

/** Portfolios agree when either is unknown or they share a word ("energy" and "energy"; "fisheries" and "agriculture fisheries"). */
const agrees = (a: string[], b: string[]) => a.length === 0 || b.length === 0 || a.some((word) => b.includes(word));

interface Owned {
  owner: string;
  portfolio: string[];
}

/** "Pellor’s energy ministry", "the Ambrian Ministry of Fisheries", "Quarnia energy ministry" at `k`. */
function ownedMinistryAt(tokens: Token[], k: number): Owned | undefined {
  const before = modifiersBefore(tokens, k);
  const owner = ownerBefore(tokens, before.start);
  if (owner.length === 0) return undefined;
  const after = portfolioAfter(tokens, k);
  return { owner: [...owner, ...before.words, tokens[k].text.toLowerCase()].join(' '), portfolio: portfolioWords([...before.words, ...after]) };
}

/**
 * "Energy Minister Gerda Lasko", "Drusia’s Minister of Agriculture and Fisheries, Anders Voll,": the minister
 * named after the title; else the title's owner ("Pellor’s energy minister"). Not a prime minister, who heads no
 * ministry.
 */
function ministerAt(tokens: Token[], k: number, people: Person[]): Owned | undefined {
  if (tokens[k - 1]?.normal === 'prime') return undefined;
  const after = portfolioAfter(tokens, k);
  const named = nameAfter(tokens, k + 1 + (after.length > 0 ? after.length + 1 : 0), people);
  const before = named ? capitalizedWordsBefore(tokens, k) : modifiersBefore(tokens, k);
  const portfolio = portfolioWords([...before.words, ...after]);
  if (named) return { owner: named.name, portfolio };
  const owner = ownerBefore(tokens, before.start);
  return owner.length > 0 ? { owner: [...owner, ...before.words].join(' '), portfolio } : undefined;
}

/** The person named right after a title (past a comma: "Minister of Fisheries, Anders Voll"). */
function nameAfter(tokens: Token[], start: number, people: Person[]): Person | undefined {
  const at = tokens[start]?.text === ',' ? start + 1 : start;
  return people.find((person) => !person.institutional && !person.organization && matchesWords(tokens, at, person.words));
}

/** "of Agriculture and Fisheries" after a title or ministry at `k`: its capitalised words and links. */
function portfolioAfter(tokens: Token[], k: number): string[] {
  if (tokens[k + 1]?.normal !== 'of') return [];
  const words: string[] = [];
  for (let j = k + 2; j < tokens.length && isWord(tokens[j]) && (isCapitalized(tokens[j]) || tokens[j].normal === 'and'); j += 1) words.push(tokens[j].text);
  return words.length > 0 ? ['of', ...words] : [];
}

/** Lower-case words that name a portfolio before `k` ("energy", "state"), and where they start. */
function modifiersBefore(tokens: Token[], k: number): { words: string[]; start: number } {
  let start = k;
  while (start > 0 && isWord(tokens[start - 1]) && !isCapitalized(tokens[start - 1]) && (tokens[start - 1].pos === 'NOUN' || tokens[start - 1].pos === 'ADJ')) start -= 1;
  return { words: tokens.slice(start, k).map((token) => token.text), start };
}

/** Capitalised words before a title at `k` ("Quarnia Energy" of "Quarnia Energy Minister"): an owner, a portfolio or both. */
function capitalizedWordsBefore(tokens: Token[], k: number): { words: string[]; start: number } {
  let start = k;
  while (start > 0 && isWord(tokens[start - 1]) && isCapitalized(tokens[start - 1]) && tokens[start - 1].pos !== 'DET') start -= 1;
  return { words: tokens.slice(start, k).map((token) => token.text), start };
}

/** The owner's capitalised words before `start`, with or without the possessive mark ("Pellor’s", "Ambrian"). */
function ownerBefore(tokens: Token[], start: number): string[] {
  const end = POSSESSIVE_MARKS.has(tokens[start - 1]?.text ?? '') ? start - 1 : start;
  return capitalizedWordsBefore(tokens, end).words;
}
