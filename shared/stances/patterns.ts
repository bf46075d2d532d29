/**
 * Every pattern, word list and threshold the stance rules use, in one place so they can be tuned together.
 *
 * Stance cues are regular expressions over the *lemma line* of a clause: wink-nlp lemmas, lower-cased, joined by
 * single spaces, with `n't` already read as `not` ("Japan first needs to change" → "japan first need to change").
 * Writing them over lemmas means one pattern covers "needs to", "needed to" and "need to".
 */
import type { StatementKind } from './types.js';

/** Lemmas of verbs that attribute speech ("X said …", "…, X said"). Also kept out of claims. */
export const REPORTING_VERBS = new Set([
  'say',
  'tell',
  'warn',
  'reiterate',
  'insist',
  'suggest',
  'urge',
  'underscore',
  'blame',
  'note',
  'add',
  'stress',
  'argue',
  'continue',
  'acknowledge',
  'emphasize',
  'emphasise',
  'state',
  'declare',
  'announce',
  'explain',
  'ask',
  'demand',
  'report',
  'remark',
  'reply',
  'respond',
  'vow',
  'pledge',
  'caution',
  'concede',
  'admit',
  'assert',
  'contend',
  'claim',
  'tweet',
  'write',
  'accuse',
  'charge',
  'deny',
  'confirm',
  'predict',
  'recall',
  'complain',
  'boast',
  'joke',
  'quip',
  'counter',
  'promise',
  'testify',
]);

/**
 * Reporting verbs that are also ordinary verbs; they attribute speech only in a narrower frame.
 * - `trailing`: only at the end of a clause ("…, Putin continued."), never "Russia will continue to seek".
 * - `clause`: only before a "that"-clause or at the end of one ("insisted that …", "…, he insisted"), never
 *   "insists on guaranteed volumes", which is the stance itself.
 */
export const REPORTING_VERB_FRAMES: Record<string, 'trailing' | 'clause'> = {
  continue: 'trailing',
  add: 'clause',
  insist: 'clause',
  demand: 'clause',
  note: 'clause',
  state: 'clause',
  claim: 'clause',
  charge: 'clause',
  deny: 'clause',
  confirm: 'clause',
  recall: 'clause',
  counter: 'clause',
};

/** Two-word reporting verbs: lemma of the verb → particles that make it one ("called on", "called for"). */
export const PHRASAL_REPORTING_VERBS: Record<string, string[]> = { call: ['on', 'for'], point: ['out'] };

/**
 * Verbs whose subject takes a stance by doing them ("Sanders has rebuffed pressure", "the ministry plans to …"): a
 * sentence with no verb of saying is the subject's stated position when its main verb is one of these.
 */
export const STANCE_VERBS = new Set([
  'want',
  'plan',
  'seek',
  'intend',
  'refuse',
  'reject',
  'rebuff',
  'oppose',
  'support',
  'back',
  'endorse',
  'insist',
  'demand',
  'vow',
  'pledge',
  'promise',
  'threaten',
  'urge',
  'propose',
  'offer',
  'decline',
  'favor',
  'favour',
  'welcome',
  'condemn',
  'criticize',
  'criticise',
  'defend',
  'dismiss',
  'hope',
  'expect',
  'fear',
  'believe',
]);

/** Verbs that news outlets, not people, do: a lone capitalised subject of these is an outlet ("Kommersant reported"). */
export const OUTLET_VERBS = new Set(['report', 'write', 'publish']);

/** Institutions named like people that compromise does not know as places ("the Kremlin said"). */
export const INSTITUTION_NAMES = new Set(['kremlin', 'pentagon', 'vatican', 'elysee', 'downing']);

/** Verbs whose first object is the listener, not the content ("told reporters that …"). */
export const LISTENER_VERBS = new Set(['tell', 'assure', 'inform', 'remind']);

/** Subject pronouns that refer back to the last named speaker. */
export const SPEAKER_PRONOUNS = new Set(['he', 'she']);

/**
 * Head nouns of descriptions that stand for someone already named ("the Russian leader", "the union").
 * Resolved to a named speaker whose role or name contains the head; `GENERIC_TITLES` may fall back to the last one.
 */
export const TITLE_NOUNS = new Set([
  'leader',
  'president',
  'premier',
  'minister',
  'chancellor',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'chief',
  'executive',
  'chairman',
  'chairwoman',
  'secretary',
  'envoy',
  'ambassador',
  'negotiator',
  'union',
  'airline',
  'company',
  'association',
  'government',
  'ministry',
  'commissioner',
  'commission',
]);

/**
 * Head nouns of subjects that are sources without a name ("officials said", "a spokesman for the ministry told
 * reporters", "the committee called on …"): roles and institutions of public life, not any one story's.
 */
export const SOURCE_NOUNS = new Set([
  'official',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'aide',
  'adviser',
  'advisor',
  'source',
  'analyst',
  'expert',
  'economist',
  'lawmaker',
  'legislator',
  'diplomat',
  'prosecutor',
  'lawyer',
  'attorney',
  'police',
  'ministry',
  'department',
  'agency',
  'committee',
  'government',
  'campaign',
  'union',
  'commission',
  'council',
  'court',
  'board',
  'administration',
  'office',
  'embassy',
  'authority',
  'regulator',
  'negotiator',
  'representative',
  'executive',
  'leader',
  'organizer',
  'organiser',
  'activist',
  'critic',
  'supporter',
  'opponent',
  'resident',
  'worker',
  'voter',
]);

/** Titles that, used with "the", mean the person the article is about when no role matches. */
export const GENERIC_TITLES = new Set(['leader']);

/** Words that make up a role or title before a name ("Russian President", "union leader", "Deputy Chief Cabinet Secretary"). */
export const ROLE_WORDS = new Set([
  'president',
  'prime',
  'minister',
  'leader',
  'secretary',
  'chief',
  'deputy',
  'executive',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chairman',
  'chairwoman',
  'chair',
  'director',
  'head',
  'governor',
  'ambassador',
  'envoy',
  'official',
  'negotiator',
  'premier',
  'chancellor',
  'general',
  'mayor',
  'senator',
  'foreign',
  'defense',
  'defence',
  'cabinet',
  'ceo',
  'founder',
  'commissioner',
  'king',
  'queen',
  'mr',
  'mrs',
  'ms',
  'dr',
  'councillor',
  'councilor',
  'councilman',
  'councilwoman',
  'representative',
  'rep',
  'sen',
  'gov',
  'judge',
  'justice',
  'speaker',
  'sheriff',
  'rev',
  'reverend',
  'professor',
  'prof',
  'lt',
  'col',
  'capt',
  'sgt',
  'adm',
  'admiral',
  'gen',
  'sir',
  'dame',
  'pope',
  'cardinal',
  'bishop',
  'archbishop',
  'rabbi',
  'imam',
  'attorney',
]);

/** Sentence openings that name the topic before the speaker ("Regarding the New START treaty, Putin said …"). */
export const TOPIC_LEADS = /^(regarding|concerning|on|as for|asked about|in connection with|about)\b/i;

/** Kinds from the most to the least specific: the first whose cue matches wins. */
export type StanceKind = Exclude<StatementKind, 'claim'>;
export const STANCE_PRIORITY: StanceKind[] = ['condition', 'refusal', 'demand', 'offer', 'concern', 'position'];

/** Every kind, the order a reader acts on them: a digest lists one day's statements this way. */
export const KIND_ORDER: readonly StatementKind[] = [...STANCE_PRIORITY, 'claim'];

/** Kinds a digest reports when new or changed: every stance; a bare claim is kept on the record only. */
export const ALERT_KINDS: ReadonlySet<StatementKind> = new Set(STANCE_PRIORITY);

/** Cues per kind, over the lemma line of the attributing verb plus the clause. A claim has none: it is what is left. */
export const STANCE_CUES: Record<StanceKind, RegExp[]> = {
  condition: [
    /\bunless\b/,
    /\bonly if\b/,
    /\bif\b.*\bthen\b/,
    /\bnot until\b/,
    /\b(would|will|must|first) (first )?have to\b/,
    /\bhave to (?!(understand|say|admit|recognize|remember|note|acknowledge)\b)/,
    /(?<!\b(be|that|which) )\bneed to\b/,
    /\bmust\b/,
    /\bcondition be not (\w+ )?in place\b/,
    /\b(as a|the|a) (pre)?condition for\b/,
    /\bprerequisite\b/,
    /\b(would|will) require\b/,
    /\bbefore\b[^,;]*\b(can|could)\b/,
  ],
  refusal: [
    /\b(will|would) not (?!(only|just|shy|hesitate|rule out|be|have)\b)/,
    /(?<!\bnot )\brefuse\b/,
    /(?<!\bnot )\brule out\b/,
    /(?<!\bnot )\breject\b/,
    /\bnot accept\b/,
  ],
  demand: [
    /\burge\b/,
    /\bcall (on|for)\b/,
    /\bdemand\b/,
    /\binsist on\b/,
    /\bask (\S+ ){1,3}to\b/,
    /\bpress (\S+ ){1,3}to\b/,
  ],
  offer: [/\bready to\b/, /\bwilling to\b/, /\boffer\b/, /\bprepared to\b/, /\bopen to\b/, /\bpropose\b/],
  concern: [
    /\bconcern(ed)?\b/,
    /\bworr(y|ied)\b/,
    /\bthreat(en)?\b/,
    /\bfear\b/,
    /\bdanger\b/,
    /\bwarn\b/,
    /\b(will|would|could) be affect\b/,
  ],
  position: [
    /\b(will|would|should|shall|can|could|may|might|must)\b/,
    /\b(want|hope|seek|intend|aim|wish|prefer|plan|believe|expect|oppose|blame)\b/,
    /\b(important|necessary|natural|essential|impossible|possible|unlikely|likely|unacceptable|acceptable|harmful|difficult|challenging|hard)\b/,
  ],
};

/**
 * Stance verbs that are also nouns. As nouns they name someone else's stance ("the demands would make the airline
 * uncompetitive"), so the lemma line writes them as `<lemma>_noun` and the verb cues do not fire.
 */
export const VERB_CUES_AS_NOUNS = new Set(['demand', 'insist', 'urge', 'refuse']);

/** A condition dropped or softened: reported as a condition with negative polarity, and never as a repeat. */
export const WITHDRAWAL_CUES: RegExp[] = [
  /\bno longer (insist on|demand|require|seek|ask for|call for|make)\b/,
  /\bdrop (its|their|the|his|her) (demand|condition|insistence)\b/,
  /\babandon (its|their|the|his|her) (demand|condition)\b/,
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
];

/** Content parts of speech kept in a claim. */
export const CLAIM_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);

/**
 * Lemmas too generic to tell two claims apart, which wink's stop list misses: auxiliaries, light and aspectual verbs
 * ("continues to pose a threat" is about the threat), filler nouns.
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

/** Day and month names, dropped from claims even when wink does not tag them as a date. */
export const CALENDAR_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/**
 * Multi-word expressions of the language folded before single words, longest first (lemma sequences → one claim
 * token). Keyed by space-joined lemmas. A watch adds its own (`synonyms` in the config).
 */
export const PHRASE_SYNONYMS: Record<string, string> = {
  'phase out': 'stop',
  'per cent': 'percent',
  'back out': 'withdraw',
  'pull out': 'withdraw',
  'walk away': 'withdraw',
  'united states': 'us',
  'united kingdom': 'uk',
  'european union': 'eu',
  'no longer': 'not',
  'rule out': 'refuse',
  'break off': 'suspend',
  'stumble block': 'obstacle',
  'stumbling block': 'obstacle',
  'sticking point': 'obstacle',
};

/** Longest phrase in `PHRASE_SYNONYMS`, in words; bounds the look-ahead. */
export const MAX_PHRASE_WORDS = 3;

/**
 * The language's synonyms folded into one claim token, so a reworded statement still compares equal: general words of
 * agreements, talks, leaving, pay, concern and obstacles. A story's own vocabulary (places, capitals for countries, its
 * institutions) is the watch's `synonyms` in the config, never a rule here.
 */
export const SYNONYMS: Record<string, string> = {
  treaty: 'treaty',
  pact: 'treaty',
  accord: 'treaty',
  agreement: 'treaty',
  deal: 'treaty',
  talk: 'talks',
  talks: 'talks',
  negotiation: 'talks',
  negotiate: 'talks',
  dialogue: 'talks',
  dialog: 'talks',
  discussion: 'talks',
  withdraw: 'withdraw',
  withdrawal: 'withdraw',
  leave: 'withdraw',
  exit: 'withdraw',
  quit: 'withdraw',
  alliance: 'alliance',
  ally: 'alliance',
  'u.s.': 'us',
  'u.s': 'us',
  us: 'us',
  usa: 'us',
  sign: 'conclude',
  conclude: 'conclude',
  resume: 'resume',
  restart: 'resume',
  pay: 'pay',
  wage: 'pay',
  salary: 'pay',
  guaranteed: 'guarantee',
  flying: 'fly',
  disputed: 'dispute',
  guarantee: 'guarantee',
  concern: 'concern',
  worry: 'concern',
  threat: 'concern',
  threaten: 'concern',
  fear: 'concern',
  danger: 'concern',
  challenge: 'obstacle',
  challenging: 'obstacle',
  difficult: 'obstacle',
  hurdle: 'obstacle',
  impede: 'obstacle',
  hinder: 'obstacle',
  obstacle: 'obstacle',
  influence: 'affect',
  impact: 'affect',
  examine: 'examine',
  look: 'examine',
  study: 'examine',
  weigh: 'examine',
  consider: 'examine',
  tonne: 'ton',
  percent: 'percent',
};

/** Number words read as digits, so "five islands" and "5 islands" compare equal. */
export const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
};

/** Number words that multiply what precedes them ("forty thousand" → 40000, "30 million" → 30000000). */
export const NUMBER_SCALES = new Set(['100', '1000', '1000000', '1000000000']);

/**
 * Openers that announce a statement without making one ("I want to say that …"): removed before the cues are read.
 * What follows a preface must carry a cue of its own; being a long quotation is not enough, since the preface is what
 * made the passage sound like a statement ("I want to say that here there are lots of questions").
 */
export const PREFACE_CUES: RegExp[] = [/\b(i|we) (want|would like|wish) to (say|stress|note)\b/];

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
 * Words an attributed clause needs, with a finite verb, to be a stated position without a stance cue: "the deal was a
 * disaster" (5) is one; "he met Abe" (3) is an event the reporter relays, and shorter clauses are fragments.
 */
export const MIN_PROPOSITION_WORDS = 5;

/** Tokens between a reporting verb and its "that" ("said at an annual year-end news conference that …"). */
export const MAX_ADJUNCT_TOKENS = 10;

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
