/**
 * Whom a spokesperson speaks for, as the article says where it names them: "Tove Pellin, a spokeswoman for Gov.
 * Sanne Orlo,", "Jory Malk, Tesson's spokesman,", "An Tesson spokesman, Jory Malk,", "Her spokeswoman, Tove
 * Pellin,". The head of a body speaks for it the same way ("Pellgas chief executive Osric Tobin", "Hedy Brask,
 * general secretary of the Harbour Pilots Guild,"). A watch that follows the principal follows what their spokesperson
 * says for them, and judges it with the principal's own statements.
 */
import { lastAgreeing } from './gender.js';
import { OFFICE_BODIES, POSSESSIVE_MARKS, ROLE_WORDS, SPOKESPERSON_NOUNS } from './lexicon.js';
import { MAX_NAME_WORDS } from './patterns.js';
import { isCapitalized, isWord, type Sentence, type Token } from './sentences.js';
import { matchesWords, type Person } from './speakers.js';
import { calledByOf } from './surname.js';
import { readWord } from './nlp-models.js';

/**
 * Sets `speaksFor` on each person the article names as someone's spokesperson: a person of `people` when the words
 * name one (by surname), else the words as written ("Tolland University").
 */
export function findPrincipals(people: Person[], sentences: Sentence[]): void {
  const mentioned: Person[] = []; // people in the order the article names them, most recent last
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i += 1) {
      const person = people.find((candidate) => !candidate.institutional && matchesWords(tokens, i, candidate.words));
      if (!person) continue;
      const end = i + person.words.length - 1;
      const named = principalAfter(tokens, end) ?? principalBefore(tokens, i) ?? principalInTitle(tokens, i);
      // "Her spokeswoman": the last person named before whom "her" can stand for.
      const principal = named && 'pronoun' in named ? lastAgreeing(mentioned.filter((candidate) => candidate !== person), named.pronoun)?.name : named && resolve(named, people, person);
      if (principal && !person.speaksFor) person.speaksFor = principal;
      mentioned.push(person);
      i = end;
    }
  }
  for (const person of people) person.speaksFor ??= bodyOfOffice(person.role);
}

/**
 * "Deputy Mayor" → "city", "School board chair" → "district": the body an office holder speaks for (`OFFICE_BODIES`).
 * A place the role names is that body ("Halden Mayor" → "Halden"): not every mayor is the watched city's.
 */
function bodyOfOffice(role: string | undefined): string | undefined {
  const office = role?.toLowerCase();
  const body = office === undefined ? undefined : OFFICE_BODIES.find(([pattern]) => pattern.test(office));
  if (!role || !body) return undefined;
  const words = role.split(/\s+/);
  const before = words.slice(0, Math.max(words.findIndex((word) => body[0].test(word.toLowerCase())), 0));
  // Only capitals before the office: "first Muslim Mayor" names no place. Nor does one word that reads as an
  // adjective ("Muslim Mayor").
  const place = before.every((word) => /^\p{Lu}/u.test(word)) ? before.filter((word) => !isRankWord(word.toLowerCase())) : [];
  const adjective = place.length === 1 && readWord(place[0].toLowerCase()).pos === 'ADJ';
  return place.length > 0 && !adjective ? place.join(' ') : body[1];
}

/** "Deputy", "Former": a word of the title itself, not of the place it is held in. */
const isRankWord = (word: string) => ROLE_WORDS.has(word) || RANK_WORDS.has(word);
const RANK_WORDS = new Set(['vice', 'assistant', 'lieutenant', 'former', 'acting', 'interim', 'lord']);

/**
 * ", a spokeswoman for Gov. Sanne Orlo,", ", Tesson's spokesman,", ", a Lanmere spokeswoman," or ", the union's
 * communications officer," after the name ending at `end`.
 */
function principalAfter(tokens: Token[], end: number): string[] | undefined {
  if (tokens[end + 1]?.text !== ',') return undefined;
  let k = end + 2;
  while (tokens[k] && !representsAt(tokens, k) && (tokens[k].pos === 'DET' || (tokens[k].pos === 'ADJ' && !isCapitalized(tokens[k])))) k += 1;
  const role = spokespersonRoleAt(tokens, k);
  if (role > 0) return tokens[k + role]?.normal === 'for' ? principalFrom(tokens, k + role + 1) : undefined;
  const head = headRoleAt(tokens, k);
  if (head > 0) return tokens[k + head]?.normal === 'of' ? wholeName(tokens, k + head + 1) : undefined;
  // The owner: a name ("Tesson's", or "a Lanmere spokeswoman" without the mark), or a body named by its common noun
  // ("the union's").
  const run = capitalizedRunFrom(tokens, k);
  const owner = run.length > 0 ? run : tokens[k]?.pos === 'NOUN' ? [tokens[k].text] : [];
  const mark = k + owner.length;
  if (owner.length === 0) return undefined;
  if (POSSESSIVE_MARKS.has(tokens[mark]?.text ?? '')) return representsAt(tokens, mark + 1) ? owner : undefined;
  return run.length > 0 && representsAt(tokens, mark) ? run : undefined;
}

/**
 * How many tokens of a spokesperson's role start at `k`: "spokesman" (1), "press secretary", "communications
 * director" (2); 0 for none.
 */
function spokespersonRoleAt(tokens: Token[], k: number): number {
  if (SPOKESPERSON_NOUNS.has(tokens[k]?.normal ?? '')) return 1;
  return PRESS_OFFICE_WORDS.has(tokens[k]?.normal ?? '') && PRESS_ROLE_NOUNS.has(tokens[k + 1]?.normal ?? '') ? 2 : 0;
}

/**
 * How many tokens of the title of a body's head start at `k`: "chairman" (1), "chief executive", "general secretary"
 * (2), "chief executive officer" (3); 0 for none. A head speaks for the body ("Pellgas chief executive Osric Tobin").
 * Not "president", "leader" or "minister": their owner is often a place ("Russian President"), which a person holds an
 * office of but is not the voice of.
 */
function headRoleAt(tokens: Token[], k: number): number {
  const pair = `${tokens[k]?.normal} ${tokens[k + 1]?.normal}`;
  if (HEAD_TITLE_PAIRS.has(pair)) return tokens[k + 2]?.normal === 'officer' ? 3 : 2;
  return HEAD_TITLES.has(tokens[k]?.normal ?? '') ? 1 : 0;
}

const HEAD_TITLES = new Set(['chairman', 'chairwoman', 'chairperson', 'ceo', 'director']);
const HEAD_TITLE_PAIRS = new Set(['chief executive', 'managing director', 'executive director', 'general secretary', 'secretary general']);

/** The start of the title of someone who speaks for a body, spokesperson or head, ending at `end`, or -1. */
function representativeRoleEndingAt(tokens: Token[], end: number): number {
  const spokesperson = spokespersonRoleEndingAt(tokens, end);
  if (spokesperson !== -1) return spokesperson;
  // The longest title first: "executive director", not "director" owned by "executive".
  for (let start = Math.max(0, end - 2); start <= end; start += 1) if (start + headRoleAt(tokens, start) - 1 === end) return start;
  return -1;
}

/**
 * Whether the words from `start` name whom a title before them represents: "for" after a spokesperson's ("A spokesman
 * for Quast"), "of" after a head's ("The chairman of Orrin Rail").
 */
export function isRepresentedAt(tokens: Token[], start: number): boolean {
  const link = tokens[start - 1]?.normal;
  if (link === 'for') return spokespersonRoleEndingAt(tokens, start - 2) !== -1;
  const role = link === 'of' ? representativeRoleEndingAt(tokens, start - 2) : -1;
  return role !== -1 && headRoleAt(tokens, role) > 0;
}

/** Whether a spokesperson's or a head's title starts at `k`. */
function representsAt(tokens: Token[], k: number): boolean {
  return spokespersonRoleAt(tokens, k) > 0 || headRoleAt(tokens, k) > 0;
}

/** The start of a spokesperson's role ending at `end` ("spokesman", "press secretary"), or -1. */
function spokespersonRoleEndingAt(tokens: Token[], end: number): number {
  if (end >= 1 && spokespersonRoleAt(tokens, end - 1) === 2) return end - 1;
  return SPOKESPERSON_NOUNS.has(tokens[end]?.normal ?? '') ? end : -1;
}

/** "press secretary", "communications director", "media adviser": the roles of those who speak for someone. */
const PRESS_OFFICE_WORDS = new Set(['press', 'communications', 'media']);
const PRESS_ROLE_NOUNS = new Set(['secretary', 'director', 'officer', 'adviser', 'advisor', 'aide', 'chief', 'manager']);

/**
 * "An Tesson spokesman, Jory Malk", "Tesson's spokesman, Jory Malk", "Her spokeswoman, Tove Pellin" or "Clinton's
 * press secretary, Brian Fallon" before `start`.
 */
function principalBefore(tokens: Token[], start: number): string[] | { pronoun: string } | undefined {
  if (tokens[start - 1]?.text !== ',') return undefined;
  const forWhom = principalForBefore(tokens, start - 2);
  if (forWhom) return forWhom;
  const role = representativeRoleEndingAt(tokens, start - 2);
  return role === -1 ? undefined : ownerOfRole(tokens, role);
}

/**
 * "Kremlin spokesman Dmitry Peskov", "Clinton press secretary Brian Fallon", "ministry spokeswoman Wilma Streng": the
 * owner of a spokesperson's title right before the name at `start`, a name or a body's common noun.
 */
function principalInTitle(tokens: Token[], start: number): string[] | undefined {
  const role = representativeRoleEndingAt(tokens, start - 1);
  const owner = role === -1 ? undefined : ownerOfRole(tokens, role);
  return Array.isArray(owner) ? owner : undefined;
}

/**
 * Whose spokesperson's role starts at `role`: a possessive pronoun ("Her spokeswoman"), a name with or without the
 * mark ("Tesson's spokesman", "An Tesson spokesman"), or a body named by its common noun ("A university spokeswoman").
 */
function ownerOfRole(tokens: Token[], role: number): string[] | { pronoun: string } | undefined {
  const before = tokens[role - 1];
  if (!before) return undefined;
  if (POSSESSIVE_PRONOUNS.has(before.normal)) return { pronoun: before.normal };
  const end = POSSESSIVE_MARKS.has(before.text) ? role - 2 : role - 1;
  const run = capitalizedRunTo(tokens, end);
  if (run.length > 0) return run;
  if (tokens[end]?.pos !== 'NOUN') return undefined;
  // "Clinton campaign spokesman", "Quarnia energy ministry spokeswoman": the body with the name that owns it.
  let start = end;
  while (start > 0 && !isTitle(tokens[start - 1]) && tokens[start - 1].pos !== 'DET' && (tokens[start - 1].pos === 'NOUN' || isNameWord(tokens[start - 1]))) start -= 1;
  const owner = tokens.slice(start, end + 1);
  return owner.map((token) => token.text);
}

/**
 * "A spokesman for Quast, Dag Holter", "A spokeswoman for Pellor's energy ministry, Wilma Streng", "The chairman of
 * Orrin Rail, Joop Kaas": whom a spokesperson's role before the name ending at `end` names after "for", or a head's
 * after "of" (the owner of a body named with it).
 */
function principalForBefore(tokens: Token[], end: number): string[] | undefined {
  let linked = end;
  while (linked > 0 && end - linked <= MAX_NAME_WORDS + 2 && !LINKS.has(tokens[linked].normal) && tokens[linked].text !== ',') linked -= 1;
  return LINKS.has(tokens[linked]?.normal ?? '') && isRepresentedAt(tokens, linked + 1) ? principalFrom(tokens, linked + 1, end) : undefined;
}

/**
 * "for Gov. Sanne Orlo", "for Pellor's energy ministry", "for the ministry": a name, or a determiner and an
 * institution's common noun, ending at the comma after them (or at `end`).
 */
function principalFrom(tokens: Token[], start: number, end?: number): string[] | undefined {
  const run = capitalizedRunFrom(tokens, start);
  if (run.length > 0) return run;
  const noun = tokens[start]?.pos === 'DET' ? start + 1 : -1;
  // "of the National Stevedores' Union": a name after the article.
  const named = noun === -1 ? [] : capitalizedRunFrom(tokens, noun);
  if (named.length > 0) return named;
  return tokens[noun]?.pos === 'NOUN' && (noun === end || tokens[noun + 1]?.text === ',') ? [tokens[noun].text] : undefined;
}

/**
 * "of the Harbour Pilots Guild,": a body's name that is the whole of what follows, not the start of a longer phrase
 * ("of the Indiana GOP's 7th district organization", which names a smaller body).
 */
function wholeName(tokens: Token[], start: number): string[] | undefined {
  const name = principalFrom(tokens, start);
  if (!name) return undefined;
  const after = tokens[(tokens[start].pos === 'DET' ? start + 1 : start) + name.length];
  return after === undefined || NAME_CLOSERS.has(after.text) ? name : undefined;
}

const NAME_CLOSERS = new Set([',', '.', ';', ')']);

const POSSESSIVE_PRONOUNS = new Set(['her', 'his']);

/** What links a spokesperson's role to whom they speak for ("for"), and a head's to the body ("of"). */
const LINKS = new Set(['for', 'of']);

/** Capitalised words from `start` (a title such as "Gov." left out), up to a name's length plus two. */
function capitalizedRunFrom(tokens: Token[], start: number): string[] {
  const run: string[] = [];
  for (let k = start; k < tokens.length && run.length < MAX_NAME_WORDS + 2; k += 1) {
    // "University of Virginia Center for Politics": "of" and "for" inside a name.
    const next = tokens[k + 1];
    const joins = run.length > 0 && NAME_JOINERS.has(tokens[k].text) && next !== undefined && isNameWord(next) && !isTitle(next);
    if (!isNameWord(tokens[k]) && !joins) break;
    if (run.length > 0 || !isTitle(tokens[k])) run.push(tokens[k].text);
  }
  while (NAME_JOINERS.has(run.at(-1) ?? '')) run.pop();
  return run;
}

/** Lower-case words inside a body's name. */
const NAME_JOINERS = new Set(['of', 'for']);

function capitalizedRunTo(tokens: Token[], end: number): string[] {
  const run: string[] = [];
  for (let k = end; k >= 0 && run.length < MAX_NAME_WORDS + 2 && isNameWord(tokens[k]) && !isTitle(tokens[k]); k -= 1) run.unshift(tokens[k].text);
  return run;
}

/** A capitalised word that can be part of a name: not "But", "The", "His" or "Former" opening a sentence. */
const isNameWord = (token: Token) => isWord(token) && isCapitalized(token) && !NOT_NAME_POS.has(token.pos) && !NOT_NAME_WORDS.has(token.normal);
const NOT_NAME_POS = new Set(['DET', 'CCONJ', 'SCONJ', 'PRON', 'ADP', 'ADV']);
const NOT_NAME_WORDS = new Set(['former', 'then', 'ex']);
const isTitle = (token: Token) => ROLE_WORDS.has(token.normal.replace(/\.$/, ''));

/** The person the words name (their surname among them), else the words as written. */
function resolve(words: string[], people: Person[], spokesperson: Person): string {
  const bare = words.map((word) => word.replace(/['’]s?$/, ''));
  const head = bare.at(-1) ?? '';
  // "Trump campaign" and "House Speaker Paul Ryan" are the person's; "Podesta Group", headed by another name, is not.
  const named = people.find((candidate) => {
    if (candidate === spokesperson || candidate.institutional) return false;
    const surname = calledByOf(candidate) ?? '';
    const owned = candidate.words.includes(head.toLowerCase()) || !isCapitalizedWord(head);
    return owned && bare.some((word) => word.toLowerCase() === surname);
  });
  return named?.name ?? bare.join(' ');
}

const isCapitalizedWord = (word: string) => /^\p{Lu}/u.test(word);
