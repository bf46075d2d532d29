/**
 * Whom a spokesperson speaks for, as the article says where it names them: "Lena Ostrova, a spokeswoman for Gov.
 * Teresa Vallin,", "Tomas Brel, Aldana's spokesman,", "An Aldana spokesman, Tomas Brel,", "Her spokeswoman, Lena
 * Ostrova,". A watch that follows the principal follows what their spokesperson says for them, and judges it with
 * the principal's own statements.
 */
import { agrees } from './gender.js';
import { OFFICE_BODIES, POSSESSIVE_MARKS, ROLE_WORDS, SPOKESPERSON_NOUNS } from './lexicon.js';
import { MAX_NAME_WORDS } from './patterns.js';
import { isCapitalized, isWord, type Sentence, type Token } from './sentences.js';
import { matchesWords, type Person } from './speakers.js';

/**
 * Sets `speaksFor` on each person the article names as someone's spokesperson: a person of `people` when the words
 * name one (by surname), else the words as written ("Hollins University").
 */
export function findPrincipals(people: Person[], sentences: Sentence[]): void {
  const mentioned: Person[] = []; // people in the order the article names them, most recent last
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i += 1) {
      const person = people.find((candidate) => !candidate.institutional && matchesWords(tokens, i, candidate.words));
      if (!person) continue;
      const end = i + person.words.length - 1;
      const named = principalAfter(tokens, end) ?? principalBefore(tokens, i) ?? principalInTitle(tokens, i);
      const principal = named && 'pronoun' in named ? lastAgreeing(mentioned, person, named.pronoun) : named && resolve(named, people, person);
      if (principal && !person.speaksFor) person.speaksFor = principal;
      mentioned.push(person);
      i = end;
    }
  }
  for (const person of people) person.speaksFor ??= bodyOfOffice(person.role);
}

/** "Deputy Mayor" → "city", "School board chair" → "district": the body an office holder speaks for (`OFFICE_BODIES`). */
function bodyOfOffice(role: string | undefined): string | undefined {
  const office = role?.toLowerCase();
  return office === undefined ? undefined : OFFICE_BODIES.find(([pattern]) => pattern.test(office))?.[1];
}

/**
 * ", a spokeswoman for Gov. Teresa Vallin,", ", Aldana's spokesman,", ", a Brackmoor spokeswoman," or ", the union's
 * communications officer," after the name ending at `end`.
 */
function principalAfter(tokens: Token[], end: number): string[] | undefined {
  if (tokens[end + 1]?.text !== ',') return undefined;
  let k = end + 2;
  while (tokens[k] && (tokens[k].pos === 'DET' || (tokens[k].pos === 'ADJ' && !isCapitalized(tokens[k])))) k += 1;
  const role = spokespersonRoleAt(tokens, k);
  if (role > 0) return tokens[k + role]?.normal === 'for' ? principalFrom(tokens, k + role + 1) : undefined;
  // The owner: a name ("Aldana's", or "a Brackmoor spokeswoman" without the mark), or a body named by its common noun
  // ("the union's").
  const run = capitalizedRunFrom(tokens, k);
  const owner = run.length > 0 ? run : tokens[k]?.pos === 'NOUN' ? [tokens[k].text] : [];
  const mark = k + owner.length;
  if (owner.length === 0) return undefined;
  if (POSSESSIVE_MARKS.has(tokens[mark]?.text ?? '')) return spokespersonRoleAt(tokens, mark + 1) > 0 ? owner : undefined;
  return run.length > 0 && spokespersonRoleAt(tokens, mark) > 0 ? run : undefined;
}

/**
 * How many tokens of a spokesperson's role start at `k`: "spokesman" (1), "press secretary", "communications
 * director" (2); 0 for none.
 */
function spokespersonRoleAt(tokens: Token[], k: number): number {
  if (SPOKESPERSON_NOUNS.has(tokens[k]?.normal ?? '')) return 1;
  return PRESS_OFFICE_WORDS.has(tokens[k]?.normal ?? '') && PRESS_ROLE_NOUNS.has(tokens[k + 1]?.normal ?? '') ? 2 : 0;
}

/** The start of a spokesperson's role ending at `end` ("spokesman", "press secretary"), or -1. */
export function spokespersonRoleEndingAt(tokens: Token[], end: number): number {
  if (end >= 1 && spokespersonRoleAt(tokens, end - 1) === 2) return end - 1;
  return SPOKESPERSON_NOUNS.has(tokens[end]?.normal ?? '') ? end : -1;
}

/** "press secretary", "communications director", "media adviser": the roles of those who speak for someone. */
const PRESS_OFFICE_WORDS = new Set(['press', 'communications', 'media']);
const PRESS_ROLE_NOUNS = new Set(['secretary', 'director', 'officer', 'adviser', 'advisor', 'aide', 'chief', 'manager']);

/**
 * "An Aldana spokesman, Tomas Brel", "Aldana's spokesman, Tomas Brel", "Her spokeswoman, Lena Ostrova" or "Clinton's
 * press secretary, Brian Fallon" before `start`.
 */
function principalBefore(tokens: Token[], start: number): string[] | { pronoun: string } | undefined {
  if (tokens[start - 1]?.text !== ',') return undefined;
  const forWhom = principalForBefore(tokens, start - 2);
  if (forWhom) return forWhom;
  const role = spokespersonRoleEndingAt(tokens, start - 2);
  return role === -1 ? undefined : ownerOfRole(tokens, role);
}

/**
 * "Kremlin spokesman Dmitry Peskov", "Clinton press secretary Brian Fallon", "ministry spokeswoman Oona Restel": the
 * owner of a spokesperson's title right before the name at `start`, a name or a body's common noun.
 */
function principalInTitle(tokens: Token[], start: number): string[] | undefined {
  const role = spokespersonRoleEndingAt(tokens, start - 1);
  const owner = role === -1 ? undefined : ownerOfRole(tokens, role);
  return Array.isArray(owner) ? owner : undefined;
}

/**
 * Whose spokesperson's role starts at `role`: a possessive pronoun ("Her spokeswoman"), a name with or without the
 * mark ("Aldana's spokesman", "An Aldana spokesman"), or a body named by its common noun ("A university spokeswoman").
 */
function ownerOfRole(tokens: Token[], role: number): string[] | { pronoun: string } | undefined {
  const before = tokens[role - 1];
  if (!before) return undefined;
  if (POSSESSIVE_PRONOUNS.has(before.normal)) return { pronoun: before.normal };
  const end = POSSESSIVE_MARKS.has(before.text) ? role - 2 : role - 1;
  const run = capitalizedRunTo(tokens, end);
  if (run.length > 0) return run;
  if (tokens[end]?.pos !== 'NOUN') return undefined;
  // "Clinton campaign spokesman", "Brenmark energy ministry spokeswoman": the body with the name that owns it.
  let start = end;
  while (start > 0 && !isTitle(tokens[start - 1]) && tokens[start - 1].pos !== 'DET' && (tokens[start - 1].pos === 'NOUN' || isNameWord(tokens[start - 1]))) start -= 1;
  const owner = tokens.slice(start, end + 1);
  return owner.some(isNameWord) ? owner.map((token) => token.text) : [tokens[end].text];
}

/**
 * "A spokesman for Haavik, Petter Lund", "A spokeswoman for Kaldora's energy ministry, Oona Restel": whom a
 * spokesperson's role before the name ending at `end` names after "for" (the owner of a body named with it).
 */
function principalForBefore(tokens: Token[], end: number): string[] | undefined {
  let linked = end;
  while (linked > 0 && end - linked <= MAX_NAME_WORDS + 2 && tokens[linked].normal !== 'for' && tokens[linked].text !== ',') linked -= 1;
  if (tokens[linked]?.normal !== 'for' || spokespersonRoleEndingAt(tokens, linked - 1) === -1) return undefined;
  return principalFrom(tokens, linked + 1, end);
}

/**
 * "for Gov. Teresa Vallin", "for Kaldora's energy ministry", "for the ministry": a name, or a determiner and an
 * institution's common noun, ending at the comma after them (or at `end`).
 */
function principalFrom(tokens: Token[], start: number, end?: number): string[] | undefined {
  const run = capitalizedRunFrom(tokens, start);
  if (run.length > 0) return run;
  const noun = tokens[start]?.pos === 'DET' ? start + 1 : -1;
  return tokens[noun]?.pos === 'NOUN' && (noun === end || tokens[noun + 1]?.text === ',') ? [tokens[noun].text] : undefined;
}

const POSSESSIVE_PRONOUNS = new Set(['her', 'his']);

/** Capitalised words from `start` (a title such as "Gov." left out), up to a name's length plus two. */
function capitalizedRunFrom(tokens: Token[], start: number): string[] {
  const run: string[] = [];
  for (let k = start; k < tokens.length && run.length < MAX_NAME_WORDS + 2 && isNameWord(tokens[k]); k += 1) {
    if (run.length > 0 || !isTitle(tokens[k])) run.push(tokens[k].text);
  }
  return run;
}

function capitalizedRunTo(tokens: Token[], end: number): string[] {
  const run: string[] = [];
  for (let k = end; k >= 0 && run.length < MAX_NAME_WORDS + 2 && isNameWord(tokens[k]) && !isTitle(tokens[k]); k -= 1) run.unshift(tokens[k].text);
  return run;
}

const isNameWord = (token: Token) => isWord(token) && isCapitalized(token);
const isTitle = (token: Token) => ROLE_WORDS.has(token.normal.replace(/\.$/, ''));

/** The person the words name (their surname among them), else the words as written. */
function resolve(words: string[], people: Person[], spokesperson: Person): string {
  const lower = new Set(words.map((word) => word.toLowerCase()));
  const named = people.find((candidate) => candidate !== spokesperson && !candidate.institutional && lower.has(candidate.words.at(-1) ?? ''));
  return named?.name ?? words.join(' ');
}

/** "Her spokeswoman": the last person named before whom "her" can stand for. */
function lastAgreeing(mentioned: Person[], spokesperson: Person, pronoun: string): string | undefined {
  return mentioned.findLast((candidate) => candidate !== spokesperson && agrees(candidate, pronoun))?.name;
}
