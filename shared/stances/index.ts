/**
 * Stances: who states which position or condition in an article, and whether it is new against the ledger.
 */
import { attributeSentences, type AttributedClause } from './attribution.js';
import { addsToHeldStance, claimVocabulary, classifyStance, isReaffirmation, isRecall, isReiteration, isRestatement, normalizeClaim, withoutPartySubject, type ClaimVocabulary } from './claims.js';
// The patterns module alone: the digest function reads stances too and needs no HTML parser in its bundle.
import { BOILERPLATE_PATTERNS } from '../extract/patterns.js';
import { findMinistryOwners } from './ministries.js';
import { findRetinueOwners } from './retinue.js';
import { findSeatHolders } from './seats.js';
import { attributeCredits, attributeToAuthor } from './credits.js';
import { nameOrganizationsInFull } from './short-names.js';
import { mergeQuotations, type SentenceStatement } from './quotations.js';
import { isWord, joinTokens, PARAGRAPH_SEPARATOR, readSentences, type Sentence, type Token } from './sentences.js';
import { claimTokens, voicesOf } from './ledger.js';
import { attributeRelease } from './releases.js';
import { findAdSponsors } from './ads.js';
import { findPronounOwners } from './owned-sources.js';
import { buildSpeakerRegister, type KnownSpeaker, type Person } from './speakers.js';
import { surnameOf } from './surname.js';
import { tokenize } from '../dedupe/near-duplicate.js';
import { ALERT_KINDS, KIND_ORDER } from './patterns.js';
import type { EarlierInArticle, Statement } from './types.js';

export { compareWithLedger, speaksAs, type CompareOptions, CHANGED_SIMILARITY, MIN_SHOWN_SIMILARITY, REPEAT_SIMILARITY, SAME_ARTICLE_SIMILARITY } from './novelty.js';
export { StanceStatus, StatementKind } from './types.js';
export { ALERT_KINDS, KIND_ORDER } from './patterns.js';
export { CLAIM_VERSION } from './claims.js';
export type { EarlierInArticle, LedgerEntry, NoveltyVerdict, Statement } from './types.js';
export type { KnownSpeaker } from './speakers.js';
export { addToSummary, speakerKey, type Ledger, type LedgerSummary, type StoredStatement } from './ledger.js';

export interface ExtractOptions {
  /**
   * Names the watch follows (people or organisations, "Vladimir Putin", "Nordic Pilots Association"). They are
   * recognised by full name or surname even where the name finder misses them. Hints, not a filter.
   */
  speakers?: string[];
  /** Speakers earlier articles named with a role or a principal, which this article may leave out. */
  known?: KnownSpeaker[];
  /**
   * The watch's topic vocabulary: words and phrases folded into one claim token, so a reworded statement compares
   * equal ("Tokyo" → "japan", "security pact" → "alliance"). The rules hold only the language's own synonyms.
   */
  synonyms?: Record<string, string>;
  /**
   * One of `speakers` whom the article's byline names as its writer (an op-ed, a post on a company's own site): what the
   * article says in no one else's name is theirs.
   */
  author?: string;
}

/**
 * Finds the statements of position, condition, demand, offer, refusal and concern in an article's paragraphs.
 *
 * Stages: readSentences (bounded to `MAX_ARTICLE_READ_CHARS`, runaway sentences cut at `MAX_SENTENCE_CHARS`; wink-nlp:
 * sentences, tokens, POS, lemmas, quotations) → buildSpeakerRegister (compromise names, roles, the caller's speakers)
 * → attributeSentences (reporting verbs in both orders, pronouns and titles, quotes running on) → findMinistryOwners,
 * findSeatHolders, findRetinueOwners, findAdSponsors and findPronounOwners (whom a bare ministry, a seat of
 * government, unnamed aides, an ad or "her office" speak for) →
 * attributeRelease (a press release's unattributed sentences are its issuer's) → nameOrganizationsInFull ("the
 * Chronicle" named before in full) → classifyStance (`STANCE_CUES`; unattributed sentences only on a strong cue) →
 * normalizeClaim (a party subject such as "the union" left out) → dropRepeatsWithinArticle → linkWithinArticle (each
 * statement names the speaker's earlier ones in the article, for `compareWithLedger`).
 *
 * @example
 * extractStatements(['Russian President Vladimir Putin said Japan first needs to change its position on Ukraine.'])
 * // → [{ speaker: 'Vladimir Putin', role: 'Russian President', kind: 'condition', polarity: 'positive',
 * //      claim: 'change japan position ukraine', … }]
 */
export function extractStatements(paragraphs: string[], options: ExtractOptions = {}): Statement[] {
  const sentences = readSentences(paragraphs).filter(isArticleSentence);
  const register = buildSpeakerRegister(sentences, options.speakers, options.known);
  const clauses = attributeSentences(sentences, register);
  findMinistryOwners(clauses, sentences, register.people);
  findSeatHolders(clauses, sentences, register.people);
  findRetinueOwners(clauses, register);
  findAdSponsors(clauses, sentences, register.people);
  findPronounOwners(clauses, sentences, register.people);
  attributeRelease(clauses, paragraphs);
  attributeCredits(clauses, sentences, register);
  attributeToAuthor(clauses, register, options.author);
  nameOrganizationsInFull(clauses);
  const vocabulary = claimVocabulary(options.synonyms);
  const found = clauses.flatMap((clause) => toStatement(clause, vocabulary));
  const shown = found.map((item) => showWholeSentence(item, found));
  return linkWithinArticle(dropRepeatsWithinArticle(mergeQuotations(shown, sentences, paragraphs.join(PARAGRAPH_SEPARATOR))));
}

/** True for a statement a digest reports when new or changed: a stance, not a bare claim. */
export function isAlertable(statement: Pick<Statement, 'kind'>): boolean {
  return ALERT_KINDS.has(statement.kind);
}

/**
 * A paywall or subscription prompt left inside a paragraph ("This article is for subscribers. Subscribe to read the
 * full story: …") is the site speaking, not the article: its sentences state nothing.
 */
function isArticleSentence(sentence: Sentence): boolean {
  return !SITE_PROMPTS.some((pattern) => pattern.test(sentence.text));
}

const SITE_PROMPTS = [BOILERPLATE_PATTERNS.paywall, BOILERPLATE_PATTERNS.subscriptionPitch];

interface FoundStatement {
  statement: Statement;
  clause: AttributedClause;
}

/**
 * A clause that is its sentence's only statement is shown as the whole sentence; the reader needs its context. Not
 * one that follows another subject's clause ("Carson proposed an agency, while Bush said …"): shown whole, it would
 * put Carson's words under Bush's name.
 */
function showWholeSentence({ statement, clause }: FoundStatement, found: FoundStatement[]): SentenceStatement {
  const only = new Set(found.filter((other) => other.clause.sentenceIndex === clause.sentenceIndex).map((other) => other.clause)).size === 1;
  const alone = only && !followsAnotherClause(clause);
  const text = alone ? clause.sentenceText : statement.text;
  const start = clause.sentenceStart + Math.max(0, clause.sentenceText.indexOf(text));
  return { statement: { ...statement, text, start, end: start + text.length }, sentenceIndex: clause.sentenceIndex, wholeSentence: alone };
}

/**
 * The clause opens after a semicolon, or after a contrast ("…, while", "…, but") with a subject of its own: not "…, but
 * told city leaders …" (the same subject's second verb) nor "a statement that, while condemning violence, …".
 */
function followsAnotherClause(clause: AttributedClause): boolean {
  const at = clause.sentenceText.indexOf(clause.text);
  if (at <= 0) return false;
  const lead = clause.sentenceText.slice(0, at);
  if (/;\s*$/.test(lead)) return true;
  // The conjunction ends the lead ("…, while | Bush said") or opens the clause ("…, | but Reyes said").
  const opened = /,\s*$/.test(lead) && CONTRAST_OPENING.test(clause.text);
  if (!CONTRAST_BREAK.test(lead) && !opened) return false;
  return OWN_SUBJECT.test(clause.text.replace(CONTRAST_OPENING, '').trimStart());
}

const CONTRAST_BREAK = /,\s*(while|whereas|but|yet)\s*$/i;
const CONTRAST_OPENING = /^(while|whereas|but|yet)\b/i;
/** A subject that opens a clause: a capitalised word, or a personal pronoun. */
const OWN_SUBJECT = /^(\p{Lu}|(he|she|they|we|i|it)\b)/u;

function toStatement(clause: AttributedClause, vocabulary: ClaimVocabulary): FoundStatement[] {
  const stance = classifyStance(clause.verb, clause.content, {
    attributed: clause.speaker !== null,
    stanceVerb: clause.stanceVerb,
    asks: clause.asks,
    unsaid: clause.unsaid,
    spoken: clause.listed,
  });
  if (!stance) return [];
  const exclude = new Set([...(clause.speaker?.words ?? []), ...(clause.coSpeaker?.words ?? [])]);
  const claim = normalizeClaim([...clause.context, ...withoutPartySubject(clause.content)], { negated: stance.polarity === 'negative', exclude, vocabulary });
  if (!claim) return [];
  // "Not yet.", "Absolutely not.": a short answer that names nothing it is about states nothing on its own ("That was
  // not good enough" still judges what came before).
  if (claimTokens(claim).size === 0 && clause.content.filter(isWord).length <= MAX_BARE_ANSWER_WORDS) return [];
  if (endsInElidedVerb(clause.content)) return [];
  const said: Statement = { speaker: null, kind: stance.kind, polarity: stance.polarity, text: clause.text, claim, paragraphIndex: clause.paragraphIndex };
  const statement = clause.speaker ? spokenBy(said, clause.speaker) : said;
  if (stance.withdrawn) statement.withdrawn = true;
  if (isRestatement(clause.content)) statement.restates = true;
  // What goes on to add a point is not held to an earlier stance as a whole.
  if (isReaffirmation(clause.text) && !addsToHeldStance(clause.text, 'reaffirms')) statement.reaffirms = true;
  if (isReiteration(clause.text) && !addsToHeldStance(clause.text, 'reiterates')) statement.reiterates = true;
  if (isRecall(clause.frame ?? '', clause.text, joinTokens(clause.content)) && !addsToHeldStance(clause.text, 'recalls')) statement.recalls = true;
  if (isQuotation(clause.content)) statement.quotation = true;
  // "Trump and Cruz said …": the same statement is each one's, for each one's ledger.
  return clause.coSpeaker ? [{ statement: spokenBy(statement, clause.coSpeaker), clause }, { statement, clause }] : [{ statement, clause }];
}

/**
 * "Of course it would.", "I'd love to.", "As for a deal, I hope so.": a clause whose verb phrase is left out, to be
 * read from the question before it, states nothing on its own.
 */
function endsInElidedVerb(content: Token[]): boolean {
  const words = content.filter((token) => isWord(token) && !token.quoteMark);
  const last = words.at(-1);
  const before = words.at(-2);
  // Not "what it is", "how hard that can be", "never meant to be": a question word or a "be" ends its own clause.
  if (!last || words.length > MAX_ELLIPSIS_WORDS || words.some((token) => QUESTION_WORDS.has(token.normal))) return false;
  // Not "certainty Norvale has never had": after an auxiliary, "had" is the verb.
  const auxiliaryBefore = words.slice(0, -1).reverse().find((token) => token.pos !== 'ADV' && token.normal !== 'not')?.pos === 'AUX';
  if (last.pos === 'AUX' && last.lemma !== 'be' && !auxiliaryBefore) return true;
  if (last.normal === 'to' && before?.pos === 'VERB' && before.lemma !== 'be') return true;
  return last.normal === 'so' && before?.pos === 'VERB' && ELLIPSIS_SO_VERBS.has(before.lemma);
}

const QUESTION_WORDS = new Set(['what', 'where', 'how', 'who', 'why', 'which', 'whatever', 'when']);

/** The most words of an answer that leaves its verb phrase out ("As for a deal, I hope so" has six). */
const MAX_ELLIPSIS_WORDS = 7;
const ELLIPSIS_SO_VERBS = new Set(['hope', 'think', 'believe', 'expect', 'suppose', 'guess', 'imagine']);

/** Words of an answer too short to be about anything when its claim keeps none ("Absolutely not"). */
const MAX_BARE_ANSWER_WORDS = 3;

/** The statement as said by `person`, with their role and principal (and no one else's). */
function spokenBy(statement: Statement, person: Person): Statement {
  const { role: _role, speaksFor: _speaksFor, ...said } = statement;
  return { ...said, speaker: person.name, ...(person.role ? { role: person.role } : {}), ...(person.speaksFor ? { speaksFor: person.speaksFor } : {}) };
}

/** Most of what was said is inside quotation marks: the speaker's words, not a report of them. */
function isQuotation(content: Token[]): boolean {
  const words = content.filter(isWord);
  return words.length > 0 && words.filter((token) => token.quoted).length >= QUOTATION_SHARE * words.length;
}

/** Share of a clause's words in quotation marks that makes it a quotation (a report may quote a phrase or two). */
const QUOTATION_SHARE = 0.8;

/** A statement as a later one of the same voice names it (`earlierInArticle`). */
export const earlierOf = ({ text, claim, paragraphIndex, quotation }: Statement): EarlierInArticle => ({ text, claim, paragraphIndex, ...(quotation ? { quotation } : {}) });

/**
 * Gives each statement the earlier ones in the article of the same voice (the speaker, or a spokesperson and whom they
 * speak for): the ledger judges a lede and its quote together.
 * A quotation right after the speaker's report in the same paragraph (or the lede's) also names that report (`backs`).
 */
function linkWithinArticle(statements: Statement[]): Statement[] {
  return statements.map((statement, index) => {
    const earlier = statements.slice(0, index).filter((other) => sameVoice(other, statement));
    if (earlier.length === 0) return statement;
    const linked: Statement = { ...statement, earlierInArticle: earlier.map(earlierOf) };
    const report = earlier[earlier.length - 1];
    if (statement.speaker && backsReport(statement, report)) linked.backs = report.text;
    return linked;
  });
}

/** Two statements speak as one when they share a voice: the same speaker, or a spokesperson and whom they speak for. */
function sameVoice(a: Statement, b: Statement): boolean {
  if (a.speaker === b.speaker) return true;
  const voices = new Set(voicesOf(a).map(surnameOf));
  return voicesOf(b).some((voice) => voices.has(surnameOf(voice)));
}

/**
 * A quotation gives the words behind the report before it: same paragraph (or the lede's report and the second
 * paragraph's quotation, the inverted pyramid's opening), the report not itself a quotation, and the quotation states no
 * firmer kind of stance than the report (`KIND_ORDER`: a quote that adds a condition to a report of a position is news).
 */
function backsReport(quotation: Statement, report: Statement): boolean {
  const lede = report.paragraphIndex === 0 && quotation.paragraphIndex === 1;
  if (!quotation.quotation || report.quotation || (report.paragraphIndex !== quotation.paragraphIndex && !lede)) return false;
  // "said the authority would consider proposals, adding that it was “for the parties … to solve”": a point added.
  if (ADDING.test(quotation.text)) return false;
  return KIND_ORDER.indexOf(quotation.kind) >= KIND_ORDER.indexOf(report.kind);
}

/** A clause that opens with a participle of adding ("adding that …", "and added: …"): a further point. */
const ADDING = /^(and )?(adding|added)\b/i;

/** An article that repeats itself (a standfirst, a caption) says it once. */
function dropRepeatsWithinArticle(statements: Statement[]): Statement[] {
  const seen = new Set<string>();
  const kept: Said[] = [];
  for (const statement of statements) {
    const key = `${statement.speaker ?? ''}|${statement.kind}|${statement.claim}`;
    const said = saidIn(statement);
    if (seen.has(key) || kept.some((earlier) => quotesAgain(said, earlier))) continue;
    seen.add(key);
    kept.push(said);
  }
  return kept.map(({ statement }) => statement);
}

/** A statement with its words, lower case and spaced, with a space either side (so that one holds another whole). */
interface Said {
  statement: Statement;
  words: string;
  count: number;
}

function saidIn(statement: Statement): Said {
  const words = tokenize(statement.text.toLowerCase());
  return { statement, words: ` ${words.join(' ')} `, count: words.length };
}

/**
 * The statement's words, all of them and in order, are in an earlier statement of the same speaker: a post the article
 * quotes in its prose and embeds as well, or a quotation it pulls out again.
 */
function quotesAgain(said: Said, earlier: Said): boolean {
  const { speaker } = said.statement;
  return !!speaker && speaker === earlier.statement.speaker && said.count >= MIN_REQUOTED_WORDS && earlier.words.includes(said.words);
}

/** Fewer words may well be said twice ("We will not sign."). */
const MIN_REQUOTED_WORDS = 6;
