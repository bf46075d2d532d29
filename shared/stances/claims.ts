/**
 * What kind of stance a clause states, with which polarity, and its normalized claim for comparison.
 */
import { ACCUSING_VERBS, GENERIC_PERSON_NOUNS, MODALS, OTHER_VERB_PARTICLES, POSSESSIVE_DETERMINERS, QUESTION_OPENERS, RELATIVE_PRONOUNS, REPORTING_VERBS, SCHEDULE_VERBS, STANCE_VERBS, SUBJECT_PRONOUNS, isTitleNoun } from './lexicon.js';
import {
  ANONYMITY_REQUEST,
  BEING_AGAINST,
  CLAIM_POS,
  CLAIM_STANCE_LEMMAS,
  CLAIM_SKIP_ENTITIES,
  CLAIM_STOP_LEMMAS,
  EMBEDDED_CLAUSE_WORDS,
  ENDING_TERMS,
  HABIT_CUE,
  LITOTES,
  MIN_PROPOSITION_WORDS,
  MIN_QUOTED_WORDS,
  NEGATION_TOKEN,
  NEGATION_WORDS,
  NOMINALIZED_STANCES,
  NO_COMMENT_CUE,
  NO_COMMENT_SAID,
  UNREACHABLE_CUE,
  PREFACE_CUES,
  REAFFIRMATION_CUES,
  REITERATION_CUE,
  RECALL_CUES,
  RESTATEMENT_CUES,
  SUBORDINATORS,
  STANCE_CUES,
  STANCE_PRIORITY,
  STOPPING_SHORT,
  SUPPORT_WITHDRAWING_VERBS,
  TALK_ABOUT_TALK,
  TELLS_UNREAL_PAST,
  UNATTRIBUTED_CUES,
  UNREAL_IF,
  VERB_CUES_AS_NOUNS,
  WITHDRAWAL_CUES,
} from './patterns.js';
import {
  CALENDAR_WORDS,
  MAX_PHRASE_WORDS,
  NUMBER_SCALES,
  NUMBER_WORDS,
  PHRASE_SYNONYMS,
  SYNONYMS,
} from './vocabulary.js';
import { isInterjectionAt, isModifyingParticiple, isWord, type Token } from './sentences.js';
import { readWord } from './nlp-models.js';
import { isSourceNoun } from './sources.js';
import type { StatementKind } from './types.js';

/**
 * The version of the claim normalisation (`normalizeClaim` with the rules and vocabulary it applies). Stored
 * statements record the version that wrote their claim, and a ledger read for judging rewrites those of an older one
 * (shared/pipeline/claim-refresh.ts): a claim is only comparable with claims the same normalisation wrote. Raise it
 * with any change that changes a claim; tests/unit/claim-version.test.ts fails until it is raised and the pin redone.
 */
export const CLAIM_VERSION = 19;

export interface Stance {
  kind: StatementKind;
  polarity: 'positive' | 'negative';
  /** A condition or demand given up ("no longer insists on …"). */
  withdrawn: boolean;
}

/**
 * Classifies a clause; undefined when it states no stance (background, narrative, a bare label in quotes).
 *
 * Stages: lemmaLine → prefaces out (`PREFACE_CUES`) → withdrawal cues → claims whatever their cues (an accusation,
 * "declined to comment", an indirect question) → kind cues in `STANCE_PRIORITY` order →
 * position fallback (a modal, volition or evaluation cue, a negated claim, a stance taken in the main verb
 * (`stanceVerb`: "Trump backs the plan") or the said clause's ("said he backs …"), a verb that contends what it reports
 * ("claimed Obama was the founder"), or a quotation of `MIN_QUOTED_WORDS`+ words that no preface announced and
 * that does not ask a question: "I’ve ruined your reputation, huh?" takes no position) →
 * claim fallback (any other proposition the speaker is reported as saying) → polarity.
 * A clause nobody is quoted as saying (`attributed` false) is kept only on an `UNATTRIBUTED_CUES` cue.
 *
 * @example
 * classifyStance(verbTokens('said'), tokensOf('Japan first needs to change its position'), { attributed: true })
 * // → { kind: 'condition', polarity: 'positive', withdrawn: false }
 */
export function classifyStance(verb: Token[], content: Token[], how: ClauseShape): Stance | undefined {
  const { attributed, stanceVerb = false, asks = false, unsaid = false, spoken = false } = how;
  if (content.filter(isWord).length === 0) return undefined;
  // "What do the bondholders want?", "Does the union want a strike?": the writer asks what a stance verb would state.
  if (asks && stanceVerb && !content.some((token) => token.quoted)) return undefined;
  // "according to two people familiar with the talks, who asked not to be named": why a source is not named.
  if (ASKS_ANONYMITY.test(lemmaLine(content))) return undefined;
  // A stance verb opens the content ("restated her refusal to …"): its object is the subject's own there too.
  const full = lemmaLine([...verb, ...content], { ownStance: verb.length > 0 || stanceVerb });
  const said = PREFACE_CUES.reduce((text, cue) => text.replace(cue, ' '), full);
  const prefaced = said !== full;
  const unreal = TELLS_UNREAL_PAST.test(said) ? said.replace(UNREAL_IF, ' ') : said;
  // "said the talks would open on March 10": a schedule is nobody's stance, whatever its modal.
  const line = isSchedule(content) ? unreal.replace(/\b(will|would)\b/g, ' ') : unreal;
  if (!attributed && !UNATTRIBUTED_CUES.some((cue) => cue.test(line))) return undefined;
  const negated = isNegated(line);
  if (WITHDRAWAL_CUES.some((cue) => isWithdrawnBy(line, cue))) return { kind: 'condition', polarity: 'negative', withdrawn: true };
  if (STOPPING_SHORT.test(line)) return { kind: 'position', polarity: 'negative', withdrawn: false };
  // "accused Norvale of holding releases below what it offered": what follows is the accused's conduct, not a stance;
  // "declined to comment" takes none either.
  const saysNothing = unsaid || isNoComment([...verb, ...content]) || NO_COMMENT_SAID.test(line) || TALK_ABOUT_TALK.test(line) || UNREACHABLE_CUE.test(line) || asksWhether(verb, content);
  if (saysNothing || verb.some((token) => ACCUSING_VERBS.has(token.lemma))) return { kind: 'claim', polarity: 'positive', withdrawn: false };
  // The items of a list someone set out are their words, as a quotation is.
  const ownWords = spoken ? content.filter(isWord).length : longestQuote(content);
  const quotesAPosition = !prefaced && !asks && ownWords >= MIN_QUOTED_WORDS && !tellsWhatHappened(content);
  const contends = verb.some((token) => CONTENDING_VERBS.has(token.lemma)) && isProposition(content);
  const positioned = (negated && !deniesAnEvent(content)) || judgesItsSubject(content) || stanceVerb || (!prefaced && takesStanceSaid(content)) || quotesAPosition || contends || ownsStance(verb, content);
  const kind = STANCE_PRIORITY.find((candidate) => STANCE_CUES[candidate].some((cue) => cue.test(line)))
    ?? (positioned ? 'position' : undefined)
    ?? (!prefaced && isProposition(content) ? 'claim' : undefined);
  if (!kind) return undefined;
  return { kind, polarity: polarityOf(kind, negated, isOpposition(line)), withdrawn: false };
}

/** A source's request not to be named, as the whole of what a clause says (over the lemma line). */
const ASKS_ANONYMITY = new RegExp(`^\\W*(who |which )?(ask|request) ${ANONYMITY_REQUEST}`);

/**
 * Whether a withdrawal cue gives a stance up. "would call off the strike if the bonus is restored", "will drop its
 * demand once talks resume": a stance given up under a modal, on a condition, is an offer still to be taken up.
 */
function isWithdrawnBy(line: string, cue: RegExp): boolean {
  const found = cue.exec(line);
  if (!found) return false;
  const offered = OFFERING_MODAL.test(line.slice(0, found.index)) && OFFERED_ON.test(line);
  return !offered;
}

/** A modal right before a withdrawal cue, a word or two between ("would call off", "will then call off"). */
const OFFERING_MODAL = /\b(will|would|could|can|might|may)( \S+){0,2} $/;
/** The condition it is offered on ("if the bonus is restored", "once talks resume"). */
const OFFERED_ON = /\b(if|unless|once|provided|as long as)\b/;

/**
 * Opposing is not supporting: "opposes the plan", "rejected the plan" and "will not support the plan" say one thing, a
 * negative stance on the plan (their claims fold to the same terms, see `SYNONYMS`), and "does not oppose it" a
 * positive one. Otherwise a refusal or a negated clause is negative.
 */
function polarityOf(kind: StatementKind, negated: boolean, opposes: boolean): Stance['polarity'] {
  if (opposes) return negated ? 'positive' : 'negative';
  return kind === 'refusal' || negated ? 'negative' : 'positive';
}

/**
 * True when the main clause opposes or rejects ("opposes", "rejected", "turned down", "is firmly against", "came out
 * against", "will vote against") or takes its support back ("withdrew her support for"), before any embedded clause.
 */
function isOpposition(line: string): boolean {
  return OPPOSING.test(mainClauseWords(line).join(' '));
}

const OPPOSING = new RegExp(
  `\\b(oppose|opposition|reject|rejection|turn down|come out against|vote against)\\b|\\b${SUPPORT_WITHDRAWING_VERBS} ((\\S+ ){0,2}(support|backing|endorse|endorsement)|(his|her|their|its) back)\\b|${BEING_AGAINST.source}`,
);

/**
 * "said the tax was unfair", "said the offer is reasonable": a clause that judges its subject by an adjective
 * carrying sentiment (`readWord`), or by an excess ("too easy"), is an evaluation, the speaker's position; "said the
 * buses were late" only describes, and "said he was pleased" tells a feeling.
 */
function judgesItsSubject(content: Token[]): boolean {
  const words = content.filter((token) => !token.quoteMark);
  // "has made it too easy to buy such weapons", "waited too long": an excess is a judgment.
  if (words.some((token, k) => token.normal === 'too' && ['ADJ', 'ADV'].includes(words[k + 1]?.pos ?? ''))) return true;
  const copula = words.findIndex((token) => token.pos === 'VERB' || token.pos === 'AUX');
  // "they have a legitimate grievance", "the union has a fair point": what the subject has, judged. Not an opinion
  // held ("voters have a favorable view of …"), which a poll reports.
  const object = words.slice(copula + 2).find((token) => token.pos === 'NOUN');
  const has = copula >= 1 && words[copula].lemma === 'have' && ['a', 'an'].includes(words[copula + 1]?.normal ?? '') && !OPINION_NOUNS.has(object?.lemma ?? '');
  // "said he is very pleased": a feeling the speaker reports of themself, not a judgment of a thing.
  if (copula < 1 || (words[copula].lemma !== 'be' && !has) || FEELING_SUBJECTS.has(words[copula - 1].normal)) return false;
  let k = has ? copula + 2 : copula + 1;
  while (words[k]?.pos === 'ADV' || words[k]?.normal === 'not') k += 1;
  return words[k]?.pos === 'ADJ' && (Math.abs(readWord(words[k].normal).sentiment) >= EVALUATIVE_SENTIMENT || JUDGING_ADJECTIVES.has(words[k].normal));
}

const FEELING_SUBJECTS = new Set(['i', 'we', 'he', 'she']);
const OPINION_NOUNS = new Set(['view', 'opinion', 'impression', 'feeling', 'rating', 'image']);

/** Least sentiment of a word that judges: "wrong" and "safe" (0.25) do, "big" (0.2) describes. */
const EVALUATIVE_SENTIMENT = 0.25;

/**
 * Adjectives that judge by law or by measure, to which wink's lexicon gives no sentiment ("the tariff was unlawful",
 * "the retaliation was unjustified", "the charge is baseless").
 */
const JUDGING_ADJECTIVES = new Set([
  'lawful',
  'unlawful',
  'legitimate',
  'illegitimate',
  'valid',
  'invalid',
  'justified',
  'unjustified',
  'unjustifiable',
  'unwarranted',
  'baseless',
  'groundless',
  'unfounded',
  'disproportionate',
  'excessive',
  'protectionist',
]);

/**
 * "said it had detained none", "found no violations", "had never paid for the equipment": a denial of what happened is
 * a fact reported, not a stance. The negation goes with a verb in the past ("did not …", "had not …", "never paid",
 * "found no …") that takes no stance itself ("did not support" does: `STANCE_VERBS`), is no copula ("was not fair" is an
 * evaluation) and holds nothing ("had no intention", "saw no reason" tell the speaker's mind).
 */
function deniesAnEvent(content: Token[]): boolean {
  const words = content.filter((token) => !token.quoteMark);
  const embedded = words.findIndex((token) => EMBEDDED_CLAUSE_WORDS.has(token.lemma));
  const at = words.findIndex((token, k) => NEGATION_WORDS.has(token.normal) && (embedded === -1 || k < embedded));
  if (at === -1 || words[at].quoted) return false;
  const verb = eventVerbOf(words, at);
  return verb !== undefined && !STANCE_VERBS.has(verb.lemma) && !MINDFUL_VERBS.has(verb.lemma);
}

/** The past verb a negation denies: after "did not", "had not", "never"; before "no", "none", "nothing". */
function eventVerbOf(words: Token[], at: number): Token | undefined {
  const negation = words[at].normal;
  if (negation === 'not' || negation === 'never') {
    const auxiliary = words[at - 1];
    let k = at + 1;
    while (words[k]?.pos === 'ADV') k += 1;
    const verb = words[k];
    if (verb?.pos !== 'VERB') return undefined;
    if (auxiliary && PAST_AUXILIARIES.has(auxiliary.normal)) return verb;
    return negation === 'never' && isPastForm(verb) && !isAuxiliary(auxiliary) ? verb : undefined;
  }
  if (!DENIED_OBJECTS.has(negation)) return undefined;
  const verb = words[at - 1];
  return verb?.pos === 'VERB' && isPastForm(verb) ? verb : undefined;
}

const PAST_AUXILIARIES = new Set(['did', 'had']);
const DENIED_OBJECTS = new Set(['no', 'none', 'nothing', 'nobody']);
/** Verbs whose denial tells the speaker's mind, not an event: "had no intention", "saw no reason", "made no promise". */
const MINDFUL_VERBS = new Set(['be', 'have', 'see', 'make', 'know', 'think', 'believe', 'expect', 'agree', 'accept', 'doubt', 'give', 'rule', 'say', 'mean']);
const isAuxiliary = (token: Token | undefined) => token?.pos === 'AUX' || token?.pos === 'PART';
/** An inflected verb form that is not the present's "-s" or "-ing": "found", "detained", "paid". */
const isPastForm = (token: Token) => token.normal !== token.lemma && !token.normal.endsWith('ing') && token.normal !== `${token.lemma}s` && token.normal !== `${token.lemma}es`;

/**
 * "“I held and hugged” grieving family members", "“We wrote about 40 reports,” she said": a quotation in which someone
 * did something, told all in the past, no modal, no present, no "be" ("It was very nice" judges) and no word that
 * judges ("We made a terrible mistake"), is an anecdote, not a position taken. Its verbs are past forms, "-ing" forms
 * or infinitives ("to win", "did not want").
 */
function tellsWhatHappened(content: Token[]): boolean {
  const quoted = content.filter((token) => token.quoted && !token.quoteMark);
  const verbs = quoted.map((token, k) => ({ token, k })).filter(({ token }) => token.pos === 'VERB' || token.pos === 'AUX');
  // Someone did something ("I held", "we wrote"): a participle quoted alone ("have “undermined the basics”") judges.
  const tells = verbs.some(({ token, k }) => isPastForm(token) && !STATE_VERBS.has(token.lemma) && quoted[k - 1]?.pos === 'PRON' && !POSSESSIVE_DETERMINERS.has(quoted[k - 1].normal));
  const judges = verbs.some(({ token }) => token.lemma === 'be') || quoted.some((token) => Math.abs(readWord(token.normal).sentiment) >= EVALUATIVE_SENTIMENT);
  return tells && !judges && verbs.every(({ token, k }) => isNarrativeVerb(token, quoted[k - 1]));
}

function isNarrativeVerb(verb: Token, before: Token | undefined): boolean {
  if (PRESENT_FORMS.has(verb.normal)) return false;
  if (isPastForm(verb) || verb.normal.endsWith('ing')) return true;
  // A base form only after "to" or the past's "did": "to win", "did not want".
  return verb.normal === verb.lemma && (before?.normal === 'to' || before?.normal === 'did' || before?.normal === 'not');
}

/** Forms of "have" and "do" that are the present, and the modals, which speak of what may be. */
const PRESENT_FORMS = new Set(['has', 'have', 'does', 'do', ...MODALS]);
/** Verbs of a state, which judge or feel rather than tell ("we had a crazy policy", "it felt like …"). */
const STATE_VERBS = new Set(['be', 'have', 'feel', 'seem', 'look']);

/**
 * The clause's first verb declines to say anything (`NO_COMMENT_CUE`): "has also declined to comment". Only the first:
 * "said she would meet them but refused to say more" says something.
 */
function isNoComment(tokens: Token[]): boolean {
  const first = tokens.findIndex((token, k) => token.pos === 'VERB' && !inRelativeAside(tokens, k));
  return first !== -1 && NO_COMMENT_CUE.test(lemmaLine(tokens.slice(first, first + NO_COMMENT_WORDS)));
}

/**
 * The token at `k` is in a relative clause set off by commas ("The committee, which has named Ana Lima as its chair,
 * declined to comment"): it describes the subject, and the main verb comes after it.
 */
function inRelativeAside(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0; j -= 1) {
    if (tokens[j].text === ',') return false;
    if (RELATIVE_PRONOUNS.has(tokens[j].normal) && (j === 0 || tokens[j - 1].text === ',')) return true;
  }
  return false;
}

/** The verb and the words of a no-comment cue after it: "decline to be interview". */
const NO_COMMENT_WORDS = 4;

/**
 * "asked Trump how high the wall would be", "asked whether she would run": an indirect question states nothing, whatever
 * modal it holds. ("asked Trump to condemn violence" is a demand.)
 */
function asksWhether(verb: Token[], content: Token[]): boolean {
  if (!verb.some((token) => token.lemma === 'ask')) return false;
  // A quoted question is asked in the speaker's words, and may well take a stance ("“Why should we wait?” he asked").
  const opener = content.slice(0, MAX_ASKED_LISTENER_TOKENS + 1).findIndex((token) => QUESTION_OPENERS.has(token.normal) || token.normal === 'to');
  return opener !== -1 && content[opener].normal !== 'to' && !content[opener].quoted;
}

/**
 * "said he backs Ryan", "said they welcomed the offer": the speaker (or whom they speak for) reported as taking a stance
 * by the content's verb, one `STANCE_VERBS` holds whose subject is a personal pronoun. Another subject is an event
 * reported ("said the group attacked the depot"), not the speaker's stance.
 */
function takesStanceSaid(content: Token[]): boolean {
  const words = content.filter((token) => !token.quoteMark);
  // The speaker or their side; "it" for a body ("the ministry said it welcomed …").
  if (!SUBJECT_PRONOUNS.has(words[0]?.normal ?? '')) return false;
  const verb = words[1]?.pos === 'ADV' ? 2 : 1;
  return words[verb]?.pos === 'VERB' && STANCE_VERBS.has(words[verb].lemma) && !OTHER_VERB_PARTICLES.has(words[verb + 1]?.normal ?? '');
}

/** "announced his intention to …", "reiterated her commitment to …": the speaker's own stance, by its noun. */
function ownsStance(verb: Token[], content: Token[]): boolean {
  const words = [...verb, ...content].filter((token) => !token.quoteMark);
  const owned = verb.length > 0 ? ownedObjectNoun(words) : -1;
  return owned !== -1 && words[owned].lemma in NOMINALIZED_STANCES;
}

/**
 * "the talks would open on March 10", "the results will be shared at its March 18 meeting": the clause dates an event
 * (`SCHEDULE_VERBS`) of a thing, not of a person or body that could will it ("the union would strike on June 9" is a
 * threat; "releases would stay at 25 until March" a position). Whoever holds it, a meeting or a consultation dated is a
 * schedule too ("the committee would hold a first hearing on March 20", "he would begin with separate meetings before
 * Friday", "would consult customers until June 11").
 */
function isSchedule(content: Token[]): boolean {
  const words = content.filter((token) => !token.quoteMark);
  const modal = words.findIndex((token) => token.normal === 'will' || token.normal === 'would');
  if (modal < 1) return false;
  const at = words[modal + 1]?.lemma === 'be' ? modal + 2 : modal + 1;
  const verb = words[at];
  if (verb === undefined || !SCHEDULE_VERBS.has(verb.lemma) || !words.slice(modal + 1).some(isDated)) return false;
  const subject = words.slice(0, modal);
  const head = subject[subject.length - 1];
  const namesSomeone = isSourceNoun(head) || GENERIC_PERSON_NOUNS.has(head.lemma);
  const thing = subject.every((token) => ['DET', 'ADJ', 'NOUN', 'NUM'].includes(token.pos)) && head.pos === 'NOUN' && !namesSomeone;
  return thing || scheduledVerbs(words, at).some((k) => holdsMeeting(words, k) || words[k].lemma === 'consult');
}

/**
 * A token of a date or time; wink reads "until June 11" as a span of time, which its month's name dates ("within six
 * months" is a deadline, not a date).
 */
const isDated = (token: Token) => token.entity === 'DATE' || token.entity === 'TIME' || (token.entity === 'DURATION' && token.pos === 'PROPN');

/**
 * The verb at `at` and those joined to it by "and" ("will take written comments until April 18 and hold a public
 * hearing on April 9"): each is dated by the schedule.
 */
function scheduledVerbs(words: Token[], at: number): number[] {
  return words.map((_, k) => k).filter((k) => k === at || (k > at && words[k].pos === 'VERB' && words[k - 1].normal === 'and'));
}

/**
 * The object of the verb at `verb` is a meeting ("hold a first hearing", "begin with separate meetings"); wink tags
 * some ordinals there as adverbs ("a first joint session").
 */
function holdsMeeting(words: Token[], verb: number): boolean {
  let k = verb + 1;
  if (words[k]?.normal === 'with') k += 1;
  while (k < words.length && ['DET', 'ADJ', 'NUM', 'ADV'].includes(words[k].pos)) k += 1;
  return words[k] !== undefined && MEETING_NOUNS.has(words[k].lemma);
}

/** Meetings a schedule dates: who holds one says when, not what they want. */
const MEETING_NOUNS = new Set(['meeting', 'hearing', 'session', 'sitting', 'consultation']);

/** Verbs that put forward what is disputed as so: "claimed Obama was the founder", "implied that she lied". */
const CONTENDING_VERBS = new Set(['claim', 'imply', 'concede', 'allege', 'insinuate']);

/** Words of the listener before an indirect question ("asked the Republican nominee how …"). */
const MAX_ASKED_LISTENER_TOKENS = 4;

/**
 * How a clause is said: by someone (`attributed`), as the main verb's stance (`stanceVerb`), as a question (`asks`),
 * or not at all (`unsaid`: "did not say whether …").
 */
export interface ClauseShape {
  attributed: boolean;
  stanceVerb?: boolean;
  asks?: boolean;
  unsaid?: boolean;
  /** Words of the speaker's own set out without quotation marks: the items of a list they set out. */
  spoken?: boolean;
}

/**
 * Lemmas joined by single spaces, punctuation kept as itself so patterns can stop at a comma. With `ownStance`, a
 * stance noun the verb's subject owns as its object ("reiterated her support for …", "repeated their demand that …") is
 * read as the verb: it is the subject's stance, where "the demands would make …" names someone else's.
 */
export function lemmaLine(tokens: Token[], { ownStance = false } = {}): string {
  // An adverb set off by commas ("did not, however, rule out") stands outside the clause the cues read.
  const words = withoutInterjections(tokens.filter((token) => !token.quoteMark));
  const owned = ownStance ? ownedObjectNoun(words) : -1;
  return words
    .map((token, k) => {
      if (token.normal === "n't") return 'not';
      if (k === owned && NOMINALIZED_STANCES[token.lemma]) return NOMINALIZED_STANCES[token.lemma];
      // "Rubio's proposed credit": a participle that modifies a noun is no verb of the clause, and cues no stance.
      if (isModifyingParticiple(words, k)) return token.normal;
      if (isUnrealPerfect(words, k)) return 'have_perfect';
      return token.pos === 'NOUN' && VERB_CUES_AS_NOUNS.has(token.lemma) && k !== owned ? `${token.lemma}_noun` : token.lemma;
    })
    .join(' ');
}

/** The tokens without their adverbs set off by commas (", however,") and those commas. */
function withoutInterjections(tokens: Token[]): Token[] {
  const aside = new Set(tokens.flatMap((_, k) => (isInterjectionAt(tokens, k) ? [k - 2, k - 1, k] : [])));
  return aside.size === 0 ? tokens : tokens.filter((_, k) => !aside.has(k));
}

/** Modals whose perfect tells a past that did not happen: "would have dropped", "could not have won". */
const UNREAL_MODALS = new Set(['would', 'could', 'might']);

/** The perfect's "have" after an unreal modal (`UNREAL_MODALS`), a verb after it: not "would have to", "would have the power". */
function isUnrealPerfect(tokens: Token[], k: number): boolean {
  if (tokens[k].lemma !== 'have' || !['VERB', 'AUX'].includes(tokens[k + 1]?.pos ?? '')) return false;
  const before = tokens[k - 1]?.normal === 'not' || tokens[k - 1]?.normal === 'never' ? k - 2 : k - 1;
  return UNREAL_MODALS.has(tokens[before]?.normal ?? '');
}

/**
 * Where the noun after the verb's possessive object determiner is ("reiterated | her | full support | for …"), or -1.
 * Not a subject with its own verb after it: "told me his support for Trump makes him honest".
 */
function ownedObjectNoun(tokens: Token[]): number {
  const determiner = tokens.findIndex((token) => POSSESSIVE_DETERMINERS.has(token.normal));
  if (determiner === -1 || tokens.slice(0, determiner).some((token) => token.pos !== 'VERB' && token.pos !== 'ADV')) return -1;
  let k = determiner + 1;
  while (tokens[k]?.pos === 'ADJ') k += 1;
  const phraseEnd = tokens.findIndex((token, at) => at > k && token.pos === 'PUNCT');
  const rest = tokens.slice(k + 1, phraseEnd === -1 ? tokens.length : phraseEnd);
  // "announced his intention to run": a verb after "to" completes the noun, and one after a determiner modifies ("a
  // united party"); any other is the noun's own clause.
  const finite = (token: Token, at: number) => (token.pos === 'VERB' || token.pos === 'AUX') && rest[at - 1]?.normal !== 'to' && rest[at - 1]?.pos !== 'DET';
  return tokens[k]?.pos === 'NOUN' && !rest.some(finite) ? k : -1;
}

/**
 * True when the main clause denies something. "not a secret", "will not shy away" assert instead (`LITOTES`), and a
 * negation after the first embedded-clause word ("what she cannot do") belongs to that clause.
 */
export function isNegated(line: string): boolean {
  const asserted = LITOTES.reduce((text, pattern) => text.replace(new RegExp(pattern.source, 'g'), ' '), line);
  return mainClauseWords(asserted).some((word) => NEGATION_WORDS.has(word));
}

/** The words of a lemma line before its first embedded-clause word ("what", "because", "if"): the main clause's. */
function mainClauseWords(line: string): string[] {
  const words = line.split(' ');
  const embedded = words.findIndex((word) => EMBEDDED_CLAUSE_WORDS.has(word));
  return embedded === -1 ? words : words.slice(0, embedded);
}

/** True when the clause opens with a restatement marker ("that is to say, …", "in other words, …"). */
export function isRestatement(content: Token[]): boolean {
  const line = lemmaLine(content);
  return RESTATEMENT_CUES.some((cue) => cue.test(line));
}

/** "still depended on the fund, but no longer before the water flowed": holding to part of a stance is changing it. */
const CONTRAST = /\b(but|however|yet|no longer|any longer|anymore)\b/;

/**
 * A second reported clause joined to the first ("… and that …"), or a second verb that restates a stance after one
 * that takes a stance ("said three years was not enough and repeated its demand for five"): the cue is the second's.
 */
const SECOND_REPORTED_CLAUSE = /\band (that\b|(also )?(repeat|reiterat|restat|reaffirm)\w*)/;

/** True when the writer says the speaker holds to a stance already taken ("she again ruled out …"). */
export function isReaffirmation(text: string, cues = REAFFIRMATION_CUES): boolean {
  const line = text.toLowerCase().replace(/[’‘]/g, "'");
  // "said the mayor would not be stood over and that the city's position had not changed": the second clause holds to
  // a stance, the first takes one; the cue counts only before either.
  // A clause that opens with its second verb ("and repeated that …") is that verb's own.
  const second = line.search(SECOND_REPORTED_CLAUSE);
  const subordinate = [line.search(SUBORDINATORS), second > 0 ? second : -1].filter((at) => at !== -1);
  const main = subordinate.length === 0 ? line : line.slice(0, Math.min(...subordinate));
  return !CONTRAST.test(line) && !ENDING_TERMS.test(line) && cues.some((cue) => cue.test(main));
}

/**
 * True when the statement reports something besides the stance it holds to, so that the writer's cue (`cue`: "still",
 * "repeated", "has said") does not make the whole a restatement: a first ("proposed for the first time"); a second verb
 * of its subject ("repeated her call for … and said the party would table a motion", "said the offer still stood and
 * dismissed the union's figure"); a clause "and that …" after a cue inside the first ("said the ban would take effect as
 * announced and that it expected …"). A recall's perfect or past time governs every verb and clause of its subject ("has
 * opposed … and demanded …", "said last month … and that …"), and so does "repeated that …".
 */
export function addsToHeldStance(text: string, cue: 'reaffirms' | 'reiterates' | 'recalls'): boolean {
  const line = text.toLowerCase();
  if (FIRST_TIME.test(line)) return true;
  if (cue === 'recalls') return false;
  // Not a clause that opens with its own "and said …".
  if (line.search(ADDED_VERB) > 0) return true;
  return cue === 'reaffirms' && ADDED_THAT.test(line) && !isReiteration(text);
}

/** A point the writer says is made for the first time. */
const FIRST_TIME = /\bfor the first time\b/;
/** A second verb of saying or of a stance, joined by "and" to the first: "… still stood and dismissed …". */
const ADDED_VERB = /\band (also )?(said|says|told|added|dismissed|proposed|offered|announced|urged|called|warned|rejected|demanded|vowed|pledged)\b/;
/** A second reported clause: "said … as announced and that it expected …". */
const ADDED_THAT = /\band that\b/;

/**
 * True when the writer says the speaker said it again, in the main clause ("repeated that …", or as a habit: "he often
 * says"; see `isReaffirmation`).
 */
export const isReiteration = (text: string): boolean => isReaffirmation(text, [REITERATION_CUE, HABIT_CUE]);

/**
 * True when the writer recalls a stance taken before: a cue of `RECALL_CUES` in the attribution's words (`frame`: "has
 * said", "said in April that", "In the past, … said"), or the speaker's own words open by recalling it (`content`: "I
 * said we would …"); and not a stance changed since ("has said he will vote for her, but …").
 */
export function isRecall(frame: string, text: string, content = ''): boolean {
  if (CONTRAST.test(text.toLowerCase())) return false;
  return RECALL_CUES.some((cue) => cue.test(frame)) || OWN_RECALL.test(content.toLowerCase().replace(/^[\s"“'‘]+/, ''));
}

/** The speaker's own words recall what they said ("“I said we would not talk with a gun on the table, and I meant it”"). */
const OWN_RECALL = /^(as )?(i|we) (have |had |'ve )?(always |repeatedly |already |also )?(said|told (you|them|him|her|everyone)|made (it )?clear)\b/;

/**
 * The clause without a subject that names a party by its title noun ("The union insists on …", "the airline is willing
 * to …"). Spoken by that party's representative, it stands for the speaker, whose name is kept out of claims too;
 * kept in, the first time a story says "the union" would look like new terms.
 */
export function withoutPartySubject(content: Token[]): Token[] {
  const [determiner, head, next] = content;
  const isParty = determiner?.normal === 'the' && head !== undefined && head.pos === 'NOUN' && isTitleNoun(head.lemma);
  const endsSubject = next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || next.normal === 'no');
  return isParty && endsSubject ? content.slice(2) : content;
}

/**
 * A clause that asserts something of its own: a finite verb and at least `MIN_PROPOSITION_WORDS` words. Said by
 * someone without a stance cue, it is a claim on the record ("Trump said the deal was a disaster"): who said what, for
 * the archive and the timeline, but no alert.
 */
function isProposition(content: Token[]): boolean {
  const words = content.filter(isWord);
  return words.length >= MIN_PROPOSITION_WORDS && words.some((token) => token.pos === 'VERB' || token.pos === 'AUX');
}

function longestQuote(tokens: Token[]): number {
  let longest = 0;
  let run = 0;
  for (const token of tokens) {
    if (token.quoted && isWord(token)) run += 1;
    else if (token.quoteMark) run = 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * The normalized short form of a claim: lemmas of content words (nouns, verbs, adjectives, numbers) without
 * stop words, the speaker's name, reporting verbs or dates; phrases and domain synonyms folded
 * (`PHRASE_SYNONYMS`, `SYNONYMS`), numbers as digits, `not` when negated; sorted, unique, space-joined.
 *
 * @example
 * normalizeClaim(tokensOf('Japan would first have to back out of its security pact with the U.S.'), {
 *   negated: false,
 *   vocabulary: claimVocabulary({ 'security pact': 'alliance' }),
 * })
 * // → 'alliance japan us withdraw'
 */
export function normalizeClaim(tokens: Token[], options: { negated: boolean; exclude?: Set<string>; vocabulary?: ClaimVocabulary }): string {
  const words = new Set<string>();
  const exclude = options.exclude ?? new Set<string>();
  const vocabulary = options.vocabulary ?? GENERAL_VOCABULARY;
  for (let i = 0; i < tokens.length; i += 1) {
    const number = readNumber(tokens, i, exclude);
    if (number) {
      words.add(number.word);
      i += number.length - 1;
      continue;
    }
    const phrase = foldPhrase(tokens, i, vocabulary);
    if (phrase) {
      if (phrase.word !== NEGATION_TOKEN) words.add(phrase.word);
      i += phrase.length - 1;
      continue;
    }
    const word = claimWord(tokens[i], exclude, vocabulary);
    if (word) words.add(word);
  }
  if (options.negated) words.add(NEGATION_TOKEN);
  return [...words].sort().join(' ');
}

/**
 * A run of number tokens read as one value, so "forty thousand", "40,000" and "40000" compare equal:
 * a scale word multiplies what precedes it ("30 million"), other numbers add ("twenty five", "twenty-five").
 */
function readNumber(tokens: Token[], i: number, exclude: Set<string>): { word: string; length: number } | undefined {
  let total = 0;
  let current = 0;
  let length = 0;
  for (let k = i; k < tokens.length; k += 1) {
    // "Twenty-six": the tokenizer splits at the hyphen.
    if (length > 0 && tokens[k].text === '-' && numberValue(tokens[k + 1] ?? tokens[k], exclude) !== undefined) {
      length += 1;
      continue;
    }
    const value = numberValue(tokens[k], exclude);
    if (value === undefined) break;
    const scale = NUMBER_SCALES.has(String(value)) && length > 0;
    if (scale) {
      current = (current || 1) * value;
      if (value >= 1000) {
        total += current;
        current = 0;
      }
    } else current += value;
    length += 1;
  }
  if (length === 0) return undefined;
  return { word: String(total + current), length };
}

function numberValue(token: Token, exclude: Set<string>): number | undefined {
  const isNumber = token.pos === 'NUM' || token.entity === 'CARDINAL';
  if (!isNumber || !isWord(token) || (token.entity && CLAIM_SKIP_ENTITIES.has(token.entity)) || exclude.has(token.normal)) return undefined;
  const lemma = token.lemma.replace(/,/g, '');
  const text = NUMBER_WORDS[lemma] ?? lemma;
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function foldPhrase(tokens: Token[], i: number, vocabulary: ClaimVocabulary): { word: string; length: number } | undefined {
  for (let length = vocabulary.longestPhrase; length >= 2; length -= 1) {
    const slice = tokens.slice(i, i + length);
    if (slice.length < length || slice.some((token) => !isWord(token))) continue;
    const word =
      vocabulary.phrases.get(slice.map((token) => token.lemma).join(' ')) ?? vocabulary.phrases.get(slice.map((token) => token.normal).join(' '));
    if (word) return { word, length };
  }
  return undefined;
}

/**
 * The words and phrases a claim folds into one token: the language's own (`PHRASE_SYNONYMS`, `SYNONYMS`) and a watch's
 * topic vocabulary on top ("Tokyo" → "japan", "security pact" → "alliance"), which wins where both name a word.
 * Topic keys match a word's lemma or its lower-case form.
 */
export interface ClaimVocabulary {
  words: ReadonlyMap<string, string>;
  phrases: ReadonlyMap<string, string>;
  longestPhrase: number;
}

const vocabularies = new WeakMap<Record<string, string>, ClaimVocabulary>();

export function claimVocabulary(topic: Record<string, string> = {}): ClaimVocabulary {
  const cached = vocabularies.get(topic);
  if (cached) return cached;
  const words = new Map(Object.entries(SYNONYMS));
  const phrases = new Map(Object.entries(PHRASE_SYNONYMS));
  for (const [key, value] of Object.entries(topic)) {
    const from = key.trim().toLowerCase().replace(/\s+/g, ' ');
    const to = value.trim().toLowerCase().replace(/\s+/g, '_');
    (from.includes(' ') ? phrases : words).set(from, to);
  }
  const longestPhrase = Math.max(MAX_PHRASE_WORDS, ...[...phrases.keys()].map((phrase) => phrase.split(' ').length));
  const vocabulary = { words, phrases, longestPhrase };
  vocabularies.set(topic, vocabulary);
  return vocabulary;
}

const GENERAL_VOCABULARY = claimVocabulary({});

function claimWord(token: Token, exclude: Set<string>, vocabulary: ClaimVocabulary): string | undefined {
  // "according to" is a preposition: its lemma "accord" would fold into "treaty" as the noun does.
  if (!isWord(token) || token.quoteMark || token.normal === 'according') return undefined;
  const lemma = token.lemma.replace(/^['’]+|['’]+$/g, '');
  const isNumber = token.pos === 'NUM' || token.entity === 'CARDINAL';
  if (!isNumber && (!CLAIM_POS.has(token.pos) || token.stop)) return undefined;
  if (token.entity && CLAIM_SKIP_ENTITIES.has(token.entity)) return undefined;
  // "Mr." is a stop word with its period too.
  if (CALENDAR_WORDS.has(lemma) || CLAIM_STOP_LEMMAS.has(lemma.replace(/\.$/, '')) || CLAIM_STANCE_LEMMAS.has(lemma) || REPORTING_VERBS.has(lemma)) return undefined;
  if (exclude.has(lemma) || exclude.has(token.normal)) return undefined;
  if (isNumber) return NUMBER_WORDS[lemma] ?? lemma.replace(/,/g, '');
  return vocabulary.words.get(lemma) ?? vocabulary.words.get(token.normal) ?? lemma;
}
