/**
 * Anchors: the reporting verbs of a sentence with their subjects ("Putin said", ", said Putin", "according to X",
 * "is calling for", ", saying …"), found where they stand outside quotation marks.
 */
import {
  ACCUSING_VERBS,
  ATTRIBUTING_VERBS,
  CALLED_OFF_ACTIONS,
  CHARACTERISING_VERBS,
  DESCRIBED_BODY_HEADS,
  FIRST_PERSON_PRONOUNS,
  FRONTED_CLAUSE_OPENERS,
  GENERIC_PERSON_NOUNS,
  GENERIC_TITLES,
  GIVEN_UP_STANCES,
  HALTING_VERBS,
  INSISTING_ADJECTIVES,
  INSTITUTION_NAME_JOINERS,
  JUDGING_ADJECTIVES,
  LIST_CONJUNCTIONS,
  LISTENER_VERBS,
  ORGANIZATION_HEADS,
  OTHER_VERB_PARTICLES,
  PERSON_DESCRIPTION_HEADS,
  PHRASAL_REPORTING_VERBS,
  PHRASAL_STANCE_VERBS,
  POSSESSIVE_DETERMINERS,
  POSSESSIVE_MARKS,
  POSTMODIFYING_ADJECTIVES,
  QUESTION_OPENERS,
  QUOTE_CLOSING_VERBS,
  REPORTED_CLAUSE_OPENERS,
  RELATIVE_PRONOUNS,
  REPORTING_VERB_FRAMES,
  ROLE_WORDS,
  SPEAKER_POSSESSIVES,
  SPEAKER_PRONOUNS,
  STANCE_ADJECTIVES,
  STANCE_VERBS,
  STATEMENT_NOUNS,
  SUBJECT_PRONOUNS,
  isTitleNoun,
  UNSPEAKING_HEADS,
  WITHDRAWING_VERBS,
} from './lexicon.js';
import {
  AGAINST_FACTS,
  ANONYMITY_REQUEST,
  EMBEDDED_CLAUSE_WORDS,
  HOLDING_OUT_FOR,
  MAX_ADJUNCT_TOKENS,
  MAX_APPOSITIVE_TOKENS,
  MAX_LISTENER_TOKENS,
  MAX_REPORTED_PHRASE_TOKENS,
  MAX_TIME_SPAN_ADJUNCT_TOKENS,
  MAX_NAME_WORDS,
  MAX_ROLE_TOKENS,
  MAX_SOURCE_PHRASE_TOKENS,
  SUBORDINATORS,
  SUPPORT_WITHDRAWING_VERBS,
  TERMS_MOVED,
} from './patterns.js';
import {
  DASHES,
  findNameEndingAt,
  findNameStartingAt,
  INTENSIFIERS,
  isDashAt,
  isRoleModifier,
  joinsInstitutionName,
  roleStartBefore,
  skipParenthesis,
  skipToSubjectEnd,
  titleQualifiers,
  type Person,
  type SpeakerRegister,
} from './speakers.js';
import { followsComma, isCapitalized, isCommaBetweenCapitals, isDeterminer, isFiniteVerb, isIrregularParticiple, isModifyingParticiple, isRelativeWhoAt, isWord, type Token } from './sentences.js';
import { isRepresentedAt } from './principals.js';
import { capitalizedOwnerBefore, isPluralNoun, sourceSpeaker } from './sources.js';

/** Who an anchor's subject is, before resolution against the article's speakers. */
export type Subject =
  /** `also`: a second person the subject joins with "and" ("Trump and Cruz said"), who says it too. */
  | { type: 'person'; person: Person; also?: Person }
  | { type: 'pronoun'; at: number }
  /** `second`: the title is the holder's second's ("the vice president"); `former`: held before ("the former mayor"). */
  | { type: 'title'; head: string; fallback?: Person; describesPerson?: true; at?: number; second?: boolean; former?: boolean; qualifier?: string; place?: string }
  /** `owned`: the role is a body's ("its chief executive", "the union's leader"). */
  | { type: 'source'; person: Person; owned?: boolean }
  /** "The statement also said …": a document someone just issued, which says what they say. */
  | { type: 'document' }
  /**
   * "It also raised its offer …", "They said …": "it" or "they" opens the clause, the body or group that spoke just
   * before.
   */
  | { type: 'body' }
  | { type: 'unnamed' };

export interface Anchor {
  verbStart: number;
  verbEnd: number;
  subjectStart: number;
  subjectEnd: number;
  /** Subject after the verb (", said Putin", "according to Nogami"). */
  inverted: boolean;
  subject: Subject;
  lemma: string;
  /** A stance verb ("refuses to", "wants"): the verb is part of what the subject holds, not a verb of saying. */
  stance?: boolean;
  /** An -ing verb hanging on the clause before it (", saying …"): what it reports always follows it. */
  participle?: boolean;
  /**
   * A participle hanging on a clause that takes a stance ("rejected the plan, saying …"): where that clause's stance
   * verb is (`verb`) and where that clause begins (`start`). The participle gives the reason for that stance, and the
   * statement holds both.
   */
  explains?: { start: number; verb: number };
  /** A statement the sentence mentions as its owner's ("his statement that …"), not one it reports being made. */
  mentioned?: true;
}

/** Every anchor of a sentence, in order. */
export function findAnchors(tokens: Token[], register: SpeakerRegister): Anchor[] {
  const anchors: Anchor[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.quoted || token.quoteMark) continue;
    const anchor = token.normal === 'according' && tokens[i + 1]?.normal === 'to'
      ? anchorAccordingTo(tokens, i, register)
      : anchorVerb(tokens, i, register);
    // "Thorley said Australia would not accept it, calling it “a step backwards”": the naming goes with what was said.
    const namesWhatWasSaid = anchor?.stance && anchor.subjectStart === anchor.verbStart && anchors.length > 0;
    if (anchor && !namesWhatWasSaid && !isEmbedded(tokens, anchor, anchors) && !isReducedRelative(tokens, anchor) && !asksAnonymity(tokens, anchor) && !isKnownToSpeaker(tokens, anchor)) {
      anchors.push(anchor);
      i = Math.max(i, anchor.verbEnd, anchor.inverted ? anchor.subjectEnd : i);
    }
  }
  if (anchors.length > 0) return withContrastedStances(tokens, withLeadingStance(tokens, withMainStance(tokens, withReportedParty(tokens, anchors, register), register), register), register);
  const stance =
    anchorMannerColon(tokens, register) ??
    anchorNamedStatementColon(tokens, register) ??
    anchorQuotationColon(tokens, register) ??
    anchorInOnesView(tokens, register) ??
    anchorHeldViewIs(tokens, register) ??
    anchorStanceVerb(tokens, register) ??
    anchorStanceInAdverbialClause(tokens, register) ??
    anchorStanceInRelativeClause(tokens, register) ??
    anchorOwnedStatement(tokens, register);
  return stance ? [stance] : [];
}

/**
 * "…, the people said, asking not to be identified because the talks are private": a source asking for anonymity says
 * why it is not named, not what it holds (`classifyStance` leaves out a clause that says only that: "…, who asked not
 * to be named").
 */
function asksAnonymity(tokens: Token[], anchor: Anchor): boolean {
  if (!ANONYMITY_ASKING_VERBS.has(anchor.lemma)) return false;
  const lemmas = tokens.slice(anchor.verbEnd + 1, anchor.verbEnd + 5).map((token) => token.lemma).join(' ');
  return ASKS_NOT_TO_BE_NAMED.test(lemmas);
}

const ANONYMITY_ASKING_VERBS = new Set(['ask', 'request']);
const ASKS_NOT_TO_BE_NAMED = new RegExp(`^${ANONYMITY_REQUEST}`);

/**
 * "In a string of new radio ads announced Wednesday, Trump and his supporters talk …", "In a message posted in
 * December, the account …": a participle after a noun inside the phrase a sentence opens with describes the noun; the
 * noun is no subject. Known by the phrase running from the opening preposition to the noun without a comma, the noun's
 * determiner or preposition, and a comma after the verb (and its dates) that opens a main clause of its own.
 */
function isReducedRelative(tokens: Token[], anchor: Anchor): boolean {
  const object = tokens[anchor.subjectStart]?.pos === 'DET' || ['ADP', 'DET'].includes(tokens[anchor.subjectStart - 1]?.pos ?? '');
  // A preposition, not a subordinator wink tags as one ("As the Post reported, …", "After Clinton testified, …").
  const preposition = tokens[0]?.pos === 'ADP' && !FRONTED_CLAUSE_OPENERS.has(tokens[0].normal);
  if (anchor.inverted || anchor.stance || !preposition || !object) return false;
  if (tokens.slice(0, anchor.subjectStart).some((token) => token.text === ',' || token.quoteMark)) return false;
  let k = anchor.verbEnd + 1;
  while (tokens[k] && (tokens[k].pos === 'ADV' || isDatedAt(tokens, k))) k += 1;
  if (tokens[k]?.text !== ',' || tokens[k + 1]?.quoteMark === 'open') return false;
  return tokens.slice(k + 1).some((token) => !token.quoted && isFiniteVerb(token));
}

/**
 * "He was challenged over his statement on Wednesday that “Islam hates us”", "Trump's offer to make an exception was
 * rebuffed": what someone's statement, promise or offer says, in a sentence that reports nothing else. Its owner
 * (a name and its possessive mark, or "his", "her") is the speaker; a short adjunct may stand before the clause.
 */
function anchorOwnedStatement(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  // Not in an opening adjunct ("Despite Lima's claims that the fund is full, the audit found a gap"): what it says
  // would run on into the main clause.
  for (let i = Math.max(1, leadingAdjunctsEnd(tokens)); i < tokens.length; i += 1) {
    const noun = tokens[i];
    if (noun.pos !== 'NOUN' || noun.quoted || !OWNED_STATEMENT_NOUNS.has(noun.lemma) || !opensOwnedContent(tokens, i)) continue;
    const owner = ownerBefore(tokens, i, register);
    if (owner) return { verbStart: i, verbEnd: i, subjectStart: owner.start, subjectEnd: i - 1, inverted: false, subject: owner.subject, lemma: noun.lemma, mentioned: true };
  }
  return undefined;
}

/** Nouns of something said that carry what was said in a "that" clause or a "to" infinitive after them. */
export const OWNED_STATEMENT_NOUNS = new Set(['statement', 'claim', 'comment', 'remark', 'assertion', 'suggestion', 'promise', 'pledge', 'vow', 'offer', 'proposal', 'threat', 'warning', 'insistence', 'argument']);

/** The noun's owner: "his", "her", or a name with its possessive mark ("Trump's"). */
function ownerBefore(tokens: Token[], noun: number, register: SpeakerRegister): { start: number; subject: Subject } | undefined {
  const k = beforeAdjectives(tokens, noun);
  if (SPEAKER_POSSESSIVES.has(tokens[k]?.normal ?? '')) return { start: k, subject: { type: 'pronoun', at: k } };
  if (!POSSESSIVE_MARKS.has(tokens[k]?.text ?? '')) return undefined;
  // The name that ends at the mark (`findNameEndingAt` passes over an owner's name on purpose).
  for (let start = Math.max(0, k - MAX_NAME_WORDS); start < k; start += 1) {
    // The name's own words only: not the verb before it ("challenged Reyes's claim").
    if (!isCapitalized(tokens[start])) continue;
    const named = findNameStartingAt(tokens, start, register);
    if (named && named.end === k - 1 && !named.person.organization) return { start, subject: { type: 'person', person: named.person } };
  }
  return undefined;
}

/** The token before the lower-case adjectives of the noun at `noun` ("his earlier statement", "the union's main demand"). */
function beforeAdjectives(tokens: Token[], noun: number): number {
  let k = noun - 1;
  while (k > 0 && tokens[k].pos === 'ADJ' && !isCapitalized(tokens[k])) k -= 1;
  return k;
}


/**
 * After the noun, past a short adjunct ("on Wednesday", "last week"): a "that" opening a clause, or "to" and a verb.
 * Not a relative "that" with its verb right after it ("his statement that followed the vote").
 */
function opensOwnedContent(tokens: Token[], noun: number): boolean {
  for (let k = noun + 1; k < tokens.length && k <= noun + MAX_OWNED_ADJUNCT_TOKENS + 1; k += 1) {
    const token = tokens[k];
    if (token.normal === 'to') return tokens[k + 1]?.pos === 'VERB';
    if (token.normal === 'that') return !['VERB', 'AUX'].includes(tokens[k + 1]?.pos ?? '');
    if (!(token.pos === 'ADP' || token.entity === 'DATE' || token.pos === 'DET' || token.pos === 'PROPN' || token.pos === 'ADJ')) return false;
  }
  return false;
}

/** The longest adjunct between such a noun and its clause ("on Wednesday", "at the rally last week"). */
const MAX_OWNED_ADJUNCT_TOKENS = 5;

/**
 * "Fennick wants the city to waive the fees, which he said cost …", "The district accepted the proposal, according to
 * both sides": when every verb of saying is an aside (in a relative clause or a clause of time or reason, or "according
 * to" no one in particular, or people known only by what they know cited before or after the stance), the sentence's
 * subject still takes the stance in its main verb.
 */
function withMainStance(tokens: Token[], anchors: Anchor[], register: SpeakerRegister): Anchor[] {
  const isAside = (anchor: Anchor) =>
    (anchor.lemma === 'according to' && (anchor.subject.type === 'unnamed' || isAnonymous(anchor.subject))) ||
    anonymousTrailer(tokens, anchor) !== undefined ||
    [anchor.subjectStart - 1, anchor.subjectStart].some((k) => RELATIVE_PRONOUNS.has(tokens[k]?.normal ?? '')) ||
    // "… - moves that he said improved the economy": "that" after a noun opens a relative clause too.
    (tokens[anchor.subjectStart - 1]?.normal === 'that' && tokens[anchor.subjectStart - 2]?.pos === 'NOUN') ||
    // "…, extending the mandate after he reported that talks had stalled": a clause of time or reason tells what led
    // to the stance.
    ADVERBIAL_OPENERS.has(tokens[anchor.subjectStart - 1]?.normal ?? '');
  if (!anchors.every(isAside)) return anchors;
  const stance = anchorStanceVerb(tokens, register);
  if (!stance || stance.verbStart >= anchors[0].subjectStart) return anchors;
  // A relative aside says something of the stance's object ("which he said cost …"): it belongs to the statement.
  // "According to …" or an anonymous trailer after it cites the source (see `splitClauses`), and ends what the subject
  // holds.
  const citations = anchors.map((anchor) => (anchor.lemma === 'according to' ? anchor : anonymousTrailer(tokens, anchor)));
  return [stance, ...citations.filter((anchor) => anchor !== undefined)];
}

/**
 * "Lima wants a 6% raise, and she told the council that …", "The group now wants a 22% haircut — and it is telling
 * anyone who will listen that …": a main clause whose subject takes a stance in its verb, before a clause joined to it
 * by "and" or "but" that reports, is a statement of its own.
 */
function withLeadingStance(tokens: Token[], anchors: Anchor[], register: SpeakerRegister): Anchor[] {
  const [first] = anchors;
  // The conjunction opens the subject's span (", and she told") or stands before it.
  const joined = COORDINATORS.has(tokens[first.subjectStart]?.normal ?? '') ? first.subjectStart : first.subjectStart - 1;
  // Its own subject: ", and vowed …" shares the sentence's, and its clause is the whole sentence's already.
  if (first.inverted || first.stance || !joinsClauseAt(tokens, joined) || first.verbStart <= joined + 1) return anchors;
  const stance = anchorStanceVerb(tokens.slice(0, joined - 1), register);
  return stance ? [stance, ...anchors] : anchors;
}

/** The word at `k` opens the sentence, or a clause after a comma, or one joined by "and" or "but" after a break. */
function opensMainClause(tokens: Token[], k: number): boolean {
  return k === leadingAdjunctsEnd(tokens) || tokens[k - 1]?.text === ',' || joinsClauseAt(tokens, k - 1);
}

/** "and" or "but" at `k` after a mark that ends a clause (", and", "— but"). */
function joinsClauseAt(tokens: Token[], k: number): boolean {
  return COORDINATORS.has(tokens[k]?.normal ?? '') && COORDINATED_CLAUSE_BREAKS.has(tokens[k - 1]?.text ?? '');
}

/** Marks before "and" or "but" that end a clause (not "Lima and she", a subject of two). */
const COORDINATED_CLAUSE_BREAKS = new Set([',', ';', ...DASHES]);

/**
 * "People familiar with the matter said Norvale was prepared to …", "Officials said on Monday that Norvale had told the
 * city it would …": a source known only by what it knows, cited before what it reports, tells how the writer knows, as
 * one cited after it does (`anonymousTrailer`). When what it reports opens with a named party (or a body named by its
 * kind, "the company") that says something, or takes a stance in a verb of the clause ("had retained counsel and was
 * prepared to …", "had not ruled out …"), the statement is that party's. What the source only says of the party
 * ("said Tenney could end up winning") stays the source's.
 */
function withReportedParty(tokens: Token[], anchors: Anchor[], register: SpeakerRegister): Anchor[] {
  const [source] = anchors;
  if (source.inverted || source.stance || source.lemma === 'according to' || !isAnonymous(source.subject)) return anchors;
  if (source.subjectStart !== leadingAdjunctsEnd(tokens)) return anchors;
  const start = reportedClauseStart(tokens, source.verbEnd + 1);
  // Read from the clause's start, so that the source before it is not taken for the subject.
  const partyOf = (verb: number) => {
    const { subjectEnd, found } = subjectBefore(tokens.slice(start), verb - start, register);
    const party = found && found.start === 0 && (isNamedParty(found.subject) || isDescribedBody(found.subject));
    return party ? { subjectStart: start, subjectEnd: subjectEnd + start, subject: found.subject } : undefined;
  };
  // "Norvale had told the city it would …": the party's own verb of saying, which took the source for its subject.
  const said = anchors.find((anchor) => anchor !== source && anchor.verbStart > start && !anchor.inverted);
  const speaker = said && partyOf(said.verbStart);
  if (said && speaker) return [{ ...said, ...speaker }, ...anchors.filter((anchor) => anchor !== source && anchor !== said)];
  const verb = tokens.findIndex((token, k) => k > start && !token.quoted && isFiniteVerb(token));
  const party = verb === -1 ? undefined : partyOf(verb);
  const takesStance = (token: Token, k: number) => k >= verb && !token.quoted && ((token.pos === 'VERB' && isStanceVerb(tokens, k)) || stanceAdjectiveAfter(tokens, k) !== undefined);
  return party && tokens.some(takesStance) ? [{ ...source, subject: party.subject }, ...anchors.slice(1)] : anchors;
}

/** A word of a date, or the preposition that opens one: "Tuesday", "on | Tuesday", "in | March". */
function isDatedAt(tokens: Token[], k: number): boolean {
  return tokens[k]?.entity === 'DATE' || (tokens[k]?.pos === 'ADP' && tokens[k + 1]?.entity === 'DATE');
}

/** Where a reported clause opens after its verb of saying: past a date ("on Monday") and "that". */
function reportedClauseStart(tokens: Token[], k: number): number {
  let start = k;
  while (isDatedAt(tokens, start)) start += 1;
  return tokens[start]?.normal === 'that' ? start + 1 : start;
}

const ADVERBIAL_OPENERS = new Set(['after', 'before', 'because', 'when', 'once', 'until']);

/**
 * "Rusta lowered its offer, officials said Thursday, while Belora offered to exempt …": after an attribution that
 * ends its clause, a clause set against it by ", while" or ", whereas", whose own subject takes a stance in its first
 * verb, is that subject's statement. (Inside what is reported, "Cruz said only he kept his promise, while Rubio sought
 * a compromise", it is still the speaker's.)
 */
function withContrastedStances(tokens: Token[], anchors: Anchor[], register: SpeakerRegister): Anchor[] {
  const added: Anchor[] = [];
  for (let j = 1; j < tokens.length - 2; j += 1) {
    if (!opensContrastedClause(tokens, j + 2) || tokens[j].quoted || !anchors.some((anchor) => endsAt(tokens, anchor, j))) continue;
    // "…, while Reyes said …" is an anchor already.
    const clauseEnd = tokens.findIndex((token, k) => k > j + 1 && (token.text === ',' || token.quoted));
    const end = clauseEnd === -1 ? tokens.length : clauseEnd;
    if (anchors.some((anchor) => anchor.verbStart > j && anchor.verbStart < end)) continue;
    const verb = tokens.findIndex((token, k) => k > j + 1 && k < end && token.pos === 'VERB');
    if (verb === -1 || !isStanceVerb(tokens, verb) || /ing$/.test(tokens[verb].normal)) continue;
    const anchor = stanceAnchorAt(tokens, verb, register);
    if (anchor?.subjectStart === j + 2) added.push(anchor);
  }
  return added.length === 0 ? anchors : [...anchors, ...added].sort((a, b) => a.verbStart - b.verbStart);
}

/**
 * "Belora will cut its tariff …, while Rusta will suspend its duties …, the two governments said": a joint voice ("the
 * two governments", "both sides", "the companies said in a joint statement") says what each party named in its clauses
 * does, and each party is that clause's speaker. The clauses of the content (`start` to `end`), split where a clause is
 * set against the one before it; undefined unless the anchor's subject is a joint voice and every clause opens with a
 * named party (a person or a proper-noun body) and its verb.
 */
export function jointVoiceParts(tokens: Token[], anchor: Anchor, start: number, end: number, register: SpeakerRegister): Array<{ anchor: Anchor; start: number; end: number }> | undefined {
  if (!isJointVoice(tokens, anchor)) return undefined;
  const partyAt = (from: number, to: number) => {
    const verb = tokens.findIndex((token, k) => k >= from && k < to && !token.quoted && isFiniteVerb(token));
    if (verb === -1) return undefined;
    const { subjectEnd, found } = subjectBefore(tokens, verb, register);
    if (!found || found.start < from || !isNamedParty(found.subject)) return undefined;
    const party: Anchor = { verbStart: subjectEnd + 1, verbEnd: subjectEnd + 1, subjectStart: found.start, subjectEnd, inverted: false, subject: found.subject, lemma: anchor.lemma };
    return { party, named: found.start };
  };
  // Each clause starts after ", while" or ", whereas", or after "and" when a named party opens it ("Acme would sell its
  // unit and Borka would keep its name"); the clause before ends at the conjunction.
  const breaks = [{ from: start, cut: end }];
  for (let k = start + 1; k < end; k += 1) {
    if (tokens[k].quoted) continue;
    const contrast = opensContrastedClause(tokens, k + 1);
    const joined = tokens[k].normal === 'and' && partyAt(k + 1, end)?.named === k + 1;
    if (contrast || joined) breaks.push({ from: k + 1, cut: tokens[k - 1]?.text === ',' ? k - 1 : k });
  }
  const voiced = breaks.map(({ from }, n) => {
    const to = n + 1 < breaks.length ? breaks[n + 1].cut : end;
    const found = partyAt(from, to);
    return found && { anchor: found.party, start: found.named, end: to };
  });
  return voiced.every((part) => part !== undefined) ? (voiced as Array<{ anchor: Anchor; start: number; end: number }>) : undefined;
}

/** "the two governments", "both sides", "the three companies", or bodies that speak "in a joint statement". */
function isJointVoice(tokens: Token[], anchor: Anchor): boolean {
  if (anchor.subject.type !== 'source') return false;
  const subject = tokens.slice(anchor.subjectStart, anchor.subjectEnd + 1);
  const head = tokens[anchor.subjectEnd];
  // Bodies that speak as one: "the two lawmakers" or "both candidates" speak for themselves, of whomever they name.
  // "the top candidates of both parties" are candidates: a phrase with a preposition is not headed by its last noun.
  if (!head || !JOINT_BODIES.has(head.normal) || subject.some((token) => token.pos === 'ADP')) return false;
  const counted = subject.some((token) => JOINT_COUNTS.has(token.normal));
  const after = tokens.slice(anchor.verbEnd + 1, anchor.verbEnd + 1 + MAX_REPORTED_PHRASE_TOKENS);
  const jointStatement = after.some((token, k) => token.normal === 'joint' && DOCUMENT_NOUNS.has(after[k + 1]?.lemma ?? ''));
  return counted || jointStatement;
}

const JOINT_COUNTS = new Set(['two', 'both', 'three']);

const JOINT_BODIES = new Set(['governments', 'sides', 'countries', 'nations', 'states', 'companies', 'firms', 'groups', 'parties', 'campaigns', 'ministries', 'administrations', 'unions', 'organizations', 'organisations']);

/** A party named in a clause: a person, or a body by its proper name ("Belora", "Acme Corp"), not a role. */
function isNamedParty(subject: Subject): boolean {
  return subject.type === 'person' || (subject.type === 'source' && subject.person.organization === true);
}

/** A body the article has named, described by its kind ("the company", "the union"): the watch knows whose it is. */
function isDescribedBody(subject: Subject): boolean {
  return subject.type === 'title' && !subject.describesPerson && DESCRIBED_BODY_HEADS.has(subject.head);
}

/** Whether an attribution ends right before `comma` ("officials said Thursday,", "said the ministry,"). */
function endsAt(tokens: Token[], anchor: Anchor, comma: number): boolean {
  let k = (anchor.inverted ? anchor.subjectEnd : anchor.verbEnd) + 1;
  while (k < comma && (tokens[k].pos === 'ADV' || isDatedAt(tokens, k))) k += 1;
  return k === comma;
}

/** Whether the clause at `start` is set against the one before it: ", while …", ", whereas …". */
export function opensContrastedClause(tokens: Token[], start: number): boolean {
  return tokens[start - 2]?.text === ',' && CONTRASTING_CONJUNCTIONS.has(tokens[start - 1]?.normal ?? '');
}

const CONTRASTING_CONJUNCTIONS = new Set(['while', 'whereas']);

/** "people familiar with the talks", "a source close to her": a source named by what it knows, not who it is. */
function isAnonymous(subject: Subject): boolean {
  if (subject.type !== 'source') return false;
  // "officials said", with nothing to say whose, or "officials briefed on the talks": known no better than "people
  // familiar with the talks".
  const [head, next] = subject.person.words;
  return ANONYMOUS_HEADS.has(head ?? '') || (head === 'officials' && (next === undefined || next === 'with' || POSTMODIFYING_ADJECTIVES.has(next)));
}

const ANONYMOUS_HEADS = new Set([...GENERIC_PERSON_NOUNS, 'source', 'sources']);

/**
 * "…, people familiar with the talks said", "…, two of the people said": a source known only by what it knows, cited
 * after what it reports. It tells how the writer knows, as "according to" does; the stance is the sentence subject's.
 * Returns the anchor from the start of its group ("two of"), which wink leaves out of the subject.
 */
function anonymousTrailer(tokens: Token[], anchor: Anchor): Anchor | undefined {
  const head = tokens[anchor.subjectEnd]?.normal ?? '';
  // "one of them said", after people it does not name: one of those people.
  const ofThem = head === 'them' && tokens[anchor.subjectStart - 1]?.normal === 'of' && tokens[anchor.subjectStart - 2]?.pos === 'NUM';
  if (!isAnonymous(anchor.subject) && !(anchor.subject.type === 'unnamed' && (ANONYMOUS_HEADS.has(head) || ofThem))) return undefined;
  if (anchor.inverted) return tokens[anchor.verbStart - 1]?.text === ',' ? anchor : undefined;
  const part = tokens[anchor.subjectStart - 1]?.normal === 'of' && tokens[anchor.subjectStart - 2]?.pos === 'NUM';
  const subjectStart = part ? anchor.subjectStart - 2 : anchor.subjectStart;
  return tokens[subjectStart - 1]?.text === ',' ? { ...anchor, subjectStart } : undefined;
}

/**
 * "They agreed on a plan after Corvel dropped its demand that …", "… after he refused to say that Jerusalem …": a
 * clause of time whose subject takes a stance in its first verb. The writer states it as an event the main clause
 * follows, but it is the subject's stance all the same; so does "even as", which sets it against the main clause ("cut
 * deliveries even as its minister offered to …"). ("because", "when", "since" and a bare "as" were tried: on PolNeAR
 * train they add as many wrong speakers, or statements no one made, as right ones.) "While" and a stance verb's -ing
 * form ("toured the depot while skewering the governor as …") is the sentence subject's stance as it goes.
 */
function anchorStanceInAdverbialClause(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  for (let j = 0; j < tokens.length; j += 1) {
    if (tokens[j].quoted) continue;
    // "toured the depot while skewering the governor as …": the sentence's subject takes the stance as it goes.
    if (tokens[j].normal === 'while' && /ing$/.test(tokens[j + 1]?.normal ?? '') && isStanceVerb(tokens, j + 1)) {
      const anchor = anchorParticiple(tokens, j + 1, j + 1, register);
      if (anchor) return { ...anchor, stance: true };
    }
    const evenAs = tokens[j].normal === 'as' && tokens[j - 1]?.normal === 'even';
    if (!(ADVERBIAL_CLAUSE_OPENERS.has(tokens[j].normal) || evenAs)) continue;
    // The clause's first verb, after its auxiliaries ("after Corvel had dropped …").
    const verb = tokens.findIndex((token, k) => k > j + 1 && token.pos === 'VERB');
    if (verb === -1 || !isStanceVerb(tokens, verb) || /ing$/.test(tokens[verb].normal)) continue;
    const anchor = stanceAnchorAt(tokens, verb, register);
    // The subject opens the clause ("after Corvel dropped"); "after a year of polls, Iowans are expected" is a phrase.
    if (anchor && anchor.subjectStart === j + 1) return anchor;
  }
  return undefined;
}

/**
 * "But Mayor Ana Lima, who endorsed the levy on Thursday, is making her pitch …": a relative clause right after a
 * person's name whose first verb takes a stance is that person's stance (not "who had opposed it", told as before).
 */
function anchorStanceInRelativeClause(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  for (let j = 2; j < tokens.length; j += 1) {
    if (tokens[j].normal !== 'who' || tokens[j - 1].text !== ',' || tokens[j].quoted) continue;
    const named = findNameEndingAt(tokens, j - 2, register);
    if (!named || named.person.organization || named.person.institutional) continue;
    let verb = j + 1;
    // "who has endorsed", "who did not back"; not "who had opposed" or "who’d endorsed" (before the story), nor "who
    // was backed by" (a passive).
    while (tokens[verb]?.pos === 'ADV' || RELATIVE_AUXILIARIES.has(tokens[verb]?.normal ?? '')) verb += 1;
    if (tokens[verb]?.pos !== 'VERB' || !isStanceVerb(tokens, verb) || /ing$/.test(tokens[verb].normal)) continue;
    const verbEnd = PHRASAL_STANCE_VERBS[tokens[verb].lemma] ? verb + 1 : verb;
    return { verbStart: j + 1, verbEnd, subjectStart: named.start, subjectEnd: j - 2, inverted: false, subject: { type: 'person', person: named.person }, lemma: tokens[verb].lemma, stance: true };
  }
  return undefined;
}

const RELATIVE_AUXILIARIES = new Set(['has', 'have', 'does', 'do', 'did', 'not', 'will']);

/** Words that open a clause of time that reports an earlier or later event ("after", "before"). */
const ADVERBIAL_CLAUSE_OPENERS = new Set(['after', 'before']);

/**
 * "Ryan was diplomatic, but firm — Trump must prove that he deserves the nomination": the subject described by how
 * they spoke, then a colon or a dash, then what they said.
 */
function anchorMannerColon(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  const mark = tokens.findIndex((token) => COLON_MARKS.has(token.text) && !token.quoted);
  if (mark < 3) return undefined;
  let k = mark - 1;
  let manner = false;
  for (; k > 0; k -= 1) {
    const token = tokens[k];
    if (MANNER_OF_SPEAKING.has(token.normal)) manner = true;
    else if (!(token.pos === 'ADV' || token.text === ',' || COORDINATORS.has(token.normal))) break;
  }
  if (!manner || tokens[k].lemma !== 'be') return undefined;
  const { subjectEnd, found } = subjectBefore(tokens, k, register);
  // "Lusk's message to the company was clear: …": the message's owner, not whom it went to; "Lusk's answer was blunt:
  // …": the answer's owner, a person the article names, not a source called "Lusk's answer".
  const noun = found && tokens[found.start - 1]?.pos === 'ADP' ? found.start - 2 : found ? subjectEnd : -1;
  const owner = noun > 0 && NAMED_STATEMENT_NOUNS.has(tokens[noun].lemma) ? (ownerBefore(tokens, noun, register) ?? bodyBefore(tokens, noun, register)) : undefined;
  const speaker = owner ?? found;
  if (!speaker || speaker.subject.type === 'unnamed') return undefined;
  return { verbStart: k, verbEnd: mark, subjectStart: speaker.start, subjectEnd, inverted: false, subject: speaker.subject, lemma: 'say' };
}

/**
 * "Orlo set two conditions: …", "Amsel added a demand to the union’s list: …", "Ryan delivered a blunt message to
 * Trump: “…”": a verb whose object names something said (`NAMED_STATEMENT_NOUNS`, with its determiner, adjectives and
 * whom it goes to), then a colon, then what was said. The verb's subject says it.
 */
function anchorNamedStatementColon(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  const mark = tokens.findIndex((token) => token.text === ':' && !token.quoted);
  if (mark < 3) return undefined;
  // Back over whom it goes to ("to the union’s list", "to Trump") to the noun.
  let noun = mark - 1;
  while (noun > 0 && !NAMED_STATEMENT_NOUNS.has(tokens[noun].lemma) && mark - noun <= MAX_NAMED_STATEMENT_TAIL && isRecipientPart(tokens[noun])) noun -= 1;
  if (!NAMED_STATEMENT_NOUNS.has(tokens[noun].lemma) || tokens[noun].pos !== 'NOUN') return undefined;
  // Back over its determiner and adjectives, and an indirect object ("gave Trump an unmistakable message"), to the verb.
  let verb = noun - 1;
  while (verb > 0 && noun - verb <= MAX_NAMED_STATEMENT_TAIL && isObjectPart(tokens[verb])) verb -= 1;
  // "had one message:": "have" as the main verb, whatever wink tags it.
  const main = tokens[verb]?.pos === 'VERB' || tokens[verb]?.lemma === 'have';
  if (!main) return undefined;
  const { subjectEnd, found } = subjectBefore(tokens, verb, register);
  if (!found || found.subject.type === 'unnamed' || found.subject.type === 'document') return undefined;
  return { verbStart: verb, verbEnd: mark, subjectStart: found.start, subjectEnd, inverted: false, subject: found.subject, lemma: 'say' };
}

/**
 * "Christie gloated: “…”", "She then addressed the supporters again: “…”", "Lima went on: “…”": a clause that opens
 * the sentence with its subject and verb, then a colon and a quotation. Whatever the verb, the quotation is the
 * subject's words. Not what the subject was told or asked (a "be" before the verb: "was told: “…”"), nor what they
 * heard, read or saw quoted.
 */
function anchorQuotationColon(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  const mark = tokens.findIndex((token) => token.text === ':' && !token.quoted);
  if (mark < 2 || tokens[mark + 1]?.quoteMark !== 'open') return undefined;
  const start = leadingAdjunctsEnd(tokens);
  const verb = tokens.findIndex((token, k) => k > start && k < mark && token.pos === 'VERB' && !token.quoted);
  // "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “…”": a headline in capitals quotes a source after it.
  const headline = verb !== -1 && /\p{Lu}{2}/u.test(tokens[verb].text) && tokens[verb].text === tokens[verb].text.toUpperCase();
  if (verb === -1 || headline || NOT_QUOTING_VERBS.has(tokens[verb].lemma) || tokens.slice(start, verb).some((token) => token.lemma === 'be' || token.quoteMark)) return undefined;
  const { subjectEnd, found } = subjectBefore(tokens, verb, register);
  if (!found || found.start !== start || ['unnamed', 'document', 'body'].includes(found.subject.type)) return undefined;
  return { verbStart: verb, verbEnd: mark, subjectStart: found.start, subjectEnd, inverted: false, subject: found.subject, lemma: 'say' };
}

/**
 * "In her view, the depot must stay open", "In Lima's words, …": a sentence that opens with whose view or words it
 * gives says what follows as its owner's.
 */
function anchorInOnesView(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  if (tokens[0]?.normal !== 'in') return undefined;
  const noun = tokens.findIndex((token, k) => k <= MAX_NAME_WORDS + 2 && VIEW_NOUNS.has(token.normal));
  if (noun === -1 || tokens[noun + 1]?.text !== ',') return undefined;
  // The owner right after "In" (a name found from "In" starts there too).
  const owner = ownerBefore(tokens, noun, register);
  if (!owner || owner.start > 1) return undefined;
  return { verbStart: 0, verbEnd: noun + 1, subjectStart: 1, subjectEnd: noun - 1, inverted: false, subject: owner.subject, lemma: 'say' };
}

/**
 * "The ministry's position is that the tender cannot be reopened", "Lusk's view is that …", "The union's main demand is
 * a 9 percent raise", "The company's latest offer includes …": a sentence that opens with someone's position or view
 * and "is that", or their demand, offer or terms and "is" or "includes" with a noun phrase, says what follows as the
 * owner's. Not "The union's demand was unrealistic", someone else's judgment of it.
 */
function anchorHeldViewIs(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  const start = leadingAdjunctsEnd(tokens);
  const isHeld = (token: Token) => HELD_VIEW_NOUNS.has(token.normal) || TERMS_NOUNS.has(token.lemma);
  const noun = tokens.findIndex((token, k) => k > start && k <= start + MAX_NAME_WORDS + 2 && token.pos === 'NOUN' && isHeld(token));
  if (noun === -1 || !['be', 'include'].includes(tokens[noun + 1]?.lemma ?? '')) return undefined;
  const next = tokens[noun + 2];
  const spelled = next?.normal === 'that' || (TERMS_NOUNS.has(tokens[noun].lemma) && next !== undefined && (next.pos === 'DET' || next.pos === 'NUM'));
  if (!spelled) return undefined;
  const owner = ownerBefore(tokens, noun, register) ?? bodyBefore(tokens, noun, register);
  if (!owner || owner.start !== start) return undefined;
  return { verbStart: noun, verbEnd: noun + 1, subjectStart: owner.start, subjectEnd: noun - 1, inverted: false, subject: owner.subject, lemma: 'say' };
}

/** Nouns of a view held, which "is that" spells out. */
const HELD_VIEW_NOUNS = new Set(['position', 'view', 'stance', 'belief', 'contention', 'argument']);

/** Nouns of terms put to the other side, which "is" or "includes" spells out ("The union's main demand is a …"). */
const TERMS_NOUNS = new Set(['demand', 'offer', 'proposal', 'condition', 'term', 'request', 'priority']);

/** A body or source that owns the noun at `noun` ("the ministry's position", "the union's main demand"). */
function bodyBefore(tokens: Token[], noun: number, register: SpeakerRegister): { start: number; subject: Subject } | undefined {
  const mark = beforeAdjectives(tokens, noun);
  if (!POSSESSIVE_MARKS.has(tokens[mark]?.text ?? '')) return undefined;
  const found = findSubjectEndingAt(tokens, mark - 1, register);
  return found && (found.subject.type === 'source' || found.subject.type === 'title') ? found : undefined;
}

/** What "In her …," gives as someone's: their view or their words. */
const VIEW_NOUNS = new Set(['view', 'words', 'opinion', 'estimation', 'judgment', 'judgement']);

/** Verbs after which a colon quotes someone else: what was asked, heard, read or seen. */
const NOT_QUOTING_VERBS = new Set(['ask', 'hear', 'read', 'see', 'watch', 'overhear', 'receive', 'get']);

/** Nouns naming something said that a colon then spells out ("two conditions:", "one message:"). */
const NAMED_STATEMENT_NOUNS = new Set(['condition', 'precondition', 'demand', 'term', 'requirement', 'message', 'warning', 'offer', 'proposal', 'ultimatum', 'plea', 'pledge', 'promise', 'vow', 'answer', 'reply', 'response', 'request', 'advice']);
/** The most words between the verb, its noun and the colon ("a blunt message to Trump"). */
const MAX_NAMED_STATEMENT_TAIL = 6;
const isRecipientPart = (token: Token) => isNounPhrasePart(token) || token.pos === 'ADP' || token.pos === 'PRON' || POSSESSIVE_MARKS.has(token.text);
const isObjectPart = (token: Token) => ['DET', 'NUM', 'ADJ', 'PROPN', 'ADV', 'PRON'].includes(token.pos) || token.text === ',' || token.normal === 'and';

/** What a colon-like mark is written as: a colon, or a dash set off by spaces. */
const COLON_MARKS = new Set([':', '—', '–', '--']);

/** Adjectives of how someone spoke, which a colon or dash then quotes ("was blunt:", "was firm —"). */
const MANNER_OF_SPEAKING = new Set([
  'firm',
  'clear',
  'blunt',
  'adamant',
  'emphatic',
  'unequivocal',
  'categorical',
  'explicit',
  'candid',
  'frank',
  'direct',
  'defiant',
  'diplomatic',
  'simple',
]);

/**
 * "I know the order says under 18, and we think 16 is right": in an answer in the speaker's own words, what someone
 * else says after "I know", "we accept" or "I understand" is part of the speaker's statement, not one of its own.
 */
function isKnownToSpeaker(tokens: Token[], anchor: Anchor): boolean {
  if (anchor.inverted) return false;
  let k = anchor.subjectStart - 1;
  if (tokens[k]?.normal === 'that') k -= 1;
  const verb = tokens[k];
  return verb !== undefined && KNOWING_VERBS.has(verb.lemma) && FIRST_PERSON_PRONOUNS.has(tokens[k - 1]?.normal ?? '');
}

const KNOWING_VERBS = new Set(['know', 'understand', 'accept', 'realise', 'realize', 'recognise', 'recognize', 'appreciate']);

/**
 * "Walsh noted that Ohio boasted only one paid staffer": an anchor inside the "that"-clause of an earlier one reports
 * what the first speaker says, not a second statement. A trailing anchor (", Kommersant reported") is kept.
 */
function isEmbedded(tokens: Token[], anchor: Anchor, earlier: Anchor[]): boolean {
  const previous = earlier[earlier.length - 1];
  if (!previous || previous.inverted) return false;
  // "said Tuesday that according to its analysis, the party has won …": the source is part of what was said.
  if (anchor.inverted) return anchor.lemma === 'according to' && tokens[anchor.verbStart - 1]?.normal === 'that' && previous.verbEnd < anchor.verbStart;
  const before = tokens[anchor.subjectStart - 1];
  if (before && (before.text === ',' || before.quoteMark === 'close')) return false;
  if (joinsSubordinateClause(tokens, previous.verbEnd, anchor.subjectStart)) return true;
  const window = tokens.slice(previous.verbEnd + 1, Math.min(anchor.subjectStart, previous.verbEnd + 1 + MAX_ADJUNCT_TOKENS));
  // "Briggs said Sharpton asked for the meeting", "told reporters Sharpton asked": a subject right after the verb (and
  // its listener) opens the reported clause too.
  const listener = LISTENER_VERBS.has(previous.lemma) ? window.findIndex((token) => !isNounPhrasePart(token)) : 0;
  // The subject's determiner belongs to it: "said her peers referred to the levy as …".
  const determiners = window.length - 1 - window.findLastIndex((token) => !isDeterminer(token));
  const between = window.slice(listener === -1 ? window.length : listener, window.length - determiners);
  const adjuncts = between.every((token) => token.pos === 'ADV' || token.entity === 'DATE');
  const opensClause = anchor.subjectStart === previous.verbEnd + 1 + window.length && (adjuncts || isConjunctBefore(between));
  return opensClause || window.some((token) => token.normal === 'that');
}

/**
 * "said it would not resume easing until the currency steadies and the government explains how …": a clause joined by
 * "and" or "or" to a clause of condition, time or reason inside what was said is part of that clause, whatever its verb.
 */
function joinsSubordinateClause(tokens: Token[], from: number, subjectStart: number): boolean {
  if (!LIST_CONJUNCTIONS.has(tokens[subjectStart - 1]?.normal ?? '')) return false;
  for (let k = subjectStart - 2; k > from; k -= 1) {
    if (tokens[k].text === ',' || tokens[k].text === ';' || tokens[k].quoteMark) return false;
    if (CLAUSE_SUBORDINATORS.has(tokens[k].normal)) return true;
  }
  return false;
}

const CLAUSE_SUBORDINATORS = new Set([...ADVERBIAL_OPENERS, 'unless', 'if']);

/** "Cruz said (both) he and Rubio promised …": a pronoun or name and "and" or "or" before the subject are part of it. */
function isConjunctBefore(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last || !LIST_CONJUNCTIONS.has(last.normal)) return false;
  const conjunct = tokens.slice(0, -1);
  const names = conjunct.some((token) => token.pos === 'PRON' || token.pos === 'PROPN');
  return names && conjunct.every((token) => ['PRON', 'PROPN', 'DET'].includes(token.pos) || token.normal === 'both');
}

/**
 * A sentence with no verb of saying whose subject takes a stance in its main verb: "Sanders has rebuffed pressure to
 * rein in his supporters", "The ministry plans to raise tariffs". The subject must be someone (a named person, a
 * pronoun, a source); "The plan would require" states nobody's stance.
 */
function anchorStanceVerb(tokens: Token[], register: SpeakerRegister): Anchor | undefined {
  const start = leadingAdjunctsEnd(tokens);
  for (let i = start + 1; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.quoted || token.quoteMark) return undefined;
    // "Hugo Fennick, the utility's managing director, refused …", "…, who runs the utility, refused …": the verbs of
    // an appositive set off by commas after the subject are not the sentence's.
    const closing = token.text === ',' && isSubjectSoFar(tokens, start, i) ? appositiveClose(tokens, i) : undefined;
    if (closing !== undefined) {
      i = closing;
      continue;
    }
    if (token.pos === 'SCONJ' || EMBEDDED_CLAUSE_WORDS.has(token.normal)) return undefined;
    if (token.pos !== 'VERB' && token.pos !== 'AUX') continue;
    // "has had to repudiate": the stance is in the verb after "to", its subject before "have".
    if (isObligedStance(tokens, i)) return stanceAnchorAt(tokens, i, register, i + 2);
    if (isAspectualStance(tokens, i)) return isPastPerfect(tokens, i) ? undefined : stanceAnchorAt(tokens, i, register, i + 1);
    if (isWithheldStance(tokens, i)) return stanceAnchorAt(tokens, i, register, i + 3);
    const spent = stanceTimeSpentOn(tokens, i);
    if (spent !== undefined) return isPastPerfect(tokens, i) ? undefined : stanceAnchorAt(tokens, i, register, spent);
    const adjective = stanceAdjectiveAfter(tokens, i);
    if (adjective !== undefined) return isPastPerfect(tokens, i) ? undefined : stanceAnchorAt(tokens, i, register, adjective);
    // "The draft requires parties to report …", "The agency's draft decision requires …": what a document stipulates,
    // its issuer's or owner's terms.
    if (STIPULATING_VERBS.has(token.lemma) && token.pos === 'VERB' && isDocumentSubject(tokens, i, register)) return stanceAnchorAt(tokens, i, register);
    // An -ing form takes a stance only in the progressive ("is seeking"; "Seeking a deal, …" hangs on the clause
    // after it), any other form only outside "be" ("was backed by" is passive).
    const ing = /ing$/.test(token.normal);
    // wink reads "had" as the auxiliary even as the main verb of an idiom ("had harsh words for").
    const auxiliary = token.pos === 'AUX' && token.lemma !== 'have';
    if (auxiliary || !isStanceVerb(tokens, i) || ing !== isProgressive(tokens, i)) {
      if (token.pos === 'VERB') return coordinatedStance(tokens, i, register); // the main verb is another verb
      continue;
    }
    // "The union had sought a ban …": a main clause in the past perfect tells what came before the story, not a stance
    // taken in it (in a clause of time, "after Reyes had dropped his demand", it is the event the story follows).
    if (isPastPerfect(tokens, i)) return undefined;
    return stanceAnchorAt(tokens, i, register);
  }
  return undefined;
}

/**
 * The subject before the verb at `i` is a document ("the draft", "it" after one), or one document whose owner or
 * issuer the phrase names ("the agency's draft decision", "a new Labor Department rule"; not "GOP rules", which are
 * many, nor a bare "Plan").
 */
function isDocumentSubject(tokens: Token[], i: number, register: SpeakerRegister): boolean {
  const { subjectEnd, found } = subjectBefore(tokens, i, register);
  if (!found) return false;
  const head = tokens[subjectEnd];
  const owned = head !== undefined && TERMS_DOCUMENT_NOUNS.has(head.lemma) && !isPluralNoun(head) && found.start < subjectEnd;
  return found.subject.type === 'document' || found.subject.type === 'body' || owned;
}

/**
 * "O'Malley spoke at the forum on Sunday, and criticized Sanders": a stance verb joined by "and" or "but" to the main
 * verb at `main` shares the subject the sentence opens with (`coordinatedSubject`).
 */
function coordinatedStance(tokens: Token[], main: number, register: SpeakerRegister): Anchor | undefined {
  // Not in a clause that opens the sentence ("after Clinton … dropped … and agreed, Sanders …"), nor after a passive or
  // a copula ("Perez is experienced and lauded for …").
  let before = main - 1;
  while (before > 0 && (tokens[before].pos === 'ADV' || tokens[before].pos === 'PART')) before -= 1;
  // "has been touring … and claiming": "be" before an -ing form is its progressive.
  const passiveOrCopula = tokens[before]?.lemma === 'be' && !/ing$/.test(tokens[main].normal);
  if (tokens.slice(0, main).some((token) => token.pos === 'SCONJ') || passiveOrCopula) return undefined;
  for (let j = main + 1; j < tokens.length; j += 1) {
    const token = tokens[j];
    // Nor in an infinitive ("left it to others to praise his record and defend …") or a relative clause.
    const clause = (token.normal === 'to' && token.pos === 'PART') || RELATIVE_WORDS.has(token.normal);
    if (token.quoted || token.quoteMark || token.pos === 'SCONJ' || EMBEDDED_CLAUSE_WORDS.has(token.normal) || clause) return undefined;
    // Another -ing form hangs on the clause as a participle (`anchorParticiple`).
    if (token.pos !== 'VERB' || (/ing$/.test(token.normal) && !sharesProgressive(tokens, j)) || !isStanceVerb(tokens, j)) continue;
    const conjunction = conjunctionBefore(tokens, j);
    const subject = conjunction === -1 ? undefined : coordinatedSubject(tokens, j, conjunction, register);
    if (!subject) continue;
    const verbEnd = PHRASAL_STANCE_VERBS[token.lemma] ? j + 1 : j;
    // "and no longer insists on …", "and did not rule out …": the negation is the stance's.
    const negated = tokens.slice(conjunction + 1, j).some((between) => ['not', 'no', 'never'].includes(between.normal));
    return { verbStart: negated ? conjunction + 1 : j, verbEnd, subjectStart: conjunction, subjectEnd: conjunction, inverted: false, subject, lemma: token.lemma, stance: true };
  }
  return undefined;
}

/** Words that open a relative clause: the relative pronouns, "whose" and "that". */
const RELATIVE_WORDS = new Set([...RELATIVE_PRONOUNS, 'whose', 'that']);

/**
 * The anchor of the stance verb at `stance` with its subject before the verb at `i` (the same verb, or "have" in "has
 * had to repudiate"): someone (a named person, a pronoun, a source; "The plan would require" states nobody's stance),
 * and no modal of possibility between them.
 */
function stanceAnchorAt(tokens: Token[], i: number, register: SpeakerRegister, stance = i): Anchor | undefined {
  // "the hearing of Norvale City Council on the proposed depot": after a determiner the participle qualifies a noun.
  if (tokens[i - 1]?.pos === 'DET' || POSSESSIVE_DETERMINERS.has(tokens[i - 1]?.normal ?? '')) return undefined;
  const { subjectEnd, found } = subjectBefore(tokens, i, register);
  // A title names its holder ("the union is seeking …", "the president proposed …"); a description does not.
  if (!found || found.subject.type === 'unnamed' || isDescription(found.subject)) return undefined;
  if (isFreeRelative(tokens, found.start) && !isPseudoCleft(tokens, stance)) return undefined;
  // "Mr. Ryan may still offer talking points": the writer guesses what the subject might do; no stance is taken.
  if (tokens.slice(subjectEnd + 1, i).some((between) => SPECULATIVE_MODALS.has(between.normal))) return undefined;
  // The verb takes its auxiliaries and negation ("did not rule out") and its particle: the stance is in all of them.
  const verbEnd = PHRASAL_STANCE_VERBS[tokens[stance].lemma] ? stance + 1 : stance;
  return { verbStart: subjectEnd + 1, verbEnd, subjectStart: found.start, subjectEnd, inverted: false, subject: found.subject, lemma: tokens[stance].lemma, stance: true };
}

/**
 * The person a sentence with no verb of saying is about, as the subject of its first verb ("The chair, Ambassador Ivo
 * Pelt, closed the session with a warning."): whom a quotation right after it in the paragraph goes to.
 */
export function subjectPerson(tokens: Token[], register: SpeakerRegister): Person | undefined {
  const subject = sentenceSubject(tokens, register)?.subject;
  return subject?.type === 'person' ? subject.person : undefined;
}

/**
 * The subject that opens a sentence (after its leading adjuncts), of its first finite verb outside quotation marks, and
 * the token where it ends.
 */
export function sentenceSubject(tokens: Token[], register: SpeakerRegister): { subject: Subject; end: number } | undefined {
  const verb = tokens.findIndex((token) => !token.quoted && isFiniteVerb(token));
  if (verb <= 0) return undefined;
  const { subjectEnd, found } = subjectBefore(tokens, verb, register);
  // A body the watch names starts after its article ("The Norvale Transit Authority published …").
  const opening = leadingAdjunctsEnd(tokens);
  const afterArticle = tokens[opening]?.normal === 'the' && found?.subject.type === 'person' && found.start === opening + 1;
  return found && (found.start === opening || afterArticle) ? { subject: found.subject, end: subjectEnd } : undefined;
}

/** A subject that opens a free relative: "what" before it, or taken into it ("what she" of "what she truly believes"). */
function isFreeRelative(tokens: Token[], subjectStart: number): boolean {
  return tokens[subjectStart - 1]?.normal === 'what' || tokens[subjectStart]?.normal === 'what';
}

/**
 * After a free relative's stance verb, "is" says what the stance is ("What Beijing wants first is a loan"); another
 * verb makes the free relative its subject, a stance named and not taken ("what she truly wants remains a mystery").
 */
function isPseudoCleft(tokens: Token[], stance: number): boolean {
  const next = tokens.findIndex((token, k) => k > stance && (token.pos === 'VERB' || token.pos === 'AUX'));
  return next !== -1 && tokens[next].lemma === 'be';
}

/** A description ("the Vermont senator") may be anyone the article has named, unlike a title ("the president"). */
function isDescription(subject: Subject): boolean {
  return subject.type === 'title' && subject.describesPerson === true;
}

/** Whether the tokens from `start` to `end` can be a subject: no verb, no comma, ending in a noun. */
function isSubjectSoFar(tokens: Token[], start: number, end: number): boolean {
  const phrase = tokens.slice(start, end);
  return ['NOUN', 'PROPN'].includes(phrase.at(-1)?.pos ?? '') && !phrase.some((token) => token.pos === 'VERB' || token.pos === 'AUX' || token.text === ',');
}

/**
 * The comma that closes an appositive opened by the comma at `open`, within `MAX_APPOSITIVE_TOKENS` and unquoted, when
 * a verb follows it ("Fennick, the utility's managing director, refused").
 */
export function appositiveClose(tokens: Token[], open: number): number | undefined {
  for (let k = open + 1; k < tokens.length && k <= open + MAX_APPOSITIVE_TOKENS; k += 1) {
    if (tokens[k].quoteMark) return undefined;
    // "Reyes, president of the guild, which says it has 6,000 members, wants …": a relative clause goes on with it.
    if (tokens[k].text !== ',' || RELATIVE_PRONOUNS.has(tokens[k + 1]?.normal ?? '')) continue;
    // Adverbs and a date may stand before the verb: "…, who has been feuding with leaders, on Friday described …".
    let next = k + 1;
    const skipped = (token: Token | undefined) => token?.pos === 'ADV' || token?.entity === 'DATE' || (token?.pos === 'ADP' && tokens[next + 1]?.entity === 'DATE');
    while (skipped(tokens[next])) next += 1;
    return tokens[next]?.pos === 'VERB' || tokens[next]?.pos === 'AUX' ? k : undefined;
  }
  return undefined;
}

/**
 * The adjective of "is willing to", "is not yet prepared to", "remains opposed to", "is adamant that", "is critical of"
 * (or the noun of "is in favor of") after the "be" or "remain" at `i`, if it holds a stance.
 */
function stanceAdjectiveAfter(tokens: Token[], i: number): number | undefined {
  if (tokens[i].lemma !== 'be' && tokens[i].lemma !== 'remain') return undefined;
  let k = i + 1;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'PART') k += 1;
  const next = tokens[k + 1]?.normal;
  // "is in favor of": the noun holds the stance, as an adjective does.
  if (tokens[k]?.normal === 'in' && (next === 'favor' || next === 'favour') && tokens[k + 2]?.normal === 'of') return k + 1;
  // "is against the levy", "remains firmly against it"; not "is against the law", whose stance is the law's.
  if (tokens[k]?.normal === 'against' && isOpposedThing(tokens[k + 1]) && !AGAINST_FACTS.includes(tokens[k + 2]?.lemma ?? '')) return k;
  const judges = JUDGING_ADJECTIVES.has(tokens[k]?.normal ?? '') && (next === 'of' || next === 'about');
  const holds = (STANCE_ADJECTIVES.has(tokens[k]?.normal ?? '') && next === 'to') || (INSISTING_ADJECTIVES.has(tokens[k]?.normal ?? '') && next === 'that') || judges;
  return holds ? k : undefined;
}

/**
 * What one can be against: a thing named by a determiner, a pronoun, a name or a bare noun ("against tolls"), or a
 * gerund ("against raising the levy").
 */
function isOpposedThing(token: Token | undefined): boolean {
  if (token === undefined || token.entity === 'DATE') return false;
  return ['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ'].includes(token.pos) || (token.pos === 'VERB' && token.normal.endsWith('ing'));
}

/**
 * "spent much of her campaign railing against the toll", "spent the week attacking the governor": time spent doing
 * something is doing it. Where the stance verb is, after "spend" at `i` and a short object of time; undefined otherwise.
 */
function stanceTimeSpentOn(tokens: Token[], i: number): number | undefined {
  if (tokens[i].lemma !== 'spend') return undefined;
  for (let k = i + 1; k <= i + MAX_TIME_SPENT_TOKENS && tokens[k]; k += 1) {
    const token = tokens[k];
    if (token.pos === 'VERB' && token.normal.endsWith('ing')) return isStanceVerb(tokens, k) ? k : undefined;
    if (!(isNounPhrasePart(token) || token.pos === 'ADP' || POSSESSIVE_DETERMINERS.has(token.normal))) return undefined;
  }
  return undefined;
}

/** The longest object of time before what it was spent on ("much of the last two weeks of her campaign"). */
const MAX_TIME_SPENT_TOKENS = 8;

/** "has had to repudiate", "have to reject": a stance taken under obligation is still taken. */
function isObligedStance(tokens: Token[], i: number): boolean {
  return tokens[i].lemma === 'have' && tokens[i + 1]?.normal === 'to' && tokens[i + 2]?.pos === 'VERB' && isStanceVerb(tokens, i + 2);
}

/**
 * "began dismissing the notion that …", "has kept calling for", "started supporting": a stance begun, kept up or
 * continued is taken. Not "stopped calling for", which gives it up.
 */
function isAspectualStance(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const callsFor = next?.lemma === 'call' && (tokens[i + 2]?.normal === 'for' || tokens[i + 2]?.normal === 'on');
  return STANCE_KEEPING_VERBS.has(tokens[i].lemma) && next?.pos === 'VERB' && next.normal.endsWith('ing') && (isStanceVerb(tokens, i + 1) || callsFor);
}

/** Verbs of aspect that take an -ing form ("kept calling"), unlike "seem" and "appear" (`ASPECTUAL_VERBS`, "to say"). */
const STANCE_KEEPING_VERBS = new Set(['begin', 'start', 'continue', 'keep']);

/** "has yet to endorse": a stance withheld for now is a stance too (see the refusal cues). */
function isWithheldStance(tokens: Token[], i: number): boolean {
  return tokens[i].lemma === 'have' && tokens[i + 1]?.normal === 'yet' && tokens[i + 2]?.normal === 'to' && tokens[i + 3]?.pos === 'VERB' && isStanceVerb(tokens, i + 3);
}

/** Modals of possibility: with them a stance verb is the writer's guess, not the subject's stance. */
const SPECULATIVE_MODALS = new Set(['may', 'might', 'could']);

/** Determiners that give a role to a body: "its chief executive", "their leader". */
const OWNING_DETERMINERS = new Set(['its', 'their']);

/** What someone issues that then "says" for them ("the statement said", "the letter adds", "the chair's text proposes"). */
export const DOCUMENT_NOUNS = new Set(['statement', 'release', 'letter', 'memo', 'email', 'text', 'draft', 'paper', 'submission', 'document', 'post', 'tweet']);

/**
 * Documents that set terms, which the article may say someone issued ("The commission published its final rule"):
 * what "the rule" then requires is the commission's.
 */
export const TERMS_DOCUMENT_NOUNS = new Set([...DOCUMENT_NOUNS, 'rule', 'proposal', 'framework', 'resolution', 'bill', 'order', 'decision', 'plan', 'guidance', 'application', 'filing', 'response', 'permit', 'licence', 'license', 'ruling', 'regulation', 'directive']);

/** What someone said, named as theirs ("his remarks", "Lima's comments"). */
const SPOKEN_NOUNS = new Set(['remark', 'comment', 'speech', 'testimony', 'word']);

/** Verbs by which a document sets terms ("The draft requires …", "the rule sets …"). */
export const STIPULATING_VERBS = new Set(['require', 'oblige', 'obligate', 'bar', 'ban', 'prohibit', 'allow', 'permit', 'set', 'create', 'grant', 'impose', 'cap', 'limit', 'exempt', 'commit', 'mandate', 'propose']);

/** Verbs by which someone issues a document that sets terms ("circulated a new draft", "published its final rule"). */
export const TERMS_ISSUING_VERBS = new Set(['file', 'issue', 'release', 'send', 'publish', 'circulate', 'table', 'submit', 'present', 'unveil', 'adopt', 'approve', 'finalize', 'finalise']);

/**
 * Where the sentence's subject can start: after leading adjuncts set off by commas ("In an interview published
 * Thursday, Trump …", "On Monday, in London, she …"), each opened by a preposition, adverb or subordinator, and after a
 * coordinator that joins the sentence to the one before ("But while he …, Trump did support …").
 */
export function leadingAdjunctsEnd(tokens: Token[]): number {
  let start = tokens[0]?.pos === 'CCONJ' ? 1 : 0;
  for (;;) {
    const opener = tokens[start];
    const span = opensSpanOfTime(tokens, start);
    if (!opener || !(opener.pos === 'ADP' || opener.pos === 'ADV' || opener.pos === 'SCONJ' || opener.entity === 'DATE' || span)) return start;
    // "Instead it proposed …", "Now she wants …": a sentence adverb without its comma, before a subject pronoun.
    // Not an adverb that opens a clause ("When she ran …, …").
    const clauseAdverb = /^(wh|how$)/.test(opener.normal);
    if (opener.pos === 'ADV' && !clauseAdverb && SUBJECT_PRONOUNS.has(tokens[start + 1]?.normal ?? '')) return start + 1;
    const comma = adjunctSeparator(tokens, start);
    const limit = span || CONTRASTING_OPENERS.has(opener.normal) || framesSpeech(tokens, start) ? MAX_TIME_SPAN_ADJUNCT_TOKENS : MAX_ADJUNCT_TOKENS;
    if (comma === -1 || comma - start > limit || tokens.slice(start, comma).some((token) => token.quoteMark)) return start;
    start = comma + 1;
  }
}

/**
 * Where an opening adjunct ends: at its first comma, or at the dash that closes an aside inside it ("While she backs
 * the levy - a tax on fuel, in effect - she opposes the toll"), or at the comma right after that dash.
 */
function adjunctSeparator(tokens: Token[], start: number): number {
  for (let k = start + 1; k < tokens.length; k += 1) {
    if (tokens[k].text === ',') return k;
    if (!isDashAt(tokens, k)) continue;
    const close = tokens.findIndex((_, j) => j > k && isDashAt(tokens, j));
    if (close === -1) return -1;
    return tokens[close + 1]?.text === ',' ? close + 1 : close;
  }
  return -1;
}

/** "Eight days before the vote, …", "Two weeks later, …": a number of units of time opens an adjunct. */
function opensSpanOfTime(tokens: Token[], start: number): boolean {
  return tokens[start]?.pos === 'NUM' && TIME_UNITS.has(tokens[start + 1]?.lemma ?? '');
}

const CONTRASTING_OPENERS = new Set(['while', 'although', 'though', 'whereas']);


/**
 * "In animated remarks after meeting with his security council on Tuesday, …", "At a rally in Ohio after a week of
 * …, …": an opening phrase that names where the subject spoke runs long, and the clause after it is what was said.
 */
function framesSpeech(tokens: Token[], start: number): boolean {
  if (!SPEECH_FRAME_OPENERS.has(tokens[start].normal)) return false;
  return tokens.slice(start + 1, start + 1 + MAX_SPEECH_FRAME_HEAD).some((token) => SPEECH_EVENT_NOUNS.has(token.lemma));
}

const SPEECH_FRAME_OPENERS = new Set(['in', 'at', 'during']);

/** Where a speech event's noun stands in its phrase: "In animated off-the-cuff remarks" (after the hyphens' tokens). */
const MAX_SPEECH_FRAME_HEAD = 8;

const SPEECH_EVENT_NOUNS = new Set(['remark', 'comment', 'interview', 'speech', 'statement', 'address', 'appearance', 'briefing', 'conference', 'letter', 'column', 'essay', 'tweet', 'rally', 'debate']);

const TIME_UNITS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);

/** A stance verb, alone ("rejects") or with its particle ("rules out"). */
function isStanceVerb(tokens: Token[], i: number): boolean {
  const lemma = tokens[i].lemma;
  // Idioms first: "withdrew her support for" takes a stance that "withdrew from the race" does not.
  if (STANCE_IDIOMS.some((idiom) => idiom.test(lemmasFrom(tokens, i)))) return true;
  if (WITHDRAWING_VERBS.has(lemma)) {
    // "dropped its red line on pensions": the limit one would not let be crossed, given up.
    const head = objectHead(tokens, i + 1);
    return GIVEN_UP_STANCES.has(tokens[head]?.lemma ?? '') || (tokens[head]?.lemma === 'line' && tokens[head - 1]?.normal === 'red');
  }
  if (HALTING_VERBS.has(lemma)) return CALLED_OFF_ACTIONS.has(tokens[objectHead(tokens, i + 1)]?.lemma ?? '');
  // "called off the strike" gives a threat up; "called out Trump" criticises him.
  if (lemma === 'call') return callsOff(tokens, i) || tokens[i + 1]?.normal === 'out';
  // "worried that the plan …", "worries about the cost"; not "worried the council with her plan", "worried by the rise".
  if (lemma === 'worry') return tokens[i + 1]?.normal === 'that' || tokens[i + 1]?.normal === 'about';
  if (PHRASAL_STANCE_VERBS[lemma]?.includes(tokens[i + 1]?.normal ?? '')) return true;
  // "blasted out an email", "backed out of the deal", "hails from Ohio": a particle makes another verb.
  return STANCE_VERBS.has(lemma) && !OTHER_VERB_PARTICLES.has(tokens[i + 1]?.normal ?? '');
}

/** Idioms that take a stance in the main verb ("has thrown his support behind Ryan", "took aim at the plan"). */
const STANCE_IDIOMS = [
  /^throw (\S+ )?(full |whole )?(support|weight) behind\b/,
  /^take (\S+ )?aim at\b/,
  /^take a (swipe|shot|jab|dig) at\b/,
  /^lash out at\b/,
  // Holding back from terms, or refusing past a point: "balked at the demand", "drew a line at any cut".
  /^balk at\b/,
  /^draw (a|the) (\S+ )?line (at|on|under)\b/,
  // Disagreeing, denying what one is charged with: "took issue with the figures", "bristled at the suggestion", "denied
  // the allegations" ("denied that …" reports), "objected to the plan".
  /^take issue with\b/,
  /^bristle at\b/,
  /^deny (the|those|these|that|any|all|such|his|her|its|their) (\S+ ){0,2}(charge|accusation|allegation|claim|report|suggestion)\b/,
  /^object to\b/,
  // Disputing what another said: "challenged Reyes's claim that …", "rebutted the council's figures".
  /^(challenge|contest|rebut|refute) (\S+ ){0,3}(claim|assertion|statement|account|figure|number|contention|characterization|version)\b/,
  // Doubting or likening: "cast doubt on the figures", "poured cold water on the idea", "questioned the need for",
  // "likened the plan to a tax hike".
  /^(cast|throw) doubt on\b/,
  /^(pour|throw) cold water on\b/,
  /^question the (need|wisdom|value|logic|point|merit|legality|fairness|timing) (for|of)\b/,
  /^(liken|compare) (\S+ ){1,6}to\b/,
  // Taking a side or holding one: "signed on to the plan", "came down on the side of the union", "dug in", "held firm
  // on the levy", "is holding out for more" (not "held out for three weeks"), "pressed for a vote" ("fought for second
  // place" is a race, not a stance).
  /^sign on to\b/,
  /^come down (on the side of|in favou?r of|against)\b/,
  /^dig in\b/,
  /^hold firm\b/,
  new RegExp(`^${HOLDING_OUT_FOR}`),
  /^press for\b/,
  // Pressing someone to act: "pressed Reyes to release his tax returns" (not "pressed on to the next town").
  /^press (?!on |ahead )(\S+ ){1,3}to\b/,
  // Joining or echoing another's stance, pushing for one: "joined the union in calling for a pause", "echoed the
  // union's call for", "renewed her push for", "is lobbying lawmakers to pass …", "campaigned against the levy".
  /^join (\S+ ){1,6}in (call|urge|demand|oppose|support|back|reject|condemn|criticize|criticise|press|seek)\b/,
  /^echo (\S+ ){0,4}(call|demand|criticism|concern|warning|opposition|support|position|view)\b/,
  /^(renew|step up|intensify) (\S+ ){0,2}(push|campaign|drive|effort) (for|to|against)\b/,
  /^lobby ((\S+ ){1,3}to|for|against)\b/,
  /^campaign (for|against)\b/,
  // Making way for another or for talks: "will clear the way for Kasich to …", "opened the door to talks" (offers).
  /^clear the (way|path) for\b/,
  /^open the door to\b/,
  // A stance changed or held by idiom: "walked back her comments", "changed course on", "is sticking to her position
  // that …".
  /^walk back\b/,
  // Support taken back: "withdrew her support for the levy", "pulled his endorsement of Reyes" (a negative stance).
  // wink reads "backing" after "her" as a verb, lemma "back"; not "pull its troops back", a particle.
  new RegExp(`^${SUPPORT_WITHDRAWING_VERBS} (his|her|their|its) ((\\S+ )?(support|backing|endorsement)|back)\\b`),
  /^(change|reverse) course\b/,
  // An ultimatum moved: "pushed back her deadline for a deal", "extended its deadline to Friday".
  /^(push back|extend|postpone|delay|bring forward) (\S+ ){0,2}deadline\b/,
  /^stick (to|with|by) (\S+ ){0,2}(position|stance|view|demand|plan|pledge|promise|decision|gun)\b/,
  // Terms put on a stance: "made the fare freeze a condition of her support", "conditioned her support on", "tied her
  // support for the levy to a fare freeze".
  /^make (\S+ ){1,5}(a|the) (pre)?condition (of|for)\b/,
  /^condition (\S+ ){0,3}(support|backing|vote|approval|endorsement|signature) (\S+ ){0,4}on\b/,
  /^tie (\S+ ){0,2}(support|backing|vote|approval|endorsement|signature) (\S+ ){0,4}to\b/,
  // Accepting or committing to terms: "agreed to waive the interest", "agreed not to raise fares", "has undertaken not
  // to strike".
  /^agree (not )?to\b/,
  /^undertake (not )?to\b/,
  // Asking to be let in or heard: "asked to take part in the talks as an observer".
  /^ask to\b/,
  /^come out (against|in favou?r of|in support of)\b/,
  // A stance changed: "softened her opposition to the sale", "reversed his position", "changed her mind on".
  /^(soften|harden|reverse|shift|change|modify|revise|moderate|temper) (his|her|their|its) (\S+ )?(position|stance|view|opposition|support|demand|offer|tone|rhetoric|mind)\b/,
  /^stand firm\b/,
  // Keeping an option, or all but taking a stance: "left open the possibility of a deal", "left the door open to",
  // "stopped short of ruling it out".
  /^leave (open|(the door|it|the option|the possibility) (\S+ )?open)\b(?! -)/,
  /^stop short of\b/,
  // "held out hope for a deal".
  /^hold out (little |some |no |new )?hope (for|of|that)\b/,
  // An ultimatum: "set a deadline of Friday for a new offer", "gave the company until Friday to improve its offer".
  /^set (a|an|the) (\S+ )?deadline\b/,
  /^give (\S+ ){1,3}until\b/,
  // Holding to what one said: "stood by his comments", "doubled down on his call for"; "pushed back against the plan",
  // "made the case for a higher wage". Not "stood by the door".
  /^stand by (his|her|their|its|the|that|this|those|these) (\S+ )?(comment|remark|statement|call|decision|claim|position|stance|view|word|proposal|plan|pledge|promise|vow|demand|assertion|accusation|endorsement|support)\b/,
  /^double down on\b/,
  // Accepting terms on the table: "accepted the association's proposal", "will not accept the offer" (not "accepted
  // tens of millions of dollars", "has been accepting cases").
  /^accept (\S+ ){0,4}(offer|proposal|term|deal|demand|condition|plan|agreement|compromise|settlement|invitation)\b/,
  /^push back (against|on)\b/,
  // Asking someone hard: "pleaded with the council to reconsider", "challenged Trump to a debate" (not "challenged her
  // in 1986", a race, nor "pleading with voters for their support").
  /^(plead with|challenge) (\S+ ){1,3}to\b/,
  // A body's decision by vote: "members voted to strike", "the council voted 7-2 to reject the plan"; not how anyone
  // voted in an election ("voted for Obama in 2008").
  /^vote (\S+ )?to\b/,
  // "made the case that …", "made a strong case for …", "made the case to 23 group leaders that …", "was making an
  // argument for his vision".
  /^make (the|a|an|his|her|their|its) (\S+ )?(case|argument) (to (\S+ ){1,5})?(for|that|against)\b/,
  // A light verb and a stance noun: "delivered a forceful promise to", "renewed his call for", "made a pledge that".
  /^(make|deliver|issue|renew|repeat|reiterate|restate|voice) (\S+ ){1,2}(promise|pledge|vow|call|plea|appeal|threat|demand|commitment) (to|for|that)\b/,
  // Saying again what one holds: "repeated his contention that …", "reiterated her belief that …", "renewed his
  // criticism of the plan".
  /^(renew|repeat|reiterate|restate) (his|her|their|its|our|my) (\S+ )?(contention|belief|view|assertion|argument|warning|criticism|insistence|claim) (that|of)\b/,
  // Stating a stance by its noun: "voiced her opposition to the levy", "expressed his support for Ryan", "voiced support
  // for the plan"; a doubt or concern expressed: "expressed doubt that the plan would work".
  /^(voice|express|signal|affirm|reaffirm|restate|repeat|describe) ((his|her|their|its|our|my) )?(\S+ )?(support|opposition|objection|rejection|refusal|insistence|intention|intent|commitment|willingness|readiness|determination|endorsement|solidarity|openness|reluctance|unwillingness) (to|for|of|on|with|about)\b/,
  // "flagged a new worry: wage growth": the worry named after a colon.
  /^(voice|express|raise|flag) ((his|her|their|its|our|my|a|an) )?(\S+ )?(doubt|concern|worry|skepticism|scepticism|confidence|frustration|dismay|alarm) (that|about|over|at|whether|:)/,
  // An idea put up for discussion: "floated the idea of a four-day week".
  /^float (the|a|an) (\S+ )?(idea|possibility|proposal|plan|prospect)\b/,
  // Putting terms on the table: "lodged a claim for a 9 percent rise", "tabled a proposal to …".
  /^(lodge|file|table|submit|present|put forward) (\S+ ){1,2}(claim|proposal|offer|bid|demand) (to|for|of|that)\b/,
  // Moving them: "lowered its salary demand to 4.5 percent", "raised their offer".
  new RegExp(`^${TERMS_MOVED} (\\S+ ){0,2}(offer|demand|claim|bid|proposal)\\b`),
  // Or a figure it put forward: "lowered its proposed cap to 1.3 million tonnes", "raised its offered price".
  new RegExp(`^${TERMS_MOVED} (propose|offer) (cap|quota|ceiling|limit|figure|rate|fee|price|share|target)\\b`),
  // Setting out a plan or terms states them: "laid out his plan for …", "unveiled a proposal to …", "set out what she
  // called her red lines: …".
  /^((lay|set|spell|roll) out|outline|unveil|put forward) (\S+ ){0,6}(plan|proposal|vision|agenda|condition|demand|term|priority|platform|line|offer)\b/,
  // A stance made plain, or backed away from: "made no secret of her opposition to", "backed away from her pledge",
  // "backed off the demand" (not "backed off the stage": a stance noun must follow).
  /^make no secret of\b/,
  // A judgment passed by idiom: "had harsh words for the plan", "had nothing but praise for the union".
  /^have (a |some |no |few |little |only |nothing but |kind |harsh |sharp |strong |tough |warm |high |glowing |effusive |pointed |scathing |choice )*(word|praise|criticism) for\b/,
  /^back (away from|off) (\S+ ){0,3}(pledge|promise|vow|demand|offer|threat|position|stance|plan|proposal|support|opposition|call|claim|condition)\b/,
];

/** The lemmas of the tokens from `i`, a few words' worth, space-joined. */
function lemmasFrom(tokens: Token[], i: number): string {
  // "agreed on Saturday to pull …", "agreed last week to …": the idiom reads past a time adjunct after the verb.
  const after = pastTimeAdjunct(tokens, i + 1);
  return [tokens[i], ...tokens.slice(after, after + 8)].map((token) => token.lemma).join(' ');
}

/** Where the words after a time adjunct at `k` ("on Saturday", "last week") start; `k` when none stands there. */
function pastTimeAdjunct(tokens: Token[], k: number): number {
  const isTime = (token: Token | undefined) => token?.entity === 'DATE' || token?.entity === 'TIME';
  const start = tokens[k]?.pos === 'ADP' && isTime(tokens[k + 1]) ? k + 1 : k;
  let end = start;
  while (end - start < MAX_DATE_TOKENS && isTime(tokens[end])) end += 1;
  return end > start ? end : k;
}

/** "called off the strike", "called the vote off": giving up a threatened action. */
function callsOff(tokens: Token[], i: number): boolean {
  const head = tokens[i + 1]?.normal === 'off' ? objectHead(tokens, i + 2) : objectHead(tokens, i + 1);
  const particle = tokens[i + 1]?.normal === 'off' ? i + 1 : head + 1;
  return tokens[particle]?.normal === 'off' && CALLED_OFF_ACTIONS.has(tokens[head]?.lemma ?? '');
}

/** The noun a short object phrase ends in ("its demand", "the first offer"): after determiners and adjectives. */
function objectHead(tokens: Token[], start: number): number {
  let k = start;
  while (tokens[k] && (isDeterminer(tokens[k]) || tokens[k].pos === 'ADJ')) k += 1;
  return k;
}

function anchorAccordingTo(tokens: Token[], i: number, register: SpeakerRegister): Anchor | undefined {
  // "set ward by ward according to how sick the patients are": a measure, not a source.
  if (QUESTION_OPENERS.has(tokens[i + 2]?.normal ?? '')) return undefined;
  // "according to a statement from the union": the document's issuer is the source.
  const from = issuerStart(tokens, i + 2);
  const named = findNameStartingAt(tokens, from, register);
  const subjectEnd = named?.end ?? clauseEnd(tokens, from) - 1;
  // "according to her office": the office is the source (whose it is, see `findPronounOwners`).
  const source = named ? undefined : sourceAfter(tokens, POSSESSIVE_DETERMINERS.has(tokens[from]?.normal ?? '') ? from + 1 : from)?.source;
  return {
    verbStart: i,
    verbEnd: i + 1,
    subjectStart: i + 2,
    subjectEnd,
    inverted: true,
    subject: named ? { type: 'person', person: named.person } : source ? { type: 'source', person: source.person } : { type: 'unnamed' },
    lemma: 'according to',
  };
}

/**
 * Where the issuer of "a statement from …", "a letter by …" at `start` begins, or `start` when no document is named
 * there; the document may be described and its issuer named by a participle ("a joint statement and a summary released
 * by the ministry").
 */
function issuerStart(tokens: Token[], start: number): number {
  const determiner = SOMEONE_DETERMINERS.has(tokens[start]?.normal ?? '') ? 1 : 0;
  const noun = tokens[start + determiner];
  const issued = noun !== undefined && DOCUMENT_NOUNS.has(noun.lemma) && ISSUING_PREPOSITIONS.has(tokens[start + determiner + 1]?.normal ?? '');
  if (issued) return start + determiner + 2;
  const end = clauseEnd(tokens, start);
  const by = tokens.slice(start, end).findIndex((token, k) => token.normal === 'by' && ISSUING_VERBS.has(tokens[start + k - 1]?.lemma ?? ''));
  // The document must be the phrase's own: "excerpts of his speech released by the White House" are his words.
  const phrase = tokens.slice(start, start + by);
  const owned = phrase.some((token) => token.pos === 'PROPN' || POSSESSIVE_DETERMINERS.has(token.normal) || token.normal === 'of');
  const names = by > 0 && !owned && phrase.some((token) => token.pos === 'NOUN' && DOCUMENT_NOUNS.has(token.lemma));
  return names ? start + by + 1 : start;
}

const ISSUING_PREPOSITIONS = new Set(['from', 'by']);

function anchorVerb(tokens: Token[], i: number, register: SpeakerRegister): Anchor | undefined {
  const token = tokens[i];
  if (token.pos !== 'VERB') return undefined;
  if (tokens[i - 1]?.normal === 'to') return anchorAfterAspect(tokens, i, register) ?? anchorAfterOccasion(tokens, i, register);
  const participle = /ing$/.test(token.normal);
  // "a fundraising email Wednesday saying …", "a letter on Monday asking …": the statement's noun, a date between.
  let noun = i - 1;
  while (noun > 0 && isDatedAt(tokens, noun)) noun -= 1;
  if (participle && STATEMENT_NOUNS.has(tokens[noun]?.lemma ?? '')) return anchorOnStatement(tokens, i, register, noun);
  if (participle && madeAPointOf(tokens, i)) return anchorMadeAPointOf(tokens, i, register);
  // "is calling for" reports like "calls for"; ", saying …" reports for the sentence's subject, "with X saying …" for X;
  // other -ing forms are nouns or modifiers.
  const hangsOn = participle && hangsOnClause(tokens, i);
  const absolute = participle && !hangsOn ? absoluteSubject(tokens, i, register) : undefined;
  const hangs = hangsOn || absolute !== undefined;
  if (participle && !isProgressive(tokens, i) && !hangs && !sharesProgressive(tokens, i)) return undefined;
  // "the report was written by aides": a passive names what was said, not who said it.
  if (!participle && isProgressive(tokens, i)) return undefined;
  // "consequences written into the agreement": a participle of its own form without "have" describes a noun.
  if (isIrregularParticiple(token) && !followsHave(tokens, i)) return undefined;
  let verbEnd = i;
  const particles = PHRASAL_REPORTING_VERBS[token.lemma];
  if (isNamingFrame(tokens, i)) {
    const anchor = hangs ? anchorParticiple(tokens, i, verbEnd, register, absolute) : anchorWithSubject(tokens, i, verbEnd, register);
    return anchor && { ...anchor, stance: true };
  }
  const clear = madeClearEnd(tokens, i);
  if (clear !== -1) {
    verbEnd = clear;
  } else if (particles) {
    // "called Wednesday for …": a date may stand between the verb and its particle.
    let particle = i + 1;
    while (particle - i <= MAX_DATE_TOKENS && tokens[particle]?.entity === 'DATE') particle += 1;
    if (!particles.includes(tokens[particle]?.normal ?? '')) return undefined;
    verbEnd = particle;
  } else if (!(ATTRIBUTING_VERBS.has(token.lemma) ? fitsFrame(tokens, i) : QUOTE_CLOSING_VERBS.has(token.lemma) && (closesQuotation(tokens, i) || reportsThatClause(tokens, i)))) {
    return hangs ? stanceParticiple(tokens, i, register, absolute) : undefined;
  }
  if (hangs) {
    // "For months, Cruz had praised Trump, stating …": what a clause in the past perfect did before the story, the
    // participle says with it (see `isPastPerfect`).
    if (hangsOnPastPerfect(tokens, i)) return undefined;
    const anchor = anchorParticiple(tokens, i, verbEnd, register, absolute);
    const explains = stanceHungOn(tokens, i);
    return anchor && explains ? { ...anchor, explains } : anchor;
  }
  const anchor = anchorWithSubject(tokens, i, verbEnd, register);
  // "…, Putin continued." reports; "while negotiations continued" is the verb's own sense: no one speaks.
  return anchor && REPORTING_VERB_FRAMES[token.lemma] === 'trailing' && anchor.subject.type === 'unnamed' ? undefined : anchor;
}

/**
 * "The regulator cleared the deal, dropping its demand that …", "The union walked out, rejecting the offer": a stance
 * verb hanging on the clause before it takes its stance for that clause's subject, as ", saying …" reports for it.
 */
function stanceParticiple(tokens: Token[], i: number, register: SpeakerRegister, absolute?: Subject): Anchor | undefined {
  if (MOTIVE_VERBS.has(tokens[i].lemma) || !isStanceVerb(tokens, i) || !takesObject(tokens, i) || hangsOnPastPerfect(tokens, i)) return undefined;
  const verbEnd = PHRASAL_STANCE_VERBS[tokens[i].lemma] ? i + 1 : i;
  const anchor = anchorParticiple(tokens, i, verbEnd, register, absolute);
  return anchor && { ...anchor, stance: true };
}

/**
 * Whether a stance verb has something to take its stance on after it (and its particle): not "applauding along with
 * the audience", "took the stage to applaud.", the verb's own sense.
 */
function takesObject(tokens: Token[], i: number): boolean {
  const next = tokens[PHRASAL_STANCE_VERBS[tokens[i].lemma] ? i + 2 : i + 1];
  return next !== undefined && next.pos !== 'ADV' && next.pos !== 'ADP' && next.pos !== 'PUNCT';
}

/**
 * Verbs of wanting or believing: hanging on a clause ("…, hoping to win Ohio", "…, seeking to prove her credentials"),
 * the writer gives the motive of what the clause tells, not a stance anyone took.
 */
const MOTIVE_VERBS = new Set(['want', 'plan', 'seek', 'intend', 'hope', 'expect', 'fear', 'worry', 'believe']);

/**
 * "up from the 18 percent it had been demanding, but only if …", "the $287 million it acknowledges owing": a noun, a
 * pronoun and the verb close a relative clause whose object is the noun ("the terms she demanded."). Nothing after
 * the verb is what was said: a comma and "but" or "and" go on with the sentence's own clause, and a gerund is the
 * verb's own object.
 */
function closesRelativeClause(tokens: Token[], subjectStart: number, verbEnd: number): boolean {
  const head = tokens[subjectStart - 1];
  if (!head || !['NOUN', 'NUM'].includes(head.pos) || tokens[subjectStart].pos !== 'PRON') return false;
  const next = tokens[verbEnd + 1];
  if (next?.pos === 'VERB' && /ing$/.test(next.normal)) return true;
  return next === undefined || (next.pos === 'PUNCT' && !next.quoteMark && (next.text !== ',' || tokens[verbEnd + 2]?.pos === 'CCONJ'));
}

/**
 * "made it clear to House Democrats that …", "has made very clear that …", "made clear the union would strike": saying
 * something plainly. Returns the index of "clear" when a clause follows it (after a listener), else -1 ("made clear
 * progress").
 */
function madeClearEnd(tokens: Token[], i: number): number {
  if (tokens[i].lemma !== 'make') return -1;
  let k = i + 1;
  if (tokens[k]?.normal === 'it') k += 1;
  while (tokens[k]?.pos === 'ADV') k += 1;
  if (tokens[k]?.normal !== 'clear') return -1;
  for (let j = k + 1; j < tokens.length && j <= k + MAX_LISTENER_TOKENS + 3; j += 1) {
    if (tokens[j].normal === 'that' || tokens[j].normal === 'whether') return k;
    // "made clear the union would strike": a clause without "that", its subject right before its verb.
    if ((tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') && j > k + 1 && SUBJECT_HEADS.has(tokens[j - 1].pos)) return k;
    if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX' || tokens[j].quoteMark || tokens[j].text === ',') return -1;
  }
  return -1;
}

const SUBJECT_HEADS = new Set(['NOUN', 'PROPN', 'PRON']);

/**
 * "Bush called Trump “unhinged”", "calling Trump a fascist", "called Clinton, his rival, a “co-founder”": a verb of
 * naming, its object (an appositive and all), then a quotation or "a"/"an" and what the object is called; or "described
 * the deal as a disaster", "referred to Obama as …": a verb of characterising, its object, then "as". The naming is the
 * stance (an evaluation), in the main verb.
 */
function isNamingFrame(tokens: Token[], i: number): boolean {
  const lemma = tokens[i].lemma;
  if (CHARACTERISING_VERBS.has(lemma)) return objectThen(tokens, lemma === 'refer' && tokens[i + 1]?.normal === 'to' ? i + 1 : i, (token) => token.normal === 'as');
  if (!NAMING_VERBS.has(lemma) || NAMING_PARTICLES.has(tokens[i + 1]?.normal ?? '')) return false;
  // "what he called a “draw”": the object must name something, not be the article of what it is called. What it is
  // called may be a bare adjective that ends the clause ("called Clinton unqualified", "called the levy unfair and …").
  return objectThen(tokens, i, (token, hasHead, k) => token.quoteMark === 'open' || (hasHead && (token.normal === 'a' || token.normal === 'an' || isClosingAdjective(tokens, k) || namesWithThe(tokens, k))));
}

/**
 * "called the levy the city's best chance", "called Reyes the worst mayor": "the" opens what the object is called, but
 * not a time ("called the union the next morning", "called her the day before").
 */
function namesWithThe(tokens: Token[], k: number): boolean {
  // Right after the object's head: "called Reyes the day before the vote" has a second "the", in the time phrase.
  if (tokens[k].normal !== 'the' || !['NOUN', 'PROPN', 'PRON'].includes(tokens[k - 1]?.pos ?? '')) return false;
  const phrase = tokens.slice(k + 1, k + 4);
  return !phrase.some((token) => token.entity === 'DATE' || token.entity === 'TIME' || TIME_WORDS.has(token.lemma));
}

/** Words of a time phrase after "the" ("the next morning", "the same day", "the other night"). */
const TIME_WORDS = new Set(['day', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'time', 'next', 'following', 'same', 'other', 'previous']);

/** After the verb at `i`, a short object with a head, then the token that `ends` it. */
function objectThen(tokens: Token[], i: number, ends: (token: Token, hasHead: boolean, k: number) => boolean): boolean {
  let hasHead = false;
  // Past a verb in the object ("Ford's plans to open a plant", "those advocating for intervention"), only a quotation
  // ends it: "called Trump to wish him a happy birthday" names nothing.
  let clause = false;
  for (let k = i + 1; k < tokens.length && k <= i + MAX_NAMED_OBJECT_TOKENS + 1; k += 1) {
    const token = tokens[k];
    if (hasHead && ends(token, hasHead, k) && (!clause || token.quoteMark === 'open')) return true;
    // "described the nomination “as an intricate series of steps”": the quotation may open before the word that ends it.
    if (hasHead && token.quoteMark === 'open' && tokens[k + 1] && ends(tokens[k + 1], hasHead, k + 1)) return true;
    if (!hasHead && token.quoteMark === 'open') return false;
    // "called what she witnessed “terrible”": a free relative's verb too.
    const verb = hasHead && (isVerbInObject(tokens, k) || (tokens[i + 1]?.normal === 'what' && tokens[k].pos === 'VERB'));
    clause ||= verb;
    // A name wink tags otherwise before its possessive ("Ford's plans"), "that report", "those advocating …", "$1.6".
    const owner = isCapitalized(token) && POSSESSIVE_MARKS.has(tokens[k + 1]?.text ?? '');
    const demonstrative = DEMONSTRATIVES.has(token.normal);
    // "the most engaged rally-goers": a degree adverb and a participle that modify the noun.
    const modifier = isModifyingParticiple(tokens, k) || (token.pos === 'ADV' && (tokens[k + 1]?.pos === 'ADJ' || isModifyingParticiple(tokens, k + 1)));
    // An appositive may hold a preposition ("Clinton, his rival for the nomination, a …"), or a date ("that report
    // Friday").
    const inObject =
      isNounPhrasePart(token) || token.pos === 'CCONJ' || token.pos === 'PRON' || POSSESSIVE_MARKS.has(token.text) || token.text === ',' || owner || demonstrative || token.text === '$' || modifier ||
      (hasHead && (token.pos === 'ADP' || token.entity === 'DATE')) || verb || (hasHead && token.normal === 'to' && isVerbInObject(tokens, k + 1)) ||
      isGerundObject(tokens, i, k);
    if (!inObject) return false;
    // "called this a false narrative": a demonstrative right before what it is called stands for the object itself.
    const standsAlone = demonstrative && (token.normal.endsWith('se') || ['a', 'an'].includes(tokens[k + 1]?.normal ?? '') || tokens[k + 1]?.quoteMark === 'open');
    hasHead ||= token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'PRON' || token.pos === 'NUM' || owner || standsAlone;
  }
  return false;
}

/**
 * An adjective that ends the clause, alone or before "and" or "but": "unqualified." in "called Clinton unqualified.";
 * not the first part of a compound ("in real-time").
 */
function isClosingAdjective(tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  const ends = next === undefined || (next.pos === 'PUNCT' && next.text !== '-' && !POSSESSIVE_MARKS.has(next.text)) || next.pos === 'CCONJ';
  return tokens[k].pos === 'ADJ' && ends;
}

/** "described winning the nomination as …": a gerund right after the verb opens its object. */
function isGerundObject(tokens: Token[], verb: number, k: number): boolean {
  return k === verb + 1 && tokens[k].pos === 'VERB' && /ing$/.test(tokens[k].normal);
}

/** Words that point at a noun ("that report") or stand for one ("those who …"). */
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);

/** "plans to open", "those advocating": an infinitive or a participle after the object's head. */
function isVerbInObject(tokens: Token[], k: number): boolean {
  const token = tokens[k];
  if (token.pos !== 'VERB') return false;
  return tokens[k - 1]?.normal === 'to' || /ing$/.test(token.normal);
}

/**
 * "Becket posted a statement rejecting the increase", "she issued a statement saying …", "… describing the talks as …":
 * what the writing says or does, the subject who issued it does. Only a statement the subject issues, not one of
 * someone else's ("Trump's tweets accusing …").
 */
function anchorOnStatement(tokens: Token[], i: number, register: SpeakerRegister, noun = i - 1): Anchor | undefined {
  const token = tokens[i];
  // "a statement describing the meeting as a positive step": the naming is the stance, as after a subject.
  // "a resolution calling on the council to …": a phrasal verb of saying reports as one word.
  const phrasal = PHRASAL_REPORTING_VERBS[token.lemma]?.includes(tokens[i + 1]?.normal ?? '') ?? false;
  const reports = ATTRIBUTING_VERBS.has(token.lemma) || phrasal;
  const stance = !reports && (isStanceVerb(tokens, i) || isNamingFrame(tokens, i));
  if (!stance && !reports) return undefined;
  let k = noun - 1;
  // "a fundraising email": the noun's modifiers, adjectives or nouns.
  while (k >= 0 && (tokens[k].pos === 'ADJ' || (tokens[k].pos === 'NOUN' && k === noun - 1) || isDeterminer(tokens[k]))) k -= 1;
  if (tokens[k]?.pos !== 'VERB' || !ISSUING_VERBS.has(tokens[k].lemma)) return undefined;
  const issued = anchorWithSubject(tokens, k, k, register);
  if (!issued) return undefined;
  const verbEnd = (stance && PHRASAL_STANCE_VERBS[token.lemma]) || phrasal ? i + 1 : i;
  return { ...issued, verbStart: i, verbEnd, lemma: token.lemma, ...(stance ? { stance: true } : {}) };
}

/** Verbs of issuing a statement, or of passing one by vote. */
const ISSUING_VERBS = new Set(['issue', 'post', 'release', 'send', 'publish', 'put', 'sign', 'deliver', 'write', 'make', 'pass', 'adopt']);

/** The longest date between a phrasal verb and its particle ("called on Wednesday for"). */
const MAX_DATE_TOKENS = 3;

/** Verbs that name what something is ("called the plan “a disgrace”"). */
const NAMING_VERBS = new Set(['call', 'label', 'brand', 'dub']);
/** "called on", "called for", "called off": phrasal verbs, not naming. */
const NAMING_PARTICLES = new Set(['on', 'upon', 'for', 'off', 'out', 'up', 'back', 'in']);
/**
 * The longest object a naming verb takes before what it calls it ("both Trump and front-runner Hillary Clinton", "the
 * council's March offer of fixed fares on night and weekend routes"). From 10 to 14 on PolNeAR train: 2 more statements,
 * both the right speaker's.
 */
const MAX_NAMED_OBJECT_TOKENS = 14;

/**
 * "He's already begun to indicate he'll make demands", "she continued to insist that …": a verb of saying after a verb
 * of beginning or going on reports as it would alone, with that verb's subject; so does one after "seemed" or
 * "appeared", which only hedge what was said ("seemed to suggest that …"), and one after a verb of taking one's turn
 * ("interjected to say", "chimed in to say"). Other infinitives ("is expected to announce", "hopes to say") report
 * nothing yet.
 */
function anchorAfterAspect(tokens: Token[], i: number, register: SpeakerRegister): Anchor | undefined {
  // "went on to say" is aspect too, and "chimed in to say" a turn taken: the verb before the particle; "was quick to
  // add", "was careful to say": the copula before the adjective.
  const particle = TURN_PARTICLES[tokens[i - 2]?.normal ?? ''];
  const eager = EAGER_ADJECTIVES.has(tokens[i - 2]?.normal ?? '') && tokens[i - 3]?.lemma === 'be';
  const twoWords = eager || (particle !== undefined && particle.has(tokens[i - 3]?.lemma ?? ''));
  const aspect = twoWords ? i - 3 : i - 2;
  const lemma = tokens[aspect]?.lemma ?? '';
  const turn = twoWords || ASPECTUAL_VERBS.has(lemma) || TURN_TAKING_VERBS.has(lemma);
  if (!turn || !ATTRIBUTING_VERBS.has(tokens[i].lemma) || !fitsFrame(tokens, i)) return undefined;
  const anchor = anchorWithSubject(tokens, aspect, i, register);
  return anchor && !anchor.inverted ? { ...anchor, lemma: tokens[i].lemma } : undefined;
}

const ASPECTUAL_VERBS = new Set(['begin', 'start', 'continue', 'seem', 'appear']);

/** "made a point of saying …": a verb of saying after "made a point of", whose subject is the one who made it. */
function madeAPointOf(tokens: Token[], i: number): boolean {
  if (i < 4 || tokens[i - 4].lemma !== 'make' || !ATTRIBUTING_VERBS.has(tokens[i].lemma)) return false;
  return /^(a|the) point of$/.test(tokens.slice(i - 3, i).map((token) => token.normal).join(' '));
}

/** The anchor of "made a point of saying": the verb of saying with the subject of "made". */
function anchorMadeAPointOf(tokens: Token[], i: number, register: SpeakerRegister): Anchor | undefined {
  const anchor = anchorWithSubject(tokens, i - 4, i, register);
  return anchor && !anchor.inverted ? { ...anchor, lemma: tokens[i].lemma } : undefined;
}

/** How readily one said it: "was quick to add", "was careful to say", "was eager to stress". */
const EAGER_ADJECTIVES = new Set(['quick', 'careful', 'eager', 'keen', 'swift', 'anxious', 'happy', 'glad']);

/** Verbs of taking one's turn to speak ("interjected to say", "paused to note", "rose to say", "wrote to say"). */
const TURN_TAKING_VERBS = new Set(['interject', 'interrupt', 'pause', 'stop', 'rise', 'hasten', 'rush', 'write', 'call', 'phone']);

/** Particles that make such a verb of "go", "chime" or "stand" ("went on to say", "chimed in to say", "stood up to say"). */
const TURN_PARTICLES: Record<string, Set<string>> = {
  on: new Set(['go']),
  in: new Set(['chime', 'weigh', 'jump', 'step', 'cut', 'break']),
  up: new Set(['stand', 'speak', 'pipe']),
};

/**
 * "Trump took to Twitter to say …", "Clinton went on CNN to say …", "used his acceptance speech to call for …": a verb
 * of saying in a purpose infinitive after a verb of going somewhere or using something to speak reports for that verb's
 * subject, as "went on to say" does; a stance verb there ("used a video address to reject …") takes its stance.
 */
function anchorAfterOccasion(tokens: Token[], i: number, register: SpeakerRegister): Anchor | undefined {
  // "to call for", "to call on": the particle is part of the verb.
  const phrasal = PHRASAL_REPORTING_VERBS[tokens[i].lemma]?.includes(tokens[i + 1]?.normal ?? '') ?? false;
  // "used a video address to reject the demand": a stance taken there, as a verb of saying reports there.
  const stance = !phrasal && !ATTRIBUTING_VERBS.has(tokens[i].lemma) && !MOTIVE_VERBS.has(tokens[i].lemma) && isStanceVerb(tokens, i) && takesObject(tokens, i);
  if (!phrasal && !stance && !(ATTRIBUTING_VERBS.has(tokens[i].lemma) && fitsFrame(tokens, i))) return undefined;
  let k = i - 2;
  // "went so far as to say", "went as far as to call": how far the subject went is in what they said.
  if (tokens[k - 2]?.normal && FAR_AS.test(tokens.slice(k - 2, k + 1).map((token) => token.normal).join(' ')) && tokens[k - 3]?.lemma === 'go') k -= 3;
  else while (k > 0 && i - 1 - k <= MAX_OCCASION_TOKENS && (isOccasionPart(tokens[k]) || isMisreadNoun(tokens, k))) k -= 1;
  if (k === i - 2 || tokens[k]?.pos !== 'VERB' || !OCCASION_VERBS.has(tokens[k].lemma)) return undefined;
  // A stance taken where one speaks ("used a speech to reject", "took to Twitter to praise"), not what one went
  // somewhere to do ("went to Ohio to support the workers").
  if (stance && !STANCE_OCCASION_VERBS.has(tokens[k].lemma)) return undefined;
  const verbEnd = phrasal || (stance && PHRASAL_STANCE_VERBS[tokens[i].lemma]) ? i + 1 : i;
  const anchor = anchorWithSubject(tokens, k, verbEnd, register);
  // "Even before Sanders took the stage to acknowledge his victory, his campaign …": a fronted clause tells when.
  if (!anchor || anchor.inverted || FRONTED_CLAUSE_OPENERS.has(tokens[anchor.subjectStart - 1]?.normal ?? '')) return undefined;
  // The stance is in its own verb: the occasion ("a rare video address") is not what was said.
  return stance ? { ...anchor, verbStart: i, lemma: tokens[i].lemma, stance: true } : { ...anchor, lemma: tokens[i].lemma };
}

const FAR_AS = /^(so|as) far as$/;

/** Occasions a stance verb is said at: something used to speak, or a platform taken to ("took to Twitter"). */
const STANCE_OCCASION_VERBS = new Set(['use', 'take', 'appear']);

/** A noun wink reads as a verb inside the occasion's phrase ("a rare video address on Monday"): after a noun or adjective. */
const isMisreadNoun = (tokens: Token[], k: number) => tokens[k].pos === 'VERB' && !/(ing|ed)$/.test(tokens[k].normal) && ['NOUN', 'ADJ'].includes(tokens[k - 1]?.pos ?? '');

/** Verbs of going somewhere, or using something, to speak there ("took to Twitter", "appeared on Fox", "used a speech"). */
const OCCASION_VERBS = new Set(['take', 'go', 'use', 'appear', 'hold', 'turn', 'return', 'head']);
/** The longest place or occasion between such a verb and "to" ("on ABC's This Week", "his acceptance speech"). */
const MAX_OCCASION_TOKENS = 8;
const isOccasionPart = (token: Token) =>
  isNounPhrasePart(token) || token.pos === 'ADP' || POSSESSIVE_DETERMINERS.has(token.normal) || token.quoteMark !== undefined || token.text === '&';

/** An anchor for the verb at `i` with its subject before it, after a conjunction, or after it (", said Reyes"). */
function anchorWithSubject(tokens: Token[], i: number, verbEnd: number, register: SpeakerRegister): Anchor | undefined {
  const token = tokens[i];
  // "He asked leaders to disavow Mr. Trump and has repeatedly characterized him as …": a verb group after "and" has the
  // sentence's subject, not the object before "and". The anchor starts at the conjunction, so the clause before it stays
  // the first verb's.
  const conjunction = conjunctionBefore(tokens, i);
  const opener = conjunction === -1 ? undefined : (coordinatedSubject(tokens, i, conjunction, register) ?? subordinateSubject(tokens, conjunction, register));
  if (opener) {
    const explains = stanceBeforeConjunction(tokens, conjunction);
    return { verbStart: i, verbEnd, subjectStart: conjunction, subjectEnd: conjunction, inverted: false, subject: opener, lemma: token.lemma, ...(explains ? { explains } : {}) };
  }
  const { subjectEnd, found: before } = subjectBefore(tokens, i, register);
  // "not what Wenlow had asked for", "what he said last week": a free relative names what was said, as an object.
  if (before && isFreeRelativeSubject(tokens, before.start)) return undefined;
  // "rejecting union calls for a pause": the phrase is the object of a verb that takes a stance on it, and "calls" a noun.
  const governing = before ? before.start - 1 : -1;
  if (governing >= 0 && tokens[governing].pos === 'VERB' && isStanceVerb(tokens, governing)) return undefined;
  // "Tesson no longer insists that …": the verb takes "no longer", which gives up the stance it reports.
  const verbStart = tokens[i - 1]?.normal === 'longer' && tokens[i - 2]?.normal === 'no' ? i - 2 : i;
  if (before && closesRelativeClause(tokens, before.start, verbEnd)) return undefined;
  const previous = tokens[i - 1];
  // ", said Larry Sabato, director of …" wins over whatever the words before the comma look like.
  const closing = previous?.text === ',' ? nameClosingClause(tokens, verbEnd + 1, register) : undefined;
  if (closing) {
    return { verbStart: i, verbEnd, subjectStart: verbEnd + 1, subjectEnd: closing.end, inverted: true, subject: { type: 'person', person: closing.person }, lemma: token.lemma };
  }
  if (before) return { verbStart, verbEnd, subjectStart: before.start, subjectEnd, inverted: false, subject: before.subject, lemma: token.lemma };
  // "…, meanwhile, called on the North Korean regime to …": whom a call is made on is never who makes it.
  const addressed = token.lemma === 'call' && verbEnd > i;
  // "Said Comey, “…”": a sentence may open with the verb, the speaker after it and the quotation after that.
  // Not "Asked whether Clinton “has …”" or "Asked by Thrush if …": the name comes right after the verb.
  const name = tokens[verbEnd + 1];
  const opensSentence = i === 0 && name !== undefined && isCapitalized(name) && tokens.slice(verbEnd + 1).some((after) => after.quoteMark === 'open');
  if (((previous && (previous.text === ',' || previous.quoteMark === 'close')) || opensSentence) && !addressed) {
    const named = findNameStartingAt(tokens, verbEnd + 1, register);
    // "…, said Halden could support limits": a name with a verb after it is the subject of what was said.
    if (named && !opensSentence && tokens[named.end + 1] && isFiniteVerb(tokens[named.end + 1])) return undefined;
    if (named) {
      return { verbStart: i, verbEnd, subjectStart: verbEnd + 1, subjectEnd: named.end, inverted: true, subject: { type: 'person', person: named.person }, lemma: token.lemma };
    }
    // ", told Reuters" names the listener, ", accused the party leadership" the accused; ", said officials" the source.
    const addressed = LISTENER_VERBS.has(token.lemma) || ACCUSING_VERBS.has(token.lemma);
    const after = addressed ? undefined : sourceAfter(tokens, verbEnd + 1);
    const phraseEnd = after?.end ?? verbEnd;
    const source = after?.source;
    const holder = addressed ? undefined : roleHolderAfter(tokens, verbEnd + 1, register);
    if (holder && !holder.person.organization && !holder.person.institutional) {
      return { verbStart: i, verbEnd, subjectStart: verbEnd + 1, subjectEnd: holder.end, inverted: true, subject: { type: 'person', person: holder.person }, lemma: token.lemma };
    }
    if (source) {
      return { verbStart: i, verbEnd, subjectStart: verbEnd + 1, subjectEnd: phraseEnd, inverted: true, subject: { type: 'source', person: source.person }, lemma: token.lemma };
    }
    // "“How big is that wall?” asked the boy": someone the article does not name said the quotation, not whoever
    // spoke before it.
    if (previous?.quoteMark === 'close' && after && describesSomeone(tokens, verbEnd + 1, after.end)) {
      return { verbStart: i, verbEnd, subjectStart: verbEnd + 1, subjectEnd: after.end, inverted: true, subject: { type: 'unnamed' }, lemma: token.lemma };
    }
  }
  return undefined;
}

/**
 * ", said the union's president, Hedy Brask": the role's holder, named in the appositive after it; the role may be
 * owned by a pronoun (", said its chief executive, Ivo Brand").
 */
function roleHolderAfter(tokens: Token[], start: number, register: SpeakerRegister): { person: Person; end: number } | undefined {
  const role = sourceAfter(tokens, POSSESSIVE_DETERMINERS.has(tokens[start]?.normal ?? '') ? start + 1 : start);
  return role?.source && tokens[role.end + 1]?.text === ',' ? findNameStartingAt(tokens, role.end + 2, register) : undefined;
}

/**
 * "Cruz lacks support in Congress, whom he has alienated, said Larry Sabato, director of …": after a comma, a verb of
 * saying followed by a name and nothing else of its clause (a comma, a parenthesis or the sentence's end) is inverted;
 * a name cannot be all that was said. What comes before it, set off by commas, was part of the content, not the
 * subject's appositive.
 */
function nameClosingClause(tokens: Token[], start: number, register: SpeakerRegister): { person: Person; end: number } | undefined {
  const named = findNameStartingAt(tokens, start, register);
  const next = named && tokens[named.end + 1];
  if (!named || named.person.organization || (next && ![',', '.', '('].includes(next.text))) return undefined;
  // A role may come before the name ("said lobbyist and GOP strategist Charlie Black"), not "of Cruz" or "that Walker".
  const phrase = tokens.slice(start, named.end + 1);
  return phrase.every((token) => !NOT_IN_ROLES.has(token.pos)) ? named : undefined;
}

/** Parts of speech a role and a name never hold: "said of Cruz", "said that Walker", "said the questioning". */
const NOT_IN_ROLES = new Set(['ADP', 'DET', 'PRON', 'VERB', 'AUX', 'SCONJ', 'PART']);

/**
 * The subject at `start` follows "what", with its determiner ("what her supporters have long said"), or a pronoun that
 * a relative clause without "that" qualifies ("Nothing the president said “will assuage …”", "everything she said"):
 * what was said is named as an object, and the sentence's own verb of saying comes later.
 */
function isFreeRelativeSubject(tokens: Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && isDeterminer(tokens[k])) k -= 1;
  return tokens[k]?.normal === 'what' || RELATIVE_HEADS.has(tokens[k]?.normal ?? '');
}

/** Pronouns a relative clause without "that" may qualify: "nothing the president said", "everything she said". */
const RELATIVE_HEADS = new Set(['nothing', 'everything', 'anything', 'something']);

/** A noun phrase of someone unnamed: a determiner and a noun that names no document ("the boy", "one Democrat"). */
function describesSomeone(tokens: Token[], start: number, end: number): boolean {
  return SOMEONE_DETERMINERS.has(tokens[start].normal) && ['NOUN', 'PROPN'].includes(tokens[end].pos) && !DOCUMENT_NOUNS.has(tokens[end].lemma);
}

const SOMEONE_DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another']);

/**
 * "Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed the attack and said …": a verb of saying joined by "and" or
 * "but" (with its auxiliaries and adverbs: "and has repeatedly said") to the sentence's first verb shares its subject,
 * the one the sentence opens with.
 */
function coordinatedSubject(tokens: Token[], i: number, conjunction: number, register: SpeakerRegister): Subject | undefined {
  const opening = openingSubject(tokens, conjunction, register) ?? openingPronoun(tokens, conjunction);
  if (!opening || opening.end >= conjunction) return undefined;
  let k = opening.end + 1;
  if (tokens[k]?.text === '(') k = tokens.findIndex((token, at) => at > k && token.text === ')') + 1 || i;
  // "Runa Varmo, the president of Tolland University, stood …": an appositive set off by commas.
  if (tokens[k]?.text === ',') {
    const closing = tokens.findIndex((token, at) => at > k && at - k <= MAX_APPOSITIVE_TOKENS && token.text === ',');
    if (closing !== -1 && closing < conjunction) k = closing + 1;
    // "The director of the centre, Ina Kirsch, told …": the name is the appositive, and the comma closes it.
    else if (opening.afterComma) k += 1;
  }
  // Between subject and verb: adverbs, auxiliaries, a time adjunct ("on Wednesday") and "himself".
  const isAdjunct = (token: Token) =>
    token.pos === 'ADV' ||
    token.pos === 'AUX' ||
    token.normal === 'not' ||
    INTENSIFIERS.has(token.normal) ||
    token.entity === 'DATE' ||
    token.entity === 'TIME' ||
    (token.pos === 'ADP' && tokens[k + 1]?.entity === 'DATE');
  let copula = false;
  while (k < conjunction && isAdjunct(tokens[k])) {
    copula ||= tokens[k].lemma === 'be';
    k += 1;
  }
  // "Fennick was dismissive of the audit, but said …": a copula and its adjective are the first verb phrase too.
  const predicate = tokens[k]?.pos === 'VERB' || (copula && tokens[k]?.pos === 'ADJ');
  return k < conjunction && predicate && !joinsNouns(tokens, k, i, conjunction) && !opensClauseBetween(tokens, k, conjunction, register) ? opening.subject : undefined;
}

/**
 * "The government unveiled a package, a day after the central bank left rates unchanged and warned that …": a clause
 * of its own (a subordinator, a subject and a finite verb) between the first verb and the conjunction; the verb after
 * the conjunction is that clause's subject's, not the sentence's.
 */
function opensClauseBetween(tokens: Token[], first: number, conjunction: number, register: SpeakerRegister): boolean {
  for (let k = first + 1; k < conjunction; k += 1) {
    if (OWN_CLAUSE_OPENERS.has(tokens[k].normal) && !tokens[k].quoted && ownClauseSubject(tokens, k, conjunction, register)) return true;
  }
  return false;
}

const OWN_CLAUSE_OPENERS = new Set(['after', 'before', 'because', 'since', 'until', 'although', 'though', 'whereas']);

/**
 * "Cruz electrified the crowds with impassioned speeches and promises to shake things up": after a plural noun, a
 * present "-s" form that a past first verb does not share a subject with is a plural noun joined to it ("survived five
 * years in prison and says …" is a verb).
 */
function joinsNouns(tokens: Token[], first: number, i: number, conjunction: number): boolean {
  const present = tokens[i].normal.endsWith('s') && tokens[i].normal !== tokens[i].lemma;
  const noun = tokens[conjunction - 1];
  return present && tokens[first].normal.endsWith('ed') && noun !== undefined && isPluralNoun(noun);
}

/**
 * "He remained dismissive of the audit, but said …", "She met the governor and said …": a "he" or "she" that opens the
 * sentence in a state (a copula or "remain" and an adjective) or in an act that says nothing (not "He said …, and said
 * …", "He urged … and said …", which report on their own): any verb after such a pronoun gave more statements to the
 * wrong person than to the right one on PolNeAR train (see `openingSubject`); after a verb that says nothing, 17 more
 * statements (PolNeAR gives them to the pronoun, or to no one), each read by eye as the pronoun's person's, and none
 * turned wrong.
 */
function openingPronoun(tokens: Token[], conjunction: number): { subject: Subject; end: number; afterComma?: boolean } | undefined {
  const start = leadingAdjunctsEnd(tokens);
  if (!SPEAKER_PRONOUNS.has(tokens[start]?.normal ?? '')) return undefined;
  let k = start + 1;
  while (tokens[k]?.pos === 'ADV') k += 1;
  const state = (tokens[k]?.lemma === 'be' || tokens[k]?.lemma === 'remain') && tokens[k + 1]?.pos === 'ADJ';
  const act = tokens[k]?.pos === 'VERB' && !ATTRIBUTING_VERBS.has(tokens[k].lemma) && !isStanceVerb(tokens, k);
  return (state || act) && k + 1 < conjunction ? { subject: { type: 'pronoun', at: start }, end: start } : undefined;
}

/**
 * The person the sentence opens with, after its adjuncts, or a body named by its title or as a source ("The
 * association puts the figure at 600 and says …"). A pronoun there was tried too ("He has asked leaders to … and has
 * said …"): on PolNeAR train it gave 32 more statements to the wrong person, and none more to the right one.
 */
function openingSubject(tokens: Token[], conjunction: number, register: SpeakerRegister): { subject: Subject; end: number; afterComma?: boolean } | undefined {
  const start = leadingAdjunctsEnd(tokens);
  const first = findNameStartingAt(tokens, start, register);
  const named = first ? { ...first, start } : subjectAfterLongAdjunct(tokens, conjunction + 1, register);
  if (named) return { subject: { type: 'person', person: named.person }, end: named.end, afterComma: followsComma(tokens, named.start) };
  const verb = tokens.findIndex((token, k) => k > start && k < conjunction && (token.pos === 'VERB' || token.pos === 'AUX'));
  if (verb === -1) return undefined;
  const { subjectEnd, found } = subjectBefore(tokens, verb, register);
  const body = found && found.start === start && (found.subject.type === 'title' || found.subject.type === 'source') && !isDescription(found.subject);
  return body ? { subject: found.subject, end: subjectEnd } : undefined;
}

/** The "and" or "but" right before the verb at `i` and its auxiliaries and adverbs ("and has repeatedly said"), or -1. */
function conjunctionBefore(tokens: Token[], i: number): number {
  let k = i - 1;
  // "and on Monday announced": a time adjunct too; "and no longer insists": "no" of "no longer", which wink tags a
  // determiner.
  const noLonger = (at: number) => tokens[at].normal === 'no' && tokens[at + 1]?.normal === 'longer';
  while (k > 0 && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV' || tokens[k].normal === 'not' || noLonger(k) || isDatedAt(tokens, k))) k -= 1;
  if (tokens[k]?.text === ',') k = asideOpening(tokens, k) - 1;
  return COORDINATORS.has(tokens[k]?.normal ?? '') ? k : -1;
}

/**
 * "and, for the first time, said": where a short phrase set off by commas before `close` (its closing comma) opens,
 * at its opening comma; `close` itself when no such phrase ends there. A phrase with a verb is a clause, not an aside.
 */
function asideOpening(tokens: Token[], close: number): number {
  for (let k = close - 1; k > 0 && close - k <= MAX_ASIDE_TOKENS; k -= 1) {
    if (tokens[k].text === ',') return k < close - 1 ? k : close;
    if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX' || tokens[k].quoteMark) return close;
  }
  return close;
}

/** The longest phrase set off by commas between a conjunction and its verb ("and, in a statement on Monday, said"). */
const MAX_ASIDE_TOKENS = 7;

export const COORDINATORS = new Set(['and', 'but']);

/**
 * "The union welcomed the proposal but said it needed more detail": the sentence's first verb, before the conjunction
 * that joins a verb of saying to it, takes a stance that is said with it. Not a verb that reports on its own ("pledged
 * to …"), nor one that declines ("declined to name … but said"), nor across a quotation set in between.
 */
function stanceBeforeConjunction(tokens: Token[], conjunction: number): Anchor['explains'] {
  const stance = tokens.findIndex((token, k) => k < conjunction && token.pos === 'VERB' && !token.quoted && !/ing$/.test(token.normal));
  if (stance === -1 || !isStanceVerb(tokens, stance) || ATTRIBUTING_VERBS.has(tokens[stance].lemma) || DECLINING_VERBS.has(tokens[stance].lemma)) return undefined;
  const quoted = tokens.slice(stance, conjunction).some((token, offset) => token.quoteMark || isDashAt(tokens, stance + offset));
  return quoted ? undefined : { start: 0, verb: stance };
}

/** Verbs that decline to do or say something: what is said after "but" is the statement. */
const DECLINING_VERBS = new Set(['decline', 'refuse']);

/**
 * "Her eyes welled with tears as she spoke of the city and urged voters to …": a verb after "and" inside a clause of
 * time that follows the main clause shares that clause's subject, a pronoun or a name right after "as", "while" or
 * "when" with its own verb, when nothing but words of the clause stand between them (no comma, no quotation); after
 * "after", "because" and the like, a person or a body too (`ownClauseSubject`).
 */
function subordinateSubject(tokens: Token[], conjunction: number, register: SpeakerRegister): Subject | undefined {
  let opener = conjunction - 1;
  while (opener > 0 && !CLAUSE_OF_TIME_OPENERS.has(tokens[opener].normal) && !OWN_CLAUSE_OPENERS.has(tokens[opener].normal)) {
    if (tokens[opener].pos === 'PUNCT' || tokens[opener].quoteMark || tokens[opener].pos === 'SCONJ') return undefined;
    opener -= 1;
  }
  if (opener > 0 && OWN_CLAUSE_OPENERS.has(tokens[opener].normal)) return ownClauseSubject(tokens, opener, conjunction, register);
  if (opener <= 0 || tokens[opener].pos !== 'SCONJ') return undefined;
  const pronoun = SPEAKER_PRONOUNS.has(tokens[opener + 1]?.normal ?? '');
  const named = pronoun ? undefined : findNameStartingAt(tokens, opener + 1, register);
  if (!pronoun && (!named || named.person.institutional)) return undefined;
  let k = named ? named.end + 1 : opener + 2;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'AUX') k += 1;
  if (tokens[k]?.pos !== 'VERB' || k >= conjunction) return undefined;
  return named ? { type: 'person', person: named.person } : { type: 'pronoun', at: opener + 1 };
}

/**
 * "…, a day after the central bank left rates unchanged and warned that …": the subject of the clause "after" opens,
 * a person or a body, right after it and before the clause's first verb.
 */
function ownClauseSubject(tokens: Token[], opener: number, conjunction: number, register: SpeakerRegister): Subject | undefined {
  const verb = tokens.findIndex((token, k) => k > opener && k < conjunction && isFiniteVerb(token));
  if (verb === -1) return undefined;
  const { found } = subjectBefore(tokens, verb, register);
  return found && found.start === opener + 1 && found.subject.type !== 'unnamed' ? found.subject : undefined;
}

/** Subordinators of a clause of time or manner after the main clause ("…, as she spoke of …"). */
const CLAUSE_OF_TIME_OPENERS = new Set(['as', 'while', 'when']);

/**
 * The first person named right after a comma before the verb's conjunction, when the sentence opens with an adjunct
 * too long or too quoted for `leadingAdjunctsEnd` ("On a gray afternoon in the atrium of the library, where students had
 * been told to expect “an update,” Runa Varmo … stood … and told …").
 */
function subjectAfterLongAdjunct(tokens: Token[], i: number, register: SpeakerRegister): { person: Person; start: number; end: number } | undefined {
  for (let k = 1; k < i - 1; k += 1) {
    if (!followsComma(tokens, k) || tokens[k].quoted) continue;
    const named = findNameStartingAt(tokens, k, register);
    if (named && !named.person.organization) return { ...named, start: k };
  }
  return undefined;
}

/** "has written", "had not yet spoken", "have also shown": a form of "have" before the verb, adverbs skipped. */
function followsHave(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.normal === 'not') k -= 1;
  if (k < 0) return false;
  return tokens[k].lemma === 'have' || isContractedHas(tokens, k) || /^['’](ve|d)$/.test(tokens[k].normal);
}

/** "had sought", "had not yet offered", "had been seeking": "had" before the verb, adverbs and "been" skipped. */
function isPastPerfect(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'PART' || tokens[k]?.normal === 'been') k -= 1;
  return tokens[k]?.normal === 'had';
}

/**
 * A form of "be" before the verb (adverbs skipped): progressive with an -ing form, passive otherwise. wink gives
 * "being" a lemma of its own ("were being asked to provide" is passive).
 */
function isProgressive(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (tokens[k]?.pos === 'ADV') k -= 1;
  const be = tokens[k]?.lemma === 'be' || tokens[k]?.normal === 'being';
  return tokens[k]?.pos === 'AUX' && be && !isContractedHas(tokens, k);
}

/**
 * "Reyes has been touring the state and claiming …": an -ing form after "and" or "but" that shares the progressive of
 * the verb before the conjunction, the nearest verb there.
 */
function sharesProgressive(tokens: Token[], i: number): boolean {
  const conjunction = conjunctionBefore(tokens, i);
  if (conjunction === -1) return false;
  for (let k = conjunction - 1; k > 0; k -= 1) {
    if (tokens[k].pos === 'AUX') return false;
    if (tokens[k].pos === 'VERB') return /ing$/.test(tokens[k].normal) && isProgressive(tokens, k);
  }
  return false;
}

/** "he's said", "Sanders's said": after a person, a contracted "'s" before a verb is "has" (wink reads "is"). */
function isContractedHas(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1];
  return POSSESSIVE_MARKS.has(tokens[k].text) && !!before && (SPEAKER_PRONOUNS.has(before.normal) || before.pos === 'PROPN') && !/ing$/.test(tokens[k + 1]?.normal ?? '');
}

/**
 * "Clinton tweeted her thanks, saying …": the participle reports for the subject of the clause it hangs on, the first
 * person the sentence names before it, or the last named speaker when the clause's subject is a pronoun. After a
 * trailing attribution ("Ortiz and Arnsby will meet, Reyes said, adding …") it hangs on that attribution: Reyes adds.
 * `absolute`: its own subject, when the caller found one (`absoluteSubject`).
 */
function anchorParticiple(tokens: Token[], i: number, verbEnd: number, register: SpeakerRegister, absolute?: Subject): Anchor | undefined {
  const attributing = tokens[i - 1]?.text === ',' ? attributionBefore(tokens, i - 1, register) : absolute;
  if (attributing) return participleAnchor(i, verbEnd, attributing, tokens[i].lemma);
  // The clause's subject, after a verbless adjunct that opens the sentence ("Here in Columbia, Sanders …, saying"; not
  // "And then Trump went on the attack, saying"), or after a subordinate clause ("Although Bloomberg is not a
  // candidate, Trump sent a jab his way by suggesting …": Trump suggests).
  const adjuncts = leadingAdjunctsEnd(tokens);
  const verbless = !tokens.slice(0, adjuncts).some((token) => token.pos === 'VERB' || token.pos === 'AUX');
  // Not a comma after the participle itself ("When he returned he began by saying, “…”"). The subordinator may follow
  // an adverb ("Ever since she endorsed Clinton, Warren has been …, attacking …": Warren attacks).
  const opener = tokens[0]?.pos === 'ADV' ? tokens[1] : tokens[0];
  const start = joinedClauseStart(tokens, (verbless || SUBORDINATORS.test(opener?.normal ?? '')) && adjuncts < i ? adjuncts : 0, i);
  const described = describedSubjectBefore(tokens, start, i, register);
  if (described) return participleAnchor(i, verbEnd, described, tokens[i].lemma);
  // After "by", "after" …: the subject of the clause, before its verb ("Democrats were careful not to anger Sanders by
  // urging him to quit" is not Sanders urging).
  const verb = GERUND_PREPOSITIONS.has(tokens[i - 1]?.normal ?? '')
    ? tokens.findIndex((token, k) => k > start && k < i && (token.pos === 'VERB' || token.pos === 'AUX') && !token.quoted && !isCapitalized(token))
    : -1;
  const limit = verb !== -1 ? verb : i;
  for (let k = start; k < limit; k += 1) {
    if (tokens[k].quoted || tokens[k].quoteMark) continue;
    const subject = pronounOrNameAt(tokens, k, i, register);
    if (subject) return participleAnchor(i, verbEnd, subject, tokens[i].lemma);
  }
  return undefined;
}

/**
 * "Protest groups say …, and the civil liberties union has sued the city, saying …": the participle hangs on the last
 * clause joined before it that has a subject and verb of its own; where that clause starts (`from` when none does).
 * Not a verb joined to the same subject ("…, and sued the city, saying": the first subject's).
 */
function joinedClauseStart(tokens: Token[], from: number, i: number): number {
  for (let k = i - 2; k > from; k -= 1) {
    const joins = (COORDINATORS.has(tokens[k].normal) && tokens[k - 1]?.text === ',') || tokens[k].text === ';';
    const opener = tokens[k + 1];
    if (!joins || !opener || tokens[k].quoted || !SUBJECT_OPENERS.has(opener.pos)) continue;
    if (tokens.slice(k + 2, i).some((token) => (token.pos === 'VERB' || token.pos === 'AUX') && !token.quoted)) return k + 1;
  }
  return from;
}

/** What a clause's subject opens with: "and the union has sued", "but Wallace brought", "and she said". */
const SUBJECT_OPENERS = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'NUM', 'ADJ']);

/**
 * "…, with Sen. John McCain calling it a “Chinese menu”": a participle's own subject, a name after "with" (and its
 * title and description) right before it.
 */
function absoluteSubject(tokens: Token[], i: number, register: SpeakerRegister): Subject | undefined {
  const named = findNameEndingAt(tokens, i - 1, register);
  if (!named || named.person.organization || named.person.institutional) return absoluteSource(tokens, i);
  let start = roleStartBefore(tokens, named.start);
  while (tokens[start - 1]?.pos === 'ADJ' && !isCapitalized(tokens[start - 1])) start -= 1; // "former"
  return tokens[start - 1]?.normal === 'with' ? { type: 'person', person: named.person } : undefined;
}

/**
 * "…, with the association signaling it would accept …": a body or role by its common noun after "with" says what its
 * participle says.
 */
function absoluteSource(tokens: Token[], i: number): Subject | undefined {
  const width = tokens.slice(Math.max(0, i - MAX_ABSOLUTE_SUBJECT_TOKENS), i).reverse().findIndex((token) => token.normal === 'with');
  if (width === -1) return undefined;
  const start = i - width;
  if (tokens.slice(start, i).some((token) => !isWord(token) || token.pos === 'VERB' || token.pos === 'ADP')) return undefined;
  // A body by its common noun only: "with Fox News calling the race" is not a stance, as a person named is.
  const source = sourceSpeaker(tokens, start, i - 1);
  return source?.person.institutional ? { type: 'source', person: source.person } : undefined;
}

/** Words of a body's noun phrase between "with" and its participle ("the Ebbridge Valley teachers' association"). */
const MAX_ABSOLUTE_SUBJECT_TOKENS = 6;

/**
 * "The New York businessman has praised Putin, saying …": a clause whose subject is a title or a body, not a name or
 * pronoun, before its first verb; the name after that verb is its object, not who says.
 */
function describedSubjectBefore(tokens: Token[], start: number, limit: number, register: SpeakerRegister): Subject | undefined {
  // A capitalised "verb" is a name wink misreads ("Sen. Ted Cruz").
  const verb = tokens.findIndex((token, k) => k > start && k < limit && (token.pos === 'VERB' || token.pos === 'AUX') && !isCapitalized(token));
  if (verb === -1 || tokens.slice(start, verb).some((token, k) => pronounOrNameAt(tokens, start + k, verb, register))) return undefined;
  const found = findSubjectEndingAt(tokens, skipToSubjectEnd(tokens, verb - 1), register);
  return found && found.start === start && (found.subject.type === 'title' || found.subject.type === 'source') ? found.subject : undefined;
}

/**
 * A pronoun at `k`, or a person named from `k` (after a title's length at most) who ends before `limit`. The pronoun
 * comes first: in "he defended Mr. Trump's views, saying" the name within a title's length of it is not the subject.
 */
function pronounOrNameAt(tokens: Token[], k: number, limit: number, register: SpeakerRegister): Subject | undefined {
  if (SPEAKER_PRONOUNS.has(tokens[k].normal)) return { type: 'pronoun', at: k };
  const named = findNameStartingAt(tokens, k, register);
  // "Velby shares closed up 18%, suggesting …": the name qualifies what trades, which says nothing.
  if (named && UNSPEAKING_HEADS.has(tokens[named.end + 1]?.normal ?? '')) return undefined;
  return named && named.end < limit ? { type: 'person', person: named.person } : undefined;
}

/**
 * The speaker of the comma-bounded stretch that ends at `comma` when it is an attribution: a verb of saying and a
 * name or pronoun (", Reyes said on Monday,", ", said the mayor's spokesman Tom Reyes,"), or a body or role before the
 * verb (", the ministry said in a statement,").
 */
function attributionBefore(tokens: Token[], comma: number, register: SpeakerRegister): Subject | undefined {
  const start = tokens.slice(0, comma).findLastIndex((token) => token.text === ',' || token.quoteMark === 'close') + 1;
  const stretch = tokens.slice(start, comma);
  if (start === 0 || !stretch.some((token) => token.pos === 'VERB' && ATTRIBUTING_VERBS.has(token.lemma))) return undefined;
  for (let k = start; k < comma; k += 1) {
    const subject = pronounOrNameAt(tokens, k, comma, register);
    if (subject) return subject;
  }
  const verb = stretch.findIndex((token) => token.pos === 'VERB' && ATTRIBUTING_VERBS.has(token.lemma)) + start;
  const subject = verb > start ? findSubjectEndingAt(tokens, verb - 1, register) : undefined;
  return subject && subject.start >= start && subject.subject.type !== 'unnamed' ? subject.subject : undefined;
}

/**
 * A participle that hangs on the clause before it: after a comma (", saying …"), or joined by "and" or "but" to a
 * participial phrase after one (", painting others as weak and suggesting that …").
 */
function hangsOnClause(tokens: Token[], i: number): boolean {
  // The comma may sit inside a closing quotation mark: `in the spot titled "Dangerous," warning …`.
  if (followsComma(tokens, i)) return true;
  // "was booed after telling holdouts that …", "drew boos upon saying, “…”": the clause's subject said it.
  if (GERUND_PREPOSITIONS.has(tokens[i - 1]?.normal ?? '') && tokens[i - 1].pos !== 'VERB') return true;
  if (!COORDINATORS.has(tokens[i - 1]?.normal ?? '')) return false;
  const comma = tokens.slice(0, i - 1).findLastIndex((token) => token.text === ',');
  return comma !== -1 && isParticipleAfterComma(tokens[comma + 1]);
}

/** Prepositions whose -ing object is something the clause's subject did ("after telling", "by saying"). */
const GERUND_PREPOSITIONS = new Set(['after', 'upon', 'by', 'before', 'while', 'when']);

/** An -ing verb opening a phrase after a comma; the tagger takes some for nouns (", painting others as weak"). */
function isParticipleAfterComma(token: Token | undefined): boolean {
  return !!token && /ing$/.test(token.normal) && (token.pos === 'VERB' || (token.pos === 'NOUN' && token.text === token.normal));
}

/**
 * "Clinton has taken a swipe at Trump’s stance on Brexit, saying that …": the clause a participle hangs on when it
 * takes a stance in its main verb (the first verb of the stretch before the participle's comma; "told the AP that he
 * would not seek a recount, conceding …" is told, not sought).
 */
function stanceHungOn(tokens: Token[], i: number): Anchor['explains'] {
  const comma = tokens.slice(0, i).findLastIndex((token) => token.text === ',');
  // A colon or semicolon ends a clause too: "X has not moved: she again ruled out …, telling …" hangs on "ruled out".
  const start = tokens.slice(0, Math.max(comma, 0)).findLastIndex((token) => CLAUSE_BREAKS.has(token.text)) + 1;
  const verb = tokens.findIndex((token, k) => k >= start && k < comma && token.pos === 'VERB' && !token.quoted);
  // A finite verb: not a participle of its own, though "is seeking" is one.
  const finite = verb !== -1 && (!/ing$/.test(tokens[verb].normal) || isProgressive(tokens, verb));
  return finite && isStanceVerb(tokens, verb) ? { start, verb } : undefined;
}

const CLAUSE_BREAKS = new Set([',', ':', ';']);

/** The first verb of the stretch before the participle's comma is in the past perfect ("had praised Trump, stating"). */
function hangsOnPastPerfect(tokens: Token[], i: number): boolean {
  const comma = tokens.slice(0, i).findLastIndex((token) => token.text === ',');
  const start = tokens.slice(0, Math.max(comma, 0)).findLastIndex((token) => CLAUSE_BREAKS.has(token.text)) + 1;
  const verb = tokens.findIndex((token, k) => k >= start && k < comma && token.pos === 'VERB' && !token.quoted);
  return verb !== -1 && isPastPerfect(tokens, verb);
}

/** A participle's subject sits outside its clause: the anchor's subject span is the verb itself. */
function participleAnchor(i: number, verbEnd: number, subject: Subject, lemma: string): Anchor {
  return { verbStart: i, verbEnd, subjectStart: i, subjectEnd: verbEnd, inverted: false, subject, lemma, participle: true };
}

/**
 * "repeated that …", "repeated since election night that …": a verb that otherwise reports only when it closes a
 * quotation reports the "that"-clause it takes, a phrase of time between. Not "repeated that mistake".
 */
function reportsThatClause(tokens: Token[], i: number): boolean {
  let k = i + 1;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.entity === 'DATE') k += 1;
  if (tokens[k]?.normal === 'since' || tokens[k]?.pos === 'ADP') {
    const phrase = k;
    k += 1;
    while (k - phrase <= MAX_REPORTED_PHRASE_TOKENS && isNounPhrasePart(tokens[k])) k += 1;
  }
  const next = tokens[k + 1];
  return tokens[k]?.normal === 'that' && tokens[k].pos === 'SCONJ' && !(next?.pos === 'NOUN' && next.normal === next.lemma);
}

/** Reporting verbs that are also ordinary verbs attribute only in their frame (see `REPORTING_VERB_FRAMES`). */
function fitsFrame(tokens: Token[], i: number): boolean {
  if (writesSomething(tokens, i)) return false;
  const frame = REPORTING_VERB_FRAMES[tokens[i].lemma];
  // "“…,” Lima noted as she left": right after a quotation and its speaker, at the end of the clause, any verb of
  // saying closes it, whatever clause it would report elsewhere.
  if (!frame || closesQuotation(tokens, i)) return true;
  const previous = tokens[i - 1];
  // "…,” added Pavone": a verb right after a closed quotation or a comma, before its subject, closes a clause.
  if (frame === 'clause' && previous && (previous.quoteMark === 'close' || previous.text === ',') && namedAfterRole(tokens, i + 1)) return true;
  let k = i + 1;
  // Adverbs and dates ("on Tuesday") may stand between the verb and its clause, but "why" and "how" are adverbs that
  // open it.
  while ((tokens[k]?.pos === 'ADV' && !REPORTED_CLAUSE_OPENERS.has(tokens[k].normal)) || isDatedAt(tokens, k)) k += 1;
  // "added to People.", "said to Reuters.": the outlet it was said to.
  if (tokens[k]?.normal === 'to' && tokens[k].pos === 'ADP' && tokens[k + 1]?.pos === 'PROPN') {
    k += 1;
    while (tokens[k]?.pos === 'PROPN') k += 1;
  }
  const next = tokens[k];
  // "…, the council agreed." closes an attribution; "… only if the council agreed." closes a condition.
  const endsClause = (!next || (next.pos === 'PUNCT' && next.quoteMark !== 'open') || closingPhraseAt(tokens, k, i)) && !isSubordinate(tokens, i);
  // "continued that …", "answered that …": a "that" clause is reported as well; not "continued that policy", "answers
  // that question" (a singular noun right after "that" is the demonstrative's, whatever wink tags it).
  const thatClause = next?.normal === 'that' && next.pos === 'SCONJ' && !(tokens[k + 1]?.pos === 'NOUN' && tokens[k + 1].normal === tokens[k + 1].lemma);
  if (frame === 'trailing') return endsClause || thatClause;
  return endsClause || REPORTED_CLAUSE_OPENERS.has(next.normal) || opensFiniteClause(tokens, k) || opensClauseAfterPhrase(tokens, k);
}

/**
 * "will not write a cheque", "wrote a book about the strike": what is written is a thing, not what was said. Not "wrote
 * a letter that …", a statement.
 */
function writesSomething(tokens: Token[], i: number): boolean {
  if (tokens[i].lemma !== 'write' || !['a', 'an'].includes(tokens[i + 1]?.normal ?? '')) return false;
  // "“…,” wrote a man on Twitter": the writer, after the quotation.
  if (tokens[i - 1]?.quoteMark === 'close' || tokens[i - 1]?.text === ',') return false;
  const head = objectHead(tokens, i + 1);
  if (tokens[head]?.pos !== 'NOUN' || STATEMENT_NOUNS.has(tokens[head].lemma) || DOCUMENT_NOUNS.has(tokens[head].lemma)) return false;
  // "wrote an op-ed urging Congress to …", "wrote a book arguing that …": what was written speaks.
  return !tokens.slice(head + 1, head + 4).some((token) => token.pos === 'VERB' && /ing$/.test(token.normal));
}

/**
 * "“…,” Lima added in an interview.", "“…,” she noted on Twitter.": a verb that closes a quotation or a clause with
 * its subject (a comma or the quotation's closing mark right before the subject) may take a phrase of where it was
 * said, prepositions and nouns to the end of the sentence or to a relative clause ("added in a letter, which …"). Not
 * "Lima insisted on a public hearing.", the stance itself.
 */
function closingPhraseAt(tokens: Token[], k: number, verb: number): boolean {
  if (tokens[k]?.pos !== 'ADP') return false;
  let end = k;
  while (end < tokens.length && end - k < MAX_CLOSING_PHRASE_TOKENS && (isNounPhrasePart(tokens[end]) || tokens[end].pos === 'ADP' || POSSESSIVE_MARKS.has(tokens[end].text))) end += 1;
  const last = tokens[end];
  // The phrase may end the sentence or a relative clause may describe it (", which was reviewed by the Ledger").
  const describes = last?.text === ',' && RELATIVE_PRONOUNS.has(tokens[end + 1]?.normal ?? '');
  if (last !== undefined && !describes && !(last.pos === 'PUNCT' && last.quoteMark !== 'open' && last.text !== ',')) return false;
  let start = verb - 1;
  while (start > 0 && verb - start <= MAX_ROLE_TOKENS + MAX_NAME_WORDS && (isNounPhrasePart(tokens[start]) || tokens[start].pos === 'PRON')) start -= 1;
  if (start >= verb - 1) return false;
  if (tokens[start]?.quoteMark === 'close') return true;
  // After a comma, a clause of its own before it ("Fares will not rise, Lima added in an interview."), not an opening
  // phrase ("After a long debate, the council agreed on a plan.").
  const before = tokens.slice(0, start);
  const clause = before.some((token) => token.quoted || isFiniteVerb(token));
  return tokens[start]?.text === ',' && clause && !['ADP', 'SCONJ'].includes(tokens[0]?.pos ?? '');
}

/** The longest phrase of where something was said after a closing verb ("in an interview with the Gazette"). */
const MAX_CLOSING_PHRASE_TOKENS = 8;

/**
 * A name at `k`, or after a role that opens there: "Pavone", "his campaign manager Jeff Weaver", "the union's
 * president Hedy Brask".
 */
function namedAfterRole(tokens: Token[], k: number): boolean {
  let j = k;
  const determined = tokens[j] !== undefined && isDeterminer(tokens[j]);
  if (determined) j += 1;
  const role = j;
  while (j - k < MAX_ROLE_TOKENS && tokens[j] && (isRoleModifier(tokens[j]) || POSSESSIVE_MARKS.has(tokens[j].text))) j += 1;
  // After "the" or an owner, a role word comes first: "noting the Republican nominee “…”" names no one, where "added a
  // South Carolina Democrat" names a source.
  const indefinite = ['a', 'an'].includes(tokens[k]?.normal ?? '');
  return tokens[j]?.pos === 'PROPN' && (!determined || indefinite || j > role);
}

/**
 * "noted in a guest column in Saturday's paper that …": a prepositional phrase between the verb and the clause it
 * reports. Not a relative "that" of the phrase's noun ("noted in a column that ran …").
 */
function opensClauseAfterPhrase(tokens: Token[], k: number): boolean {
  if (tokens[k]?.pos !== 'ADP') return false;
  for (let j = k + 1; j < tokens.length && j < k + MAX_REPORTED_PHRASE_TOKENS; j += 1) {
    const token = tokens[j];
    if (REPORTED_CLAUSE_OPENERS.has(token.normal) && token.normal !== 'if' && tokens[j + 1]?.pos !== 'VERB' && tokens[j + 1]?.pos !== 'AUX') return true;
    if (!isWord(token) && !POSSESSIVE_MARKS.has(token.text)) return false;
    if (token.pos === 'VERB' || token.pos === 'AUX') return false;
  }
  return false;
}

/** Whether the clause the verb at `i` ends opens with a subordinator ("if", "when", "because" …) since the last break. */
function isSubordinate(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k -= 1) {
    const token = tokens[k];
    if (CLAUSE_BREAKS.has(token.text) || token.quoteMark || isDashAt(tokens, k)) return false;
    if (SUBORDINATING_WORDS.has(token.normal)) return true;
  }
  return false;
}

const SUBORDINATING_WORDS = new Set(['if', 'unless', 'when', 'whenever', 'because', 'although', 'though', 'until', 'once', 'while', 'whereas']);

/**
 * "“…,” Hannity started.", "“…!” he shouted.", "“…,” concluded Ms. Lima.": a verb of `QUOTE_CLOSING_VERBS` right after
 * a quotation that breaks off at a comma, "?" or "!" and its speaker (or right after the quotation, its speaker next),
 * at the end of the clause.
 */
function closesQuotation(tokens: Token[], i: number): boolean {
  const inverted = tokens[i - 1]?.quoteMark === 'close';
  let close = i - 1;
  let end = i + 1;
  if (inverted) while (end - i <= MAX_SPEAKER_WORDS && isSpeakerWord(tokens[end])) end += 1;
  else while (i - close <= MAX_SPEAKER_WORDS && isSpeakerWord(tokens[close])) close -= 1;
  const hasSpeaker = inverted ? end > i + 1 : close < i - 1;
  // "“…,” she shouted to the crowd as she left": where or to whom, and when, may follow the verb.
  if (!inverted) end = skipPlacePhrase(tokens, end);
  const next = tokens[end];
  const endsClause = !next || (next.pos === 'PUNCT' && next.quoteMark !== 'open') || CLOSING_CLAUSE_OPENERS.has(next.normal);
  if (!hasSpeaker || !endsClause || tokens[close]?.quoteMark !== 'close') return false;
  // ''…'' closes with two tokens.
  while (tokens[close - 1]?.quoteMark === 'close') close -= 1;
  return QUOTATION_BREAKS.has(tokens[close - 1]?.text ?? '');
}

/** Past a preposition and its short noun phrase at `k` ("to the crowd", "on Facebook", "over her shoulder"), or `k`. */
function skipPlacePhrase(tokens: Token[], k: number): number {
  if (tokens[k]?.pos !== 'ADP' || CLOSING_CLAUSE_OPENERS.has(tokens[k].normal)) return k;
  let end = k + 1;
  while (end - k <= MAX_PLACE_PHRASE_TOKENS && tokens[end] && (isNounPhrasePart(tokens[end]) || POSSESSIVE_DETERMINERS.has(tokens[end].normal))) end += 1;
  return end > k + 1 ? end : k;
}

const MAX_PLACE_PHRASE_TOKENS = 4;

/** Words that open a clause of when after a verb that closes a quotation ("“…,” she shouted as she left"). */
const CLOSING_CLAUSE_OPENERS = new Set(['as', 'before', 'after', 'while', 'when']);

/** How a quotation breaks off before its speaker: "“…,” she said", "“…?” he asked". */
const QUOTATION_BREAKS = new Set([',', '?', '!', ...DASHES]);

/** Words of a speaker's name and role ("Halden co-host Ivo Karsk"). */
const MAX_SPEAKER_WORDS = MAX_NAME_WORDS + 2;

/** A word of a speaker's name or description: "he", "Ms. Lima", "the senator". */
const isSpeakerWord = (token: Token | undefined) => token !== undefined && ['PROPN', 'PRON', 'NOUN', 'DET', 'ADJ'].includes(token.pos);

/** "insists the party must be …": a subject (a short noun phrase) and its finite verb, a clause without "that". */
function opensFiniteClause(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + MAX_NAME_WORDS + 2; k += 1) {
    const token = tokens[k];
    if (isFiniteVerb(token)) return k > from;
    if (!(token.pos === 'DET' || token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'PRON' || token.pos === 'ADJ' || POSSESSIVE_MARKS.has(token.text))) return false;
  }
  return false;
}

/**
 * The subject of the verb at `verb`, and its last token. Of a description and the name set off after it ("Mr. Trump's
 * campaign chairman, Paul Manafort, said", "Trump’s running mate — Mike Pence — has"), the name is the speaker; a
 * name followed by its description ("Gene Sperling, a top adviser, said") keeps the name.
 */
function subjectBefore(tokens: Token[], verb: number, register: SpeakerRegister): { subjectEnd: number; found?: { start: number; subject: Subject } } {
  const subjectEnd = skipToSubjectEnd(tokens, verb - 1);
  if (subjectEnd < 0) return { subjectEnd };
  const antecedent = relativeAntecedent(tokens, subjectEnd, register);
  if (antecedent) return { subjectEnd, found: antecedent };
  const subject = personOfPlace(tokens, findSubjectEndingAt(tokens, subjectEnd, register), register);
  const found = tokens[subjectEnd + 1]?.text === ',' ? describedName(tokens, subject, register) : subject;
  // The mark that sets the name off: commas, or dashes ("Trump’s running mate — Indiana Gov. Mike Pence — has …").
  const mark = tokens[subjectEnd + 1]?.text ?? '';
  const dash = isDashAt(tokens, subjectEnd + 1);
  const setsOff = mark === ',' || dash;
  const closes = (k: number) => (dash ? isDashAt(tokens, k) : tokens[k].text === mark);
  const closing = tokens.slice(subjectEnd + 2, verb).findIndex((_, k) => closes(subjectEnd + 2 + k)) + subjectEnd + 2;
  // "A spokesman for Quast, Dag Holter, said", "The chairman of Orrin Rail, Peter Kane, said": the name after "for"
  // or "of" is whom the subject speaks for.
  const principal = found?.subject.type === 'person' && isRepresentedAt(tokens, found.start);
  if ((found?.subject.type === 'person' && !principal) || !setsOff || closing < subjectEnd + 2) {
    return { subjectEnd, found: found && { ...found, start: descriptorStart(tokens, found.start, found.subject.type === 'person') } };
  }
  const named = appositiveName(tokens, appositiveEnd(tokens, subjectEnd + 2, closing), register);
  const body = named ? undefined : bodyNamedInAppositive(tokens, subjectEnd, closing);
  if (body) return { subjectEnd: closing - 1, found: { start: found?.start ?? subjectEnd, subject: { type: 'source', person: body } } };
  // "The aides, led by campaign manager Tom Reyes, told …": whoever leads them speaks for them, as "Reyes and his aides".
  const led = LEADING_PARTICIPLES.has(tokens[subjectEnd + 2]?.normal ?? '') && tokens[subjectEnd + 3]?.normal === 'by';
  const opening = led ? subjectEnd + 4 : subjectEnd + 2;
  const described = (start: number) => led && start > opening && tokens.slice(opening, start).every((token) => token.pos === 'NOUN' || isRoleModifier(token));
  // The name may carry its title ("…, Indiana Gov. Mike Pence, …"); two names may share the description ("Two council
  // members, Ana Lima and Ivo Karsk, said"), as two names share a verb.
  const opensAppositive = (start: number) => start === opening || roleStartBefore(tokens, start) === opening || described(start);
  const joined = named && jointName(tokens, roleStartBefore(tokens, named.start), named.person, register);
  if (!named || !opensAppositive(joined?.start ?? named.start)) return { subjectEnd, found };
  const start = descriptorStart(tokens, found?.start ?? named.start);
  const person: Subject = { type: 'person', person: named.person, ...(joined ? { also: joined.person } : {}) };
  return { subjectEnd: closing - 1, found: { start, subject: person } };
}

/** Participles that name who leads a group ("led by", "headed by"). */
const LEADING_PARTICIPLES = new Set(['led', 'headed']);

/**
 * "The company, Brevolt, says …", "The utility, Halden Power, said …": a body described by its kind and named in the
 * appositive after it (`subjectEnd` the kind's noun, `closing` the mark that closes the name), when no name finder
 * knows the name.
 */
function bodyNamedInAppositive(tokens: Token[], subjectEnd: number, closing: number): Person | undefined {
  const name = tokens.slice(subjectEnd + 2, closing);
  const capitals = name.length <= MAX_NAME_WORDS && name.every((token) => isWord(token) && isCapitalized(token)) && name.some((token) => token.pos === 'PROPN');
  if (!DESCRIBED_BODY_HEADS.has(tokens[subjectEnd].lemma) || !capitals) return undefined;
  const source = sourceSpeaker(tokens, subjectEnd + 2, closing - 1);
  return source?.person.organization ? source.person : undefined;
}

/**
 * "…, sharpened by President Ana Lima, who told a rally that …": "who" right after a person's name and its comma stands
 * for that person.
 */
function relativeAntecedent(tokens: Token[], at: number, register: SpeakerRegister): { start: number; subject: Subject } | undefined {
  if (!isRelativeWhoAt(tokens, at)) return undefined;
  const named = findNameEndingAt(tokens, at - 2, register);
  return named && !named.person.organization && !named.person.institutional ? { start: at, subject: { type: 'person', person: named.person } } : undefined;
}

/**
 * Where the name of an appositive between `open` and the mark closing it at `closing` ends: before the mark, before
 * the party that follows the name ("…, Sen. Tim Kaine (D-Va.), promised"), or before a relative clause inside dashes
 * ("… -- John McCain, who lost the 2008 election -- said").
 */
function appositiveEnd(tokens: Token[], open: number, closing: number): number {
  const clause = tokens.slice(open, closing).findIndex((token, k) => token.text === ',' && RELATIVE_PRONOUNS.has(tokens[open + k + 1]?.normal ?? ''));
  const end = clause === -1 ? closing - 1 : open + clause - 1;
  return tokens[end]?.text === ')' ? skipParenthesis(tokens, end) : end;
}

/**
 * "Christopher Shelton, the president of the union, which endorsed …, said": the name that opens the sentence, when
 * what was found is the appositive, set off by commas, that describes it (not "Mr. Obama, officials said, has …").
 */
function describedName(tokens: Token[], found: { start: number; subject: Subject } | undefined, register: SpeakerRegister) {
  const described = found?.subject.type === 'title' || found?.subject.type === 'source';
  if (!found || !described || tokens[found.start - 1]?.text !== ',') return found;
  const named = findNameEndingAt(tokens, found.start - 2, register);
  if (!named || named.person.organization || roleStartBefore(tokens, named.start) !== 0) return found;
  return { start: 0, subject: { type: 'person', person: named.person } as Subject };
}

/**
 * The name an appositive ending at `end` gives: "Another pollster, David Woodard, said", and with the person's place
 * after it, "Another pollster, David Woodard of Clemson University, said".
 */
function appositiveName(tokens: Token[], end: number, register: SpeakerRegister): { person: Person; start: number } | undefined {
  const named = findNameEndingAt(tokens, end, register);
  if (named && !named.person.organization) return named;
  const place = findSubjectEndingAt(tokens, end, register);
  const person = personOfPlace(tokens, place, register);
  return person && person !== place && person.subject.type === 'person' ? { person: person.subject.person, start: person.start } : named;
}

/**
 * `start`, or the start of the lower-case words describing the subject when they open the clause after a quotation or
 * a comma: "…,” a smiling Trump said", "…,” his wife, Maria Delgado, wrote", with a capitalised word that qualifies
 * one of them before a `named` person ("…,” Texas delegate Bill Eastland said"). They belong to the subject, so the
 * anchor is a trailing one and the quotation its content.
 */
function descriptorStart(tokens: Token[], start: number, named = false): number {
  let k = start;
  const qualifies = (at: number) => named && at < start && tokens[at].pos === 'NOUN' && isWord(tokens[at - 1]) && isCapitalized(tokens[at - 1]);
  while (k > 0 && start - k < MAX_DESCRIPTOR_TOKENS && (isDescriptorWord(tokens[k - 1]) || qualifies(k))) k -= 1;
  if (named && k === start) k = titleOwnerStart(tokens, k);
  const before = tokens[k - 1];
  return k < start && before && (before.text === ',' || before.quoteMark === 'close') ? k : start;
}

/**
 * The start of the owner of a title at `start` ("…,” Pellor’s Energy Minister Gerda Lasko said", "the Kremlin’s
 * spokesman"): capitalised words and the possessive mark, with their determiner; `start` when there is none.
 */
function titleOwnerStart(tokens: Token[], start: number): number {
  const owner = capitalizedOwnerBefore(tokens, start);
  if (!owner) return start;
  const k = start - owner.length;
  return tokens[k - 1]?.pos === 'DET' ? k - 1 : k;
}

/** At most this many words describe a subject before its name ("a visibly tired", "warm-and-fuzzy"). */
const MAX_DESCRIPTOR_TOKENS = 6;

const isDescriptorWord = (token: Token) =>
  (token.text === '-' && token.space === '') || (isWord(token) && !isCapitalized(token) && ['ADJ', 'DET', 'PRON', 'ADV', 'CCONJ', 'NOUN'].includes(token.pos));

/**
 * "Sen. Bernie Sanders of Vermont called on …", "Ana Lima of the Norvale Drivers' Union said …": the person a place
 * or a body qualifies speaks, not the place or the body.
 */
function personOfPlace(tokens: Token[], found: { start: number; subject: Subject } | undefined, register: SpeakerRegister) {
  const placed = found && tokens[found.start - 1]?.text === ',' ? personBeforePlaces(tokens, found.start - 1, register) : undefined;
  if (placed) return placed;
  if (!found || found.subject.type === 'person') return found;
  // "of the Building and Timber Workers' Union": the body's name may begin before the phrase found, at capitals
  // joined by "and", and its article stand outside it.
  let start = found.start;
  while (start >= 2 && tokens[start - 1].normal === 'and' && isCapitalized(tokens[start - 2])) start -= 2;
  const of = tokens[start - 1]?.normal === 'the' ? start - 2 : start - 1;
  if (tokens[of]?.normal !== 'of') return found;
  const named = findNameEndingAt(tokens, of - 1, register);
  if (!named || named.person.organization) return found;
  return { start: roleStartBefore(tokens, named.start), subject: { type: 'person', person: named.person } as Subject };
}

/**
 * "Tom Reyes of Norvale, Halden said", "Ana Lima and Tom Reyes of the University of Norvale, Halden suggest": the words
 * after the comma name where the place or body before it is, which the name finder may read as a person. The person
 * whose "of" opens the place, when that person opens the sentence or follows a comma (not "a report by Tom Reyes of
 * Norvale, Ana Lima said"); `comma` the comma before the found words.
 */
function personBeforePlaces(tokens: Token[], comma: number, register: SpeakerRegister): { start: number; subject: Subject } | undefined {
  for (let k = comma - 1; k > 0 && comma - k <= MAX_PLACE_TOKENS; k -= 1) {
    const token = tokens[k];
    if (token.normal === 'of') {
      const named = findNameEndingAt(tokens, k - 1, register);
      if (!named || named.person.organization || named.person.institutional) continue;
      const joined = jointName(tokens, roleStartBefore(tokens, named.start), named.person, register);
      const start = joined?.start ?? roleStartBefore(tokens, named.start);
      if (start > 0 && tokens[start - 1].text !== ',') return undefined;
      return { start, subject: { type: 'person', person: named.person, ...(joined ? { also: joined.person } : {}) } };
    }
    if (!(isWord(token) && isCapitalized(token)) && !PLACE_NAME_JOINS.has(token.normal)) return undefined;
  }
  return undefined;
}

/** Words a place's or a body's name may hold between its capitals ("the University of Norvale"). */
const PLACE_NAME_JOINS = new Set(['the', 'and']);

/** Words "of" and the place it opens may span before the comma. */
const MAX_PLACE_TOKENS = 8;

/** Pronouns that stand for a body or a group that spoke just before. */
const BODY_PRONOUNS = new Set(['it', 'they']);

function findSubjectEndingAt(tokens: Token[], end: number, register: SpeakerRegister): { start: number; subject: Subject } | undefined {
  const named = findNameEndingAt(tokens, end, register);
  // "Analysts in Belgrin said": where the people who speak are (see `sourceSpeaker`), not who speaks.
  const where = named !== undefined && named.start >= 2 && tokens[named.start - 1].normal === 'in' && isPluralNoun(tokens[named.start - 2]);
  if (named && !where) {
    const start = roleStartBefore(tokens, named.start);
    const joined = jointName(tokens, start, named.person, register);
    if (joined) return { start: joined.start, subject: { type: 'person', person: named.person, also: joined.person } };
    return { start, subject: { type: 'person', person: named.person } };
  }
  const leader = firstConjunct(tokens, end, register);
  if (leader) return { start: leader.start, subject: { type: 'person', person: leader.person } };
  const token = tokens[end];
  if (SPEAKER_PRONOUNS.has(token.normal)) return { start: end, subject: { type: 'pronoun', at: end } };
  // "It said …", "…, it said." and "…, and it told …": a body that spoke just before, and "They said …" a
  // group or a body ("The mediators said … . They said …"); not "it" inside a clause ("said that it would …").
  if (BODY_PRONOUNS.has(token.normal) && opensMainClause(tokens, end)) return { start: end, subject: { type: 'body' } };
  if (token.pos === 'PRON') return { start: end, subject: { type: 'unnamed' } };
  if (token.pos !== 'NOUN' && token.pos !== 'PROPN') return undefined;
  let start = end;
  // wink tags some words of a name as verbs or adjectives ("The Associated Press"): capitals keep the phrase going.
  // "the Ministry of International Trade and Industry": "of", "for" and "and" between capitals join one name.
  const capital = (k: number) => k >= 0 && isWord(tokens[k]) && isCapitalized(tokens[k]);
  // Not after a person's name: "Senator Alex Ortiz of Ohio" is the senator (see `personOfPlace`).
  const joinsName = (k: number) => joinsInstitutionName(tokens, k) && capital(k - 1) && capital(k + 1) && findNameEndingAt(tokens, k - 1, register) === undefined;
  // "On Monday the mayor said": a date before the subject's determiner is an adjunct ("the Saturday debate" is not).
  const adjunct = (k: number) => tokens[k].entity === 'DATE' && tokens[k + 1]?.pos === 'DET';
  // "the utility's managing director", "the acting chairman", "the judge's written ruling": a participle between a
  // possessive or determiner and the noun is an adjective, whatever wink tags it.
  const modifies = (k: number) => tokens[k - 1]?.pos === 'DET' || POSSESSIVE_MARKS.has(tokens[k - 1]?.text ?? '');
  const participle = (k: number) => (tokens[k].pos === 'VERB' && tokens[k].normal.endsWith('ing') && isNounPhrasePart(tokens[k + 1])) || isModifyingParticiple(tokens, k);
  const modifier = (k: number) => modifies(k) && participle(k);
  // "the drivers’ union", "the Building and Materials Workers’ Union": a plural's possessive mark inside the phrase,
  // which wink tags as punctuation.
  // Between capitals only: "Reyes' health care math" is not one name.
  const inName = (k: number) => isCapitalized(tokens[k - 1]) && tokens[k - 1].normal.endsWith('s') && capital(k + 1);
  const owns = (k: number) => POSSESSIVE_MARKS.has(tokens[k].text) && k > 0 && (tokens[k - 1].pos === 'NOUN' || inName(k));
  // "the Ministry of Trade, Industry and Energy": a comma between the capitals of a list that "and" ends.
  const listsInName = (k: number) => isCommaBetweenCapitals(tokens, k) && capitalsJoinedByAnd(tokens, k + 1, end);
  const continues = (k: number) => !adjunct(k) && (isNounPhrasePart(tokens[k]) || (k > 0 && capital(k)) || joinsName(k) || listsInName(k) || modifier(k) || owns(k));
  while (start > 0 && continues(start - 1)) start -= 1;
  const determiner = tokens[start]?.normal;
  // Not the object of a preposition ("supporters of the bill"): the phrase goes on before it.
  // Not a capitalised name ("The Post" is a newspaper).
  if (determiner === 'the' && end === start + 1 && TERMS_DOCUMENT_NOUNS.has(token.lemma) && !isCapitalized(token) && tokens[start - 1]?.pos !== 'ADP') return { start, subject: { type: 'document' } };
  // "the district's statement said", "Clinton's letter says", "Karsk's remarks suggested": a document, or what someone
  // said, says what its owner says.
  // What someone said only as the clause's subject: "Organizers of the push to boycott Lima's speech said" are not Lima.
  const opensClause = start === 0 || tokens[start - 1].pos === 'PUNCT' || tokens[start - 1].pos === 'CCONJ';
  const owned = TERMS_DOCUMENT_NOUNS.has(token.lemma) || (SPOKEN_NOUNS.has(token.lemma) && opensClause);
  const mark = owned ? tokens.slice(start, end).findIndex((between) => POSSESSIVE_MARKS.has(between.text)) : -1;
  const owner = mark > 0 ? findSubjectEndingAt(tokens, start + mark - 1, register) : undefined;
  if (owner && owner.subject.type !== 'unnamed') return { start: owner.start, subject: owner.subject };
  const source = sourceSpeaker(tokens, start, end);
  // Not after a role and "for" or "of" ("a spokeswoman for the mayor", "the president of the union"): the role speaks.
  const held = source !== undefined && source.start < start;
  // "the leaders agreed": a plural title names no one person.
  const plural = token.normal !== token.lemma && token.normal.endsWith('s');
  const qualified = titleQualifiers(tokens, start, end);
  if (isTitleNoun(token.lemma) && determiner === 'the' && !plural && !held) {
    // "the union leader": the common noun that says whose leader (wink may read "union" there as an adjective).
    const before = tokens[end - 1];
    const noun = before.pos === 'NOUN' || (before.pos === 'ADJ' && ORGANIZATION_HEADS.has(before.normal));
    const qualifier = end - 1 > start && noun && !isCapitalized(before) ? { qualifier: before.normal } : {};
    return { start, subject: { type: 'title', head: token.lemma, fallback: source?.person, ...qualified, ...qualifier, ...titlePlace(tokens, start, end) } };
  }
  // "the Vermont senator": the capitals are the person's state or party, not an organisation that speaks.
  if (PERSON_DESCRIPTION_HEADS.has(token.normal) && determiner === 'the' && !isCapitalized(token) && !held) {
    // An office the article names no holder of ("the mayor said") is the office's voice; "the candidate" is no office.
    const office = ROLE_WORDS.has(token.normal) ? source?.person : undefined;
    return { start, subject: { type: 'title', head: token.normal, describesPerson: true, at: start, fallback: office, ...qualified, ...titlePlace(tokens, start, end) } };
  }
  // "The former secretary of state said": the one holder of an office, whom the article may have named with it. A
  // title of a named place or body stays a label ("mayor, Brea"): "Tarrow Mayor Tom Finch" holds another.
  const holder = held ? tokens[start - 2] : undefined;
  const office = !tokens.slice(start, end + 1).some(isCapitalized);
  if (source && holder && office && tokens[source.start]?.normal === 'the' && isPersonTitle(holder)) {
    const { former } = titleQualifiers(tokens, source.start, start - 2);
    return { start: source.start, subject: { type: 'title', head: holder.lemma, fallback: source.person, former } };
  }
  if (source) {
    const owned = OWNING_DETERMINERS.has(tokens[source.start - 1]?.normal ?? '') || tokens.slice(source.start, end).some((token) => POSSESSIVE_MARKS.has(token.text));
    return { start: source.start, subject: { type: 'source', person: source.person, owned } };
  }
  return { start, subject: { type: 'unnamed' } };
}

/** From `from` to `end`, capitals only, with "and" before the last ("Industry and Energy"). */
function capitalsJoinedByAnd(tokens: Token[], from: number, end: number): boolean {
  const words = tokens.slice(from, end + 1);
  const and = words.findIndex((token) => token.normal === 'and');
  return and > 0 && and < words.length - 1 && words.every((token, k) => k === and || (isWord(token) && isCapitalized(token)));
}

/**
 * "Trump and Cruz said", "Sen. Tim Kaine and Gov. Mike Pence agreed": the person named before "and" at `start - 1`
 * when the subject joins two people (not "Sanders and his supporters": see `firstConjunct`).
 */
function jointName(tokens: Token[], start: number, person: Person, register: SpeakerRegister): { person: Person; start: number } | undefined {
  if (tokens[start - 1]?.normal !== 'and') return undefined;
  const named = findNameEndingAt(tokens, start - 2, register);
  const isPerson = named && !named.person.organization && !named.person.institutional && named.person !== person;
  return isPerson ? { person: named.person, start: roleStartBefore(tokens, named.start) } : undefined;
}

/** "the Halden senator": the capitals between "the" and a title, which say whose (a state, a party), lower-cased. */
function titlePlace(tokens: Token[], start: number, end: number): { place?: string } {
  const capitals = tokens.slice(start + 1, end);
  const place = capitals.length > 0 && capitals.every((token) => token.pos === 'PROPN' && isCapitalized(token));
  return place ? { place: capitals.map((token) => token.normal).join(' ') } : {};
}

/** A title one person holds, in the singular ("secretary", "senator"), not a body's noun nor "leader" (`GENERIC_TITLES`). */
function isPersonTitle(token: Token): boolean {
  const title = ROLE_WORDS.has(token.normal) || PERSON_DESCRIPTION_HEADS.has(token.normal);
  return title && token.normal === token.lemma && !GENERIC_TITLES.has(token.lemma);
}

/**
 * "Sanders and his supporters argue", "Trump and his attorneys have said": a named person joined by "and" to their
 * people speaks for them.
 */
function firstConjunct(tokens: Token[], end: number, register: SpeakerRegister): { person: Person; start: number } | undefined {
  const phraseBefore = (from: number) => {
    let k = from;
    while (k > 0 && (isNounPhrasePart(tokens[k]) || tokens[k].pos === 'PRON') && from - k < MAX_SOURCE_PHRASE_TOKENS) k -= 1;
    return k;
  };
  let k = phraseBefore(end);
  // "Lima and her allies in the council", "… and his rivals for the nomination": their people, and where they are (not
  // a title's "of": "and his secretary of state, Tom Reyes," is named in the appositive).
  if (tokens[k]?.pos === 'ADP' && tokens[k].normal !== 'of' && k < end) {
    const people = phraseBefore(k - 1);
    if (POSSESSIVE_DETERMINERS.has(tokens[people + 1]?.normal ?? '')) k = people;
  }
  if (tokens[k]?.normal !== 'and') return undefined;
  const named = findNameEndingAt(tokens, k - 1, register);
  return named && { person: named.person, start: roleStartBefore(tokens, named.start) };
}

/**
 * The source a noun phrase from `from` names, and where it ends: with the body a role is "for", "of" or "at" ("a
 * spokesman for the union", "the president of their union"), else the phrase alone ("officials", "the ministry").
 */
function sourceAfter(tokens: Token[], from: number): { source: ReturnType<typeof sourceSpeaker>; end: number } | undefined {
  const end = nounPhraseEnd(tokens, from);
  if (end < from) return undefined;
  if (ROLE_LINKS.has(tokens[end + 1]?.normal ?? '')) {
    const bodyStart = POSSESSIVE_DETERMINERS.has(tokens[end + 2]?.normal ?? '') ? end + 3 : end + 2;
    const bodyEnd = nounPhraseEnd(tokens, bodyStart);
    const held = bodyEnd >= bodyStart ? sourceSpeaker(tokens, bodyStart, bodyEnd) : undefined;
    if (held && held.start <= from) return { source: held, end: bodyEnd };
  }
  return { source: sourceSpeaker(tokens, from, end), end };
}

/** Prepositions that tie a role after a verb of saying to its body (", said a spokesman for the union"). */
const ROLE_LINKS = new Set(['for', 'of', 'at']);

/** The last token of the noun phrase starting at `from` (before a preposition, a date, a verb or punctuation); `from - 1` when none. */
function nounPhraseEnd(tokens: Token[], from: number): number {
  let k = from;
  // "a person familiar with the talks": the adjective and its preposition qualify the noun after it ends.
  const qualifies = (at: number) => at > from && POSTMODIFYING_ADJECTIVES.has(tokens[at].normal) && tokens[at + 1]?.pos === 'ADP';
  while (k < tokens.length && k - from < MAX_SOURCE_PHRASE_TOKENS && (isNounPhrasePart(tokens[k]) || isParticipleModifier(tokens, k, from) || isInsideName(tokens, k, from)) && !isTimeWord(tokens[k]) && !qualifies(k)) k += 1;
  return k - 1;
}

/**
 * "the Halden Falls Argus Leader", "Brevolt & Halden", "the Centre for Water Control": a capitalised word wink tags a
 * verb, an ampersand, "of" or "for" between two proper nouns is a word of the name.
 */
function isInsideName(tokens: Token[], k: number, from: number): boolean {
  const proper = (token: Token | undefined) => token !== undefined && token.pos === 'PROPN' && isCapitalized(token);
  // Not "and", which may join two names ("Lima and Reyes"), nor a title's own "of" ("Secretary of State Ana Lima").
  const joins = INSTITUTION_NAME_JOINERS.has(tokens[k].normal) && tokens[k].normal !== 'and' && !isTitleNoun(tokens[k - 1]?.lemma ?? '');
  return k > from && (isCapitalized(tokens[k]) || joins) && proper(tokens[k - 1]) && proper(tokens[k + 1]);
}

/**
 * "a respected Republican strategist", "one unaligned strategist": a participle wink tags a verb, inside the phrase.
 * Not `isModifyingParticiple`, which also reads one after a preposition and so only before a common noun: before a name
 * there it is a gerund ("toward supporting Trump").
 */
function isParticipleModifier(tokens: Token[], k: number, from: number): boolean {
  const token = tokens[k];
  const inside = k > from && ['DET', 'NUM', 'ADJ'].includes(tokens[k - 1].pos) && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[k + 1]?.pos ?? '');
  return token.pos === 'VERB' && /(ed|ing)$/.test(token.normal) && inside;
}

function isTimeWord(token: Token): boolean {
  return token.entity === 'DATE' || token.entity === 'TIME';
}

export function isNounPhrasePart(token: Token): boolean {
  return ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(token.pos) || token.text === "'s" || token.text === '’s' || isJoiningHyphen(token);
}

/** The hyphen of a compound written without spaces ("17-year-old", "Los Angeles-based"). */
export function isJoiningHyphen(token: Token): boolean {
  return token.text === '-' && token.space === '';
}


export function clauseEnd(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k].pos !== 'PUNCT') k += 1;
  return k;
}