/**
 * The words a claim is normalized with: calendar words left out, the language's own synonyms and phrases folded, and
 * numbers read as digits. A story's vocabulary is the watch's `synonyms` (see `claimVocabulary` in claims.ts).
 */

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
  'back down': 'withdraw',
  'back off': 'withdraw',
  'back away': 'withdraw',
  'step down': 'withdraw',
  'step aside': 'withdraw',
  'pull out': 'withdraw',
  'walk away': 'withdraw',
  'united states': 'us',
  'united kingdom': 'uk',
  'european union': 'eu',
  'no longer': 'not',
  'rule out': 'refuse',
  // Voting for something supports it; being, coming out or voting against it opposes it: the claim keeps "support",
  // and for opposing the polarity says "not" (see `SYNONYMS` and claims.ts).
  'be against': 'support',
  'come out against': 'support',
  'vote for': 'support',
  'vote against': 'support',
  'break off': 'suspend',
  'stumble block': 'obstacle',
  'stumbling block': 'obstacle',
  'sticking point': 'obstacle',
};

/** Longest phrase in `PHRASE_SYNONYMS`, in words; bounds the look-ahead. */
export const MAX_PHRASE_WORDS = 3;

/**
 * The language's synonyms folded into one claim token, so a reworded statement still compares equal: general words of
 * agreements, talks, leaving, pay, support, moving a figure up or down, concern and obstacles. A story's own vocabulary
 * (places, capitals for countries, its institutions) is the watch's `synonyms` in the config, never a rule here.
 */
export const SYNONYMS: Record<string, string> = {
  treaty: 'treaty',
  pact: 'treaty',
  accord: 'treaty',
  agreement: 'treaty',
  deal: 'treaty',
  contract: 'treaty',
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
  // Leaving a post is leaving: "resign", "step down" (a phrase), "quit".
  resign: 'withdraw',
  resignation: 'withdraw',
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
  support: 'support',
  // "backs the levy", "her backing for the levy" (as an adverb, "back pay", it is no claim word).
  back: 'support',
  endorse: 'support',
  endorsement: 'support',
  favor: 'support',
  favour: 'support',
  champion: 'support',
  // Opposing is a negative stance on the same thing: the claim keeps "support", the polarity says "not" (claims.ts).
  oppose: 'support',
  opposition: 'support',
  reject: 'support',
  rejection: 'support',
  // Moving a figure, by its direction: "cut fares", "reduce fares", "a fare cut"; "raise taxes", "a tax increase".
  cut: 'cut',
  reduce: 'cut',
  reduction: 'cut',
  lower: 'cut',
  decrease: 'cut',
  slash: 'cut',
  trim: 'cut',
  raise: 'raise',
  increase: 'raise',
  hike: 'raise',
  boost: 'raise',
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
