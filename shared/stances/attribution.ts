/**
 * Attribution: which clause of a sentence was said by whom. Handles "X said …", "…, X said", "…, said X",
 * "according to X", "“…,” the Russian leader said", pronouns and titles, and quotations that run on into the
 * next sentence or paragraph without a new attribution.
 */
import {
  GENERIC_TITLES,
  LISTENER_VERBS,
  MAX_ADJUNCT_TOKENS,
  MAX_LISTENER_TOKENS,
  MIN_CONTENT_WORDS,
  PHRASAL_REPORTING_VERBS,
  REPORTING_VERB_FRAMES,
  REPORTING_VERBS,
  SPEAKER_PRONOUNS,
  TITLE_NOUNS,
  TOPIC_LEADS,
} from './patterns.js';
import {
  findNameEndingAt,
  findNameStartingAt,
  roleStartBefore,
  skipToSubjectEnd,
  type Person,
  type SpeakerRegister,
} from './speakers.js';
import { isWord, joinTokens, type Sentence, type Token } from './sentences.js';

/** How the speaker of a clause was found. */
export type AttributionSource = 'named' | 'pronoun' | 'title' | 'quote' | 'unnamed' | 'none';

/** One clause and who said it. */
export interface AttributedClause {
  speaker: Person | null;
  source: AttributionSource;
  /** The attributing verb ("urged", "called on"); empty for quotations and unattributed sentences. */
  verb: Token[];
  /** What was said. */
  content: Token[];
  /** A topic named before the speaker ("Regarding the New START treaty, Putin said …"). */
  context: Token[];
  /** The clause as written (the whole sentence when it is the only clause). */
  text: string;
  /** The whole sentence, and its position in the article, to show a clause in full when it is alone. */
  sentenceText: string;
  /** Where the sentence starts in the article text. */
  sentenceStart: number;
  sentenceIndex: number;
  paragraphIndex: number;
}

type Subject =
  | { type: 'person'; person: Person }
  | { type: 'pronoun' }
  | { type: 'title'; head: string }
  | { type: 'unnamed' };

interface Anchor {
  verbStart: number;
  verbEnd: number;
  subjectStart: number;
  subjectEnd: number;
  /** Subject after the verb (", said Putin", "according to Nogami"). */
  inverted: boolean;
  subject: Subject;
  lemma: string;
}

/**
 * Attributes every sentence of an article.
 *
 * Stages per sentence: findAnchors (reporting verbs with their subjects) → splitClauses (leading "X said …" takes
 * what follows; trailing "…, X said" takes what precedes; a trailing citation after a leading one, "…, Kommersant
 * reported", only cites the source) → resolveSpeaker (pronouns and titles → the last named speaker). A sentence
 * without an anchor that starts inside a quotation continues the last named speaker's quote; any other sentence is
 * returned unattributed (speaker null) for the classifier to keep only on a strong cue.
 */
export function attributeSentences(sentences: Sentence[], register: SpeakerRegister): AttributedClause[] {
  const clauses: AttributedClause[] = [];
  let lastNamed: Person | null = null;
  sentences.forEach((sentence, sentenceIndex) => {
    const anchors = findAnchors(sentence.tokens, register);
    if (anchors.length === 0) {
      clauses.push(attributeWithoutAnchor(sentence, sentenceIndex, lastNamed));
      return;
    }
    const found = splitClauses(sentence, sentenceIndex, anchors, (subject) => {
      const speaker = resolveSpeaker(subject, lastNamed, register);
      if (speaker) lastNamed = speaker;
      return speaker;
    });
    clauses.push(...found);
  });
  return clauses;
}

function attributeWithoutAnchor(sentence: Sentence, sentenceIndex: number, lastNamed: Person | null): AttributedClause {
  const first = sentence.tokens[0];
  const continuesQuote = first !== undefined && (first.quoteMark === 'open' || first.quoted);
  const speaker = continuesQuote ? lastNamed : null;
  return {
    speaker,
    source: speaker ? 'quote' : 'none',
    verb: [],
    content: trimPunctuation(sentence.tokens),
    context: [],
    text: sentence.text,
    sentenceText: sentence.text,
    sentenceStart: sentence.start,
    sentenceIndex,
    paragraphIndex: sentence.paragraphIndex,
  };
}

function findAnchors(tokens: Token[], register: SpeakerRegister): Anchor[] {
  const anchors: Anchor[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.quoted || token.quoteMark) continue;
    const anchor = token.normal === 'according' && tokens[i + 1]?.normal === 'to'
      ? anchorAccordingTo(tokens, i, register)
      : anchorVerb(tokens, i, register);
    if (anchor) {
      anchors.push(anchor);
      i = Math.max(i, anchor.verbEnd, anchor.inverted ? anchor.subjectEnd : i);
    }
  }
  return anchors;
}

function anchorAccordingTo(tokens: Token[], i: number, register: SpeakerRegister): Anchor {
  const named = findNameStartingAt(tokens, i + 2, register);
  const subjectEnd = named?.end ?? clauseEnd(tokens, i + 2) - 1;
  return {
    verbStart: i,
    verbEnd: i + 1,
    subjectStart: i + 2,
    subjectEnd,
    inverted: true,
    subject: named ? { type: 'person', person: named.person } : { type: 'unnamed' },
    lemma: 'according to',
  };
}

function anchorVerb(tokens: Token[], i: number, register: SpeakerRegister): Anchor | undefined {
  const token = tokens[i];
  if (token.pos !== 'VERB' || tokens[i - 1]?.normal === 'to') return undefined;
  const participle = /ing$/.test(token.normal);
  // "is calling for" reports like "calls for"; ", saying …" reports for the sentence's subject; other -ing forms are nouns or modifiers.
  if (participle && !isProgressive(tokens, i) && tokens[i - 1]?.text !== ',') return undefined;
  let verbEnd = i;
  const particles = PHRASAL_REPORTING_VERBS[token.lemma];
  if (particles) {
    if (!particles.includes(tokens[i + 1]?.normal ?? '')) return undefined;
    verbEnd = i + 1;
  } else if (!REPORTING_VERBS.has(token.lemma) || !fitsFrame(tokens, i)) {
    return undefined;
  }
  if (participle && tokens[i - 1]?.text === ',') return anchorParticiple(tokens, i, verbEnd, register);
  const subjectEnd = skipToSubjectEnd(tokens, i - 1);
  const before = subjectEnd >= 0 ? findSubjectEndingAt(tokens, subjectEnd, register) : undefined;
  if (before) return { verbStart: i, verbEnd, subjectStart: before.start, subjectEnd, inverted: false, subject: before.subject, lemma: token.lemma };
  const previous = tokens[i - 1];
  if (previous && (previous.text === ',' || previous.quoteMark === 'close')) {
    const named = findNameStartingAt(tokens, verbEnd + 1, register);
    if (named) {
      return { verbStart: i, verbEnd, subjectStart: verbEnd + 1, subjectEnd: named.end, inverted: true, subject: { type: 'person', person: named.person }, lemma: token.lemma };
    }
  }
  return undefined;
}

function isProgressive(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (tokens[k]?.pos === 'ADV') k -= 1;
  return tokens[k]?.pos === 'AUX' && tokens[k].lemma === 'be';
}

/**
 * "Clinton tweeted her thanks, saying …": the participle reports for the subject of the clause it hangs on, the first
 * person the sentence names before it, or the last named speaker when the clause's subject is a pronoun.
 */
function anchorParticiple(tokens: Token[], i: number, verbEnd: number, register: SpeakerRegister): Anchor | undefined {
  for (let k = 0; k < i; k += 1) {
    if (tokens[k].quoted || tokens[k].quoteMark) continue;
    const named = findNameStartingAt(tokens, k, register);
    if (named && named.end < i) return participleAnchor(i, verbEnd, { type: 'person', person: named.person }, tokens[i].lemma);
    if (SPEAKER_PRONOUNS.has(tokens[k].normal)) return participleAnchor(i, verbEnd, { type: 'pronoun' }, tokens[i].lemma);
  }
  return undefined;
}

/** A participle's subject sits outside its clause: the anchor's subject span is the verb itself. */
function participleAnchor(i: number, verbEnd: number, subject: Subject, lemma: string): Anchor {
  return { verbStart: i, verbEnd, subjectStart: i, subjectEnd: verbEnd, inverted: false, subject, lemma };
}

/** Reporting verbs that are also ordinary verbs attribute only in their frame (see `REPORTING_VERB_FRAMES`). */
function fitsFrame(tokens: Token[], i: number): boolean {
  const frame = REPORTING_VERB_FRAMES[tokens[i].lemma];
  if (!frame) return true;
  let k = i + 1;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.entity === 'DATE') k += 1;
  const next = tokens[k];
  const endsClause = !next || (next.pos === 'PUNCT' && next.quoteMark !== 'open');
  return frame === 'trailing' ? endsClause : endsClause || next.normal === 'that';
}

function findSubjectEndingAt(tokens: Token[], end: number, register: SpeakerRegister): { start: number; subject: Subject } | undefined {
  const named = findNameEndingAt(tokens, end, register);
  if (named) return { start: roleStartBefore(tokens, named.start), subject: { type: 'person', person: named.person } };
  const token = tokens[end];
  if (SPEAKER_PRONOUNS.has(token.normal)) return { start: end, subject: { type: 'pronoun' } };
  if (token.pos === 'PRON') return { start: end, subject: { type: 'unnamed' } };
  if (token.pos !== 'NOUN' && token.pos !== 'PROPN') return undefined;
  let start = end;
  while (start > 0 && isNounPhrasePart(tokens[start - 1])) start -= 1;
  const determiner = tokens[start]?.normal;
  if (TITLE_NOUNS.has(token.lemma) && determiner === 'the') return { start, subject: { type: 'title', head: token.lemma } };
  return { start, subject: { type: 'unnamed' } };
}

function isNounPhrasePart(token: Token): boolean {
  return ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(token.pos) || token.text === "'s" || token.text === '’s';
}

/** Splits a sentence at its anchors into attributed clauses, in order. */
function splitClauses(
  sentence: Sentence,
  sentenceIndex: number,
  anchors: Anchor[],
  resolve: (subject: Subject) => Person | null,
): AttributedClause[] {
  const { tokens } = sentence;
  const clauses: AttributedClause[] = [];
  let cursor = 0;
  let afterLeading = false;
  anchors.forEach((anchor, k) => {
    const next = anchors[k + 1];
    const trailing = isTrailing(tokens, anchor, cursor);
    if (trailing && afterLeading) {
      cursor = anchor.inverted ? anchor.subjectEnd + 1 : anchor.verbEnd + 1;
      return; // "Putin said …, Russia's Kommersant reported": a citation of the source, not a second statement.
    }
    const speaker = resolve(anchor.subject);
    const start = trailing ? cursor : contentStart(tokens, anchor);
    const end = trailing ? (anchor.inverted ? anchor.verbStart : anchor.subjectStart) : (next ? nextClauseStart(next) : tokens.length);
    const content = trimPunctuation(tokens.slice(start, end));
    const context = k === 0 && !trailing ? topicLead(tokens, anchor) : [];
    const clauseStart = trailing ? start : anchor.subjectStart;
    const clauseEnd = trailing ? (anchor.inverted ? anchor.subjectEnd : anchor.verbEnd) + 1 : end;
    clauses.push({
      speaker,
      source: sourceOf(anchor.subject, speaker),
      verb: tokens.slice(anchor.verbStart, anchor.verbEnd + 1),
      content,
      context,
      text: joinTokens(trimPunctuation(tokens.slice(clauseStart, clauseEnd))),
      sentenceText: sentence.text,
      sentenceStart: sentence.start,
      sentenceIndex,
      paragraphIndex: sentence.paragraphIndex,
    });
    cursor = trailing ? (anchor.inverted ? anchor.subjectEnd + 1 : anchor.verbEnd + 1) : end;
    afterLeading = !trailing;
  });
  return clauses;
}

function nextClauseStart(anchor: Anchor): number {
  return anchor.inverted ? anchor.verbStart : anchor.subjectStart;
}

/**
 * "…, X said" ends a clause when the subject follows a comma or closing quote, something was said before it, and
 * the verb takes no "that"-clause or object clause of its own ("…, Putin said at a news conference").
 */
function isTrailing(tokens: Token[], anchor: Anchor, cursor: number): boolean {
  if (anchor.inverted) return true;
  const before = tokens[anchor.subjectStart - 1];
  if (!before || !(before.text === ',' || before.quoteMark === 'close')) return false;
  if (tokens.slice(cursor, anchor.subjectStart).filter(isWord).length < MIN_CONTENT_WORDS) return false;
  let k = skipListener(tokens, anchor);
  if (findComplementizer(tokens, k) !== -1) return false;
  while (k < tokens.length && (tokens[k].pos === 'ADV' || tokens[k].entity === 'DATE')) k += 1;
  const next = tokens[k];
  return !next || (next.pos === 'PUNCT' && next.quoteMark !== 'open') || next.pos === 'ADP';
}

/** After "told": skip the listener ("told reporters", "told the Russian news agency Interfax"). */
function skipListener(tokens: Token[], anchor: Anchor): number {
  let k = anchor.verbEnd + 1;
  if (!LISTENER_VERBS.has(anchor.lemma)) return k;
  const limit = k + MAX_LISTENER_TOKENS;
  while (k < tokens.length && k < limit && isWord(tokens[k]) && tokens[k].normal !== 'that' && tokens[k].pos !== 'VERB') k += 1;
  return k;
}

/** A "that" opening the reported clause, reached through an adjunct only ("said at a news conference that"). */
function findComplementizer(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + MAX_ADJUNCT_TOKENS; k += 1) {
    const token = tokens[k];
    if (token.normal === 'that') return k;
    if (token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'PUNCT' || token.quoteMark) return -1;
  }
  return -1;
}

/** First token of what a leading anchor reports: after the listener, a "that", and time words. */
function contentStart(tokens: Token[], anchor: Anchor): number {
  let k = skipListener(tokens, anchor);
  const complementizer = findComplementizer(tokens, k);
  if (complementizer !== -1) return complementizer + 1;
  while (k < tokens.length && (tokens[k].pos === 'ADV' || tokens[k].entity === 'DATE' || tokens[k].text === ',')) k += 1;
  return k;
}

/** "Regarding the New START treaty, Putin said …": the treaty belongs to the claim. */
function topicLead(tokens: Token[], anchor: Anchor): Token[] {
  const lead = tokens.slice(0, Math.max(0, anchor.subjectStart - 1));
  return lead.length > 0 && TOPIC_LEADS.test(lead[0].text) ? lead.slice(1) : [];
}

function resolveSpeaker(subject: Subject, lastNamed: Person | null, register: SpeakerRegister): Person | null {
  switch (subject.type) {
    case 'person':
      return subject.person;
    case 'pronoun':
      return lastNamed;
    case 'title': {
      const candidates = register.people.filter(
        (person) => (person.role ?? '').toLowerCase().split(/\s+/).includes(subject.head) || person.words.includes(subject.head),
      );
      if (lastNamed && (candidates.includes(lastNamed) || GENERIC_TITLES.has(subject.head))) return lastNamed;
      return candidates.length === 1 ? candidates[0] : null;
    }
    default:
      return null;
  }
}

function sourceOf(subject: Subject, speaker: Person | null): AttributionSource {
  if (!speaker) return 'unnamed';
  return subject.type === 'person' ? 'named' : subject.type === 'pronoun' ? 'pronoun' : 'title';
}

function clauseEnd(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k].pos !== 'PUNCT') k += 1;
  return k;
}

/** Drops punctuation and quote marks at both ends of a clause, and a conjunction left dangling ("…, although"). */
function trimPunctuation(tokens: Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  const isDangling = (token: Token) => !isWord(token) || token.pos === 'CCONJ' || token.pos === 'SCONJ';
  while (start < end && !isWord(tokens[start])) start += 1;
  while (end > start && isDangling(tokens[end - 1])) end -= 1;
  return tokens.slice(start, end);
}
