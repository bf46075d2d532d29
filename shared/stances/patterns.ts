/**
 * The stance rules' patterns and thresholds, tuned together: stance cues, negation, restatement and preface cues, the
 * kinds and their order, and the bounds of the reader. The words of saying are in lexicon.ts, a claim's vocabulary in
 * vocabulary.ts.
 *
 * Stance cues are regular expressions over the *lemma line* of a clause: wink-nlp lemmas, lower-cased, joined by
 * single spaces, with `n't` already read as `not` ("Japan first needs to change" → "japan first need to change").
 * Writing them over lemmas means one pattern covers "needs to", "needed to" and "need to".
 */
import { CALLED_OFF_ACTIONS, EXPECTING_ADJECTIVES, GIVEN_UP_STANCES, HALTING_VERBS, WITHDRAWING_VERBS } from './lexicon.js';
import type { StatementKind } from './types.js';

/** A regular expression's alternatives from a set of words ("drop|abandon|withdraw"). */
const alternatives = (words: Set<string>) => [...words].join('|');

/** Sentence openings that name the topic before the speaker ("Regarding the New START treaty, Putin said …"). */
export const TOPIC_LEADS = /^(regarding|concerning|on|as for|asked about|in connection with|about)\b/i;

/**
 * Waiting for better terms ("is holding out for control of the finance ministry"), over the lemma line; not for a time
 * ("held out for three weeks").
 */
export const HOLDING_OUT_FOR = 'hold out for\\b(?! (\\S+ )?(minute|hour|day|week|month|year)\\b)';

/** A source asking not to be named ("asked not to be identified"), after its verb, over lemmas. */
export const ANONYMITY_REQUEST = 'not to be (name|identify|quote)\\b';

/** A party moving its own terms ("raised its offer", "lowered their demand"), over the lemma line. */
export const TERMS_MOVED = '(raise|lower|cut|reduce|increase|improve|sweeten|soften|revise|trim) (its|their|his|her)';

/** What forbids rather than who opposes: "is against the law", "against the rules" (lemmas). */
export const AGAINST_FACTS = ['law', 'rule', 'constitution', 'odds'];

/**
 * Being against something, in the lemma line: "is firmly against any new tax"; not "had been rigged against her", "up
 * against a strong field", nor against one of `AGAINST_FACTS`.
 */
export const BEING_AGAINST = new RegExp(
  `\\bbe ((still|now|also|firmly|strongly|staunchly|adamantly|vehemently|squarely|totally|completely|absolutely) )?against (?!the (${AGAINST_FACTS.join('|')})\\b)`,
);

/** Verbs that take support back ("withdrew her support for", "rescinded his endorsement of"), as a lemma alternation. */
export const SUPPORT_WITHDRAWING_VERBS = '(withdraw|drop|pull|rescind|revoke|retract)';

/** Kinds from the most to the least specific: the first whose cue matches wins. */
export type StanceKind = Exclude<StatementKind, 'claim'>;
export const STANCE_PRIORITY: StanceKind[] = ['condition', 'refusal', 'demand', 'offer', 'concern', 'position'];

/** Every kind, the order a reader acts on them: a digest lists one day's statements this way. */
export const KIND_ORDER: readonly StatementKind[] = [...STANCE_PRIORITY, 'claim'];

/** Kinds a digest reports when new or changed: every stance; a bare claim is kept on the record only. */
export const ALERT_KINDS: ReadonlySet<StatementKind> = new Set(STANCE_PRIORITY);

/**
 * A past that did not happen, over the lemma line: "would have dropped", "could not have won", "might have been" (the
 * perfect's "have" after these modals is `have_perfect` there); not an obligation ("would have to pay") nor a holding
 * ("would have the power").
 */
const UNREAL_PAST = '\\b(would|could|might) (not |never )?have_perfect\\b';

/**
 * The "if" clause of a past that did not happen, up to its comma or its main clause: "… would have dropped to his knees
 * if Trump had asked him to", "if the council had asked, the state would have paid". What it tells was never asked
 * or offered, so its words cue no kind ("ask him to" is no demand).
 */
export const UNREAL_IF = new RegExp(`\\bif\\b[^,;]*?(?=${UNREAL_PAST}|[,;]|$)`, 'g');

/** Whether a lemma line tells a past that did not happen (`UNREAL_PAST`). */
export const TELLS_UNREAL_PAST = new RegExp(UNREAL_PAST);

/** What "until" names when it names a time, not an act: "until May", "until Monday", "until the end of the year". */
const TIME_WORDS = '\\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\\w*|today|tomorrow|next|then|now|further|end|start|beginning|spring|summer|autumn|fall|winter';

/**
 * What ends something kept in place or going on ("the ban would stay in place until the association shelved its
 * timetable", "the strike will go on unless the company pays", "… continue until they pay"): terms, which a bare "stays
 * in place" is not, nor a date ("until May", "until the end of the year"); such a clause is no reaffirmation, and a
 * condition. After "continue", only a clause with a pronoun subject is sure to be terms: "until the party's convention"
 * is a time, and the lemma line does not tell a noun from a verb.
 */
export const ENDING_TERMS = new RegExp(
  `\\b(remain|remains|stay|stays) in (place|force|effect) (unless\\b|until (?!(\\S+ )?(${TIME_WORDS})\\b))|\\b(continue|go on) (unless|until (they|we|he|she|it|you|i))\\b`,
);

/** Cues per kind, over the lemma line of the attributing verb plus the clause. A claim has none: it is what is left. */
export const STANCE_CUES: Record<StanceKind, RegExp[]> = {
  condition: [
    /\bunless\b/,
    /\bonly if\b/,
    /\bif\b.*\bthen\b/,
    // "… a floor fight if the party does not adopt the platform": what happens unless the other side acts.
    /\bif\b[^,;.]*\bnot\b/,
    // "no deal without a pay rise": nothing unless something.
    /\bno (\S+ )?\S+ without\b/,
    // The same fronted: "Without a guarantee on jobs, there will be no deal".
    /\bwithout\b[^;,]*, (there (will |would )?be )?no (\S+ )?(deal|agreement|accord|settlement|talk|peace|treaty)\b/,
    /\bnot until\b/,
    // An ultimatum: "restore the bonus or face a strike", "we want five years, or we will oppose the deal".
    /\bor face\b/,
    /(?<!\bwhether\b.*), or (else )?(we|i|they|he|she|you) (will|would|shall)\b/,
    // "will not sign a new contract until the debt is paid", "not a cent until the audit is done".
    new RegExp(`\\bnot (\\S+ ){1,6}until (?!(\\S+ )?(${TIME_WORDS}|after|before)\\b)`),
    // The other connectives of a condition (lemmas): "provided that the fund is signed", "so long as", "on condition that",
    // "only once the dam is full". "For as long as the reservoir fills" is time, not a condition.
    /\bprovide that\b/,
    /(?<!\bfor )\b(as|so) long as\b/,
    /\bon (the )?condition that\b/,
    /\bonly (when|once|after)\b/,
    // "would only return to talks once the lockout ended": "only" before the verb, its terms after it (not "he only
    // learned of it when …", a time).
    /\b(will|would|can|could) only( [^\s,;]+){1,6} (once|when|after)\b/,
    // Terms traded: "would accept the offer in exchange for a pay freeze", "contingent on a review of the budget".
    /\bin (exchange|return) for\b/,
    /\bcontingent (up)?on\b/,
    // An obligation on someone: "Japan would first have to withdraw", "the city must pay first". Not one the speaker
    // takes on ("we have to be tougher", "I must say"): that is their position.
    /(?<!\b(we|i) (\S+ )?)\b(would|will|must|first) (first )?have to\b/,
    /(?<!\b(we|i) (\S+ )?)\bhave to (?!(understand|say|admit|recognize|remember|note|acknowledge)\b)/,
    /(?<!\b(be|that|which|we|i) )\bneed to\b/,
    /(?<!\b(we|i) )\bmust\b/,
    /\bcondition be not (\w+ )?in place\b/,
    /\b(as a|the|a) (pre)?condition for\b/,
    // Terms put on a stance: "made the freeze a condition of her support", "conditioned her support on …", "tied her
    // support to …".
    /\bmake (\S+ ){1,5}(a|the) (pre)?condition (of|for)\b/,
    /\bcondition (\S+ ){0,3}(support|backing|vote|approval|endorsement|signature) (\S+ ){0,4}on\b/,
    /\btie (\S+ ){0,2}(support|backing|vote|approval|endorsement|signature) (\S+ ){0,4}to\b/,
    ENDING_TERMS,
    // Terms spelt out after a colon: "set two conditions: …", "her terms: …" (not "said of Reyes's conditions: …").
    /(?<!\bof (\S+ ){0,3}|\bin )\b((pre)?condition|term|requirement) (\S+ ){0,6}:/,
    /\bprerequisite\b/,
    // Terms spelt out by "is" or "include": "The union's conditions include a cap on class sizes".
    /^((pre)?condition|term) (be|include)\b/,
    // "could raise its quota if Canberra agrees to …": terms on what the other side does. Not "as if", "even if", or an
    // indirect question ("asked if", "wonder if"); nor a past that did not happen ("would have dropped to his knees if
    // he had asked"): no terms left to meet.
    new RegExp(`^(?!.*${UNREAL_PAST}).*(?<!\\b(as|even|ask|wonder|see|know|check|what|doubt|unclear|clear) )\\bif\\b`),
    /\b(would|will) require\b/,
    /\b(would|will|could|must) (depend|hinge) (up)?on\b/,
    /\bbefore\b[^,;]*\b(can|could)\b/,
  ],
  refusal: [
    /\b(will|would) not (?!(only|just|shy|hesitate|rule out|be|have(_perfect)?)\b)/,
    // "the levy was a non-starter", "is dead on arrival", "a new contract is out of the question".
    /\bnon-?starter\b|\bdead on arrival\b|\bout of the question\b/,
    // Refusing to rule something out keeps it open, as "did not rule out" does: not a refusal.
    /(?<!\bnot )\brefuse\b(?! to rule out\b)/,
    // Not "did not rule out", "refused to rule out", "declined to rule out", nor "stopped short of ruling out".
    /(?<!\b(not|short of|refuse to|decline to) )\brule out\b/,
    // Not what the speaker asks of others: "called on voters to reject …" is a demand.
    /(?<!\bnot |\b(urge|call on|ask|press|want) (\S+ ){1,3}to )\breject\b/,
    /\bnot accept\b/,
    /(?<!\bnot )\bturn down\b/,
    // Not ready for it yet: "was not ready to endorse him", "is not willing to risk it".
    /\bnot (\S+ )?(ready|willing|prepare) to\b/,
    // "cannot currently support Trump", "has no intention of", "is not negotiable", "not one cent above inflation".
    /\bcan not (\S+ )?(support|accept|endorse|back|sign)\b/,
    /\bno intention of\b/,
    /\b(not |non-?)negotiable\b/,
    /\bnot (one|a) (single )?(cent|penny|dollar|inch)\b/,
    // Holding back from terms, or refusing past a point: "balked at the demand", "drew a line at any cut".
    /\bbalk at\b/,
    /\bdraw (a|the) (\S+ )?line (at|on|under)\b/,
    // Withheld for now: "has yet to endorse him"; declined: "declined to endorse the plan" (declining to comment or
    // say is no stance, see `NO_COMMENT_CUE`).
    /\bhave yet to (endorse|back|support|sign|accept|commit|approve|embrace)\b/,
    /(?<!\bnot )\bdecline to (endorse|back|support|sign|accept|commit|approve|embrace|join|drop|withdraw|meet|negotiate)\b/,
  ],
  demand: [
    /\burge\b/,
    // A proposal to act together, as what was said opens (after the verb of saying): "Then let us make the rules
    // equally strong", "Let's meet"; not "they let us down", nor a turn of speech ("let's see", "let's be clear").
    /^((say|add|tell|write) )?((then|so|now|and|but|instead|together) )?let us (?!(down|see|say|face|suppose|assume|imagine)\b|be (\S+ )?(clear|honest|frank)\b)\S+/,
    // "is recommending that members ratify the deal": what others should do.
    /\brecommend\b/,
    /\bcall (on|upon|for)\b/,
    /\bdemand\b/,
    // "added a demand to the union's list: …" (not "said of Reyes's latest demand: …").
    /(?<!\bof (\S+ ){0,3})\b(demand_noun|ultimatum) (\S+ ){0,6}:/,
    // "The union's main demand is a 9 percent raise", "its demands include …".
    /^(demand_noun|request|priority) (be|include)\b/,
    /\binsist on\b/,
    new RegExp(`\\b${HOLDING_OUT_FOR}`),
    /\bask (\S+ ){1,3}to\b/,
    // Directives: "ordered Norvale to stop the transfers", "instructed the agency to halt the tender", "told the
    // agency to halt the tender" (the listener left out of what was said).
    /\b(order|instruct) (\S+ ){1,3}to\b/,
    /\btell (not )?to (?!be\b)/,
    // Asking to be let in or heard: "asked to take part as an observer", "asked to be named formateur"; not asked by
    // someone else ("was asked to", "when asked to").
    /(?<!\b(be|when|if|after|once|until) )\bask to\b/,
    // Wanting someone else to act: "wants Australia to stop using the names", "expects the city to pay" (not a forecast:
    // "expected most of the fleet to be back").
    /\bwant (?!to\b)(\S+ ){1,3}to\b/,
    /\bexpect (?!to\b)(\S+ ){1,3}to (?!be\b)/,
    /\bpress (\S+ ){1,3}to\b/,
    /\blobby (\S+ ){1,3}to\b/,
    // "appealed for calm", "pleaded with the council to reconsider", "challenged the governor to a debate".
    /\bappeal (to (\S+ ){1,3})?for\b/,
    /\bplead with (\S+ ){1,3}to\b/,
    /\bchallenge (\S+ ){1,3}to\b/,
    // The least the speaker will take: "would settle for nothing less than 5 percent", "will accept nothing short of a
    // full apology" (not "is nothing short of a revolution").
    /\b(accept|settle for|take) nothing (less than|short of)\b/,
    // An ultimatum: "set a deadline of Friday for a new offer", "gave the company until Friday to improve its offer".
    /\bset (a|an|the) (\S+ )?deadline\b/,
    // The ultimatum moved: "pushed back her deadline for a deal by two months", "extended its deadline to Friday".
    /\b(push back|extend|postpone|delay|bring forward) (\S+ ){0,2}deadline\b/,
    /\bgive (\S+ ){1,3}until\b/,
    // What it is time for someone to do: "it was time for the council to act", "it is high time to end the strike".
    /\bbe (high |about |past )?time (for (\S+ ){1,4})?to\b/,
    // Terms put on the table: "lodged a claim for a 9 percent rise".
    /\b(lodge|file|table|submit) (\S+ ){1,2}(claim|demand(_noun)?) (for|of|that)\b/,
    // Terms moved: "lowered its salary demand to 4.5 percent".
    new RegExp(`\\b${TERMS_MOVED} (\\S+ ){0,2}(demand|claim)(_noun)?\\b`),
    // What the speaker needs, said as a pseudo-cleft: "What we need now is a fund that is operational by 2027".
    /^what (\S+ ){1,2}need (\S+ )?be\b/,
  ],
  // "prepared to" as the lemma line writes it ("be prepare to", "be now prepare to"); "we will prepare to leave" is no
  // offer.
  offer: [/\bclear the (way|path) for\b/, /\bopen the door to\b/, /\bready to\b/, /\bwilling to\b/, /\boffer\b/, /\bbe (now |still |not )?prepare to\b/, /\bopen(ness)? to\b/, /(?<!\bno )\broom (to|for) (discuss|negotiate|negotiation|compromise|move|movement|manoeuvre|maneuver|flexibility)\b/, /\bpropose\b/, new RegExp(`\\b${TERMS_MOVED} (\\S+ ){0,2}(proposal|bid)\\b`), new RegExp(`\\b${TERMS_MOVED} (proposed|offered) (cap|quota|ceiling|limit|figure|rate|fee|price|share|target)\\b`)],
  concern: [
    /\bconcern(ed)?\b/,
    /\bworr(y|ied)\b/,
    /\bthreat(en)?\b/,
    /\bfear\b/,
    /\bdanger\b/,
    /\bwarn\b/,
    // "cautioned that …": the verb, its "that" left out of the clause, as "warned" is.
    /(?<!\bof )\bcaution\b/,
    // A threat kept in hand: "reserves the right to respond in proportion".
    /\breserve (\S+ )?right to\b/,
    /\b(will|would|could) be affect\b/,
  ],
  position: [
    // Not a past that did not happen ("protesters would have been treated more harshly"); "would have to pay" is an
    // obligation, "would have the power" a claim to hold.
    /\b(will|should|shall|can|may|must)\b/,
    new RegExp(`\\b(would|could|might)\\b(?! (not |never )?have_perfect\\b)`),
    // Not "results are expected on Friday", "the vote is planned for March": a forecast or a schedule, nobody's wish.
    /\b(want|hope|seek|intend|aim|wish|prefer|believe|oppose|blame)\b/,
    new RegExp(`\\b(${EXPECTING_ADJECTIVES.join('|')}) (about|of|that)\\b`),
    /(?<!\bbe )\b(plan|expect)\b/,
    // Backing or rejecting something: "said he supported a non-interventionist policy"; accepting terms: "Drusia
    // has accepted a 24 percent share", "agreed that every boat would carry an observer".
    /\b(support|endorse|favor|favour|reject|condemn|praise|accept|agree)\b/,
    // Being against something: "said she was firmly against any new tax".
    BEING_AGAINST,
    // Terms settled with the other side: "has reached a provisional agreement with the union", "struck a deal".
    /\b(reach|strike|sign|conclude) (a|an|the) (\S+ )?(agreement|deal|settlement|accord)\b/,
    // A commitment: "pledged to keep the buses running", "vowed to fight on"; an intention: "has every intention of"
    // ("no intention of" is a refusal).
    /\b(vow|pledge|promise|swear) to\b/,
    /\bevery intention of\b/,
    // Insisting or arguing that something is so holds it ("insisted the increase was the only responsible way", "argued
    // he is the stronger candidate"); so does making it clear ("made it clear to House Democrats that she has their
    // backs").
    /\b(insist|argue|contend)\b/,
    // Saying one holds a stance by being its partisan: "said he is a strong supporter of legal immigration" (a writer's
    // "X is a vocal critic of" has no verb of saying and is no statement).
    /\bbe (a|an) (\S+ ){0,3}(supporter|opponent|critic|advocate|proponent|champion|backer|foe) of\b/,
    // A stance held as a state, or said again by its noun: "remained committed to the talks", "reiterated Japan's
    // opposition to tariff-free beef".
    /\b(remain|stay|be) (\S+ )?commit to\b/,
    /\b(reiterate|repeat|restate|reaffirm) (\S+ ){0,3}(support|opposition|objection|commitment|rejection) (to|for|of)\b/,
    // A judgment said again by its noun: "reiterated his frustration over the failure of Congress to act".
    /\b(reiterate|repeat|restate) (\S+ ){0,2}(frustration|dismay|disgust|anger|outrage|disappointment) (over|about|at|with)\b/,
    // A limit the speaker will not let be crossed: "said that was a red line".
    /\bred line\b/,
    // wink reads "outer" as "out".
    /\b(out|outer|upper|absolute) limit\b|\bbottom line\b/,
    // A figure the speaker calls the limit, as the clause's last word: "nine percent is the floor", "that is our
    // ceiling" (not "the minimum the law allows", which says what the law does).
    /\bbe (the|our|their|its|my) (absolute |bare )?(floor|ceiling|minimum|maximum)(?= ?[.,;:!?]| ?$)/,
    /\bmake (it )?(\S+ )?clear\b/,
    // Questioning whether something holds doubts it: "questioned whether the plan would work".
    /\b(question|doubt) (why|whether|if|how)\b/,
    /\b(important|necessary|natural|essential|impossible|possible|unlikely|likely|unacceptable|acceptable|harmful|difficult|challenging|hard|negotiable|nonnegotiable|non-negotiable)\b/,
    // An opinion given as one's own: "We think 1.5 percent is the right number", "I feel that the offer is fair" (not
    // "I felt helpless", a feeling).
    /\b(i|we) (\S+ )?(think(?! about| of)|feel that)\b/,
    // A judgment passed on what one finds: "I find it troubling when …", "finds this unacceptable" (wink gives some of
    // these words their verb's lemma).
    /\bfind (it|this|that|these|those) (\S+ )?(trouble|troubling|disturb|disturbing|worry|worrying|encourage|encouraging|unacceptable|regrettable|outrageous|appalling|reassure|reassuring)\b/,
  ],
};

/**
 * Stance verbs that are also nouns. As nouns they name someone else's stance ("the demands would make the airline
 * uncompetitive"), so the lemma line writes them as `<lemma>_noun` and the verb cues do not fire. So do modals read as
 * nouns: the month ("opened in May"), "the will of the riders".
 */
export const VERB_CUES_AS_NOUNS = new Set(['demand', 'insist', 'urge', 'refuse', 'support', 'favor', 'favour', 'praise', 'may', 'will', 'can', 'must']);

/**
 * Stance nouns that a speaker owns as the object of the verb of saying, read as their verb: "announced his intention
 * to run" intends, "reiterated her commitment to the plan" commits, "voiced their opposition to the levy" opposes.
 */
export const NOMINALIZED_STANCES: Record<string, string> = {
  intention: 'intend',
  intent: 'intend',
  commitment: 'commit',
  opposition: 'oppose',
  objection: 'object',
  rejection: 'reject',
  refusal: 'refuse',
  insistence: 'insist',
  endorsement: 'endorse',
  willingness: 'willing',
  readiness: 'ready',
  determination: 'determined',
};

/**
 * Not what someone else must drop ("the union must first drop its demand", "urged the city to drop its demand"): that
 * is a condition on them. A body's own decision still is one ("the board voted to withdraw its deadline").
 */
const NOT_ASKED_OF_OTHERS = '(?<!\\b(must|should|first|would|will|could|can) )(?<!(?<!\\b(vote|decide|agree|choose) (\\S+ ){0,2})\\bto )';
const OWNER = '(its|their|the|his|her)';

/**
 * A stance held back: "stopped short of calling for a ban", "stopped short of fully endorsing her": the speaker did not
 * take the stance named after it, whose cue ("calling for" a demand) is not the speaker's.
 */
export const STOPPING_SHORT = /\bstop short of\b/;

/** A condition dropped or softened: reported as a condition with negative polarity, and never as a repeat. */
export const WITHDRAWAL_CUES: RegExp[] = [
  /\bno longer (insist|demand|require|seek|ask for|call for|make)\b/,
  // "shelved plans to …" names no owner: the subject's own.
  new RegExp(`${NOT_ASKED_OF_OTHERS}\\b(${alternatives(WITHDRAWING_VERBS)}) (${OWNER} )?(\\S+ ){0,2}(${alternatives(GIVEN_UP_STANCES)}|red line)(_noun)?\\b`),
  new RegExp(`\\bcall (off ${OWNER} (\\S+ )?|${OWNER} (\\S+ )?(${alternatives(CALLED_OFF_ACTIONS)}) off\\b)`),
  new RegExp(`${NOT_ASKED_OF_OTHERS}\\b(${alternatives(HALTING_VERBS)}) ${OWNER} (\\S+ )?(${alternatives(CALLED_OFF_ACTIONS)})\\b`),
];

/**
 * Cues strong enough to keep a sentence nobody is quoted as saying (speaker null). Weaker cues there ("is needed
 * to", "hopes") are usually the reporter's background, and a false stance becomes a false alert.
 */
export const UNATTRIBUTED_CUES: RegExp[] = [
  /\bunless\b/,
  /\bonly if\b/,
  /\bnot until\b/,
  /\b(as a|the) (pre)?condition for\b/,
  /\bwould (first )?have to\b/,
  /(?<!\bnot )\brefuse to\b/,
  /(?<!\bnot )\brule out\b/,
  /\bno longer insist on\b/,
];

/** Tokens (wink `normal` form) that negate what follows. */
export const NEGATION_WORDS = new Set(['not', "n't", 'no', 'never', 'neither', 'nor', 'none', 'nothing', 'nobody', 'nowhere']);

/**
 * Words opening an embedded clause. Only a negation before the first of them negates the stance: in "examine what
 * she can do, and cannot do" or "it depends on who is not in office" the negation belongs to the embedded clause.
 */
export const EMBEDDED_CLAUSE_WORDS = new Set([
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'whether',
  'because',
  'although',
  'though',
  'while',
  'when',
  'where',
  'how',
  'why',
  'if',
  'unless',
]);

/** Negations that assert rather than deny ("will not shy away from visiting" means he will visit). */
export const LITOTES: RegExp[] = [
  /\bnot (shy away|hesitate|rule out|only|just)\b/,
  /\bnot a secret\b/,
  /\bnot refuse\b/,
  /\bnot (be )?(without|unlike)\b/,
  /\bor not\b/,
  // "had nothing but praise for": all praise; "will accept nothing less than 9 percent": at least that.
  /\bnothing but\b/,
  /\b(nothing|no) (less|short) (than|of)\b/,
];

/** Content parts of speech kept in a claim. */
export const CLAIM_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);

/**
 * Lemmas too generic to tell two claims apart, which wink's stop list misses: auxiliaries, light and aspectual verbs
 * ("continues to pose a threat" is about the threat), verbs of stating a stance held, filler nouns.
 */
export const CLAIM_STOP_LEMMAS = new Set([
  'need',
  'have',
  'be',
  'do',
  'call',
  'get',
  'make',
  'use',
  'let',
  'remain',
  'pose',
  'seem',
  'appear',
  'become',
  // Verbs that state a stance held ("voiced her opposition to", "reaffirmed his support for"): the stance is the noun.
  'voice',
  'express',
  'reaffirm',
  'reiterate',
  'restate',
  'thing',
  'lot',
  'way',
  'also',
  'mr',
  'ms',
  'mrs',
]);

/** Named-entity types whose tokens never belong in a claim (when something was said is metadata). */
export const CLAIM_SKIP_ENTITIES = new Set(['DATE', 'TIME', 'DURATION']);

/**
 * Openers that announce a statement without making one ("I want to say that …"): removed before the cues are read.
 * What follows a preface must carry a cue of its own; being a long quotation is not enough, since the preface is what
 * made the passage sound like a statement ("I want to say that here there are lots of questions").
 */
export const PREFACE_CUES: RegExp[] = [/\b(i|we) (want|would like|wish) to (say|stress|note)\b/];

/**
 * Saying nothing, in the main verb: "declined to comment", "refused to say whether …", "declined to describe it as …",
 * "declined to be interviewed".
 * Kept on the record as a claim (who was asked), never a stance. Refusing to discuss or talk is left a refusal: "refused
 * to discuss any figure but nine percent" takes a stance on the figure.
 */
/**
 * Someone who could not be asked ("was not available for comment", "could not be reached", "did not respond to a
 * request for comment"), over the lemma line: who was sought, on the record as a claim, never a stance. Not a clause
 * of condition: "countries should vote if consensus could not be reached" is a stance on what then.
 */
export const UNREACHABLE_CUE =
  /\b(not |un)available for comment\b|(?<!\b(if|unless|until|once|when)\b[^,;]*)\bnot be reach\b|\bnot (immediately )?(respond|reply) to (a |an |several |repeated )?(request|message|call|email|inquiry)|\bnot (immediately )?return (\S+ ){0,2}(call|message|email|request)/;

export const NO_COMMENT_CUE =
  /\b(decline|refuse) to (be interview|say|tell|comment|define|specify|elaborate|describe|answer|respond|detail|disclose|reveal|name|identify|characterize|characterise|confirm|speculate|explain|reply|predict)\b/;

/**
 * A no-comment in the speaker's own words: "“We don't comment on hypotheticals.”", "“No comment.”", "“We will not
 * negotiate in public.”"; not one that goes on to say something ("would not comment on the merits but would appeal").
 * Giving no details is one too: "He does not offer further details".
 */
export const NO_COMMENT_SAID =
  /\b(do|will|would|can) not (comment|speculate) on\b(?!.*\bbut\b)|\bnot (offer|give|provide) (\S+ ){0,2}(detail|specific|explanation)s?\b|^(say )?no comment\b|\bnot (go to )?(negotiate|bargain) (in public|(through|thru|in) the (press|media|medium))\b(?!.*\b(but|and that)\b)/;

/**
 * Talk about the talk, the whole of what a clause says (over the lemma line): "I want to begin with an announcement",
 * "Mr Reyes, I'll start with you", "I want to be clear about that tonight". Not "I will be honest: …", whose words after
 * the colon say something, nor "we are going to start winning again".
 */
export const TALK_ABOUT_TALK =
  /^((say|add|tell \S+) )?([^,]+ , )?(i|we) (want to|would like to|will|be go to) (be (clear|honest|frank|brief|direct|blunt)( about (that|this|it)| with you)?|begin|start)( with (you|that|this|(a|an) \S+))?( (now|today|tonight|here|first))? ?[.!]?$/;

/**
 * Openers that mark a restatement of what the speaker has just said, over the lemma line of the clause. "that it to
 * say" is a common transcription slip for "that is to say" (a wire copy of a Putin quote has it).
 */
export const RESTATEMENT_CUES: RegExp[] = [
  /^that (be|it|'s) to say\b/,
  /^in other word\b/,
  /^to put it (another way|differently|simply)\b/,
  /^i repeat\b/,
  /^as i (say|have say)\b/,
];

/**
 * Words by which a writer says a speaker holds to a stance already taken ("she again ruled out …", "he still warns …",
 * "reiterated his call", "the vote will go ahead as planned"), over the clause's lower-case text up to its first
 * subordinate clause: "if funding fell short again" says nothing of the speaker.
 */
export const REAFFIRMATION_CUES: RegExp[] = [
  // Not an action done again ("would close them again", "did not intend to raise the offer again": what a modal or
  // "to" leads to, done once more): the speaker holds to a stance again ("again ruled out", "would again reject"). Not a
  // passive that describes something ("buildings still served by lead").
  /\bstill\b(?! \w+ed by\b)|\bonce more\b|(?<!\b(them|it|him|us|me) )(?<!\b(to|will|would|could|can|might|may|shall|should|must) (\w+ ){1,5})\bagain\b/,
  /\b(reiterat|reaffirm|restat)\w*/,
  /\brepeat(s|ed|ing)? (his|her|their|its|a|the|that|since)\b/,
  /\bas (planned|promised|announced)\b/,
  /\b(has|have|had) not (moved|budged|changed|shifted|wavered)\b/,
  // Refusing to move from where one stands: "she would not budge on cod", "refused to back down".
  /\b((will|would|do|does|did) not|won't|wouldn't|don't|doesn't|didn't|refus(e|es|ed|ing) to) (budge|waver|back down|give ground)\b/,
  /\b(stood|stands|stand|standing) by\b/,
  /\bremain(s|ed)? (\w+ly )?(opposed|committed|determined|firm|adamant|unmoved)\b/,
  // Going on holding a stance ("the board continued to recommend the offer"), not an action going on.
  /\bcontinu(e|es|ed|ing) to (support|back|recommend|oppose|insist|demand|reject|refuse|favou?r|endorse|urge)\b/,
  // Not in a clause that states terms ("wants a guarantee that the discount will stay in place"); see `ENDING_TERMS`.
  /^(?:(?!\bthat\b).)*\b(remain|remains|stay|stays) in (place|force|effect)\b/,
  /\b(will|would) stand\b(?! (up|down|for|aside|trial))/,
];

/** A verb that says the speaker said it again: "repeated that …", "reiterated her demand", "restated its opposition". */
export const REITERATION_CUE = /\b(repeat(s|ed|ing)?|reiterat\w*|restat\w*|reaffirm\w*) (that|his|her|its|their|the)\b/;

/** What the speaker says as a habit, said again in so many words: "he often says", "she regularly tells the story of". */
export const HABIT_CUE = /\b(often|frequently|regularly|routinely|always|usually) (says|tells|argues|notes|insists|claims|warns|jokes|recalls)\b|\blikes to (say|tell|boast)\b/;

/** A time gone by that a recall names: a month, "last week", "earlier this year". */
const PAST_TIMES = '(january|february|march|april|may|june|july|august|september|october|november|december|last (week|month|year|spring|summer|autumn|fall|winter)|earlier this (week|month|year))';

/** A time gone by that needs no preposition: "said last month that", "told the Herald earlier this week". */
const RECENT_TIMES = '(last (week|month|year)|earlier this (week|month|year))';

/**
 * The writer recalls a stance taken before, in the words around what was said: a perfect ("has said", "had threatened
 * to"), "once" before the verb ("once warned of …"), a past time after it ("said in April that", "said last month
 * that", "said at the time that"), or one the sentence opens with ("In the past, …").
 */
export const RECALL_CUES: RegExp[] = [
  /\b(has|have|had) (long |repeatedly |previously |already |also |since |consistently )?(said|called|argued|insisted|demanded|sought|threatened|opposed|urged|warned|rejected|refused|vowed|promised|pledged|proposed|offered|backed|supported|ruled out|made clear)\b/,
  // "once warned of …": at some time gone by.
  /\bonce (said|called|argued|insisted|demanded|sought|threatened|opposed|urged|warned|rejected|refused|vowed|promised|pledged|proposed|offered|backed|supported)\b/,
  new RegExp(`\\b(said|told|wrote|called|argued|insisted|demanded|threatened|warned|rejected|vowed|promised|proposed|offered|urged|refused|agreed) (\\S+ ){0,3}((in|on) ${PAST_TIMES}|${RECENT_TIMES}|at the time)\\b`),
  new RegExp(`^(in the past|at the time|previously|in ${PAST_TIMES}|${PAST_TIMES}),`),
];

/** Words that open a subordinate clause: a reaffirmation cue after one is not the speaker's. */
export const SUBORDINATORS = /\b(if|unless|when|whenever|because|although|though|after|before|while|until|since|once(?! (more|again)))\b/;

/**
 * Evaluation adjectives that frame a clause rather than state its terms ("it is entirely natural that commitments be
 * observed", "it is important that our peoples are resolved"): the statement's kind records the evaluation, and the
 * clause carries the terms. Left out of claims. Volition verbs stay: in "Russia wants to conclude a treaty", `want` is
 * what sets the aspiration apart from the topic's own words.
 */
export const CLAIM_STANCE_LEMMAS = new Set(['natural', 'important', 'necessary', 'essential', 'obvious', 'clear']);

/** The token a negation leaves in a claim. */
export const NEGATION_TOKEN = 'not';

/**
 * Quoted words needed for a bare quotation to count as a stated position: one or two words are labels ("hikiwake",
 * "very pleased", "disappointed"); three already make a claim with its object ("have “undermined the basics” of …").
 */
export const MIN_QUOTED_WORDS = 3;

/**
 * Words an attributed clause needs, with a finite verb, to be a claim on the record without a stance cue: "the deal was a
 * disaster" (5) is one, and so is "the event was canceled" (4); "he met Abe" (3) is an event the reporter relays, and
 * shorter clauses are fragments. At 4 rather than 5, PolNeAR train gains 25 statements with the right speaker (60 in
 * all) and dev's coverage goes from 0.736 to 0.739, accuracy unchanged.
 */
export const MIN_PROPOSITION_WORDS = 4;

/**
 * Tokens of an adjunct: one that opens a sentence ("At an annual year-end news conference in Moscow, …"), or one after
 * a verb of saying before a clause that may be embedded in what it reports (`isEmbedded`).
 */
export const MAX_ADJUNCT_TOKENS = 10;

/**
 * Tokens between a verb of saying and its "that" ("said at an annual year-end news conference that …", "noted in a
 * guest column in Saturday’s New York Times that …").
 */
export const MAX_REPORTED_PHRASE_TOKENS = 12;

/**
 * Tokens of an opening adjunct that starts with a span of time ("Eight days before students were due to vote on
 * whether to withhold their payments, the union …") or a contrast ("While Trump has yet to endorse House Speaker Paul
 * Ryan’s re-election bid, …"): such clauses run longer than other adjuncts. Raising the limit for every opening adjunct
 * added more wrong speakers than right ones on PolNeAR train; for a contrast, 4 statements no one's and 1 wrong fewer.
 */
export const MAX_TIME_SPAN_ADJUNCT_TOKENS = 20;

/** Longest ", who …," clause skipped between a name and its verb ("Toshimitsu Motegi, who is visiting …, said"). */
export const MAX_APPOSITIVE_TOKENS = 25;

/** Longest noun phrase read as a source after its verb (", said senior administration officials"). */
export const MAX_SOURCE_PHRASE_TOKENS = 6;

/** Longest role before a name ("Deputy Chief Cabinet Secretary" is four). */
export const MAX_ROLE_TOKENS = 5;

/** Longest listener after "told" ("told the Russian news agency Interfax that"). */
export const MAX_LISTENER_TOKENS = 5;

/** Words a clause needs before "…, X said" for the verb to close it; fewer ("Asked, Putin said …") and the verb opens one. */
export const MIN_CONTENT_WORDS = 3;

/**
 * Names the NLP name finder misses ("Toshimitsu Motegi") are taken from a capitalised run of at most this many words;
 * longer runs are organisations and events ("Asia-Pacific Economic Cooperation Summit").
 */
export const MAX_NAME_WORDS = 3;

/**
 * A run of text with no sentence end is read up to this many characters; the rest of the run is dropped. The longest
 * sentences in news copy run to a few hundred characters, and no real quote is a 20 MB sentence: a longer run is a
 * flattened table or list, or a broken page. Attribution looks back and ahead within a sentence, so its cost grows
 * with the square of the sentence: one 200,000-character run took 105 s before this cap.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/**
 * Characters of an article the reader takes, in paragraph order; the rest is not read. ~35,000 words, more than any
 * news article; a runaway page still costs seconds, not minutes, and wink's and compromise's documents stay small.
 */
export const MAX_ARTICLE_READ_CHARS = 200_000;
