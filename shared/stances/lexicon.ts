/**
 * The words attribution reads, the grammar of saying in English: verbs of saying and their frames, stance verbs,
 * pronouns, titles and role nouns. No story's names or places: those come from a watch's config.
 */

/** Lemmas of verbs that attribute speech ("X said …", "…, X said"). Also kept out of claims. */
export const REPORTING_VERBS = new Set([
  'say',
  'tell',
  'warn',
  'reiterate',
  'insist',
  'suggest',
  'urge',
  'recommend',
  'agree',
  'underscore',
  'blame',
  'note',
  'add',
  'stress',
  'argue',
  'continue',
  'press',
  'answer',
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
  'speculate',
  'question',
  'wonder',
  'maintain',
  'observe',
  'mention',
  'allege',
  'lament',
  'proclaim',
  'indicate',
  'signal',
  'hint',
  'imply',
  'assure',
  'retort',
  'exclaim',
  'scoff',
  'opine',
  'surmise',
  'disclose',
  'reveal',
  'post',
]);

/**
 * Reporting verbs that are also ordinary verbs; they attribute speech only in a narrower frame.
 * - `trailing`: only at the end of a clause ("…, Putin continued.") or before "that" ("continued that …"), never
 *   "Russia will continue to seek".
 * - `clause`: only before a reported clause, with or without "that" ("insisted that …", "insists the party must …"),
 *   or at the end of one ("…, he insisted"); never "insists on guaranteed volumes", which is the stance itself.
 */
export const REPORTING_VERB_FRAMES: Record<string, 'trailing' | 'clause'> = {
  continue: 'trailing',
  // "“…?” Hannity pressed." asks again, "“…,” Trump answered." replies; "pressed for a vote", "answered the phone" report
  // nothing.
  press: 'trailing',
  answer: 'trailing',
  add: 'clause',
  insist: 'clause',
  demand: 'clause',
  recommend: 'clause',
  agree: 'clause',
  note: 'clause',
  state: 'clause',
  claim: 'clause',
  charge: 'clause',
  deny: 'clause',
  confirm: 'clause',
  recall: 'clause',
  counter: 'clause',
  question: 'clause',
  wonder: 'clause',
  maintain: 'clause',
  observe: 'clause',
  mention: 'clause',
  // "polls indicate a close race" is no one speaking; "she indicated that she would …", "signaled he would …" are.
  indicate: 'clause',
  signal: 'clause',
  // "hinted that she could run"; "hinted at a run" names no clause.
  hint: 'clause',
  // "implied that she had lied"; "the cuts imply higher fares" is no one speaking.
  imply: 'clause',
  // "disclosed that the city is prepared to pay"; "revealed a new logo" reports nothing.
  disclose: 'clause',
  reveal: 'clause',
  // "posted on Facebook that …", "“…,” she posted."; "posted a loss" reports nothing.
  post: 'clause',
};

/**
 * Verbs that report speech only when they close a quotation, right after it and its speaker, at the end of the clause:
 * "“…,” Hannity started.", "“…,” concluded Ms. Lima.", "“…!” he shouted." Anywhere else they are ordinary verbs ("the
 * talks started", "the board concluded its review"). Kept apart from `REPORTING_VERBS`, whose lemmas claims leave
 * out: "start" and "repeat" are words of a stance.
 */
export const QUOTE_CLOSING_VERBS = new Set([
  // "“…,” the email read": what a document reads is what it says.
  'read',
  'start',
  'begin',
  'conclude',
  'repeat',
  'post',
  'confess',
  'mock',
  'bark',
  'shout',
  'yell',
  'cry',
  'plead',
  'elaborate',
  'interject',
  'interrupt',
  'laugh',
  'chuckle',
  'sigh',
  'muse',
  'snap',
  'recount',
  // "“…,” remembered Tom Reyes, her former spokesman."
  'remember',
  'summarize',
  'summarise',
  'concur',
  'reason',
  // Manners of saying that tag a quotation as "said" does ("“…,” an angry Lima retaliated").
  'retaliate',
  'brag',
  'gush',
  'enthuse',
  'rave',
  'fume',
  'rage',
  'groan',
  'grumble',
  'gripe',
  'protest',
  'deadpan',
  'intone',
  'rejoin',
  'whisper',
  'mutter',
  'murmur',
  'thunder',
  'bellow',
  'roar',
  'scream',
  'chant',
  'exhort',
  'taunt',
  'tease',
  'sneer',
  'snarl',
  'hiss',
]);

/** What opens the clause a `clause`-frame verb reports: "insisted that …", "questioned whether …". */
export const REPORTED_CLAUSE_OPENERS = new Set(['that', 'whether', 'why', 'if', 'how']);

/** Words that open an indirect question or a clause of how or what ("asked whether …", "according to how …"). */
export const QUESTION_OPENERS = new Set(['whether', 'if', 'how', 'what', 'why', 'when', 'where', 'who', 'which']);

/** Two-word reporting verbs: lemma of the verb → particles that make it one ("called on", "called for"). */
export const PHRASAL_REPORTING_VERBS: Record<string, string[]> = { call: ['on', 'upon', 'for'], point: ['out'], shoot: ['back'], fire: ['back'] };

/**
 * What someone issues in writing, which then says or does what they say ("a statement saying …", "a letter urging …"),
 * and what a body passes by vote ("passed a motion warning that …", "adopted a resolution calling on …").
 */
export const STATEMENT_NOUNS = new Set(['statement', 'letter', 'post', 'tweet', 'message', 'release', 'memo', 'communique', 'email', 'motion', 'resolution']);

/** Past forms of `PHRASAL_REPORTING_VERBS` that do not end in "-ed" ("shot back"). */
export const IRREGULAR_PAST_FORMS: Record<string, string> = { shot: 'shoot' };

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
  'praise',
  'applaud',
  'hail',
  'commend',
  'laud',
  'champion',
  'advocate',
  'embrace',
  'affirm',
  'reaffirm',
  'condemn',
  'deplore',
  'regret',
  'repudiate',
  'disavow',
  'criticize',
  'criticise',
  'denounce',
  'slam',
  'attack',
  'lambaste',
  'lambast',
  'blast',
  'assail',
  'excoriate',
  'castigate',
  'chastise',
  'rebuke',
  'chide',
  'berate',
  'deride',
  'mock',
  'ridicule',
  'skewer',
  'scold',
  'decry',
  'distance',
  'apologize',
  'apologise',
  'dispute',
  'defend',
  'dismiss',
  'downplay',
  'caution',
  'hope',
  'expect',
  'fear',
  'worry',
  'believe',
]);

/**
 * Verbs that give up a stance when their object names one ("dropped its demand", "withdrew his offer"), and "call
 * off" a threatened action ("called the vote off"): see `GIVEN_UP_STANCES`, `CALLED_OFF_ACTIONS`.
 */
export const WITHDRAWING_VERBS = new Set(['drop', 'abandon', 'withdraw', 'shelve', 'scrap', 'ditch']);
/** What a speaker can drop: a stance named as a noun, a plan too ("shelved plans to change the mandate"). */
export const GIVEN_UP_STANCES = new Set(['demand', 'request', 'condition', 'insistence', 'offer', 'threat', 'objection', 'opposition', 'proposal', 'claim', 'deadline', 'ultimatum', 'plan']);
/** What a speaker can call off: an action threatened to get their way. */
export const CALLED_OFF_ACTIONS = new Set(['strike', 'boycott', 'vote', 'walkout', 'protest', 'action', 'blockade']);
/** Verbs that stop a threatened action when their object names one ("suspended the strike"), as "call off" does. */
export const HALTING_VERBS = new Set(['suspend', 'cancel', 'postpone']);
/**
 * Verbs that put an event on a calendar ("the talks would open on …", "results will be released on …", "take effect").
 * Not "close": "the depot would close in May" is most often someone's decision.
 */
export const SCHEDULE_VERBS = new Set(['open', 'begin', 'start', 'resume', 'end', 'finish', 'run', 'last', 'come', 'arrive', 'take', 'hold', 'release', 'publish', 'share', 'announce', 'present', 'deliver', 'post', 'convene', 'reconvene', 'continue', 'conclude', 'expire', 'consult']);

/**
 * Adjectives after "be" or "remain" that hold a stance on what follows "to" ("is willing to spread the rise", "is not
 * prepared to", "remains opposed to the sale", "is open to talks").
 */
export const STANCE_ADJECTIVES = new Set(['willing', 'unwilling', 'prepared', 'ready', 'determined', 'reluctant', 'opposed', 'committed', 'open', 'averse', 'resistant']);
/** Adjectives of hope, or of its lack, for what is to come: "is hopeful that", "optimistic about", "pessimistic of". */
export const EXPECTING_ADJECTIVES = ['hopeful', 'optimistic', 'pessimistic'];
/**
 * Adjectives after "be" that insist on the "that" clause after them ("is adamant that the depot stays open"), or fear
 * it ("is concerned that the plan will raise costs").
 */
export const INSISTING_ADJECTIVES = new Set(['adamant', 'insistent', 'confident', 'convinced', 'concerned', 'worried', ...EXPECTING_ADJECTIVES]);
/**
 * Adjectives after "be" that judge what follows "of" or "about" ("is critical of the plan", "is skeptical about"), or
 * look to it ("remained hopeful about keeping the club").
 */
export const JUDGING_ADJECTIVES = new Set(['critical', 'skeptical', 'sceptical', 'wary', 'supportive', 'dismissive', 'contemptuous', ...EXPECTING_ADJECTIVES]);

/** Two-word stance verbs: lemma → particles that make it one ("did not rule out", "played down", "railed against"). */
export const PHRASAL_STANCE_VERBS: Record<string, string[]> = {
  rule: ['out'],
  play: ['down'],
  push: ['for'],
  rail: ['against'],
  rip: ['into'],
  shrug: ['off'],
  // "appealed for calm"; "appeals to a demographic" attracts it.
  appeal: ['for'],
  brush: ['aside', 'off'],
  side: ['with'],
  lean: ['toward', 'towards'],
  // "turned down the request": declined it.
  turn: ['down'],
};

/** Verbs that news outlets, not people, do: a lone capitalised subject of these is an outlet ("Kommersant reported"). */
export const OUTLET_VERBS = new Set(['report', 'write', 'publish']);

/** Reporting verbs whose content is what someone else did ("accused Corvel of …", "blamed Tokyo for …"): claims. */
export const ACCUSING_VERBS = new Set(['accuse', 'blame']);

/** Particles that make a stance verb another verb: "backed out of the deal", "blasted off", "hails from Ohio". */
export const OTHER_VERB_PARTICLES = new Set(['out', 'off', 'from', 'away']);

/** Verbs whose first object is the listener, not the content ("told reporters that …"). */
export const LISTENER_VERBS = new Set(['tell', 'assure', 'inform', 'remind']);

/**
 * Directives that attribute what the listener is to do ("ordered Norvale to stop the transfers", "instructed the
 * agency to halt the tender"). Unlike `REPORTING_VERBS` they stay in claims: "the order" is often what a story is about.
 */
export const DIRECTIVE_VERBS = new Set(['order', 'instruct']);

/** Verbs that attribute: of saying, and directives. */
export const ATTRIBUTING_VERBS = new Set([...REPORTING_VERBS, ...DIRECTIVE_VERBS]);

/** Words that open a subordinate clause before the main one ("While he's said …, Sanders must …"). */
export const FRONTED_CLAUSE_OPENERS = new Set(['while', 'although', 'though', 'whereas', 'since', 'because', 'after', 'before', 'when', 'once', 'as', 'if', 'unless', 'despite']);

/** The speaker's own subject pronouns, in their own words: "I", and "we" for their side. */
export const FIRST_PERSON_PRONOUNS = new Set(['i', 'we']);

/** Personal pronouns that can be a clause's subject: the speaker or their side ("we"), or a body ("it"). */
export const SUBJECT_PRONOUNS = new Set(['i', 'we', 'he', 'she', 'it', 'they']);

/** Subject pronouns that refer back to the last named speaker. */
export const SPEAKER_PRONOUNS = new Set(['he', 'she']);

/** Their possessives: "his statement", "her spokesman", "his second ad". */
export const SPEAKER_POSSESSIVES = new Set(['his', 'her']);

/**
 * Offices that speak for the body they hold office in, by that body's common noun: a deputy mayor for the city, a school
 * board chair for the district. The watch's side named "City of Holbury" is found under "city" (see `aliasesOf`). Not
 * a councillor, who may lead the opposition to the mayor, nor a title several bodies use ("Chancellor" of a university
 * or of Germany, a superintendent of the next district).
 */
export const OFFICE_BODIES: [RegExp, string][] = [
  [/\bmayor\b/, 'city'],
  [/\bschool board\b/, 'district'],
];

/** Nouns for who speaks on someone's behalf ("a spokeswoman for the governor"): see `findPrincipals`. */
export const SPOKESPERSON_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson']);

/**
 * A lowercase noun of people or bodies in the singular ("aides" → "aide", "spokesmen" → "spokesman", "secretaries" →
 * "secretary"), for matching a label's head against these sets. Words in "ss", "us" or "is" are taken as singular
 * ("press", "caucus", "analysis").
 */
export function singularOf(word: string): string {
  if (/men$/.test(word)) return word.replace(/men$/, 'man');
  if (/[^aeiou]ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ss|us|is)$/.test(word)) return word;
  return word.replace(/s$/, '');
}

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
  ...SPOKESPERSON_NOUNS,
  'official',
  'chief',
  'executive',
  'chairman',
  'chairwoman',
  'chair',
  'secretary',
  'envoy',
  'ambassador',
  'negotiator',
  'union',
  'firm',
  'party',
  'company',
  'group',
  'association',
  'government',
  'ministry',
  'commissioner',
  'commission',
]);

/** A title, prefixed or not ("the co-chair", "the vice-chairman": the prefix says which of several holds it). */
export const isTitleNoun = (lemma: string): boolean => TITLE_NOUNS.has(lemma.replace(TITLE_PREFIX, ''));

const TITLE_PREFIX = /^(co|vice|deputy|acting)-/;

/** People who post on a platform ("a Twitter user wrote", "one user on Weibo posted"), not the platform. */
export const PLATFORM_USERS = new Set(['user', 'commenter']);

/**
 * Head nouns of subjects that are sources without a name ("officials said", "a spokesman for the ministry told
 * reporters", "the committee called on …"): roles and institutions of public life, not any one story's.
 */
export const SOURCE_NOUNS = new Set([
  'official',
  ...SPOKESPERSON_NOUNS,
  'aide',
  'adviser',
  'advisor',
  'source',
  'analyst',
  'strategist',
  'consultant',
  'pollster',
  'observer',
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
  'team',
  'union',
  'commission',
  'council',
  'court',
  'board',
  'administration',
  'management',
  'leadership',
  'office',
  'embassy',
  'authority',
  'city',
  'district',
  'county',
  'university',
  'utility',
  // Bodies that decide and speak as one: "the provincial assembly called on …", "the coast guard said".
  'assembly',
  'senate',
  'parliament',
  'legislature',
  'cabinet',
  'guard',
  'army',
  'military',
  'navy',
  'group',
  'association',
  'federation',
  'coalition',
  'alliance',
  'bloc',
  'league',
  'club',
  // A party's parts: "the youth wing passed a motion …", "the regional branch said".
  'wing',
  'branch',
  'party',
  'organization',
  'organisation',
  'institute',
  'foundation',
  'chamber',
  'tribunal',
  'panel',
  'bureau',
  // An ad and who speaks in it, whose sponsor `findAdSponsors` finds; associates, whose owner a pronoun or a name
  // after the verb gives (`findPronounOwners`, `findRetinueOwners`).
  'ad',
  'narrator',
  'announcer',
  'associate',
  ...PLATFORM_USERS,
  // Businesses and institutions by their kind: "the airline said", "the bank said in a filing".
  'company',
  'firm',
  'airline',
  'carrier',
  'bank',
  'lender',
  'insurer',
  'hospital',
  'school',
  'college',
  'retailer',
  'automaker',
  'carmaker',
  'manufacturer',
  'operator',
  'employer',
  'airport',
  'broadcaster',
  'developer',
  'contractor',
  'supplier',
  'producer',
  'exporter',
  'importer',
  'charity',
  'regulator',
  'negotiator',
  // Who brokers talks between sides: "the mediators said", "the arbitrator ruled".
  'mediator',
  'arbitrator',
  'representative',
  'executive',
  'director',
  'leader',
  'organizer',
  'organiser',
  'activist',
  'critic',
  'supporter',
  'opponent',
  'proponent',
  'detractor',
  'skeptic',
  'sceptic',
  'resident',
  'worker',
  'voter',
  // People speaking for themselves as what they are in the story: "witnesses said", "protesters said". Not someone's
  // allies or backers, whom "the senator's allies say" would make the senator's voice.
  'witness',
  'insider',
  'protester',
  'protestor',
  'demonstrator',
  // Armed groups speak as what they are: "the rebels said", "militants said in a statement".
  'rebel',
  'insurgent',
  'militant',
  'separatist',
  'guerrilla',
  'mourner',
  'advocate',
  'investigator',
  'researcher',
  'scientist',
  'historian',
  'scholar',
]);

/**
 * Adjectives and participles that qualify a source by what it knows or whom it is near: "people familiar with", "close
 * to", "briefed on", "involved in".
 */
export const POSTMODIFYING_ADJECTIVES = new Set(['familiar', 'close', 'knowledgeable', 'privy', 'loyal', 'opposed', 'sympathetic', 'briefed', 'involved', 'informed']);

/** Nouns for people of no role, which such an adjective makes a source ("a person familiar with the plan"). */
export const GENERIC_PERSON_NOUNS = new Set(['person', 'people']);

/** Titles that, used with "the", mean the person the article is about when no role matches. */
export const GENERIC_TITLES = new Set(['leader']);

/**
 * Heads of descriptions that stand for one person already named, however the article titled them: "the Vermont
 * senator", "the Republican presidential candidate", "the businessman". Resolved like a `TITLE_NOUNS` head, and to
 * the last named person when no one's role holds it.
 */
export const PERSON_DESCRIPTION_HEADS = new Set([
  'senator',
  'governor',
  'congressman',
  'congresswoman',
  'candidate',
  'nominee',
  'frontrunner',
  'front-runner',
  'businessman',
  'businesswoman',
  'billionaire',
  'mogul',
  'mayor',
]);

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
  ...SPOKESPERSON_NOUNS,
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
  'reps',
  'sen',
  'sens',
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
  'coach',
]);

/** Words that join the capitalised words of one institution's name ("Ministry of International Trade and Industry"). */
export const INSTITUTION_NAME_JOINERS = new Set(['of', 'for', 'and', '&']);

/** Bodies named for what they sit on: "on" joins their name ("the House Committee on Benghazi", "Council on Foreign Relations"). */
export const BODIES_ON_A_SUBJECT = new Set(['committee', 'subcommittee', 'commission', 'council', 'panel', 'caucus', 'conference']);

/** Conjunctions that join conjuncts and the last item of a list ("he and Rubio", "refugees, and migration"). */
export const LIST_CONJUNCTIONS = new Set(['and', 'or']);

/** Pronouns that open a relative clause: ", which …", ", who …", ", whom …". */
export const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whom']);

/** Possessive determiners: "her supporters", "his statement" (a determiner before a noun, not a listener or subject). */
export const POSSESSIVE_DETERMINERS = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);

/** Possessive endings wink leaves as separate tokens ("Putin’s", "Sanders’ aides"): what follows is the owner's. */
export const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);

/**
 * Head nouns of organisations' names ("Lanmere Health Group", "Ministry of Fisheries", "Dunhollow Nurses Union"): a
 * watch's side member holding one is an organisation, which stories shorten to its first words ("Lanmere").
 */
export const ORGANIZATION_HEADS = new Set([
  'group',
  'union',
  'association',
  'federation',
  'league',
  'alliance',
  'coalition',
  'party',
  'ministry',
  'department',
  'agency',
  'authority',
  'office',
  'bureau',
  'commission',
  'committee',
  'council',
  'board',
  'government',
  'administration',
  'company',
  'corporation',
  'corp',
  'inc',
  'ltd',
  'bank',
  'fund',
  'trust',
  'foundation',
  'institute',
  'university',
  'college',
  'network',
  'society',
]);

/**
 * Head nouns of a description that stands for a body the article has named ("the company said", "the smaller party
 * said", "the club"): an organisation's, or a business's by its kind.
 */
export const DESCRIBED_BODY_HEADS = new Set([...ORGANIZATION_HEADS, 'firm', 'club', 'team', 'utility', 'airline', 'carrier', 'operator', 'employer', 'insurer', 'lender', 'drugmaker', 'automaker', 'carmaker', 'manufacturer', 'producer']);

/** Verbs that say what something is with "as" ("described the plan as reckless", "referred to Obama as …"). */
export const CHARACTERISING_VERBS = new Set(['describe', 'portray', 'paint', 'cast', 'characterize', 'characterise', 'depict', 'refer', 'frame', 'view', 'regard']);

/** A seat of government, the title of the head it speaks for, and the words that may qualify that title. */
export interface SeatOfGovernment {
  name: string;
  title: string;
  qualifiers: string[];
}

/**
 * Offices named for where the head of state or government sits, which speak for that head ("the White House said"):
 * see `findSeatHolders`.
 */
export const SEATS_OF_GOVERNMENT: SeatOfGovernment[] = [
  { name: 'white house', title: 'president', qualifiers: ['u.s.', 'us', 'american'] },
  { name: 'kremlin', title: 'president', qualifiers: ['russian'] },
  { name: 'downing street', title: 'prime minister', qualifiers: ['british', 'uk', 'u.k.'] },
  { name: 'élysée', title: 'president', qualifiers: ['french'] },
  { name: 'elysee', title: 'president', qualifiers: ['french'] },
];

/** The modals as wink writes them ("won't" → "wo", "can't" → "ca", "'ll", "'d"): they speak of what may be. */
export const MODALS = new Set(['can', 'ca', 'could', 'will', 'wo', "'ll", 'would', "'d", 'shall', 'should', 'must', 'may', 'might']);

/** Heads of what is traded or counted ("Acme shares", "oil prices"): a phrase a body's name opens, which names no speaker. */
export const UNSPEAKING_HEADS = new Set(['shares', 'stock', 'stocks', 'prices', 'bonds', 'futures', 'yields', 'markets', 'sales', 'earnings', 'profits', 'revenues']);
