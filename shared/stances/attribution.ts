/**
 * Attribution: which clause of a sentence was said by whom. Handles "X said …", "…, X said", "…, said X",
 * "according to X", "“…,” the Russian leader said", pronouns and titles, and quotations that run on into the
 * next sentence or paragraph without a new attribution.
 */
import { appositiveClose, COORDINATORS, DOCUMENT_NOUNS, findAnchors, isJoiningHyphen, isNounPhrasePart, jointVoiceParts, leadingAdjunctsEnd, opensContrastedClause, OWNED_STATEMENT_NOUNS, sentenceSubject, STIPULATING_VERBS, subjectPerson, TERMS_DOCUMENT_NOUNS, TERMS_ISSUING_VERBS, type Anchor, type Subject } from './anchors.js';
import { agrees, pronounGender, readsAsBody, roleGender } from './gender.js';
import { anchorAtQuoteClose, endsInsideQuote, interviewTurns, listedItems, signedQuotations, startsInsideQuote, transcriptSpeakers } from './quotes.js';
import {
  ATTRIBUTING_VERBS,
  DESCRIBED_BODY_HEADS,
  FIRST_PERSON_PRONOUNS,
  FRONTED_CLAUSE_OPENERS,
  GENERIC_TITLES,
  LISTENER_VERBS,
  MODALS,
  ORGANIZATION_HEADS,
  POSSESSIVE_DETERMINERS,
  POSSESSIVE_MARKS,
  QUESTION_OPENERS,
  REPORTED_CLAUSE_OPENERS,
} from './lexicon.js';
import { MAX_APPOSITIVE_TOKENS, MAX_LISTENER_TOKENS, MAX_NAME_WORDS, MAX_REPORTED_PHRASE_TOKENS, MAX_ROLE_TOKENS, MIN_CONTENT_WORDS, NEGATION_WORDS, TOPIC_LEADS } from './patterns.js';
import { identifiedLater, namedNext } from './identification.js';
import { DASHES, holdsTitle, nameHead, namesIn, roleWordsOf, titleQualifiers, type Person, type SpeakerRegister } from './speakers.js';
import { compromiseNlp } from './nlp-models.js';
import { isCapitalized, isFiniteVerb, isRelativeWhoAt, isWord, joinTokens, type Sentence, type Token } from './sentences.js';
import { isPluralNoun } from './sources.js';

/** Sentences back that a pronoun with no speaker of its gender looks for a person it can mean. */
const MAX_PRONOUN_LOOKBACK = 3;

/** How the speaker of a clause was found; `release`: the issuer of a press release, whose voice it is written in. */
export type AttributionSource = 'named' | 'pronoun' | 'title' | 'quote' | 'unnamed' | 'release' | 'none';

/** One clause and who said it. */
export interface AttributedClause {
  speaker: Person | null;
  /** Who says it with the speaker: "Trump and Cruz said …" is Cruz's and Trump's. */
  coSpeaker?: Person;
  source: AttributionSource;
  /** The attributing verb ("urged", "called on"); empty for quotations, unattributed sentences and stance verbs. */
  verb: Token[];
  /** The speaker takes a stance in the clause's main verb ("Trump did not rule out …"), not through a verb of saying. */
  stanceVerb?: true;
  /** The verb of saying is negated ("did not say whether …", "never called for …"): the speaker said nothing of it. */
  unsaid?: true;
  /**
   * The words around what was said (the opening, subject and verb of a leading attribution, or a trailing one), lower
   * case: where the writer marks a stance recalled ("has said", "said in April that", "In the past, …").
   */
  frame?: string;
  /** What was said. */
  content: Token[];
  /** What was said ends in a question mark ("“…, huh?” he responded"): it asks, unless a cue says otherwise. */
  asks?: true;
  /** An item of a list someone set out ("Royalty: 6.5 percent …"), in their voice without quotation marks. */
  listed?: true;
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
  const anchors = sentences.map((sentence) => findAnchors(sentence.tokens, register));
  const interview = interviewTurns(sentences, register);
  const transcript = new Map([...signedQuotations(sentences, register), ...interview.answers, ...transcriptSpeakers(sentences, register)]);
  const listed = listedItems(sentences);
  const introductions = new Set([...listed.values()].map((item) => item.introduction));
  /** Who introduced a list, by the sentence that did ("THE TERMS, according to the ministry:"). */
  const listedBy = new Map<number, Person>();
  // The last speaker, a person, an organisation or a role ("said one district leader. “…”"), goes on with a quotation;
  // "he" and "she" are people.
  let lastNamed: Person | null = null;
  let lastPersonAt = -1;
  /** Who last spoke through a document ("said in a statement"): what "the statement" says next is theirs. */
  let documentSpeaker: Person | null = null;
  /** The sentence where someone last issued a document that sets terms: "It requires …" right after it is the document. */
  let issuedAt = -Infinity;
  /** The body (an organisation or institution) that last spoke, and in which sentence: whom "It said …" means next. */
  let lastBody: { person: Person; at: number } | null = null;
  /** The people who spoke so far, in order: the last is the one a pronoun refers back to first. */
  const people: Person[] = [];
  const named = (speaker: Person, at: number) => {
    lastNamed = speaker;
    // "A spokeswoman for the authority said …. She said …": a role that marks its holder's gender is one person.
    const holder = roleGender(speaker);
    if (speaker.organization || (speaker.institutional && !holder)) return;
    if (holder) speaker.gender = holder;
    people.push(speaker);
    lastPersonAt = at;
  };
  /**
   * The organisation that opens sentence `index` as its subject, though it did not speak, when the next sentence of its
   * paragraph goes on with "It" and a verb only an agent takes: "Norvale Rail filed its plan last week. It wants the
   * fine suspended." After another verb "it" may as well be what the sentence names ("his campaign paid to broadcast a
   * film. It told the story of …").
   */
  const bodyOpening = (index: number, verb: Token): Person | null => {
    const sentence = sentences[index];
    if (!sentence || sentences[index + 1]?.paragraphIndex !== sentence.paragraphIndex || !AGENT_VERBS.has(verb.lemma)) return null;
    const opening = sentenceSubject(sentence.tokens, register);
    // "researchers disclosed …. Even so, it declared …": "it" is no plural.
    if (!opening || ['body', 'pronoun'].includes(opening.subject.type) || isPluralNoun(sentence.tokens[opening.end])) return null;
    const found = resolveAt(index, opening.subject, false);
    return found && (found.organization || found.institutional || isBodyDescription(opening.subject)) ? found : null;
  };
  /**
   * Who the subject of an anchor in sentence `index` is. `record`: the speaker found is now the last named (false when
   * a quotation's opening sentence looks ahead to the attribution where it closes).
   */
  const resolveAt = (index: number, subject: Subject, record: boolean, verbAt?: number) => {
    const sentence = sentences[index];
    const lastPerson = people.at(-1) ?? null;
    const recent = index - lastPersonAt <= 1 ? lastPerson : null;
    const at = subject.type === 'pronoun' ? subject.at : -1;
    const pronoun = sentence.tokens[at]?.normal ?? impliedPronoun(subject);
    // "“…,” he told Hannity": no pronoun stands for a person its own clause names after it.
    const notMeant = at >= 0 ? namedAfter(sentence.tokens, at, register) : new Set<Person>();
    const referent = at >= 0 ? pronounReferent(sentences, index, at, register, recent, notMeant) : undefined;
    // "she said" after a man spoke goes to the last woman who spoke or was named just before, or to nobody: never to him.
    // A speaker whose name marks no gender gives way to someone just named whose name marks the pronoun's.
    const spoke = pronoun ? people.findLast((person) => agrees(person, pronoun) && !notMeant.has(person)) : undefined;
    const mentioned = pronoun && !spoke?.gender ? mentionedBefore(sentences, index, register, pronoun, notMeant) : undefined;
    const last = pronoun ? ((mentioned?.gender ? mentioned : spoke) ?? mentioned ?? null) : lastPerson;
    // "It said …" or "They said …" means the body or group that spoke in this sentence or the one before (a watch's
    // speaker named by one word that reads as a body's, `readsAsBody`, among them), or no one.
    // "It wants …", "it obliges …": the verb tells an agent from a document.
    const bodyVerb = subject.type === 'body' && verbAt !== undefined ? sentence.tokens.slice(verbAt).find((token) => token.pos === 'VERB') : undefined;
    const body =
      (lastBody && index - lastBody.at <= 1 ? lastBody.person : null) ??
      (recent && readsAsBody(recent) ? recent : null) ??
      (bodyVerb ? (bodyOpening(index - 1, bodyVerb) ?? issuedDocument(index, bodyVerb)) : null);
    const speaker =
      subject.type === 'document'
        ? documentSpeaker
        : subject.type === 'body'
          ? body
          : (referent ??
            identifiedLater(subject, sentences, index, register) ??
            namedNext(subject, sentences, index, register) ??
            resolveSpeaker(subject, last, register, titleListeners(subject, sentence.tokens, verbAt, register), (holders) => namedLastOf(holders, sentences, index, subject.type === 'title' ? (subject.at ?? 0) : 0, register)) ??
            describedBefore(subject, sentence, register) ??
            officeOf(subject));
    if (!record) return speaker;
    // "“…,” said the woman. “…”": the quotation goes on with her, whom the article does not name, not with whoever spoke
    // before her.
    if (!speaker && subject.type === 'unnamed') lastNamed = null;
    if (speaker && subject.type !== 'document' && mentionsDocument(sentence.tokens)) documentSpeaker = speaker;
    if (speaker && (speaker.organization || speaker.institutional || isBodyDescription(subject))) lastBody = { person: speaker, at: index };
    if (speaker) named(speaker, index);
    // "“Savage,” she said" marks an unmarked Deja Stewart a "she": the next "he" is someone else.
    if (speaker && !speaker.gender && !speaker.organization && !speaker.institutional && subject.type === 'pronoun') speaker.gender = pronounGender(pronoun);
    return speaker;
  };
  /**
   * Who issues a document that sets terms in sentence `index`, as its subject: "The commission published its final
   * rule on Tuesday." What "the rule" requires next is theirs.
   */
  const issuerOfTerms = (index: number): Person | null => {
    const { tokens } = sentences[index];
    const verb = tokens.findIndex((token) => token.pos === 'VERB' && !token.quoted);
    if (verb <= 0 || !TERMS_ISSUING_VERBS.has(tokens[verb].lemma)) return null;
    const opening = namesTermsDocument(tokens.slice(verb + 1, verb + 1 + MAX_ISSUED_OBJECT_TOKENS)) ? sentenceSubject(tokens, register) : undefined;
    if (!opening || opening.subject.type === 'document' || opening.subject.type === 'unnamed') return null;
    return resolveAt(index, opening.subject, false);
  };
  /**
   * "Quennell released a compromise text on October 10. On production, it contains no goal. Instead, it obliges parties
   * to …": "it" with a verb that sets terms, within two sentences of the document's issue, is the document.
   */
  const issuedDocument = (index: number, verb: Token): Person | null => (STIPULATING_VERBS.has(verb.lemma) && index - issuedAt <= 2 ? documentSpeaker : null);
  sentences.forEach((sentence, sentenceIndex) => {
    // "Q: Varn says five million a year is too little.": the interviewer's premise, put to the interviewee to answer,
    // states no one's stance; what they said was reported where they said it.
    if (interview.questions.has(sentenceIndex)) {
      clauses.push({ ...attributeWithoutAnchor(sentence, sentenceIndex, null, 0), unsaid: true });
      return;
    }
    const issuer = issuerOfTerms(sentenceIndex);
    if (issuer) [documentSpeaker, issuedAt] = [issuer, sentenceIndex];
    // Whose statement a sentence only mentions ("his statement that …") has not spoken: the next "he" is not them.
    // After an inverted verb (", said the mayor, Ana Lima") the name is the subject's own, not a listener's.
    const label = transcript.get(sentenceIndex);
    // "REYES: I would say …", an interview's "We have told the fund …": the speaker of the turn says "I" and "we".
    // "BURNS: They want safe streets.": "they" or "it" that stands for no body just named is the turn's speaker's word.
    const resolve = (anchor: Anchor) => {
      if (label && speaksInFirstPerson(sentence.tokens, anchor)) return label.person;
      const speaker = resolveAt(sentenceIndex, anchor.subject, !anchor.mentioned, anchor.inverted ? undefined : anchor.verbStart);
      return speaker ?? (label && anchor.subject.type === 'body' ? label.person : null);
    };
    if (anchors[sentenceIndex].length > 0) {
      const split = splitClauses(sentence, sentenceIndex, anchors[sentenceIndex], register, resolve);
      const introducer = introductions.has(sentenceIndex) ? split.at(-1)?.speaker : undefined;
      if (introducer) listedBy.set(sentenceIndex, introducer);
      clauses.push(...split);
      return;
    }
    // "Key changes in the revised application:" right after "Meridel has filed its revised application": the
    // document just issued sets out the list, in its issuer's name.
    if (introductions.has(sentenceIndex) && documentSpeaker && sentenceIndex - issuedAt <= 2 && namesTermsDocument(sentence.tokens)) listedBy.set(sentenceIndex, documentSpeaker);
    // "Royalty: 6.5 percent of gross revenue …" after "THE TERMS, according to the ministry:": the terms it sets out.
    // A label that names a person the article knows by full name is a transcript's turn ("Lima: …"), whatever
    // introduced it; a group the watch follows is a list's heading too ("Communities: 1.5 percent of revenue …").
    const turn = label !== undefined && label.person.words.length > 1;
    const item = turn ? undefined : listed.get(sentenceIndex);
    const lister = item && listedBy.get(item.introduction);
    if (item && lister) {
      clauses.push({ ...attributeWithoutAnchor(sentence, sentenceIndex, lister, item.labelEnd + 1), listed: true });
      return;
    }
    if (label) named(label.person, sentenceIndex);
    // "The chair closed the session with a warning. “We will fail …”": the quotation after it is the subject's.
    const introduced = !label && introducesQuotation(sentences, sentenceIndex) ? subjectPerson(sentence.tokens, register) : undefined;
    if (introduced) named(introduced, sentenceIndex);
    // "PRAHL: Would you support that?": a turn that asks states nothing of the asker's.
    const asking = label !== undefined && isDirectQuestion(sentence.tokens.slice(label.labelEnd + 1));
    const speaker = asking ? null : (label?.person ?? quoteSpeaker(sentences, anchors, sentenceIndex, lastNamed, (closing) => resolveAt(closing.sentence, closing.anchor.subject, false)));
    clauses.push(attributeWithoutAnchor(sentence, sentenceIndex, speaker, (label?.labelEnd ?? -1) + 1));
  });
  return clauses;
}

/** The tokens name a document that sets terms ("the revised application", "the draft"). */
function namesTermsDocument(tokens: Token[]): boolean {
  return tokens.some((token) => token.pos === 'NOUN' && TERMS_DOCUMENT_NOUNS.has(token.lemma));
}

/** A sentence outside quotation marks that a quotation follows in its paragraph. */
function introducesQuotation(sentences: Sentence[], index: number): boolean {
  const [sentence, next] = [sentences[index], sentences[index + 1]];
  if (startsInsideQuote(sentence) || endsInsideQuote(sentence)) return false;
  return next !== undefined && next.paragraphIndex === sentence.paragraphIndex && startsInsideQuote(next);
}

/**
 * The anchor's subject is "I" or "we" (or "me" after "let"), outside a quotation (inside one, they are whoever it
 * quotes), after the conjunction that joins its clause if any ("…, and we have said we will …").
 */
function speaksInFirstPerson(tokens: Token[], anchor: Anchor): boolean {
  const start = COORDINATORS.has(tokens[anchor.subjectStart].normal) ? anchor.subjectStart + 1 : anchor.subjectStart;
  const subject = tokens[start];
  // "Let me say at the outset that …": the speaker's own voice, as "I" is.
  const letMe = subject.normal === 'me' && tokens[start - 1]?.normal === 'let';
  return !anchor.inverted && anchor.subjectEnd === start && !subject.quoted && (FIRST_PERSON_PRONOUNS.has(subject.normal) || letMe);
}

/**
 * "A lawmaker … is calling for Donald Trump to be banned after the U.S. presidential candidate suggested that …": a
 * description of a person nobody has spoken as yet is the one person the sentence names before it, if one.
 */
function describedBefore(subject: Subject, sentence: Sentence, register: SpeakerRegister): Person | null {
  if (subject.type !== 'title' || !subject.describesPerson || subject.at === undefined) return null;
  const before = sentence.tokens.slice(0, subject.at);
  // A full name: a single capitalised word before may be a place ("At a press conference in Chelsea, the mayor …").
  const isPerson = (person: Person) => !person.organization && !person.institutional && person.words.length > 1;
  const people = new Set([...namesIn(before, register, isQuotedOrNoWord)].map((named) => named.person).filter(isPerson));
  return people.size === 1 ? [...people][0] : null;
}

/** "the company", "the ministry": a body described by its kind is one, whatever its name reads as. */
const isBodyDescription = (subject: Subject) => subject.type === 'title' && !subject.describesPerson;

/** "The mayor said …" where the article names no mayor: the office speaks (`Subject` title's `fallback`). */
function officeOf(subject: Subject): Person | null {
  return subject.type === 'title' && subject.describesPerson ? (subject.fallback ?? null) : null;
}

/**
 * Who says a sentence without an anchor that is part of a quotation: whoever the attribution where the quotation closes
 * names, resolved as that sentence resolves it (`resolveClosing`), else (it goes on with a quotation opened earlier)
 * the last named speaker; nobody when it is no quotation.
 */
function quoteSpeaker(
  sentences: Sentence[],
  anchors: Anchor[][],
  index: number,
  lastNamed: Person | null,
  resolveClosing: (closing: { anchor: Anchor; sentence: number }) => Person | null,
): Person | null {
  const sentence = sentences[index];
  if (!startsInsideQuote(sentence) && !endsInsideQuote(sentence)) return null;
  if (opensWithQuotedName(sentence.tokens)) return null;
  const closing = endsInsideQuote(sentence) ? anchorAtQuoteClose(sentences, anchors, index) : undefined;
  if (!closing) return startsInsideQuote(sentence) ? lastNamed : null;
  return resolveClosing(closing);
}

/**
 * "“The Big Short” was nominated for …", "''Billions,'' on Showtime, is …": a few quoted words the sentence's verb
 * follows are the name of a work, a slogan or a term the sentence is about, not words someone is saying.
 */
function opensWithQuotedName(tokens: Token[]): boolean {
  const close = tokens.findIndex((token) => token.quoteMark === 'close');
  if (tokens[0]?.quoteMark !== 'open' || close === -1) return false;
  const quoted = tokens.slice(1, close).filter(isWord);
  // "“This is fantastic!” beamed …": an exclamation or a question is said.
  const exclaims = ['!', '?'].includes(tokens[close - 1]?.text ?? '');
  if (quoted.length === 0 || quoted.length > MAX_QUOTED_NAME_WORDS || exclaims) return false;
  let k = close + 1;
  while (tokens[k]?.quoteMark === 'close') k += 1;
  // An appositive or a place set off by commas may stand before the verb ("''Billions,'' on Showtime, is …").
  if (tokens[k]?.text === ',' || tokens[close - 1]?.text === ',') {
    const next = tokens.findIndex((token, at) => at > k && token.text === ',');
    if (next === -1 || next - k > MAX_APPOSITIVE_TOKENS) return false;
    k = next + 1;
  }
  return tokens[k] !== undefined && isFiniteVerb(tokens[k]) && !tokens[k].quoted;
}

/** The most words a quoted name of a work, slogan or term holds ("Make America Great Again"). */
const MAX_QUOTED_NAME_WORDS = 5;

/**
 * Who "he" or "she" is: a person named earlier in the same sentence ("Should Mrs. Clinton win, she said"), else the
 * subject of the main clause after the subordinate clause that holds the pronoun, else the speaker of this or the
 * previous sentence, else the first person the previous sentence names (its subject, most often); undefined leaves it
 * to the last named speaker.
 */
function pronounReferent(
  sentences: Sentence[],
  index: number,
  at: number,
  register: SpeakerRegister,
  recentSpeaker: Person | null,
  notMeant: Set<Person>,
): Person | undefined {
  const pronoun = sentences[index].tokens[at].normal;
  const before = mentionBefore(sentences[index].tokens.slice(0, at), register, pronoun);
  if (before) return before;
  const ahead = mainClauseSubject(sentences[index].tokens, at, register, pronoun);
  if (ahead) return ahead;
  // Closing a quotation of several sentences, the pronoun looks back from where it opened.
  const opening = quotationOpening(sentences, index, at);
  const lastSentence = opening > 0 ? sentences[opening - 1].tokens : undefined;
  const previous = lastSentence && (subjectMention(lastSentence, register, pronoun, notMeant) ?? titleMention(lastSentence, register, pronoun));
  if (recentSpeaker && agrees(recentSpeaker, pronoun) && !notMeant.has(recentSpeaker)) {
    // "Hal Brookner … told reporters …. Edda Pohl told councillors …. “…,” she said.": a speaker whose name marks no
    // gender gives way to the person just named whose name marks the pronoun's.
    return !recentSpeaker.gender && previous?.gender ? previous : recentSpeaker;
  }
  return previous;
}

/**
 * The sentence where the quotation that a pronoun at `at` closes opened, after a sentence of its paragraph
 * ("Lubaya was unmoved. “Doubling … . … changes,” she said."): else `index` itself. A quotation that opens its
 * paragraph looks back no further than the sentence before the pronoun, as before: the last sentence of the paragraph
 * before names listeners as often as speakers ("…,” he told Hannity.").
 */
function quotationOpening(sentences: Sentence[], index: number, at: number): number {
  if (!sentences[index].tokens.slice(0, at).some((token) => token.quoteMark === 'close')) return index;
  const sameParagraph = (k: number) => sentences[k - 1].paragraphIndex === sentences[k].paragraphIndex;
  let k = index;
  while (k > 0 && startsInsideQuote(sentences[k]) && sameParagraph(k) && endsInsideQuote(sentences[k - 1])) k -= 1;
  return k > 0 && sameParagraph(k) ? k : index;
}

/**
 * The subject of a sentence's main clause after an opening subordinate clause, when it is named ("While Trump has yet
 * to endorse Ryan, Trump's running mate — Gov. Mike Pence — has …" is Pence), else the first person it names.
 */
function subjectMention(tokens: Token[], register: SpeakerRegister, pronoun: string, notMeant: Set<Person>): Person | undefined {
  const main = mainClauseSubject(tokens, 0, register, pronoun);
  return main && !notMeant.has(main) ? main : firstMention(tokens, register, pronoun, notMeant);
}

/**
 * "At a briefing, the admiral chuckled." before "“…,” he said": a sentence whose subject is a title ("the admiral")
 * that one person of the register holds ("Adm. Paul Dorsey") mentions that person as their name would.
 */
function titleMention(tokens: Token[], register: SpeakerRegister, pronoun: string): Person | undefined {
  const start = leadingAdjunctsEnd(tokens);
  if (tokens[start]?.normal !== 'the') return undefined;
  let head = start + 1;
  while (tokens[head]?.pos === 'ADJ') head += 1;
  const title = tokens[head];
  if (!title || title.pos !== 'NOUN' || title.normal !== title.lemma || !['VERB', 'AUX'].includes(tokens[head + 1]?.pos ?? '')) return undefined;
  const qualified = titleQualifiers(tokens, start, head);
  const holds = (person: Person) => !person.organization && !person.institutional && holdsTitle(person, title.lemma, qualified);
  const holders = register.people.filter((person) => holds(person) && agrees(person, pronoun));
  return holders.length === 1 ? holders[0] : undefined;
}

/**
 * The people named right after a pronoun subject and its verb ("he told Hannity", "she said Mr. Ortiz …"), outside
 * quotation marks: the pronoun is not one of them. Further on, a name may well be the pronoun's ("…, at the event
 * where Trump spoke").
 */
function namedAfter(tokens: Token[], at: number, register: SpeakerRegister): Set<Person> {
  const window = tokens.slice(at + 1, at + 1 + NOT_MEANT_WINDOW);
  return new Set([...namesIn(window, register, isQuotedOrNoWord)].map((named) => named.person));
}

/**
 * Whom a title's verb addresses ("the president told Milo Becket …"): one of two presidents the article knows, the
 * one told is not the one telling.
 */
function titleListeners(subject: Subject, tokens: Token[], verbAt: number | undefined, register: SpeakerRegister): Set<Person> {
  return subject.type === 'title' && verbAt !== undefined ? namedAfter(tokens, verbAt, register) : new Set<Person>();
}

/** Tokens after a pronoun subject that hold its verb and the listener or subject that follows ("told Mr. Hannity ,"). */
const NOT_MEANT_WINDOW = 4;

/**
 * "While he's said he'll fight on, Sanders must decide …": a pronoun in a clause that opens the sentence with a
 * subordinating word refers ahead to the subject of the main clause after it, when that subject is a person it can
 * mean (named within a title's and a name's length of the comma: ", Sen. Bernie Sanders must").
 */
function mainClauseSubject(tokens: Token[], at: number, register: SpeakerRegister, pronoun: string): Person | undefined {
  if (!FRONTED_CLAUSE_OPENERS.has(tokens[0]?.normal ?? '')) return undefined;
  const comma = tokens.findIndex((token, k) => k > at && token.text === ',' && !token.quoted);
  if (comma === -1) return undefined;
  let end = comma + 1 + MAX_ROLE_TOKENS + MAX_NAME_WORDS;
  // "…, Trump’s running mate — Indiana Gov. Mike Pence — has …": the name set off by dashes is the subject.
  const dash = tokens.findIndex((token, k) => k > comma && k < end && DASHES.has(token.text));
  if (dash !== -1) end = Math.max(end, dash + 1 + MAX_ROLE_TOKENS + MAX_NAME_WORDS);
  return firstMention(tokens.slice(comma + 1, end), register, pronoun);
}

/**
 * The person whom the pronoun can refer to named first in the nearest of the `MAX_PRONOUN_LOOKBACK` sentences before;
 * sentences that speak of someone of the same gender ("him", "his") are not counted.
 */
function mentionedBefore(sentences: Sentence[], index: number, register: SpeakerRegister, pronoun: string, notMeant: Set<Person>): Person | undefined {
  let lookback = MAX_PRONOUN_LOOKBACK;
  for (let k = index - 1; k >= 0 && lookback > 0; k -= 1) {
    const person = firstMention(sentences[k].tokens, register, pronoun, notMeant);
    if (person) return person;
    // "He, too, has given some ground.": a sentence that speaks of the same "he" keeps the chain back to his name.
    if (!refersAgain(sentences[k].tokens, pronoun)) lookback -= 1;
  }
  return undefined;
}

/**
 * Of `people`, the one named last before token `before` of sentence `index` (there, or in the `MAX_PRONOUN_LOOKBACK`
 * sentences before), outside quotation marks.
 */
function namedLastOf(people: Person[], sentences: Sentence[], index: number, before: number, register: SpeakerRegister): Person | undefined {
  for (let k = index; k >= 0 && index - k <= MAX_PRONOUN_LOOKBACK; k -= 1) {
    const tokens = k === index ? sentences[k].tokens.slice(0, before) : sentences[k].tokens;
    const found = [...namesIn(tokens, register, isQuotedOrNoWord)].filter((named) => people.includes(named.person)).at(-1);
    if (found) return found.person;
  }
  return undefined;
}

/** Whether the tokens hold, outside quotation marks, a pronoun of the same gender as `pronoun` ("him", "his"). */
function refersAgain(tokens: Token[], pronoun: string): boolean {
  const gender = pronounGender(pronoun);
  return gender !== undefined && tokens.some((token) => !isQuotedOrNoWord(token) && pronounGender(token.normal) === gender);
}

/**
 * The first person of the register the tokens name outside quotation marks whom the pronoun can refer to; else the
 * first one named as an owner ("Governor Lima's budget came under scrutiny. She said …"). On PolNeAR train the owner
 * gave 16 pronouns’ statements to a better speaker and 2 to a worse (a subject named by a description before it).
 */
function firstMention(tokens: Token[], register: SpeakerRegister, pronoun: string, notMeant?: Set<Person>): Person | undefined {
  let owner: Person | undefined;
  for (const named of namesIn(tokens, register, isQuotedOrNoWord)) {
    if (notMeant?.has(named.person) || !agrees(named.person, pronoun)) continue;
    if (!POSSESSIVE_MARKS.has(tokens[named.end + 1]?.text ?? '')) return named.person;
    // "Lima's statement that …" only mentions what Lima said: Lima has not spoken (see `anchorOwnedStatement`).
    if (!ownsStatement(tokens, named.end + 2)) owner ??= named.person;
  }
  return owner;
}

/** The noun phrase from `k` ("offer", "latest statement") names something said. */
function ownsStatement(tokens: Token[], k: number): boolean {
  while (tokens[k]?.pos === 'ADJ') k += 1;
  return OWNED_STATEMENT_NOUNS.has(tokens[k]?.lemma ?? '');
}

/**
 * The person a pronoun refers back to in its own sentence: the first one named who is no preposition's object ("In an
 * interview with Sean Hannity, Trump said he …" is Trump), else the first one named.
 */
function mentionBefore(tokens: Token[], register: SpeakerRegister, pronoun: string): Person | undefined {
  const names = [...namesIn(tokens, register, isQuotedOrNoWord)].filter((named) => agrees(named.person, pronoun));
  const agreeing = names.filter((named) => !POSSESSIVE_MARKS.has(tokens[named.end + 1]?.text ?? ''));
  // "Mr. Trump's temperament … came under scrutiny: He was challenged …": the owner the sentence opens with, when it
  // names no one else.
  if (agreeing.length === 0) return names.find((named) => opensWithOwner(tokens, named))?.person;
  // "Hewitt asked Trump about statements he had made": the one asked is the one who made them.
  const asked = agreeing.find((named) => isQuestioned(tokens, named));
  return (asked ?? agreeing.find((named) => !isPrepositionObject(tokens, named.end)) ?? agreeing[0])?.person;
}

/** The name is the object of a verb of questioning ("asked Trump"). */
function isQuestioned(tokens: Token[], named: { start: number; end: number }): boolean {
  const verb = tokens[nameStart(tokens, named) - 1];
  return verb?.pos === 'VERB' && QUESTIONING_VERBS.has(verb.lemma);
}

/** Where a name found by `namesIn` starts: its span may open with words before it ("He defended Trump's …"). */
function nameStart(tokens: Token[], named: { start: number; end: number }): number {
  return tokens.findIndex((token, k) => k >= named.start && k <= named.end && token.pos === 'PROPN');
}

/** Tokens from an issuing verb to the document it issues ("published | its long-awaited final rule"). */
const MAX_ISSUED_OBJECT_TOKENS = 6;

/** Verbs of a stance that only an agent takes: what a document or a film cannot want or refuse. */
const AGENT_VERBS = new Set(['want', 'intend', 'hope', 'fear', 'worry', 'believe', 'refuse', 'decline', 'insist', 'vow', 'threaten']);

/** Verbs whose object is questioned about what they said or did. */
const QUESTIONING_VERBS = new Set(['ask', 'press', 'question', 'challenge', 'quiz', 'grill']);

/**
 * The sentence, or the adjunct it opens with, opens with a person's name in the possessive ("Mr. Trump's temperament
 * …", "Since Clinton's op-ed in May, she has …").
 */
function opensWithOwner(tokens: Token[], named: { person: Person; start: number; end: number }): boolean {
  const start = nameStart(tokens, named);
  const opensAdjunct = start === 1 && ['ADP', 'SCONJ'].includes(tokens[0].pos);
  return (start === leadingAdjunctsEnd(tokens) || opensAdjunct) && !named.person.organization && !named.person.institutional;
}

/** The noun phrase ending at `end` ("with Fox News’ Sean Hannity") follows a preposition. */
function isPrepositionObject(tokens: Token[], end: number): boolean {
  let k = end;
  while (k >= 0 && (isNounPhrasePart(tokens[k]) || POSSESSIVE_MARKS.has(tokens[k].text))) k -= 1;
  return tokens[k]?.pos === 'ADP';
}

/** Names inside quotation marks are the speaker's words, not who is meant. */
const isQuotedOrNoWord = (token: Token) => Boolean(token.quoted || token.quoteMark) || !isWord(token);

function attributeWithoutAnchor(sentence: Sentence, sentenceIndex: number, speaker: Person | null, contentStart: number): AttributedClause {
  return {
    speaker,
    source: speaker ? 'quote' : 'none',
    verb: [],
    content: trimPunctuation(sentence.tokens.slice(contentStart)),
    ...askedIn(sentence.tokens.slice(contentStart)),
    context: [],
    text: sentence.text,
    sentenceText: sentence.text,
    sentenceStart: sentence.start,
    sentenceIndex,
    paragraphIndex: sentence.paragraphIndex,
  };
}

/** Splits a sentence at its anchors into attributed clauses, in order. */
function splitClauses(
  sentence: Sentence,
  sentenceIndex: number,
  anchors: Anchor[],
  register: SpeakerRegister,
  resolve: (anchor: Anchor) => Person | null,
): AttributedClause[] {
  const { tokens } = sentence;
  const clauses: AttributedClause[] = [];
  let cursor = 0;
  let afterLeading = false;
  let afterTrailing = false;
  const said = reportsNoSaying(tokens, anchors) ? anchors.slice(1) : anchors;
  said.forEach((anchor, k) => {
    const next = said[k + 1];
    const trailing = isTrailing(tokens, anchor, cursor);
    // "“…,” Obama said of the families, according to a pool report": "according to" after a trailing attribution, with
    // no clause between, cites where the words were reported.
    const cites = anchor.lemma === 'according to' && afterTrailing && !tokens.slice(cursor, anchor.subjectStart).some(isFiniteVerb);
    if (trailing && (afterLeading || cites)) {
      cursor = anchor.inverted ? anchor.subjectEnd + 1 : anchor.verbEnd + 1;
      return; // "Putin said …, Russia's Kommersant reported": a citation of the source, not a second statement.
    }
    afterTrailing = trailing;
    const start = trailing ? (parenthesisOpenedBefore(tokens, cursor, anchor.inverted ? anchor.verbStart : anchor.subjectStart) ?? cursor) : contentStart(tokens, anchor);
    const end = trailing ? (anchor.inverted ? anchor.verbStart : anchor.subjectStart) : Math.min(next ? nextClauseStart(tokens, next) : tokens.length, relativeClauseEnd(tokens, anchor));
    const parties = jointVoiceParts(tokens, anchor, start, end, register);
    if (parties) {
      clauses.push(...parties.map((party) => jointClause(sentence, sentenceIndex, anchor, party, resolve(party.anchor))));
      cursor = trailing ? (anchor.inverted ? anchor.subjectEnd + 1 : anchor.verbEnd + 1) : end;
      afterLeading = !trailing;
      return;
    }
    const speaker = resolve(anchor);
    const resumes = trailing ? resumedAfter(tokens, anchor, cursor) : -1;
    const restEnd = next ? nextClauseStart(tokens, next) : tokens.length;
    const rest = resumes === -1 ? [] : tokens.slice(resumes, restEnd);
    // "rejected the offer, saying it was too low": the stance the participle explains, then the reason it gives.
    const explained = anchor.explains ? tokens.slice(anchor.explains.verb, anchor.verbStart) : [];
    const content = trimPunctuation([...explained, ...tokens.slice(start, end), ...rest]);
    const context = k === 0 && !trailing ? topicLead(tokens, anchor) : [];
    const clauseStart = trailing ? start : anchor.explains?.start ?? anchor.subjectStart;
    const clauseEnd = resumes !== -1 ? restEnd : trailing ? (anchor.inverted ? anchor.subjectEnd : anchor.verbEnd) + 1 : end;
    const coSpeaker = anchor.subject.type === 'person' && speaker === anchor.subject.person ? anchor.subject.also : undefined;
    clauses.push({
      speaker,
      ...(coSpeaker ? { coSpeaker } : {}),
      source: sourceOf(anchor.subject, speaker),
      // Without a date inside it ("called Wednesday for"), so the verb reads as its cues spell it.
      verb: anchor.stance || anchor.explains ? [] : tokens.slice(anchor.verbStart, anchor.verbEnd + 1).filter((token) => token.entity !== 'DATE'),
      ...(anchor.stance || anchor.explains ? { stanceVerb: true as const } : {}),
      ...(isUnsaid(tokens, anchor) ? { unsaid: true as const } : {}),
      frame: frameOf(tokens, anchor, trailing ? { from: end, to: restEnd } : { from: k === 0 ? 0 : clauseStart, to: start }),
      content,
      ...askedIn(tokens.slice(start, end)),
      context,
      text: joinTokens(trimPunctuation(tokens.slice(clauseStart, clauseEnd))),
      sentenceText: sentence.text,
      sentenceStart: sentence.start,
      sentenceIndex,
      paragraphIndex: sentence.paragraphIndex,
    });
    cursor = resumes !== -1 ? restEnd : trailing ? (anchor.inverted ? anchor.subjectEnd + 1 : anchor.verbEnd + 1) : end;
    afterLeading = !trailing;
  });
  return clauses;
}

/**
 * "… (the real rise is closer to 15 percent, according to the Post)": an attribution inside a parenthesis reports what
 * the parenthesis holds, from the token after its "(", when one opens between `from` and `to` and does not close there.
 */
function parenthesisOpenedBefore(tokens: Token[], from: number, to: number): number | undefined {
  const open = tokens.slice(from, to).findLastIndex((token) => token.text === '(');
  if (open === -1 || tokens.slice(from + open + 1, to).some((token) => token.text === ')')) return undefined;
  return from + open + 1;
}

/**
 * The attribution's words around the content (`from` to `to`), and a stance verb's own with the words of time that may
 * follow it, which open its content ("has opposed", "offered in March to"), lower case.
 */
function frameOf(tokens: Token[], anchor: Anchor, around: { from: number; to: number }): string {
  const verb = anchor.stance ? tokens.slice(anchor.verbStart, anchor.verbEnd + 1 + STANCE_TIME_TOKENS) : [];
  return joinTokens([...tokens.slice(around.from, around.to), ...verb]).toLowerCase();
}

/** Tokens after a stance verb that may say when it was taken ("offered in March to", "said last week"). */
const STANCE_TIME_TOKENS = 3;

/**
 * A party's clause of what a joint voice said ("Belora will cut its tariff …" of "…, the two governments said"): the
 * party speaks it, through the joint voice's verb.
 */
function jointClause(sentence: Sentence, sentenceIndex: number, joint: Anchor, party: { anchor: Anchor; start: number; end: number }, speaker: Person | null): AttributedClause {
  const words = trimPunctuation(sentence.tokens.slice(party.start, party.end));
  return {
    speaker,
    source: sourceOf(party.anchor.subject, speaker),
    verb: sentence.tokens.slice(joint.verbStart, joint.verbEnd + 1).filter((token) => token.entity !== 'DATE'),
    content: words,
    context: [],
    text: joinTokens(words),
    sentenceText: sentence.text,
    sentenceStart: sentence.start,
    sentenceIndex,
    paragraphIndex: sentence.paragraphIndex,
  };
}

/**
 * "The city did not complain when …, a state official said", "Comey cannot say that “…,” Lewandowski added": when a
 * sentence opens with a verb of saying that reports no saying (negated, or under a modal) and ends with a trailing
 * attribution, the whole sentence is the trailing speaker's. After "Putin said …" the trailing "…, Kommersant reported"
 * only cites a source; here the opening subject said nothing to cite. An opening attribution that is itself trailing
 * ("“…,” Obama will say, according to excerpts …") keeps its speaker.
 */
function reportsNoSaying(tokens: Token[], anchors: Anchor[]): boolean {
  const [first, next] = anchors;
  if (!first || !next || first.inverted || first.participle || first.stance || isTrailing(tokens, first, 0) || !isTrailing(tokens, next, 0)) return false;
  const auxiliaries = tokens.slice(first.subjectEnd + 1, first.verbStart);
  // Under any modal a verb of saying reports no act of saying: "cannot say", "will tell", "would call for". In a perfect
  // it is recalled by whoever speaks at the end: "The committee had always said that …, he said."
  const recalled = next.subject.type === 'pronoun' && auxiliaries.some((token) => PERFECT_AUXILIARIES.has(token.normal));
  return isUnsaid(tokens, first) || recalled || auxiliaries.some((token) => token.pos === 'AUX' && MODALS.has(token.normal));
}

const PERFECT_AUXILIARIES = new Set(['has', 'have', 'had']);

/**
 * "X did not say …", "X has never called for …", "Neither X nor Y would say …": a negation before a verb of saying, or
 * opening its subject (a stance verb keeps its own).
 * Not when another verb of saying reports it: "tweeted to say he had never suggested …" is a denial, and says so
 * ("Asked about it, X did not say …" is set off by a comma, and says nothing).
 */
function isUnsaid(tokens: Token[], anchor: Anchor): boolean {
  if (anchor.stance || anchor.inverted || anchor.participle) return false;
  const clauseStart = tokens.slice(0, anchor.subjectStart).findLastIndex((token) => token.text === ',') + 1;
  const reported = tokens.slice(clauseStart, anchor.subjectStart).some((token) => token.pos === 'VERB' && ATTRIBUTING_VERBS.has(token.lemma));
  // The verb's own auxiliaries and adverbs ("did not", "has never"), not a clause between ("who was not authorized").
  let k = anchor.verbStart - 1;
  while (k > anchor.subjectEnd && (tokens[k].pos === 'AUX' || tokens[k].pos === 'PART' || tokens[k].pos === 'ADV')) k -= 1;
  // "Neither Lima nor Ortiz would say …": the subject itself denies it.
  const neither = tokens[anchor.subjectStart - 1]?.normal === 'nor' && tokens.slice(clauseStart, anchor.subjectStart).some((token) => token.normal === 'neither');
  return !reported && (neither || tokens.slice(k + 1, anchor.verbStart).some((token) => NEGATION_WORDS.has(token.normal)));
}

/**
 * Where the clause goes on after an attribution set inside it ("What the union could not accept, he said, was a total
 * …", "The problem, she said, is that …"): the finite verb right after the comma that closes the attribution, or the
 * quotation that goes on after it ("“We will strike,” she said, “unless …”", "If Clinton wins, he said, “she …”");
 * -1 when the attribution ends the clause.
 */
function resumedAfter(tokens: Token[], anchor: Anchor, cursor: number): number {
  const comma = anchor.inverted ? anchor.subjectEnd + 1 : attributionEnd(tokens, anchor);
  const verb = tokens[comma + 1];
  if (tokens[comma]?.text !== ',' || !verb) return -1;
  // After a listener, only a quotation that closes before the attribution goes on after it ("“…,” she told Hewitt,
  // “…”"): in "X did not name them, but told his supporters, “…”" the quotation is what "told" reports.
  const resumes = anchor.inverted || comma === anchor.verbEnd + 1 || tokens[anchor.subjectStart - 1]?.quoteMark === 'close';
  if (verb.quoteMark === 'open') return resumes ? comma + 1 : -1;
  // "If the fees go, he said, the authority could cut the rise": what comes before is a clause of condition or time,
  // and the main clause it opens follows the attribution.
  if (tokens[cursor]?.pos === 'SCONJ' && hasFiniteVerb(tokens.slice(comma + 1))) return comma + 1;
  // "As Election Day nears, Stone says, the number will shrink", "In the years since, she says, little has changed":
  // only opening adjuncts before the attribution, so the clause they open follows it.
  if (cursor === 0 && leadingAdjunctsEnd(tokens) >= anchor.subjectStart && hasFiniteVerb(tokens.slice(comma + 1))) return comma + 1;
  // "The next day, according to Roffman, Trump made further demands": nothing the sentence opens with before the
  // attribution is a clause of its own (no verb, no quotation), so the clause it interrupts goes on after it.
  const before = tokens.slice(cursor, anchor.inverted ? anchor.verbStart : anchor.subjectStart);
  const opensClause = before.some((token) => token.quoteMark || isFiniteVerb(token));
  if (cursor === 0 && !opensClause && hasFiniteVerb(tokens.slice(comma + 1))) return comma + 1;
  // "…, he said, adding …" goes on with another statement, not with the clause the attribution interrupted.
  return isFiniteVerb(verb) ? comma + 1 : -1;
}

/** Whether the tokens hold a finite verb outside quotation marks (an auxiliary or a verb not in -ing). */
function hasFiniteVerb(tokens: Token[]): boolean {
  return tokens.some((token) => !token.quoted && isFiniteVerb(token));
}

function nextClauseStart(tokens: Token[], anchor: Anchor): number {
  const start = anchor.inverted ? anchor.verbStart : anchor.subjectStart;
  // ", while the union offered …": the conjunction that sets the next clause against this one ends this one.
  return anchor.stance && opensContrastedClause(tokens, start) ? start - 2 : start;
}

/**
 * "…, X said" ends a clause when the subject follows a comma or closing quote, something was said before it, and
 * the verb takes no "that"-clause, object clause or colon of its own ("…, Putin said at a news conference").
 */
function isTrailing(tokens: Token[], anchor: Anchor, cursor: number): boolean {
  // "According to X, …" and "Said X, “…”" opening the sentence report what follows them; ", said X" and "…, according
  // to X" end a clause.
  if (anchor.inverted) return (anchor.lemma !== 'according to' && anchor.verbStart > 0) || tokens.slice(cursor, anchor.verbStart).some(isWord);
  if (anchor.participle) return false;
  // "…, sharpened by Ana Lima, who told a rally in the capital, Tembury, that …": what comes before "who" is not said.
  if (isRelativeWhoAt(tokens, anchor.subjectStart)) return false;
  const before = tokens[anchor.subjectStart - 1];
  if (!before || !(before.text === ',' || before.quoteMark === 'close')) return false;
  if (tokens.slice(cursor, anchor.subjectStart).filter(isWord).length < MIN_CONTENT_WORDS && !interruptsItsClause(tokens, anchor, cursor)) return false;
  let k = skipListener(tokens, anchor);
  if (findComplementizer(tokens, k) !== -1) return false;
  const opensTimeClause = (at: number) => TIME_CLAUSE_OPENERS.has(tokens[at]?.normal ?? '') && !opensWithPhrasesOnly(tokens, anchor.subjectStart);
  while (k < tokens.length && (tokens[k].pos === 'ADV' || tokens[k].entity === 'DATE') && !opensTimeClause(k)) k += 1;
  // "“…,” Christie said when asked about the polls", "…, Cruz told reporters as he left": a clause of time after the
  // attribution tells when it was said, not what.
  if (opensTimeClause(k)) return true;
  const next = tokens[k];
  // "…, Trump said: “…”": a colon opens what the verb reports; so does a comma before a quotation when only phrases
  // of time or place come before the attribution ("In Ohio on Monday, Trump said, “…”"; not "If she wins, he said, “…”").
  if (next?.text === ',' && tokens[k + 1]?.quoteMark === 'open' && opensWithPhrasesOnly(tokens, anchor.subjectStart)) return false;
  if (next?.normal === 'of' && quotesAfterPhrase(tokens, k)) return false;
  if (!next || (next.pos === 'PUNCT' && next.quoteMark !== 'open' && next.text !== ':') || next.pos === 'ADP') return true;
  // "“…,” Trump told reporters of the prospects for peace.": after a quotation, phrases alone after it and no clause
  // for it to report.
  const rest = tokens.slice(k);
  return before.quoteMark === 'close' && !rest.some((token) => token.quoteMark === 'open' || token.text === ':') && !hasFiniteVerb(rest);
}

/**
 * "The deal, she said, was dead", "Time, Mr. Pence added, was on their side": an attribution set off by commas between
 * a clause's subject and its verb, however short the subject. The clause goes on after it (`resumedAfter`).
 */
function interruptsItsClause(tokens: Token[], anchor: Anchor, cursor: number): boolean {
  const comma = anchor.verbEnd + 1;
  const verb = tokens[comma + 1];
  const subject = tokens.slice(cursor, anchor.subjectStart - 1);
  const named = subject.some((token) => NOMINALS.has(token.pos));
  return tokens[comma]?.text === ',' && verb !== undefined && !verb.quoted && isFiniteVerb(verb) && named && !subject.some(isFiniteVerb);
}

/**
 * Where an attribution set inside a clause ends: after its verb, its listener and adverbs ("Her price, she told
 * reporters afterward, was …").
 */
function attributionEnd(tokens: Token[], anchor: Anchor): number {
  let k = skipListener(tokens, anchor);
  while (k < tokens.length && (tokens[k].pos === 'ADV' || tokens[k].entity === 'DATE')) k += 1;
  return k;
}

/** What a clause's subject is made of ("The deal", "That", "Time"); "Nor, he said, did …" has none. */
const NOMINALS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** Words that open a clause of time after an attribution ("said when asked", "said as he left", "while campaigning"). */
const TIME_CLAUSE_OPENERS = new Set(['when', 'while', 'as', 'after', 'before', 'once']);

/**
 * "…, Trump said of the episode, “I don't like it”": what was said "of" something follows the phrase, set off by a
 * comma or a colon before the quotation, whatever comes before the attribution.
 */
function quotesAfterPhrase(tokens: Token[], of: number): boolean {
  for (let k = of + 1; k < tokens.length && k <= of + MAX_OF_PHRASE_TOKENS; k += 1) {
    if (tokens[k].text === ',' || tokens[k].text === ':') return tokens[k + 1]?.quoteMark === 'open';
    if (!isWord(tokens[k])) return false;
  }
  return false;
}

/** The longest "of" phrase before a quotation ("of the Republican front-runner's comments on trade"). */
const MAX_OF_PHRASE_TOKENS = 10;

/** Only opening phrases, no clause, come before the token at `end` ("In Ohio on Monday, …"). */
function opensWithPhrasesOnly(tokens: Token[], end: number): boolean {
  return leadingAdjunctsEnd(tokens) >= end && !tokens.slice(0, end).some((token) => token.pos === 'SCONJ');
}

/**
 * After "told": skip the listener ("told reporters", "told the Russian news agency Interfax"), one noun phrase. Once
 * it has its noun, a determiner, pronoun or auxiliary opens the reported clause ("telling reporters her support would
 * depend …", "told him the party must …").
 */
function skipListener(tokens: Token[], anchor: Anchor): number {
  let k = anchor.verbEnd + 1;
  if (!LISTENER_VERBS.has(anchor.lemma)) return k;
  const limit = k + MAX_LISTENER_TOKENS;
  let hasNoun = false;
  for (; k < tokens.length && k < limit && isWord(tokens[k]); k += 1) {
    const token = tokens[k];
    // "told the Saltrim Herald", "told The Associated Press": a capitalised word after a name's, or between a
    // capitalised "The" and a name's, is more of the name, whatever wink tags it.
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    const inName = before.pos === 'PROPN' || (before.normal === 'the' && after?.pos === 'PROPN' && isCapitalized(after));
    const named = isCapitalized(token) && isCapitalized(before) && inName;
    // "told the agency to halt the tender": the infinitive after the listener is what they were told to do.
    const opensInfinitive = (at: number) => tokens[at]?.normal === 'to' && tokens[at + 1]?.pos === 'VERB';
    const infinitive = hasNoun && (opensInfinitive(k) || (token.normal === 'not' && opensInfinitive(k + 1)));
    if (token.normal === 'that' || infinitive || ((token.pos === 'VERB' || token.pos === 'AUX') && !named)) break;
    if (hasNoun && (token.pos === 'DET' || token.pos === 'PRON')) break;
    // "told the Courier in an interview": a preposition other than "of" ("members of the union") ends the listener.
    if (hasNoun && ((token.pos === 'ADP' && token.normal !== 'of') || TIME_CLAUSE_OPENERS.has(token.normal))) break;
    hasNoun ||= token.pos === 'NOUN' || token.pos === 'PROPN' || (token.pos === 'PRON' && !isPossessive(token, tokens[k + 1]));
  }
  return k;
}

/** "her" before a noun ("told her supporters") is a determiner, not the listener. */
function isPossessive(pronoun: Token, next: Token | undefined): boolean {
  return POSSESSIVE_DETERMINERS.has(pronoun.normal) && ['NOUN', 'PROPN', 'ADJ'].includes(next?.pos ?? '');
}

/** A "that" opening the reported clause, reached through an adjunct only ("said at a news conference that"). */
function findComplementizer(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + MAX_REPORTED_PHRASE_TOKENS; k += 1) {
    const token = tokens[k];
    if (token.normal === 'that') return k;
    // "at an annual year-end news conference that …": a compound's hyphen is no clause's punctuation.
    if (isJoiningHyphen(token)) continue;
    if (token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'PUNCT' || token.quoteMark) return -1;
  }
  return -1;
}

/**
 * Where a relative clause that reports ends: "Ana Lima, who told a rally that the city should own the depot, has since
 * gone quiet" says nothing of going quiet.
 */
function relativeClauseEnd(tokens: Token[], anchor: Anchor): number {
  return (isRelativeWhoAt(tokens, anchor.subjectStart) ? appositiveClose(tokens, anchor.subjectStart - 1) : undefined) ?? tokens.length;
}

/** First token of what a leading anchor reports: after the listener, a "that", and time words. */
function contentStart(tokens: Token[], anchor: Anchor): number {
  if (anchor.stance) return anchor.verbStart;
  // Only a leading "According to X, …" or "Said X, “…”" gets here inverted: what X said follows the name, and after
  // the name's appositive the quotation ("Said Dorothy Poynter, who grew up with Ali, “We were all so proud.”").
  const quotation = anchor.inverted && anchor.verbStart === 0 && anchor.lemma !== 'according to' ? tokens.findIndex((token, at) => at > anchor.subjectEnd && token.quoteMark === 'open') : -1;
  if (quotation !== -1) return quotation;
  let k = anchor.inverted ? anchor.subjectEnd + 1 : skipListener(tokens, anchor);
  const complementizer = findComplementizer(tokens, k);
  if (complementizer !== -1) return complementizer + 1;
  // Adverbs and dates before the content are skipped, but not "why" or "how", which open it, nor "not" ("told them not to …").
  const skipped = (token: Token) => (token.pos === 'ADV' && !REPORTED_CLAUSE_OPENERS.has(token.normal) && token.normal !== 'not') || token.entity === 'DATE' || token.text === ',';
  while (k < tokens.length && skipped(tokens[k])) k += 1;
  return k;
}

/** "Regarding the New START treaty, Putin said …": the treaty belongs to the claim. */
function topicLead(tokens: Token[], anchor: Anchor): Token[] {
  const lead = tokens.slice(0, Math.max(0, anchor.subjectStart - 1));
  return lead.length > 0 && TOPIC_LEADS.test(lead[0].text) ? lead.slice(1) : [];
}

/**
 * `namedLast`: of the people who hold a title, the one the text named last, if any: "“…,” the president said" after
 * "President Ana Lima, who told a rally …" is her, though the last to speak was the guild's president.
 */
function resolveSpeaker(
  subject: Subject,
  lastNamed: Person | null,
  register: SpeakerRegister,
  listeners = new Set<Person>(),
  namedLast: (holders: Person[]) => Person | undefined = () => undefined,
): Person | null {
  switch (subject.type) {
    case 'person':
      return subject.person;
    case 'pronoun':
      return lastNamed;
    case 'title': {
      const qualified = { second: subject.second, former: subject.former };
      const holds = (person: Person) => (holdsTitle(person, subject.head, qualified) || person.words.includes(subject.head)) && !listeners.has(person);
      const holders = register.people.filter(holds);
      // "the Halden senator": of the senators, those the article named with the place ("Halden Sen. Tom Reyes").
      const placed = subject.place ? holders.filter((person) => ` ${roleWordsOf(person).join(' ')} `.includes(` ${subject.place} `)) : [];
      const candidates = placed.length > 0 ? placed : holders;
      // "the leader" may be whoever was named last; "the union leader" not someone named as another body's voice (the
      // airline's chief executive).
      const generic = GENERIC_TITLES.has(subject.head) && (!subject.qualifier || !speaksForOther(lastNamed, subject.qualifier));
      if (lastNamed && !listeners.has(lastNamed) && candidates.length > 1 && candidates.includes(lastNamed)) return namedLast(candidates) ?? lastNamed;
      if (lastNamed && !listeners.has(lastNamed) && (candidates.includes(lastNamed) || generic)) return lastNamed;
      if (candidates.length === 1) return candidates[0];
      const isPerson = lastNamed && !lastNamed.organization && !lastNamed.institutional;
      // A description's office ("the mayor") waits until `describedBefore` finds no one the sentence names.
      if (subject.describesPerson) return candidates.length === 0 && isPerson ? lastNamed : null;
      return (candidates.length === 0 ? bodyOfNoKind(subject.head, register, namedLast) : undefined) ?? subject.fallback ?? null;
    }
    case 'source':
      return subject.person;
    default:
      return null;
  }
}

/**
 * "Brevolt said …. The company said …": a business described by its kind ("the company", "the firm") is a body the
 * article names whose name gives no other kind, as "Halden Rail Authority" does: the one named last, or the only one.
 */
function bodyOfNoKind(head: string, register: SpeakerRegister, namedLast: (bodies: Person[]) => Person | undefined): Person | undefined {
  if (!BUSINESS_HEADS.has(head)) return undefined;
  const givesKind = (person: Person) => {
    const kind = nameHead(person.words) ?? '';
    return DESCRIBED_BODY_HEADS.has(kind) && !BUSINESS_NAME_HEADS.has(kind);
  };
  // compromise knows a watched business by its name's last word ("Halden Power", "Brevolt Energy").
  const isBody = (person: Person) => person.organization || readsAsBody(person) || (person.watched === true && !person.gender && isKnownOrganization(person.name));
  const bodies = register.people.filter((person) => isBody(person) && !givesKind(person));
  return namedLast(bodies) ?? (bodies.length === 1 ? bodies[0] : undefined);
}

/** Whether compromise reads the name as an organisation's; asked once per name, as it is slow to ask. */
function isKnownOrganization(name: string): boolean {
  let known = KNOWN_ORGANIZATIONS.get(name);
  if (known === undefined) KNOWN_ORGANIZATIONS.set(name, (known = compromiseNlp()(name).has('#Organization')));
  return known;
}

/** `isKnownOrganization`'s answers, for a watch's speakers only: the cache stays as small as the watches' lists. */
const KNOWN_ORGANIZATIONS = new Map<string, boolean>();

/** Heads of a business's own name, which say no more than that it is one ("Brevolt Group", "Halden Holdings Ltd"). */
const BUSINESS_NAME_HEADS = new Set(['group', 'company', 'corporation', 'corp', 'inc', 'ltd']);

/** Words that describe a business by its kind: what `DESCRIBED_BODY_HEADS` holds beyond other bodies' heads. */
const BUSINESS_HEADS = new Set(['company', 'corporation', ...[...DESCRIBED_BODY_HEADS].filter((head) => !ORGANIZATION_HEADS.has(head))]);

/**
 * Whether the person speaks for a body the word does not name ("union" for the airline's chief executive); someone
 * named with no body may be any body's ("Senator Harry Reid, the minority leader": the register keeps no appositive).
 */
function speaksForOther(person: Person | null, word: string): boolean {
  if (!person?.speaksFor) return false;
  const words = [...roleWordsOf(person), ...person.speaksFor.toLowerCase().split(/\s+/), ...person.words];
  return !words.includes(word);
}

/**
 * The sentence names a document its speaker issued ("said in a statement", "wrote in an email to supporters", "The
 * district's statement … said").
 */
function mentionsDocument(tokens: Token[]): boolean {
  const issued = (before?: Token) => !!before && (before.normal === 'a' || before.normal === 'an' || POSSESSIVE_DETERMINERS.has(before.normal) || POSSESSIVE_MARKS.has(before.text));
  // An adjective or a noun may describe it: "in a joint statement", "in a press release", "in a blog post".
  const describedIssued = (k: number) => issued(tokens[k - 1]) || ((tokens[k - 1]?.pos === 'ADJ' || tokens[k - 1]?.pos === 'NOUN') && issued(tokens[k - 2]));
  return tokens.some((token, k) => DOCUMENT_NOUNS.has(token.lemma) && token.pos === 'NOUN' && describedIssued(k));
}

/** "the businessman" is a "he", "the congresswoman" a "she": the same person a pronoun would be. */
function impliedPronoun(subject: Subject): string {
  if (subject.type !== 'title' || !subject.describesPerson) return '';
  return /woman$/.test(subject.head) ? 'she' : /man$/.test(subject.head) ? 'he' : '';
}

function sourceOf(subject: Subject, speaker: Person | null): AttributionSource {
  if (!speaker || speaker.institutional) return 'unnamed';
  return subject.type === 'person' || subject.type === 'source' ? 'named' : subject.type === 'pronoun' || subject.type === 'body' ? 'pronoun' : 'title';
}

/**
 * A question in the words of whoever asks it, unquoted: an auxiliary or a wh-word opens it ("Would you support that?",
 * "And what about the window?") and its only sentence mark is the question mark that ends it.
 */
function isDirectQuestion(tokens: Token[]): boolean {
  const words = tokens.filter(isWord);
  const first = COORDINATORS.has(words[0]?.normal ?? '') ? words[1] : words[0];
  const marks = tokens.filter((token) => SENTENCE_MARKS.has(token.text));
  if (!first || tokens.some((token) => token.quoteMark) || marks.length !== 1 || tokens.at(-1)?.text !== '?') return false;
  return first.pos === 'AUX' || QUESTION_OPENERS.has(first.normal);
}

/** `asks` when the last sentence mark of what was said is a question mark. */
function askedIn(tokens: Token[]): { asks?: true } {
  const marks = tokens.filter((token) => SENTENCE_MARKS.has(token.text));
  return marks[marks.length - 1]?.text === '?' ? { asks: true } : {};
}

const SENTENCE_MARKS = new Set(['.', '?', '!']);

/** Signs of a currency written before its amount. */
const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥']);

/**
 * Drops punctuation and quote marks at both ends of a clause, and a conjunction left dangling ("…, although"; wink
 * tags "although" and "whereas" as prepositions).
 */
function trimPunctuation(tokens: Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  const isDangling = (token: Token) => !isWord(token) || token.pos === 'CCONJ' || token.pos === 'SCONJ' || (token.pos === 'ADP' && FRONTED_CLAUSE_OPENERS.has(token.normal));
  // A number's sign belongs to it: "$3.40", "a planned increase to 35%".
  const opensNumber = (k: number) => CURRENCY_SIGNS.has(tokens[k].text) && /^\d/.test(tokens[k + 1]?.text ?? '');
  const closesNumber = (k: number) => tokens[k].text === '%' && /\d$/.test(tokens[k - 1]?.text ?? '');
  while (start < end && !isWord(tokens[start]) && !opensNumber(start)) start += 1;
  while (end > start && isDangling(tokens[end - 1]) && !closesNumber(end - 1)) end -= 1;
  // A quotation the clause opens or closes keeps its other mark: "called the offer “a real step”", not "“a real step".
  const marks = (mark: 'open' | 'close') => tokens.slice(start, end).filter((token) => token.quoteMark === mark).length;
  const open = marks('open') - marks('close');
  if (open > 0) {
    const close = tokens.findIndex((token, k) => k >= end && token.quoteMark === 'close');
    if (close !== -1 && !tokens.slice(end, close).some(isWord)) end = close + 1;
  } else if (open < 0) {
    const opening = tokens.findLastIndex((token, k) => k < start && token.quoteMark === 'open');
    if (opening !== -1 && !tokens.slice(opening, start).some(isWord)) start = opening;
  }
  return tokens.slice(start, end);
}
