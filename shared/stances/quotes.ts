/**
 * Speakers of sentences that carry no reporting verb of their own: a quotation running over several sentences, named
 * where it closes ("“… They’re performing honorably. It’s too bad,” Bolton charged."), transcripts whose paragraphs
 * open with the speaker's name ("CLINTON: I feel a great deal of sympathy …"), the answers of a question-and-answer
 * interview ("Q: …" | "A: We could live with …"), quotations signed by the paragraph after them ("“I will look
 * into it.”" | "- Hillary Clinton."), and the items of a list a paragraph introduces ("THE TERMS, according to the
 * ministry:" | "Royalty: 6.5 percent …").
 */
import type { Anchor } from './anchors.js';
import { isCapitalized, isWord, type Sentence, type Token } from './sentences.js';
import { DASHES, findNameStartingAt, namesIn, type Person, type SpeakerRegister } from './speakers.js';
import { calledByOf } from './surname.js';

/** Tokens between a closing quotation mark and the attribution after it (`,” said X` or `,” X said`). */
const MAX_TOKENS_AFTER_CLOSE = 3;

/** Longest transcript label before its colon ("JORGE RAMOS:"). */
const MAX_LABEL_WORDS = 3;

/** Longest body or holder in brackets after a label ("TESK (Varn Fisheries Cooperative):"). */
const MAX_BRACKETED_WORDS = 5;

/** True when a quotation is still open at the sentence's end: the next sentence goes on with it. */
export function endsInsideQuote(sentence: Sentence): boolean {
  for (let k = sentence.tokens.length - 1; k >= 0; k -= 1) {
    const token = sentence.tokens[k];
    if (token.quoteMark) return token.quoteMark === 'open';
    if (token.quoted) return true;
  }
  return false;
}

/** True when the sentence starts inside a quotation or with its opening mark. */
export function startsInsideQuote(sentence: Sentence): boolean {
  const first = sentence.tokens[0];
  return first !== undefined && (first.quoteMark === 'open' || first.quoted);
}

/**
 * The anchor that names who says a quotation still open at sentence `index`: the first attribution right after the
 * quotation closes, in a later sentence of the same paragraph. Undefined when the quotation closes without one.
 */
export function anchorAtQuoteClose(sentences: Sentence[], anchors: Anchor[][], index: number): { anchor: Anchor; sentence: number } | undefined {
  const { paragraphIndex } = sentences[index];
  for (let j = index + 1; j < sentences.length && sentences[j].paragraphIndex === paragraphIndex; j += 1) {
    const close = sentences[j].tokens.findIndex((token) => token.quoteMark);
    if (close === -1) continue;
    if (sentences[j].tokens[close].quoteMark !== 'close') return undefined;
    const anchor = anchors[j].find((candidate) => {
      const start = candidate.inverted ? candidate.verbStart : candidate.subjectStart;
      return start > close && start <= close + MAX_TOKENS_AFTER_CLOSE;
    });
    return anchor && { anchor, sentence: j };
  }
  return undefined;
}

/**
 * The speaker a transcript paragraph is labelled with, for each of its sentences: a paragraph opening with a name the
 * article knows, followed by a colon ("CLINTON:", "Chris Matthews:"); a label opening a sentence inside a paragraph
 * holds for that sentence. Section labels ("VIDEO:", "UPDATE:") name nobody the article knows and are left alone.
 */
export function transcriptSpeakers(sentences: Sentence[], register: SpeakerRegister): Map<number, { person: Person; labelEnd: number }> {
  const labelled = new Map<number, { person: Person; labelEnd: number }>();
  let current: { paragraph: number; person: Person } | undefined;
  /** Roles a label gave with its holder's name ("CHAIR (VARNEY):"): a later label of the role alone is theirs. */
  const roles = new Map<string, Person>();
  sentences.forEach((sentence, index) => {
    const label = readLabel(sentence.tokens, register, roles);
    if (opensParagraph(sentences, index)) current = label && { paragraph: sentence.paragraphIndex, person: label.person };
    // Within a paragraph a label holds for its own sentence ("Bush: “The mission is to destroy ISIS.”").
    if (label) labelled.set(index, label);
    else if (current?.paragraph === sentence.paragraphIndex) labelled.set(index, { person: current.person, labelEnd: -1 });
  });
  return labelled;
}

/**
 * A transcript label before its colon, and whom it names: "REYES:", "MAYOR ARNSBY:", a name and the body they speak for
 * in brackets ("TESK (Meridel Energy):"), or a role and its holder ("CHAIR (VARNEY):"), after which the role alone
 * ("CHAIR:") is the same holder.
 */
function readLabel(tokens: Token[], register: SpeakerRegister, roles: Map<string, Person>): { person: Person; labelEnd: number } | undefined {
  const colon = tokens.findIndex((token) => token.text === ':');
  if (colon < 1) return undefined;
  const open = tokens[colon - 1].text === ')' ? tokens.slice(0, colon).findIndex((token) => token.text === '(') : -1;
  const outside = open > 0 ? tokens.slice(0, open) : tokens.slice(0, colon);
  const inside = open > 0 ? tokens.slice(open + 1, colon - 1) : [];
  const capitals = [...outside, ...inside].every((token) => isWord(token) && isCapitalized(token));
  if (!capitals || outside.length > MAX_LABEL_WORDS || inside.length > MAX_BRACKETED_WORDS) return undefined;
  // "DEAR ABBY:" opens a letter to whom it names, not what they say.
  if (outside[0].normal === 'dear') return undefined;
  const named = (words: Token[]) => register.people.find((candidate) => words.some((word) => word.normal === calledByOf(candidate)));
  const role = outside.map((token) => token.normal).join(' ');
  const speaker = named(outside);
  const holder = speaker ? undefined : named(inside);
  if (holder) roles.set(role, holder);
  const person = speaker ?? holder ?? roles.get(role);
  return person && { person, labelEnd: colon };
}

/** The turns of a question-and-answer interview: who answers each sentence, and the sentences the interviewer asks in. */
export interface InterviewTurns {
  answers: Map<number, { person: Person; labelEnd: number }>;
  /** The interviewer's sentences: "Q: Varn says the offer is too little." recaps what others said, to be asked about. */
  questions: Set<number>;
}

/**
 * The turns of a question-and-answer interview. After "Q: And the coupon?" no verb of saying attributes "We could live
 * with a coupon that starts at 5%", yet it is the interviewee's stance. An interview is an article whose paragraphs ask
 * at least twice ("Q:", "Question:", or a label of the publication named before, `outletLabelsBefore`: "KBW:",
 * "Norvale Weekly:") after an introduction that says it is one ("spoke to", "in an interview"; an explainer's
 * questions are answered by its writer). The interviewee is the first person the introduction names. Every paragraph
 * after a question up to the next one answers it, labelled ("A:", "Answer:") or not, and so does the rest of a
 * question's paragraph from an "A:" on ("Q: … Do you support that? A: Of course.").
 */
export function interviewTurns(sentences: Sentence[], register: SpeakerRegister): InterviewTurns {
  const turns: InterviewTurns = { answers: new Map(), questions: new Set() };
  const outlets = outletLabelsBefore(sentences);
  const asks = (sentence: Sentence, index: number) => opensParagraph(sentences, index) && (QUESTION_TURN.test(sentence.text) || outlets[index].has(turnLabel(sentence)));
  const questions = new Set(sentences.filter(asks).map((sentence) => sentence.paragraphIndex));
  if (questions.size < MIN_QUESTIONS) return turns;
  const first = Math.min(...questions);
  const introduction = sentences.filter((sentence) => sentence.paragraphIndex < first);
  if (!introduction.some((sentence) => INTERVIEW_CUE.test(sentence.text))) return turns;
  // The first person it names in full: not a source known by role, not an organisation, and not a one-word name if a
  // full one follows ("after she fined Norvale, Ana Lima spoke to …": a one-word name may be a company or a place).
  const named = introduction.flatMap((sentence) => [...namesIn(sentence.tokens, register)]).map(({ person }) => person);
  const people = named.filter((person) => !person.institutional && !person.organization);
  const interviewee = people.find((person) => person.words.length > 1) ?? people[0];
  let answered = -1;
  sentences.forEach((sentence, index) => {
    if (sentence.paragraphIndex < first) return;
    // The answer's label is left out of what was said: its mark, or the label itself where wink reads "A." as one word.
    const labelled = ANSWER_TURN.test(sentence.text);
    if (labelled) answered = sentence.paragraphIndex;
    if (questions.has(sentence.paragraphIndex) && answered !== sentence.paragraphIndex) turns.questions.add(index);
    else if (interviewee) {
      const mark = sentence.tokens.slice(0, 2).findIndex((token) => token.text === ':' || token.text === '.');
      turns.answers.set(index, { person: interviewee, labelEnd: labelled ? Math.max(mark, 0) : -1 });
    }
  });
  return turns;
}

const QUESTION_TURN = /^(Q|Question)\s*[:.]\s/;
const ANSWER_TURN = /^(A|Answer)\s*[:.]\s/;

/**
 * For each sentence, the labels written before it that name the interviewer's publication: the initials of any name
 * of more than one word ("sat down with Norvale Business Weekly" | "NBW: Where do the talks stand?"), and such a name
 * in full after "to" or "with", whom the interview was given to ("She spoke to Norvale Weekly" | "Norvale Weekly: Is
 * the battle won?"; not any name in full, since the interviewee's may label the answers).
 */
function outletLabelsBefore(sentences: Sentence[]): Set<string>[] {
  const seen = new Set<string>();
  return sentences.map(({ tokens }) => {
    const before = new Set(seen);
    let start = -1;
    for (let k = 0; k <= tokens.length; k += 1) {
      if (k < tokens.length && isWord(tokens[k]) && isCapitalized(tokens[k])) {
        if (start === -1) start = k;
        continue;
      }
      if (start !== -1 && k - start > 1) {
        const name = tokens.slice(start, k);
        seen.add(name.map((word) => word.text[0]).join(''));
        if (['to', 'with'].includes(tokens[start - 1]?.normal ?? '')) seen.add(name.map((word) => word.text).join(' '));
      }
      start = -1;
    }
    return before;
  });
}

/** The label a turn opens with: up to `MAX_TURN_LABEL_WORDS` capitalised words before a colon ("NBW", "Norvale Weekly"). */
function turnLabel(sentence: Sentence): string {
  const colon = sentence.tokens.findIndex((token) => token.text === ':');
  const label = sentence.tokens.slice(0, Math.max(colon, 0));
  const named = colon > 0 && colon <= MAX_TURN_LABEL_WORDS && label.every((token) => isWord(token) && isCapitalized(token));
  return named ? label.map((token) => token.text).join(' ') : '';
}

/** Words a turn's label may have: a publication's name ("Norvale Business Weekly"), not a sentence's opening. */
const MAX_TURN_LABEL_WORDS = 4;

/** Questions that make an interview: one "Q." could be an initial. */
const MIN_QUESTIONS = 2;

/** An introduction that presents an interview ("Speaking to the Courier", "sat down with", "edited for length"). */
const INTERVIEW_CUE = /\b(interview(ed|s)?|spoke|speaks|speaking|talked|talking|conversation|sat down|edited for length)\b/i;

/** The sentence at `index` opens its paragraph. */
function opensParagraph(sentences: Sentence[], index: number): boolean {
  return index === 0 || sentences[index - 1].paragraphIndex !== sentences[index].paragraphIndex;
}

/**
 * The items of a list a paragraph introduces with a colon ("THE TERMS, according to a statement released by the
 * ministry:" | "Royalty: 6.5 percent of gross revenue …" | "State stake: …"): for each sentence of an item paragraph,
 * the sentence that introduces the list, and where the item's label ends in it. An item opens with a short label and a
 * colon, written as a sentence is (not a section heading in capitals, "WHAT THEY SAID:"), or with a bullet; the list
 * ends at the first paragraph that is neither.
 */
export function listedItems(sentences: Sentence[]): Map<number, { introduction: number; labelEnd: number }> {
  const items = new Map<number, { introduction: number; labelEnd: number }>();
  let introduction = -1;
  let item = -1;
  sentences.forEach((sentence, index) => {
    if (opensParagraph(sentences, index)) {
      const labelEnd = introduction === -1 ? undefined : itemLabelEnd(sentence.tokens);
      item = labelEnd === undefined ? -1 : sentence.paragraphIndex;
      if (labelEnd === undefined) introduction = -1;
      else items.set(index, { introduction, labelEnd });
    } else if (item === sentence.paragraphIndex) items.set(index, { introduction, labelEnd: -1 });
    const closesParagraph = sentences[index + 1]?.paragraphIndex !== sentence.paragraphIndex;
    if (closesParagraph && sentence.tokens.at(-1)?.text === ':' && !endsInsideQuote(sentence)) introduction = index;
  });
  return items;
}

/** Where an item's label ends ("State stake:", "- "), or undefined when the tokens open no item. */
function itemLabelEnd(tokens: Token[]): number | undefined {
  if (BULLETS.has(tokens[0]?.text ?? '')) return 0;
  const colon = tokens.findIndex((token) => token.text === ':');
  if (colon < 1 || colon > MAX_ITEM_LABEL_WORDS) return undefined;
  const words = tokens.slice(0, colon);
  const heading = words.every((token) => token.text === token.text.toUpperCase());
  return words.every(isWord) && isCapitalized(words[0]) && !heading ? colon : undefined;
}

/** Longest label of a listed item ("Artisanal mining:"). */
const MAX_ITEM_LABEL_WORDS = 4;

/**
 * The speaker of a quotation paragraph that the next paragraph signs with a dash and a name, as fact checks and readers'
 * letters print them ("“I will look into it. I don't know the status.”" | "- Hillary Clinton." or "—Ana Ruiz, Leeds."):
 * for each sentence of the quotation.
 */
export function signedQuotations(sentences: Sentence[], register: SpeakerRegister): Map<number, { person: Person; labelEnd: number }> {
  const signed = new Map<number, { person: Person; labelEnd: number }>();
  sentences.forEach((sentence, index) => {
    const alone = sentences[index - 1]?.paragraphIndex !== sentence.paragraphIndex && sentences[index + 1]?.paragraphIndex !== sentence.paragraphIndex;
    const person = alone ? signatory(sentence.tokens, register) : undefined;
    if (!person) return;
    const quoted = sentences.flatMap((other, k) => (other.paragraphIndex === sentence.paragraphIndex - 1 ? [k] : []));
    if (quoted.length === 0 || sentences[quoted[0]].tokens[0]?.quoteMark !== 'open') return;
    for (const k of quoted) signed.set(k, { person, labelEnd: -1 });
  });
  return signed;
}

/** "- Hillary Clinton.", "—Michelle Marks, Philadelphia.": a dash, a name the article knows, and at most a place. */
function signatory(tokens: Token[], register: SpeakerRegister): Person | undefined {
  if (!SIGNATURE_DASHES.has(tokens[0]?.text ?? '')) return undefined;
  const named = findNameStartingAt(tokens, 1, register);
  if (!named || named.end !== firstNameEnd(tokens)) return undefined;
  const rest = tokens.slice(named.end + 1);
  const place = rest[0]?.text === ',' && rest.slice(1).every((token) => !isWord(token) || isCapitalized(token));
  return rest.every((token) => !isWord(token)) || place ? named.person : undefined;
}

/** Where the run of capitalised words after the dash ends: the name must be all of it ("- Clinton aides said" is not). */
function firstNameEnd(tokens: Token[]): number {
  let k = 1;
  while (tokens[k + 1] && isWord(tokens[k + 1]) && isCapitalized(tokens[k + 1])) k += 1;
  return k;
}

/** The dashes that set a name off, and a hyphen typed for one. */
const SIGNATURE_DASHES = new Set([...DASHES, '-']);

/** What opens a listed item: a dash, or a bullet. */
const BULLETS = new Set([...SIGNATURE_DASHES, '•', '*']);
