/**
 * What a watch takes of an article's statements, and how it judges them: its speakers and their sides, its topic
 * vocabulary, its ledger.
 */
import type { Watch } from '../config/index.js';
import {
  addToSummary,
  compareWithLedger,
  earlierOf,
  extractStatements,
  speakerKey,
  speaksAs,
  type KnownSpeaker,
  type Ledger,
  type LedgerEntry,
  type LedgerSummary,
  type NoveltyVerdict,
  type Statement,
} from '../stances/index.js';
import { DESCRIBED_BODY_HEADS, singularOf } from '../stances/lexicon.js';
import { PARAGRAPH_SEPARATOR } from '../stances/sentences.js';
import { countedTokens, voicesOf } from '../stances/ledger.js';
import { aliasesOf, canBeSamePerson, shortNameOf, wordsOf } from '../stances/surname.js';

/**
 * Unattributed statements are judged against the watch's most recent statements, not its whole history: an
 * unattributed line that repeats something rewrites recent coverage (an agency story run again, a standfirst), while
 * a watch that follows everyone has a ledger that grows without end. 200 holds every labelled storyline whole (70
 * statements at most) and weeks of a busy watch.
 */
export const UNATTRIBUTED_WINDOW = 200;

/**
 * The part of a watch's ledger one article's statements are judged against: every statement of their speakers and
 * of the speakers on their sides, the recent window when one is unattributed, and the summary of the whole ledger
 * (the IDF counts). `recordInLedger` adds the article's own statements as they are stored.
 */
export interface ArticleLedger {
  entries: LedgerEntry[];
  summary: LedgerSummary;
}

type LedgerReads = Pick<Ledger, 'getSummary' | 'getTermCounts' | 'listStatements' | 'listRecentStatements'>;

/**
 * Reads what judging these statements needs: the summary's totals with the counts of the statements' claim terms,
 * then each partition that can hold a comparable statement (at most one Query per speaker key) and the recent window
 * for unattributed ones, then the counts of the terms those entries add. The IDF weighs only terms of the statement
 * and of the entries it is compared with, so these counts give the verdicts all of them would. The cost follows the
 * speakers' histories, not the watch's nor its vocabulary.
 */
export async function readArticleLedger(statements: Statement[], watch: Pick<Watch, 'id' | 'sides'>, ledger: LedgerReads): Promise<ArticleLedger> {
  const asked = new Set(statements.flatMap((statement) => countedTokens(statement.claim)));
  const sides = Object.values(watch.sides ?? {});
  const summary = await ledger.getSummary(watch.id, asked, namesToLook(statements, sides));
  const keys = partitionsToRead(statements, summary.speakers, sides);
  const reads = [...keys].map((key) => ledger.listStatements(watch.id, key));
  if (statements.some((statement) => statement.speaker === null)) reads.push(ledger.listRecentStatements(watch.id, UNATTRIBUTED_WINDOW));
  const entries = inLedgerOrder((await Promise.all(reads)).flat());
  const more = new Set(entries.flatMap((entry) => countedTokens(entry.claim)).filter((term) => !asked.has(term)));
  if (more.size > 0) for (const [term, count] of await ledger.getTermCounts(watch.id, more)) summary.tokenCounts.set(term, count);
  return { entries, summary };
}

/** Adds a statement just stored to the article's ledger, so the article's next statements are judged against it. */
export function recordInLedger(ledger: ArticleLedger, entry: LedgerEntry): void {
  ledger.entries.push(entry);
  addToSummary(ledger.summary, entry);
}

/**
 * The names whose ledger labels `partitionsToRead` compares: each statement's speaker, whom they speak for, and the
 * members of their sides, an organisation under its short name, initials and head noun too ("Lanmere", "NSU",
 * "city"), a place under its adjectives ("Ambrian").
 */
function namesToLook(statements: Statement[], sides: string[][]): string[] {
  const members = (voice: string) => (sideOf(voice, sides) ?? []).flatMap((member) => [member, shortNameOf(member) ?? [], aliasesOf(member)].flat());
  return statements.flatMap(voicesOf).flatMap((voice) => [voice, ...members(voice)]);
}

/** The side a speaker speaks for: the members of the watch's side that names them, if any. */
function sideOf(speaker: string, sides: string[][]): string[] | undefined {
  return sides.find((members) => members.some((member) => speaksAs(speaker, member)));
}

/**
 * The speaker keys whose partitions hold every statement `compareWithLedger` may compare these with: each speaker's
 * own (and their principal's), and those of the ledger's speaker labels (`known`) that name one of them or a member
 * of their side.
 */
function partitionsToRead(statements: Statement[], known: Set<string>, sides: string[][]): Set<string> {
  const keys = new Set<string>();
  for (const speaker of statements.flatMap(voicesOf)) {
    keys.add(speakerKey(speaker));
    const side = sideOf(speaker, sides);
    for (const label of known) {
      if (speaksAs(label, speaker) || side?.some((member) => speaksAs(label, member))) keys.add(speakerKey(label));
    }
  }
  return keys;
}

/**
 * Once each, in the order a read of the whole ledger returns them (by sort key, speaker key then id): ties in
 * similarity fall to the earlier entry, so the same order gives the same verdicts as reading the whole ledger.
 */
function inLedgerOrder(entries: LedgerEntry[]): LedgerEntry[] {
  const sortKey = (entry: LedgerEntry) => `${speakerKey(entry.speaker)}#${entry.id}`;
  const unique = [...new Map(entries.map((entry) => [entry.id, entry])).values()];
  return unique.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

/**
 * A watch with speakers tracks them, everyone on their sides (a spokesman, a ministry) and anyone the article names
 * as speaking for one of them (`speaksFor`); without any, everyone.
 */
function isWatchedStatement(statement: Statement, watch: Pick<Watch, 'speakers' | 'sides'>): boolean {
  if (!watch.speakers?.length) return true;
  return voicesOf(statement).some((voice) => isWatchedSpeaker(voice, watch));
}

function isWatchedSpeaker(speaker: string, watch: Pick<Watch, 'speakers' | 'sides'>): boolean {
  if (watch.speakers?.some((name) => isSameName(speaker, name))) return true;
  if (Object.keys(watch.sides ?? {}).some((side) => describesSide(speaker, side))) return true;
  return Object.values(watch.sides ?? {}).some((members) => members.some((member) => speaksAs(speaker, member)));
}

/**
 * A side the watch names by a description ("Mediators (Kovena and NACC)", "operators"): a speaker the article gives
 * in those words ("the mediators said", "the operator said") is its voice. What the name adds in parentheses is left
 * out.
 */
function describesSide(speaker: string, side: string): boolean {
  const described = wordsOf(side.replace(/\([^)]*\)/g, ' '));
  const words = wordsOf(speaker);
  return described.length > 0 && words.length === described.length && words.every((word, k) => singularOf(word) === singularOf(described[k]));
}

/**
 * Judges a statement against the watch's ledger: the speaker's own earlier statements and their side's (`sides`).
 * `ledger` is the whole ledger, or the part of it an article needs (`readArticleLedger`).
 */
export function judgeStatement(statement: Statement, ledger: LedgerEntry[] | ArticleLedger, watch: Pick<Watch, 'sides'>): NoveltyVerdict {
  const { entries, summary } = Array.isArray(ledger) ? { entries: ledger, summary: undefined } : ledger;
  return compareWithLedger(statement, entries, { sides: Object.values(watch.sides ?? {}), summary });
}

/**
 * The statements of an article that a watch tracks: its speakers are hints to the reader (who names them as the watch
 * does), and a filter when it names any. An article whose byline names one of them is theirs (`authorOf`). Each names
 * what its side said earlier in the article (`linkSidesWithinArticle`).
 */
export function watchedStatements(
  paragraphs: string[],
  watch: Pick<Watch, 'speakers' | 'synonyms' | 'sides'>,
  known: KnownSpeaker[] = [],
  byline?: string,
): Statement[] {
  const speakers = [...(watch.speakers ?? []), ...groupsOf(watch.sides)];
  const author = authorOf(byline, watch.speakers ?? []);
  const watched = extractStatements(paragraphs, { speakers, synonyms: watch.synonyms, known, author })
    .map((statement) => namedAsTheWatchNamesThem(statement, watch))
    .map((statement) => namedByDescription(statement, paragraphs, watch))
    .filter((statement) => isWatchedStatement(statement, watch));
  return linkSidesWithinArticle(watched, Object.values(watch.sides ?? {}));
}

/**
 * The one watch speaker an article's byline names, words in order ("By Ana Lima", "Ana Lima, mayor of Norvale", "Ana
 * M. Lima"): the article's writer. None when it names none or several.
 */
export function authorOf(byline: string | undefined, speakers: string[]): string | undefined {
  if (!byline) return undefined;
  const words = wordsOf(byline);
  const named = speakers.filter((speaker) => isInOrder(wordsOf(speaker), words));
  return named.length === 1 ? named[0] : undefined;
}

/** Every word of `part` in `whole`, in the same order. */
function isInOrder(part: string[], whole: string[]): boolean {
  let at = 0;
  for (const word of whole) if (word === part[at]) at += 1;
  return part.length > 0 && at === part.length;
}

/**
 * The groups a watch's sides list by a plural noun ("bondholders", "official creditors"): "Bondholders rejected the
 * offer" names no one an article's names would, so the extractor takes them as it takes the watch's speakers.
 */
function groupsOf(sides: Watch['sides']): string[] {
  return Object.values(sides ?? {}).flat().filter(isGroupLabel);
}

/** A lower-case label whose last word is a plural noun and that no article opens ("the guild" is a description). */
function isGroupLabel(label: string): boolean {
  const head = label.split(/\s+/).at(-1) ?? '';
  return label === label.toLowerCase() && !/^(the|a|an) /.test(label) && singularOf(head) !== head;
}

/**
 * A speaker the article describes in words the watch's synonyms give a side member's name ("Norvale's competition
 * regulator", with "regulator" → "competition authority", is the side's "Norvale Competition Authority"): the
 * statement is that member's, under the name the watch follows. Only when a synonym names part of the description and
 * every word of it is then one of the member's; the longest such member wins.
 */
function namedAsTheWatchNamesThem(statement: Statement, watch: Pick<Watch, 'speakers' | 'synonyms' | 'sides'>): Statement {
  const { speaker } = statement;
  const synonyms = watch.synonyms;
  if (!speaker || !synonyms || isWatchedStatement(statement, watch)) return statement;
  const described = foldedWords(speaker, synonyms);
  // Not a label the synonyms leave as it is: "Tom" is not the side's "Tom Reyes" for holding one of his names.
  if (sameWords(described, foldedWords(speaker, {}))) return statement;
  const members = Object.values(watch.sides ?? {}).flat();
  const named = members
    .map((member) => ({ member, words: foldedWords(member, synonyms) }))
    .filter(({ words }) => described.size > 0 && [...described].every((word) => words.has(word)))
    .sort((a, b) => b.words.size - a.words.size)[0];
  return named ? { ...statement, speaker: named.member } : statement;
}

/**
 * "The company said …", "…, but the smaller party said …": a speaker the article gives only as a body's description
 * is the side whose member it named last before the statement, under the side's own name (when the side lists it
 * among its members, as a side that is a body does).
 */
function namedByDescription(statement: Statement, paragraphs: string[], watch: Pick<Watch, 'speakers' | 'sides'>): Statement {
  const { speaker } = statement;
  if (!speaker || !isBodyDescription(speaker) || isWatchedStatement(statement, watch)) return statement;
  // The article's text before the statement: `start` is its offset in the paragraphs joined.
  const before = paragraphs.join(PARAGRAPH_SEPARATOR).slice(0, statement.start ?? 0);
  const named = Object.entries(watch.sides ?? {})
    .filter(([side, members]) => members.includes(side))
    .map(([side, members]) => ({ side, at: Math.max(...members.map((member) => before.lastIndexOf(member))) }))
    .filter(({ at }) => at !== -1)
    .sort((a, b) => b.at - a.at)[0];
  return named ? { ...statement, speaker: named.side } : statement;
}

/**
 * A lower-case label of one body's noun, or of one and the adjective that sets it against another named before
 * ("company", "smaller party"). Not a body of its own kind ("national roads agency"), nor several ("the two companies").
 */
function isBodyDescription(label: string): boolean {
  const words = label.split(/\s+/);
  const head = words.at(-1) ?? '';
  const compared = words.length === 2 && COMPARING_ADJECTIVE.test(words[0]);
  return (words.length === 1 || compared) && label === label.toLowerCase() && singularOf(head) === head && DESCRIBED_BODY_HEADS.has(head);
}

/** "smaller", "larger", "biggest": an adjective that tells one body from another by comparing them. */
const COMPARING_ADJECTIVE = /^[a-z]+(er|est)$/;

/** A label's words with the watch's synonyms folded in ("competition regulator" → competition, authority). */
function foldedWords(label: string, synonyms: Record<string, string>): Set<string> {
  const words = wordsOf(label);
  const phrases = Object.entries(synonyms)
    .map(([from, to]) => ({ from: wordsOf(from), to: wordsOf(to) }))
    .filter(({ from }) => from.length > 0)
    .sort((a, b) => b.from.length - a.from.length);
  const folded: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = phrases.find(({ from }) => from.every((word, k) => words[i + k] === word));
    folded.push(...(phrase?.to ?? [words[i]]));
    i += phrase?.from.length ?? 1;
  }
  return new Set(folded.filter((word) => !LABEL_STOP_WORDS.has(word)));
}

const LABEL_STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'for']);

const sameWords = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((word) => b.has(word));

/**
 * Adds to each statement's `earlierInArticle` what its side said before it in the article: a deputy or a spokesman
 * restating the minister's lede is one side's point made twice, as the speaker's own quote behind it is. The side
 * comes from the watch, which the extractor does not know.
 */
function linkSidesWithinArticle(statements: Statement[], sides: string[][]): Statement[] {
  if (sides.length === 0) return statements;
  return statements.map((statement, index) => {
    const side = statement.speaker === null ? undefined : voicesOf(statement).map((voice) => sideOf(voice, sides)).find(Boolean);
    if (!side) return statement;
    const linked = new Set(statement.earlierInArticle?.map((earlier) => earlier.text));
    const more = statements
      .slice(0, index)
      .filter((other) => !linked.has(other.text) && other.speaker !== null && side.some((member) => speaksAs(other.speaker as string, member)))
      .map(earlierOf);
    return more.length === 0 ? statement : { ...statement, earlierInArticle: [...(statement.earlierInArticle ?? []), ...more] };
  });
}

/**
 * What the watch's statements say of their speakers: the fullest role and principal each has been given (most words,
 * the later on a tie), so "Ferrow Bay Water" is kept over a later article's "the utility".
 */
export function learnSpeakers(statements: Statement[], known = new Map<string, KnownSpeaker>()): Map<string, KnownSpeaker> {
  for (const { speaker, role, speaksFor } of statements) {
    if (!speaker || (!role && !speaksFor)) continue;
    const before = known.get(speaker);
    known.set(speaker, { name: speaker, role: fuller(before?.role, role), speaksFor: fuller(before?.speaksFor, speaksFor) });
  }
  return known;
}

/**
 * The known speakers an article's statements change (`learnSpeakers` over what was read before it): an article that
 * says nothing new of its speakers has nothing to write.
 */
export function speakersLearned(known: KnownSpeaker[], statements: Statement[]): KnownSpeaker[] {
  const before = new Map(known.map((speaker) => [speaker.name, speaker]));
  const after = learnSpeakers(statements, new Map(before));
  const unchanged = (speaker: KnownSpeaker) => before.get(speaker.name)?.role === speaker.role && before.get(speaker.name)?.speaksFor === speaker.speaksFor;
  return [...after.values()].filter((speaker) => !unchanged(speaker));
}

function fuller(before: string | undefined, now: string | undefined): string | undefined {
  if (!now) return before;
  return before && wordsOf(before).length > wordsOf(now).length ? before : now;
}

/** "Paul D. Ryan" and "Ryan" can be the watch's "Paul Ryan"; "Jack Ryan" is someone else (`canBeSamePerson`). */
function isSameName(label: string, name: string): boolean {
  return canBeSamePerson(wordsOf(label), wordsOf(name));
}
