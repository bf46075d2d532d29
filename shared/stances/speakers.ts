/**
 * Who is named in an article: full names, surnames and roles, so that "Putin" and "the Russian leader" both
 * resolve to "Vladimir Putin" (Russian President) wherever in the article the full name appears.
 */
import { genderOf, honorificGenderOf, type Gender } from './gender.js';
import { escapeRegExp } from '../text/index.js';
import { compromiseNlp } from './nlp-models.js';
import { findPrincipals } from './principals.js';
import { calledByOf, canBeSamePerson, shortNameOf } from './surname.js';
import {
  BODIES_ON_A_SUBJECT,
  GENERIC_PERSON_NOUNS,
  INSTITUTION_NAME_JOINERS,
  LIST_CONJUNCTIONS,
  ORGANIZATION_HEADS,
  OUTLET_VERBS,
  POSSESSIVE_DETERMINERS,
  POSSESSIVE_MARKS,
  POSTMODIFYING_ADJECTIVES,
  REPORTING_VERBS,
  ROLE_WORDS,
  SOURCE_NOUNS,
  SPOKESPERSON_NOUNS,
  TITLE_NOUNS,
  isTitleNoun,
} from './lexicon.js';
import { MAX_APPOSITIVE_TOKENS, MAX_NAME_WORDS, MAX_ROLE_TOKENS } from './patterns.js';
import { isCapitalized, isCommaBetweenCapitals, isDeterminer, isInterjectionAt, isRelativeWhoAt, isWord, joinTokens, type Sentence, type Token } from './sentences.js';

export interface Person {
  /** Full name as first named ("Vladimir Putin"), or as the caller listed it. */
  name: string;
  /** Lower-cased words of the name. */
  words: string[];
  role?: string;
  /** A source named by its role or institution ("officials", "spokesman, trade ministry"), not a person. */
  institutional?: boolean;
  /** An organisation named by a proper noun ("Breitbart News", "The Washington Times"), not a person. */
  organization?: boolean;
  /** As the article marks it (an honorific, a given name); unmarked agrees with any pronoun. */
  gender?: Gender;
  /** Whom the person speaks for, when the article names them a spokesperson ("a spokeswoman for Gov. Sanne Orlo"). */
  speaksFor?: string;
  /** One of the caller's speakers (a watch's), named as the caller lists them. */
  watched?: boolean;
  /**
   * The word the article names the person by after the full name, when it is not the last ("xi" of "Xi Jinping": a
   * family name written first). Without it, the last word.
   */
  calledBy?: string;
}

export interface SpeakerRegister {
  people: Person[];
}

/** compromise tags that rule a capitalised run out as a person's name. */
const NOT_A_PERSON = '(#Place|#Country|#City|#Organization|#Date|#Month|#WeekDay|#Acronym)';
/** Of `NOT_A_PERSON`, all but a place read from a common word ("Park", "Lane"). */
const NAMED_PLACE = '(#Country|#City|#Region|#Organization|#Date|#Month|#WeekDay|#Acronym)';

/** Prepositions of a time adjunct between a subject and its verb ("on Monday", "in December"). */
const TIME_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'late', 'early']);

/**
 * Builds the register of people (and organisations the caller names) an article mentions.
 *
 * Stages: collectNamedPeople (compromise) → collectUnlistedSubjects (capitalised runs before a reporting verb that
 * compromise does not know, "Toshimitsu Motegi, who …, said") → mergeNamings (namings that can be one person, under
 * the longest) → withCallerSpeakers (the caller's first, under their spelling) → findRoles (the title before the
 * first naming, "Russian President") → what earlier articles gave a person this one names (`known`: a role it does
 * not give) → findPrincipals (whom a spokesperson speaks for; the remembered principal where this article gives none
 * or a common noun, "the utility").
 */
export function buildSpeakerRegister(sentences: Sentence[], callerSpeakers: string[] = [], known: KnownSpeaker[] = []): SpeakerRegister {
  // Paragraphs apart, so that no name runs from one into the next ("… ‘Lyin’ Ted.’" | "He also …").
  const text = sentences.map((sentence, k) => (k === 0 ? '' : sentence.paragraphIndex === sentences[k - 1].paragraphIndex ? ' ' : '\n\n') + sentence.text).join('');
  const organizations = organizationShortNames(text);
  const isOrganization = (words: string[]) => words.length === 1 && organizations.has(words[0]);
  const namings = [...collectNamedPeople(text), ...collectUnlistedSubjects(sentences)]
    .filter((words) => !isOrganization(words))
    .map((words) => withoutTitlePlace(words, text));
  const found = mergeNamings(namings.filter((words) => !isCutName(words, namings, text)), sentences);
  const people = namedByFirstWord(withCallerSpeakers(collectCallerSpeakers(callerSpeakers), found), text);
  for (const person of people) {
    person.role = findRole(person, sentences);
    person.gender = genderOf(person, sentences);
  }
  const remembered = new Map(people.filter((person) => isNamedIn(person, text)).map((person) => [person, rememberedAs(person, known)]));
  for (const [person, memory] of remembered) person.role ??= memory?.role;
  findPrincipals(people, sentences);
  for (const [person, memory] of remembered) {
    if (memory?.speaksFor && (!person.speaksFor || isCommonNoun(person.speaksFor, text))) person.speaksFor = memory.speaksFor;
  }
  return { people };
}

/**
 * A speaker the watch has seen in earlier articles, with the role and the principal those articles gave them
 * ("Peter Walsh", a spokesman for "Ferrow Bay Water"). An article that names the speaker without them ("the
 * chancellor told …", "a spokesman for the utility, Peter Walsh") means the same person.
 */
export interface KnownSpeaker {
  name: string;
  role?: string;
  speaksFor?: string;
}

/** The one known speaker this person can be; none when two can (two Ryans of whom the article gives no given name). */
function rememberedAs(person: Person, known: KnownSpeaker[]): KnownSpeaker | undefined {
  if (person.institutional || person.organization) return undefined;
  const same = known.filter((speaker) => canBeSamePerson(person.words, asTokens(speaker.name.split(/\s+/))));
  return same.length === 1 ? same[0] : undefined;
}

/** The article names the person (a watch's speaker is in every register, named or not). */
function isNamedIn(person: Person, text: string): boolean {
  const surname = person.words[person.words.length - 1];
  return surname !== undefined && new RegExp(`\\b${escapeRegExp(surname)}\\b`, 'iu').test(text);
}

/** "utility" of "a spokesman for the utility": a one-word principal the article also writes in lower case. */
function isCommonNoun(principal: string, text: string): boolean {
  return !principal.includes(' ') && new RegExp(`\\b${escapeRegExp(principal.toLowerCase())}\\b`, 'u').test(text);
}

/**
 * First words of the organisations an article names in full ("Lanmere" of "Lanmere Health Group"): alone before
 * "said" later on, such a word is the organisation, not a person's surname. Not a name compromise knows for a
 * person's: "Clinton" of the "Clinton Foundation" is still Clinton.
 */
function organizationShortNames(text: string): Set<string> {
  const names = (text.match(/\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)+/gu) ?? []).map((name) => name.replace(/^The /, '').replace(/['’]s$/, ''));
  const firstWords = names.filter((name) => shortNameOf(name) !== undefined).map((name) => name.split(' ')[0]);
  return new Set(firstWords.filter((word) => !compromiseNlp()(word).has('#Person')));
}

function collectCallerSpeakers(speakers: string[]): string[][] {
  return speakers.map((speaker) => speaker.trim().split(/\s+/)).filter((words) => words.length > 0);
}

function collectNamedPeople(text: string): string[][] {
  // compromise runs names in a list set off by semicolons into one ("Yrsa Tamsen; Teo Marchal,").
  const found = (compromiseNlp()(text).people().out('array') as string[]).flatMap((name) => name.split(/;\s*/)).filter((name) => name !== '');
  return found
    .map((name) => withHyphenatedEnd(name, text))
    .filter((name) => !isPlaceWord(name, text))
    .map(cleanName)
    .filter((words) => words.length > 1 || (words.length === 1 && !isCalendarWord(words[0]) && standsAlone(words[0], text)));
}

/**
 * compromise reads a place before a possessive as a person ("Christie, Ohio’s sitting governor,"), and cuts a place of
 * two words there ("New" of "New Jersey’s"): one word (no title: "Ms. Lima" is a person) that is a place, or that opens
 * one wherever the text has it.
 */
function isPlaceWord(name: string, text: string): boolean {
  const word = name.replace(/[.,;:!?"“”]+$/, '').replace(/['’]s$/, '');
  if (/\s/.test(word)) return false;
  const nlp = compromiseNlp();
  if (!looksLikePersonName([word])) return true;
  const next = [...text.matchAll(new RegExp(`${NOT_IN_WORD}${escapeRegExp(word)} (\\p{Lu}\\p{L}+)`, 'gu'))].map((match) => match[1]);
  return next.length > 0 && next.every((second) => nlp(`${word} ${second}`).has('#Place'));
}

/**
 * A given name that compromise took without its surname ("Kristen" of "said Kristen Day", "Lee" of "said Lee Epstein"),
 * while another reading of the text has the whole name: one word that opens a longer naming and that the text never
 * writes without that naming's next word. Kept, it took the statements as a person of its own.
 */
function isCutName(words: string[], namings: string[][], text: string): boolean {
  if (words.length !== 1) return false;
  const longer = namings.find((other) => other.length > 1 && other[0] === words[0]);
  if (!longer) return false;
  const alone = new RegExp(`${NOT_IN_WORD}${escapeRegExp(words[0])}(?! ${escapeRegExp(longer[1])}\\b)(?![\\p{L}-])`, 'u');
  return !alone.test(text);
}

/** Where a word starts that is not the end of another word or of a compound ("Frank" of "Dodd-Frank"), for a regex. */
const NOT_IN_WORD = '(?<![\\p{L}-])';

/** "Frank" of "the Dodd-Frank law" only ever ends a compound: no one of that name is in the article. */
function standsAlone(word: string, text: string): boolean {
  return new RegExp(`${NOT_IN_WORD}${escapeRegExp(word)}\\b`, 'u').test(text);
}

/**
 * compromise cuts a hyphenated surname at its hyphen ("Carlos Lopez-" of "Carlos Lopez-Cantera"): the name with the
 * rest of the word as the text writes it, or without the hyphen when a lower-case word follows it ("Trump-led").
 */
function withHyphenatedEnd(name: string, text: string): string {
  if (!name.endsWith('-')) return name;
  const rest = new RegExp(`${escapeRegExp(name)}(\\p{Lu}[\\p{L}'’]*)`, 'u').exec(text)?.[1];
  // "Donald Trump-led": a word compounded with the name is no part of it.
  return rest ? name + rest : name.slice(0, -1);
}

/** "In August, Tesson had called …": a month or a weekday alone is a date, though compromise may read a given name. */
function isCalendarWord(word: string): boolean {
  return compromiseNlp()(word).has('(#Month|#WeekDay)');
}

/**
 * "ambassador to Norvale Ivo Karsk", "envoy for Brea Ana Lima": the place of a title held towards a place runs into
 * the name after it. A naming that follows such a title in the text is the name without its first word, unless that
 * word is a given name ("the private secretary to Ana Maria Lima" names her whole).
 */
function withoutTitlePlace(words: string[], text: string): string[] {
  if (words.length < 2) return words;
  const titled = new RegExp(`(\\p{L}+) (?:to|for) ${escapeRegExp(words.join(' '))}`, 'gu');
  const placed = [...text.matchAll(titled)].some((match) => PLACE_TITLES.has(match[1].toLowerCase()));
  return placed && !compromiseNlp()(words[0]).has('#FirstName') ? words.slice(1) : words;
}

/** Titles held towards a place ("ambassador to Norvale", "minister for Brea"). */
export const PLACE_TITLES = new Set(['ambassador', 'envoy', 'minister', 'secretary', 'consul', 'commissioner', 'representative', 'delegate']);

/** The word at `k` is the place of such a title ("Brea" of "envoy to Brea Karsk"), not a given name. */
function followsPlaceTitle(tokens: Token[], k: number): boolean {
  return ['to', 'for'].includes(tokens[k - 1]?.normal ?? '') && PLACE_TITLES.has(tokens[k - 2]?.normal ?? '');
}

/**
 * "President Vladimir Putin," → ["Vladimir", "Putin"]. Words the name finder takes along are left out: a title, a word
 * of another class before the name ("While Clinton", "Should Mrs. Clinton") and a description before a given name
 * ("Democrat Hillary Clinton"). A hyphenated word alone is a pair of names ("Abe-Putin"), unless a title names it a
 * person ("Ms. Reed-Veal").
 */
function cleanName(raw: string): string[] {
  const words = raw
    // "(Councillor Tom Reyes),": compromise keeps the brackets of a name set in them.
    .replace(/^\(([^()]*)\)[.,;:!?]*$/, '$1')
    // "Leader Harry M. Reid (D-Nev.)": the party and state are no part of the name.
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/['’]s\b/g, '')
    .replace(/[.,;:!?"“”]+$/g, '')
    .split(/\s+/)
    // "Councillor Mark Dorsey —": compromise takes a dash that sets the name off along.
    .filter((word) => word && !DASHES.has(word));
  // "JAKE TAPPER: Donald Trump released …": a transcript's label ends at its colon, and the name after it is another.
  const label = words.findLastIndex((word) => word.endsWith(':'));
  if (label !== -1) words.splice(0, label + 1);
  // "Joseph R. Biden Jr.": a suffix is no surname; the name is matched and known by the words before it.
  if (words.length > 1 && NAME_SUFFIXES.test(words[words.length - 1])) words.pop();
  // No name runs through a quotation mark: compromise may read "''Naked Girl.'' Ms. Sherry" or "Mr. Obama.'' But" as
  // one, and neither side of the mark is sure to be a name on its own.
  if (words.some((word) => QUOTATION_IN_WORD.test(word))) return [];
  // "there is no Plan B. Mr. Obama, officials said": a title inside the run opens the name, and what comes before it is
  // the end of another sentence ("Democratic Sen. Bernie Sanders" loses only its description).
  const innerTitle = words.findLastIndex((word, k) => k > 0 && k < words.length - 1 && isTitle(word));
  if (innerTitle > 0) words.splice(0, innerTitle);
  let titled = false;
  for (;;) {
    if (words.length > 1 && isTitle(words[0])) titled = true;
    else if (!(words.length > 1 && isNotNameStart(words))) break;
    words.shift();
  }
  if (words.some((word) => !/^\p{Lu}/u.test(word))) return [];
  // "Tom Reyes of the Workers Union said": a run that ends in an organisation's head noun names the body, not a person.
  if (words.length > 1 && ORGANIZATION_HEADS.has(words[words.length - 1].replace(/['’]$/, '').toLowerCase())) return [];
  if (words.length === 1 && words[0].includes('-') && !titled) return [];
  // "the Justice Department said": a body's noun alone, after a word that is also a title ("Justice Ruth Bader
  // Ginsburg"), names the body, not a person called "Department".
  if (words.length === 1 && isBodyNoun(words[0])) return [];
  return words;
}

/** A capitalised word, as names are written. */
const isCapitalizedWord = (token: Token | undefined) => token !== undefined && isWord(token) && isCapitalized(token);

/** A word of an organisation's or a body's name ("Chamber", "Party"): no person's. */
const isOrganizationWord = (word: string) => isBodyNoun(word) || ORGANIZATION_HEADS.has(word.toLowerCase());

/** A body's or a role's common noun ("Department", "Ministry", "Committee"), capitalised or not. */
function isBodyNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return SOURCE_NOUNS.has(lower) || TITLE_NOUNS.has(lower);
}

const QUOTATION_IN_WORD = /''|["“”«»]/;

const NAME_SUFFIXES = /^(Jr|Sr|II|III|IV)\.?,?$/;

export const isTitle = (word: string) => ROLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''));

/** compromise tags of words that never open a name. */
const NEVER_IN_NAMES = '(#Conjunction|#Preposition|#Modal|#Determiner|#Adverb|#Pronoun|#QuestionWord)';

/**
 * The same without what may be a given name or a surname's particle: compromise makes determiners of "Le", "De" and
 * "Du", modals of "Will" and "May", and adverbs of "Nealy" and "Rosaly".
 */
const FUNCTION_WORDS = '(#Conjunction|#Preposition|#Pronoun|#QuestionWord)';

/**
 * The first word is no part of the name: a function word, or a description before a given name and surname ("Democrat
 * Hillary Clinton"). Before a lone given name it is the given name itself: "Rahm Emanuel", where compromise knows
 * Emanuel as a given name only.
 */
function isNotNameStart([word, next, surname]: string[]): boolean {
  const nlp = compromiseNlp();
  if (nlp(word.toLowerCase()).has(NEVER_IN_NAMES)) return true;
  // Not "San Francisco Chronicle": the two words together name a place.
  return surname !== undefined && !nlp(word).has('#FirstName') && nlp(next).has('#FirstName') && !nlp(`${word} ${next}`).match('^#Place #Place$').found;
}

/**
 * Subjects of reporting verbs that look like names: two or three capitalised words ("Toshimitsu Motegi"), or one
 * proper noun that is not an outlet ("Berg warned", not "Russia's Kommersant reported").
 */
function collectUnlistedSubjects(sentences: Sentence[]): string[][] {
  const names: string[][] = [];
  for (const { tokens } of sentences) {
    const introduced = introducedName(tokens);
    if (introduced) names.push(introduced);
    tokens.forEach((token, i) => {
      if (!REPORTING_VERBS.has(token.lemma) || token.pos !== 'VERB' || token.quoted) return;
      // "…, sharpened by President Emery Kerrow, who told a rally …": the name "who" stands for.
      const subjectEnd = skipToSubjectEnd(tokens, i - 1);
      const end = isRelativeWhoAt(tokens, subjectEnd) ? subjectEnd - 2 : subjectEnd;
      const appositive = nameInAppositive(tokens, i) ?? nameAfterInvertedVerb(tokens, i) ?? nameBeforeAppositive(tokens, i);
      if (appositive) names.push(appositive);
      const affiliated = nameOfAffiliation(tokens, end);
      if (affiliated) names.push(affiliated);
      const raw = capitalizedRunEndingAt(tokens, end);
      const run = cleanName(raw.join(' '));
      if (run.length === 0 || run.length > MAX_NAME_WORDS || !looksLikePersonName(run)) return;
      // "The Centre for Water Policy warned": the end of a body's name, not a person called Water Policy ("Secretary of
      // State Madeleine Albright" is a name after its title).
      if (raw.length > 1 && run.length === raw.length && endsInstitutionName(tokens, end - raw.length + 1)) return;
      // "Ivo Karsk of the Halden Timber Exchange said": capitals after "the" name a body or a place; a person's
      // name takes no article.
      if (tokens[end - raw.length]?.normal === 'the') return;
      if (run.length === 1 && !isLoneNameSubject(tokens, end, token)) return;
      names.push(run);
    });
  }
  return names;
}

/**
 * "Oren Vaszko of the University of Belgrin said": the full name before "of" and the capitalised name of where the
 * person works or comes from, which compromise may not know; the subject is the person, not the university.
 */
function nameOfAffiliation(tokens: Token[], end: number): string[] | undefined {
  // "of the Timber Workers' Union": a plural's possessive mark inside the body's name too.
  const partOfName = (k: number) => isCapitalizedWord(tokens[k]) || joinsInstitutionName(tokens, k) || tokens[k].normal === 'the' || POSSESSIVE_MARKS.has(tokens[k].text);
  for (let k = end; k > 0 && partOfName(k); k -= 1) {
    const after = tokens[k + 1]?.normal === 'the' ? tokens[k + 2] : tokens[k + 1];
    if (tokens[k].normal !== 'of' || !isCapitalizedWord(after)) continue;
    const raw = capitalizedRunEndingAt(tokens, k - 1);
    const run = cleanName(raw.join(' '));
    // Not a body's name that "of" goes on ("Hollywood Chamber of Commerce"), nor one inside another name ("Chairman of
    // the Joint Chiefs of Staff").
    const inName = joinsInstitutionName(tokens, k - 1 - raw.length) || tokens[k - 1 - raw.length]?.normal === 'the';
    const named = run.length >= 2 && run.length <= MAX_NAME_WORDS && !inName && !run.some(isOrganizationWord);
    if (named && looksLikePersonName(run)) return run;
  }
  return undefined;
}

/**
 * "Jeb Bush, the former Florida governor, who …, called …": a full name a sentence opens with and an appositive
 * introduces, which compromise may not know (`openingName`).
 */
function introducedName(tokens: Token[]): string[] | undefined {
  const end = openingName(tokens);
  if (end === undefined) return undefined;
  const run = cleanName(capitalizedRunEndingAt(tokens, end).join(' '));
  return run.length >= 2 && run.length <= MAX_NAME_WORDS && looksLikePersonName(run) ? run : undefined;
}

/**
 * "“…,” said Virginia delegate Beau Correll, angered …": the full name that ends the phrase after a verb that closes a
 * quotation or a clause, after its role; compromise may know only a word of the role ("Virginia").
 */
function nameAfterInvertedVerb(tokens: Token[], verb: number): string[] | undefined {
  const before = tokens[verb - 1];
  if (!before || !(before.text === ',' || before.quoteMark === 'close')) return undefined;
  let end = tokens.findIndex((token, k) => k > verb && !isWord(token));
  if (end === -1 || end - verb > MAX_ROLE_TOKENS + MAX_NAME_WORDS + 1) return undefined;
  // "“…,” said its chief executive, Ivo Brand.": the name set off after the role, all of the next stretch.
  const appositiveEnd = tokens.findIndex((token, k) => k > end && !isWord(token));
  const role = tokens.slice(verb + 1, end);
  const named = appositiveEnd !== -1 && capitalizedRunEndingAt(tokens, appositiveEnd - 1).length === appositiveEnd - end - 1;
  if (tokens[end].text === ',' && named && role.some((token) => ROLE_WORDS.has(token.normal) || isBodyNoun(token.normal))) end = appositiveEnd;
  const capitals = capitalizedRunEndingAt(tokens, end - 1);
  const raw = withoutTitleDomain(tokens, end - capitals.length, capitals);
  const run = cleanName(raw.join(' '));
  if (run.length < 2 || run.length > MAX_NAME_WORDS) return undefined;
  // Not "a South Carolina Democrat", "Human Rights Watch", "CORE Teachers": a place or a plural in the run.
  return !looksLikePersonName(raw) || compromiseNlp()(raw.join(' ')).has('#Plural') ? undefined : run;
}

/**
 * ", said Secretary of State Ana Lima": after a title and "of", the capitals (`raw`, from `start`) open with what the
 * title is of ("State", "Public Works") and end with the name: from the first given name compromise knows after the
 * first word, else the last two words.
 */
function withoutTitleDomain(tokens: Token[], start: number, raw: string[]): string[] {
  if (raw.length < 3 || tokens[start - 1]?.normal !== 'of' || !isTitleNoun(tokens[start - 2]?.lemma ?? '')) return raw;
  const given = raw.findIndex((word, k) => k > 0 && k < raw.length - 1 && compromiseNlp()(word).has('#FirstName'));
  return raw.slice(given === -1 ? -2 : given);
}

/**
 * "Ivo Karsk, executive director of the Norvale Riders Alliance, of which Norvale Rail is the largest member, said":
 * the name a sentence opens with, described by an appositive that runs to the verb of saying, which compromise may not
 * know as a name.
 */
function nameBeforeAppositive(tokens: Token[], verb: number): string[] | undefined {
  if (closingCommaBefore(tokens, verb) === undefined) return undefined;
  const raw = capitalizedRunEndingAt(tokens, tokens.findIndex((token) => token.text === ',') - 1);
  const run = cleanName(raw.join(' '));
  // The run is the sentence's first words, and a description in lower case follows its comma.
  const opens = raw.length === run.length && tokens[raw.length]?.text === ',';
  const role = tokens[raw.length + 1];
  const described = role !== undefined && !isCapitalized(role) && (ROLE_WORDS.has(role.normal) || role.pos === 'NOUN' || role.pos === 'ADJ');
  return run.length >= 2 && run.length <= MAX_NAME_WORDS && opens && described && looksLikePersonName(run) ? run : undefined;
}

/** The comma that closes an appositive right before the verb at `verb`, past adverbs and auxiliaries. */
function closingCommaBefore(tokens: Token[], verb: number): number | undefined {
  let close = verb - 1;
  while (close >= 0 && (tokens[close].pos === 'ADV' || tokens[close].pos === 'AUX')) close -= 1;
  return tokens[close]?.text === ',' ? close : undefined;
}

/**
 * "A spokeswoman for Pellor's energy ministry, Wilma Streng, said": a full name set off by commas between a role and
 * the verb, which compromise may not know.
 */
function nameInAppositive(tokens: Token[], verb: number): string[] | undefined {
  const close = closingCommaBefore(tokens, verb);
  if (close === undefined) return undefined;
  const run = cleanName(capitalizedRunEndingAt(tokens, close - 1).join(' '));
  const open = close - 1 - run.length;
  if (run.length < 2 || run.length > MAX_NAME_WORDS || tokens[open]?.text !== ',' || !looksLikePersonName(run)) return undefined;
  // The role opens the subject ("A spokeswoman for …"): the stretch before the name, from the sentence's start or a comma.
  const start = tokens.slice(0, open).findLastIndex((token) => token.text === ',') + 1;
  const role = tokens.slice(start, open);
  // A title, or any description that ends in a common noun ("Lima's campaign manager, Tom Ward, said").
  const described = role.some((token) => ROLE_WORDS.has(token.normal)) || (role.at(-1)?.pos === 'NOUN' && !isCapitalized(role.at(-1)!));
  return role.length <= MAX_APPOSITIVE_TOKENS && described ? run : undefined;
}

/** Prepositions that take a noun, never a clause. */
const OBJECT_PREPOSITIONS = new Set(['on', 'in', 'at', 'of', 'for', 'from', 'with', 'to', 'by']);

function isLoneNameSubject(tokens: Token[], at: number, verb: Token): boolean {
  const before = tokens[at - 1];
  return (
    tokens[at].pos === 'PROPN' &&
    // "the Senate said", "the Treasury said": a person's surname takes no article; "a user on Weibo posted": nor is it
    // a preposition's object ("After Lima said" opens a clause).
    before?.pos !== 'DET' &&
    !OBJECT_PREPOSITIONS.has(before?.normal ?? '') &&
    !OUTLET_VERBS.has(verb.lemma) &&
    !(before && POSSESSIVE_MARKS.has(before.text)) &&
    // "the former CEO of Hewlett-Packard added": the end of a hyphenated word.
    !(before?.text === '-' && tokens[at].space === '') &&
    !endsInstitutionName(tokens, at) &&
    !endsBodyName(tokens, at)
  );
}

/**
 * "the Council on Foreign Relations said", "the Ministry of Foreign Affairs said": the word ends a body's name whose
 * joiner comes a few capitals back, past a word that also titles people ("Foreign"). Only after a body's head noun:
 * "Secretary of State Kerry said" is the secretary.
 */
function endsBodyName(tokens: Token[], at: number): boolean {
  let k = at - 1;
  while (k > 0 && at - k <= MAX_NAME_WORDS && isWord(tokens[k]) && isCapitalized(tokens[k]) && !joinsInstitutionName(tokens, k)) k -= 1;
  const head = tokens[k - 1];
  return k < at - 1 && joinsInstitutionName(tokens, k) && head !== undefined && (ORGANIZATION_HEADS.has(head.lemma) || BODIES_ON_A_SUBJECT.has(head.lemma));
}

/**
 * "the Ministry of International Trade and Industry told": the word is the last of an institution's name, joined to
 * the capitals before it by "of" or "for" (and "and"), not a person called Industry.
 */
function endsInstitutionName(tokens: Token[], at: number): boolean {
  let joined = false;
  for (let k = at - 1; k >= 0; k -= 1) {
    const token = tokens[k];
    if (joinsInstitutionName(tokens, k)) joined ||= token.normal !== 'and';
    // "the Ministry of Trade, Industry and Energy said": a comma between capitals lists them within the name.
    else if (!(isWord(token) && isCapitalized(token)) && !isCommaBetweenCapitals(tokens, k)) break;
  }
  return joined && joinsInstitutionName(tokens, at - 1);
}

/**
 * A word that joins the capitalised words of one institution's name (`INSTITUTION_NAME_JOINERS`), or "on" after a body
 * named for what it sits on ("the House Committee on Benghazi", `BODIES_ON_A_SUBJECT`).
 */
export function joinsInstitutionName(tokens: Token[], k: number): boolean {
  const token = tokens[k];
  if (token === undefined) return false;
  if (INSTITUTION_NAME_JOINERS.has(token.normal)) return true;
  return token.normal === 'on' && BODIES_ON_A_SUBJECT.has(tokens[k - 1]?.lemma ?? '');
}


/** From just before a verb, skips adverbs, auxiliaries and a ", who …," clause to the subject's last token. */
export function skipToSubjectEnd(tokens: Token[], from: number): number {
  let j = from;
  // "The White House on Monday also urged": adverbs, auxiliaries and a time adjunct stand between subject and verb,
  // and so do "no longer" ("Tesson no longer insists that …") and a pronoun that stresses the subject ("Ford itself
  // said").
  const isSkipped = (token: Token, k: number) =>
    (token.pos === 'ADV' && !isMistaggedName(token)) || token.pos === 'AUX' || token.normal === 'not' || token.entity === 'DATE' || token.entity === 'TIME' ||
    (token.normal === 'no' && tokens[k + 1]?.normal === 'longer') || (INTENSIFIERS.has(token.normal) && k > 0 && isWord(tokens[k - 1]) && tokens[k - 1].pos !== 'VERB');
  // "Lima did, however, say …": an adverb set off by commas after an auxiliary.
  if (isInterjectionAt(tokens, j) && (tokens[j - 3]?.pos === 'AUX' || tokens[j - 3]?.normal === 'not')) j -= 3;
  while (j >= 0 && isSkipped(tokens[j], j)) j -= 1;
  if (j < from && j >= 0 && TIME_PREPOSITIONS.has(tokens[j].normal)) {
    j -= 1;
    while (j >= 0 && isSkipped(tokens[j], j)) j -= 1;
  }
  if (j >= 0 && tokens[j].text === ')') j = skipParenthesis(tokens, j); // "Sen. Chuck Schumer (D-N.Y.) said"
  j = skipMannerPhrases(tokens, j);
  const quoted = quotedParticipleStart(tokens, j);
  if (quoted !== undefined) return skipAge(tokens, quoted - 1);
  if (closesQuotedClause(tokens, j)) j -= 1;
  // "Veterans interviewed at rallies this week, including Mr. Jebens, said": the appositive, then the postmodifier, when
  // no comma comes before it (one inside an appositive describes what the appositive describes).
  if (j >= 0 && tokens[j].text === ',') {
    const end = skipAppositive(tokens, j);
    const start = end >= 0 ? postmodifierStart(tokens, end) : end + 1;
    return tokens.slice(0, start).some((token) => token.text === ',') ? end : start - 1;
  }
  if (j >= 0 && isDashAt(tokens, j)) return skipDashes(tokens, j);
  return postmodifierStart(tokens, j) - 1;
}

/**
 * "Lima, who calls the levy a “disgrace,” said": the comma that closes a relative clause may stand inside the quotation
 * marks its last words are in. Only in a clause a relative pronoun opens after a comma: "“We will not pay,” said
 * Lima" is a quotation and its speaker.
 */
function closesQuotedClause(tokens: Token[], j: number): boolean {
  if (tokens[j]?.quoteMark !== 'close' || tokens[j - 1]?.text !== ',') return false;
  const open = tokens.slice(0, j).findLastIndex((token) => token.quoteMark === 'open');
  const clause = tokens.slice(0, open).findLastIndex((token, k) => token.text === ',' && RELATIVE_PRONOUNS.has(tokens[k + 1]?.normal ?? ''));
  return open > 0 && clause !== -1 && !tokens.slice(clause + 1, open).some((token) => token.text === ',' || token.quoteMark);
}

/**
 * "Jeb Bush in a Medium post said", "Clinton at a rally in the capital said": phrases of where or how between a name
 * and its verb. Where the name ends, or `end` when no such phrase follows a name (a common noun before the preposition
 * may be what the phrase qualifies: "officials in Corvel said"). Only a phrase with a determiner: a bare name after
 * the preposition may be the subject's own ("the House Select Committee on Benghazi"); with bare names too, PolNeAR
 * dev's speaker accuracy fell from 0.931 to 0.929.
 */
function skipMannerPhrases(tokens: Token[], end: number): number {
  let j = end;
  for (let phrases = 0; phrases < MAX_MANNER_PHRASES; phrases += 1) {
    const from = Math.max(0, j - MAX_MANNER_PHRASE_TOKENS);
    const at = from + tokens.slice(from, j).findLastIndex((token) => MANNER_PREPOSITIONS.has(token.normal));
    if (at < from) return end;
    const phrase = tokens.slice(at + 1, j + 1);
    // A common noun's phrase ("in a Medium post", "at a rally", "in his announcement speech"), not a bare name, which
    // may be part of the subject.
    const isNounPhrase =
      phrase[0] !== undefined && isDeterminer(phrase[0]) && phrase.slice(1).every((token) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(token.pos) || POSSESSIVE_MARKS.has(token.text));
    const before = tokens[at - 1];
    if (!isNounPhrase || !before) return end;
    if (before.pos === 'PROPN' && isCapitalized(before)) return at - 1;
    // "at a rally in the capital": the phrase may qualify the noun of another one before it.
    if (before.pos !== 'NOUN') return end;
    j = at - 1;
  }
  return end;
}

const MANNER_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via']);
const MAX_MANNER_PHRASE_TOKENS = 5;
const MAX_MANNER_PHRASES = 2;

/**
 * "Jolly said he would be cautious": wink tags some surnames as adverbs. An adverb has no capital letter before a
 * verb unless it opens the sentence, and an adverb opening the sentence right before the verb leaves the verb without
 * a subject, so a capitalised "adverb" there is a name (all capitals are wire copy's headline style, not a name).
 */
function isMistaggedName(token: Token): boolean {
  return isCapitalized(token) && /\p{Ll}/u.test(token.text);
}

/**
 * "Mr. Manafort, citing “the unique magic of Trump,” said": a participle phrase set off by commas whose quotation
 * closes right before the verb. Where that participle is (its comma is just before it), or undefined: a quotation
 * that ends before the verb is otherwise what was said ("“We will win,” said Loy").
 */
function quotedParticipleStart(tokens: Token[], close: number): number | undefined {
  if (tokens[close]?.quoteMark !== 'close') return undefined;
  // Two apostrophes make one mark in newspaper copy ('' … '').
  let last = close;
  while (tokens[last - 1]?.quoteMark === 'close') last -= 1;
  if (tokens[last - 1]?.text !== ',') return undefined;
  let open = tokens.slice(0, last).findLastIndex((token) => token.quoteMark === 'open');
  while (tokens[open - 1]?.quoteMark === 'open') open -= 1;
  const participle = tokens[open - 1];
  const isParticiple = participle?.pos === 'VERB' && /ing$/.test(participle.normal);
  return open > 2 && isParticiple && tokens[open - 2].text === ',' ? open - 2 : undefined;
}

/** Pronouns that stress the subject they follow ("Trump himself said"). */
export const INTENSIFIERS = new Set(['himself', 'herself', 'itself', 'themselves']);

/**
 * "Two people familiar with the talks said", "diplomats briefed on the meeting said", "a spokesman for the ministry who
 * asked not to be named said": a phrase or a relative clause after the subject's head noun ends the words before the
 * verb, but the subject is the noun it qualifies. Where the first such phrase before `end` starts (the outer one:
 * "the Republican who wrote the speech delivered by …"), or `end + 1`. Punctuation stops the search: "Prices rose in
 * March, officials said" has no postmodifier.
 */
function postmodifierStart(tokens: Token[], end: number): number {
  let start = end + 1;
  for (let k = end; k > 0 && end - k < MAX_POSTMODIFIER_TOKENS; k -= 1) {
    // A conjunction joins clauses ("a woman asked for a photo and Clinton said"), which no postmodifier spans.
    if ((!isWord(tokens[k]) && !POSSESSIVE_MARKS.has(tokens[k].text)) || tokens[k].pos === 'CCONJ') break;
    // "…, who said": the verb's subject is the relative pronoun itself, whose clause is the verb's.
    if (k < end && opensPostmodifier(tokens, k)) start = k;
  }
  return start;
}

/**
 * A postmodifier opens at `k` after a common noun: a relative pronoun ("officials who …", "a source that …"), an -ing
 * participle ("the lawyer representing the family", "lawsuits being considered in …"), an -ed participle with its
 * preposition ("diplomats briefed on …"), or an adjective that takes one ("people familiar with …", "sources close to
 * …"). "That" and "with" follow a source's noun only: "the report that officials released said" is the report's.
 */
function opensPostmodifier(tokens: Token[], k: number): boolean {
  const head = tokens[k - 1];
  const token = tokens[k];
  const next = tokens[k + 1];
  // Not after a name: "residents in Jupiter, Florida who were voting" qualifies the residents, not the place. A
  // capitalised noun after a determiner or an adjective is a common one ("the lifelong Republican who …").
  const common = head.pos === 'NOUN' || (head.pos === 'PROPN' && ['DET', 'ADJ'].includes(tokens[k - 2]?.pos ?? ''));
  if (!next || !common) return false;
  // A relative pronoun that is the clause's subject: "officials who spoke", not "the court that it asked".
  const relative = ['VERB', 'AUX', 'ADV'].includes(next.pos);
  if (token.normal === 'who') return relative;
  const source = SOURCE_NOUNS.has(head.lemma) || GENERIC_PERSON_NOUNS.has(head.lemma);
  if (token.normal === 'that') return source && relative;
  // "people with knowledge of the talks" say who they are; "officials with the union" are the union's, as "at" would be.
  if (token.normal === 'with') return source && !(next.normal === 'the' || POSSESSIVE_DETERMINERS.has(next.normal) || isCapitalized(next));
  if (token.pos === 'VERB' && token.normal.endsWith('ing')) return true;
  // "lawsuits being considered in San Diego": a passive participle after "being".
  if (token.normal === 'being' && next.pos === 'VERB') return true;
  // "activists clamoring to block …": wink may tag the participle a noun; "to" and a verb after it show it is none.
  if (token.pos === 'NOUN' && token.normal.endsWith('ing') && next.normal === 'to' && tokens[k + 2]?.pos === 'VERB') return true;
  // "the businessman turned politician": an -ed word before a noun is the clause's verb.
  if (token.pos === 'VERB' && token.normal.endsWith('ed')) return next.pos === 'ADP';
  return POSTMODIFYING_ADJECTIVES.has(token.normal) && next.pos === 'ADP';
}

/** Words before the verb a postmodifier may take ("who spoke on condition of anonymity because …"). */
const MAX_POSTMODIFIER_TOKENS = 16;

/** Dashes that set off an appositive ("Trump’s running mate — Indiana Gov. Mike Pence — has …"). */
export const DASHES = new Set(['—', '–', '--']);

/** A dash at `k`, or a hyphen with spaces on both sides written for one ("Reynolds - Santilli's girlfriend - told"). */
export function isDashAt(tokens: Token[], k: number): boolean {
  const token = tokens[k];
  if (!token) return false;
  return DASHES.has(token.text) || (token.text === '-' && token.space !== '' && (tokens[k + 1]?.space ?? ' ') !== '');
}

/** The token before the dash that opens the appositive closing at the dash `close`. */
function skipDashes(tokens: Token[], close: number): number {
  for (let k = close - 1; k > 0 && k >= close - MAX_APPOSITIVE_TOKENS; k -= 1) {
    if (tokens[k].quoteMark) break;
    if (isDashAt(tokens, k)) return k - 1;
  }
  return close;
}

/** The token before the "(" that opens the parenthesis closing at `close`. */
export function skipParenthesis(tokens: Token[], close: number): number {
  for (let k = close - 1; k >= 0 && k >= close - MAX_APPOSITIVE_TOKENS; k -= 1) {
    if (tokens[k].text === '(') return k - 1;
  }
  return close;
}

/**
 * Before ", said": a ", who …," clause or an appositive after a noun phrase ("Gene Sperling, a top outside adviser,
 * said"; "Blunt, after a long pause, said") stands between the subject and its verb; returns the subject's last token,
 * never a place the appositive names ("Paul Porter, a truck driver from Ava, Mo., said").
 */
function skipAppositive(tokens: Token[], comma: number): number {
  const end = skipClauseOrAppositive(tokens, comma);
  // "Paul Porter, a truck driver from Ava, Mo., said": the place an appositive names is not the subject; the name
  // before the appositive is.
  const from = placePhraseStart(tokens, end);
  if (from === undefined) return end;
  const open = tokens.slice(0, from).findLastIndex((token) => token.text === ',');
  // "Six Gannett newspapers in New Jersey, including the Asbury Park Press, said": the noun the place follows, when the
  // sentence opens with it (not "Alarmed by the unrest in Nevada, Senator Harry Reid …"; "An email from …" is who sent it).
  const opensWithPlacedNoun = open === -1 && tokens[from].normal === 'in' && tokens[from - 1]?.pos === 'NOUN';
  if (opensWithPlacedNoun && !tokens.slice(0, from).some((token) => token.pos === 'VERB' || token.pos === 'AUX')) return from - 1;
  if (open === -1 || from - open > MAX_APPOSITIVE_TOKENS) return end;
  const subject = skipAge(tokens, open - 1);
  return isWord(tokens[subject]) && isCapitalized(tokens[subject]) ? subject : end;
}

/**
 * Where "from Sumter, South Carolina" or "in Allentown, Pa." ending at `end` starts (its preposition), when it follows
 * a common noun ("a salesman from …") or a comma ("Dewayne Smithy, 33, of Baldwin"); undefined otherwise ("Lee Zeldin of
 * New York" is the name's own place).
 */
function placePhraseStart(tokens: Token[], end: number): number | undefined {
  let k = end;
  while (isCapitalizedWord(tokens[k])) k -= 1;
  if (k < end && tokens[k]?.text === ',' && isCapitalizedWord(tokens[k - 1])) {
    k -= 1;
    while (isCapitalizedWord(tokens[k])) k -= 1;
  }
  const preposition = tokens[k];
  const head = tokens[k - 1];
  // After a common noun ("a salesman from …"), or set off after the name or its age ("Dewayne Smithy, 33, of Baldwin").
  const described = head !== undefined && ((head.pos === 'NOUN' && !isCapitalized(head)) || head.text === ',');
  return k < end && preposition && PLACE_PREPOSITIONS.has(preposition.normal) && described ? k : undefined;
}

const PLACE_PREPOSITIONS = new Set(['in', 'from', 'at', 'of']);

/**
 * "Rich Heffley, a top GOP operative who played a major role in … and is now running …, said", "Sam Solovey, a
 * contestant on Trump's reality TV show, "The Apprentice," who went on to work alongside Trump, said": a sentence that
 * opens with a name set off by a comma and an appositive's first word is that name's, however long the appositive and
 * whatever it quotes. Where the name ends, or undefined.
 */
function openingNameBefore(tokens: Token[], comma: number): number | undefined {
  const end = openingName(tokens);
  if (end === undefined || end + 1 >= comma) return undefined;
  // A semicolon or colon ends a clause the appositive cannot hold.
  return tokens.slice(end + 2, comma).some((token) => token.text === ';' || token.text === ':') ? undefined : end;
}

/**
 * Where the capitalised words a sentence opens with end, when a comma and an appositive's first word follow them; in a
 * sentence that opens with a quotation, the words right after it ("“…,” Ivo Karsk, a fellow at …, said").
 */
function openingName(tokens: Token[]): number | undefined {
  const first = OPENING_CONJUNCTIONS.has(tokens[0]?.normal ?? '') ? 1 : afterOpeningQuotation(tokens);
  let k = first;
  while (k < tokens.length && isWord(tokens[k]) && isCapitalized(tokens[k])) k += 1;
  const introduced = k > first && k - first <= MAX_NAME_WORDS && tokens[k]?.text === ',' && APPOSITIVE_OPENERS.has(tokens[k + 1]?.normal ?? '');
  return introduced ? k - 1 : undefined;
}

const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'yet']);

/** The token after the quotation a sentence opens with, its comma inside the marks ("“…,” Lima"); else 0. */
function afterOpeningQuotation(tokens: Token[]): number {
  if (tokens[0]?.quoteMark !== 'open') return 0;
  const close = tokens.findIndex((token) => token.quoteMark === 'close');
  return close > 1 && tokens[close - 1].text === ',' ? close + 1 : 0;
}

/** First words of an appositive or relative clause after a name: "a top operative", "who calls …", "whose …". */
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'who', 'whose', 'now', 'once', 'formerly']);

/** The last token before the relative or participle clause, the age or the appositive that ends at `comma`. */
function skipClauseOrAppositive(tokens: Token[], comma: number): number {
  // "Gov. John Kasich (R-OH), said": a stray comma after the party sets nothing off.
  if (tokens[comma - 1]?.text === ')' && tokens[comma + 1]?.pos === 'VERB') {
    const named = skipParenthesis(tokens, comma - 1);
    if (named < comma - 1 && isWord(tokens[named]) && isCapitalized(tokens[named])) return named;
  }
  const opening = openingNameBefore(tokens, comma);
  if (opening !== undefined) return opening;
  // A relative or participle clause first, whatever commas it holds ("Slinker, whose start-up, Paradata, uses data,
  // said"; "Trump, speaking at a rally in Wilmington, N.C., warned"), after a party in parentheses too.
  for (let k = comma - 1; k > 0 && k >= comma - MAX_APPOSITIVE_TOKENS && (!tokens[k].quoteMark || isQuotedNameMark(tokens, k)); k -= 1) {
    const opensClause = RELATIVE_PRONOUNS.has(tokens[k].normal) || (tokens[k].pos === 'VERB' && /ing$/.test(tokens[k].normal));
    if (opensClause && tokens[k - 1].text === ',') {
      const before = skipSetOffAdverb(tokens, k - 2);
      return tokens[before]?.text === ')' ? skipParenthesis(tokens, before) : skipAge(tokens, before);
    }
  }
  const age = skipAge(tokens, comma - 1);
  if (age !== comma - 1) return age;
  for (let k = comma - 1; k > 0 && k >= comma - MAX_APPOSITIVE_TOKENS; k -= 1) {
    // "Anne Richards, assistant secretary for population, refugees, and migration, said": commas inside a list of bare
    // nouns set nothing off.
    if (separatesListItems(tokens, k)) continue;
    if (tokens[k].text === ',' || tokens[k].quoteMark) {
      // "Powell’s office, when contacted by Reuters, said": the appositive follows a noun phrase.
      // "Rep. Elijah Cummings (D-Md.), chair of the committee, said": a parenthesis may close the noun phrase.
      const end = tokens[k - 1]?.text === ')' ? skipParenthesis(tokens, k - 1) : k - 1;
      const before = tokens[end];
      const endsNounPhrase = before && isWord(before) && (isCapitalized(before) || before.pos === 'NOUN' || before.pos === 'PROPN' || isNominalAdjective(tokens, end));
      // "Tom Sato, 61, a farmer, said", "Sen. Lindsey Graham, R-S.C., a long-shot candidate, said": an age or a party
      // and state before the appositive go too.
      const named = skipAge(tokens, end);
      if (tokens[k].text === ',' && named !== end) return named;
      return tokens[k].text === ',' && endsNounPhrase ? end : comma;
    }
  }
  return comma;
}

const RELATIVE_PRONOUNS = new Set(['who', 'whose', 'which']);

/**
 * A comma between lower-case nouns of a list that ends with "and" or "or" ("population, refugees, and migration",
 * "ports, fisheries, and coastal shipping"): what follows it is an item, or the conjunction and an item, and a later
 * item ends the list. An item is a noun with its adjectives.
 */
function separatesListItems(tokens: Token[], comma: number): boolean {
  if (tokens[comma].text !== ',' || !isListNoun(tokens[comma - 1])) return false;
  // Past the items that a comma follows, to the conjunction before the last one.
  let k = comma + 1;
  for (let end = listItemEnd(tokens, k); end !== undefined && tokens[end + 1]?.text === ','; end = listItemEnd(tokens, k)) k = end + 2;
  return LIST_CONJUNCTIONS.has(tokens[k]?.normal ?? '') && listItemEnd(tokens, k + 1) !== undefined;
}

/** Where the list item starting at `start` ends (its noun), or undefined when none starts there. */
function listItemEnd(tokens: Token[], start: number): number | undefined {
  let k = start;
  while (tokens[k]?.pos === 'ADJ' && !isCapitalized(tokens[k])) k += 1;
  return isListNoun(tokens[k]) ? k : undefined;
}

/** wink may read a last item in -ing as a verb ("fisheries, and shipping"). */
const isListNoun = (token: Token | undefined) =>
  token !== undefined && (token.pos === 'NOUN' || (token.pos === 'VERB' && token.normal.endsWith('ing'))) && !isCapitalized(token);

/**
 * A mark of a short quoted name inside a clause ("wearing “Ted Cruz” campaign pins"): a few capitalised words between
 * the marks, no quotation of their own.
 */
function isQuotedNameMark(tokens: Token[], k: number): boolean {
  const open = tokens[k].quoteMark === 'open' ? k : tokens.slice(0, k).findLastIndex((token) => token.quoteMark === 'open');
  const close = tokens.findIndex((token, at) => at > open && token.quoteMark === 'close');
  const words = tokens.slice(open + 1, close);
  return open !== -1 && close !== -1 && words.length > 0 && words.length <= MAX_NAME_WORDS && words.every((token) => isWord(token) && isCapitalized(token));
}

/** "Sanders, meanwhile, who …, said": an adverb set off by commas before a relative clause; where the subject ends. */
function skipSetOffAdverb(tokens: Token[], end: number): number {
  return tokens[end]?.pos === 'ADV' && tokens[end - 1]?.text === ',' ? end - 2 : end;
}

/**
 * "Another hopeful", "One Republican presidential hopeful": an adjective after a determiner stands for its noun; in
 * "the Republican attorney general", wink tags the title's last word an adjective.
 */
function isNominalAdjective(tokens: Token[], end: number): boolean {
  if (tokens[end]?.pos !== 'ADJ') return false;
  let k = end - 1;
  while (k >= 0 && ['ADJ', 'PROPN', 'NOUN'].includes(tokens[k].pos)) k -= 1;
  // A possessive determines it too ("Florida's Republican attorney general").
  return k >= 0 && (tokens[k].pos === 'DET' || tokens[k].pos === 'NUM' || POSSESSIVE_MARKS.has(tokens[k].text));
}

/**
 * "Sato, 61, said", "Sato, 61, who took office in June, said", "Sen. Marco Rubio, R-Fla., appearing on …, said": an
 * age, or a party and state, set off by commas after the name.
 */
function skipAge(tokens: Token[], end: number): number {
  const isAge = tokens[end]?.pos === 'NUM' && /^\d{1,3}$/.test(tokens[end].text) && tokens[end - 1]?.text === ',';
  if (isAge) return end - 2;
  const party = partyLetterBefore(tokens, end);
  return party === undefined ? end : party - 2;
}

/** Where "R-Fla." or "D-NY" ending at `end` starts (its party letter), after a comma; undefined otherwise. */
function partyLetterBefore(tokens: Token[], end: number): number | undefined {
  // The state may come in pieces: "R-S.C." is read as "R", "-", "S", ".", "C.".
  let state = end;
  while (state > end - MAX_STATE_TOKENS && tokens[state - 1]?.text !== '-' && isStatePiece(tokens[state - 1])) state -= 1;
  const isState = isStatePiece(tokens[state]) && tokens[state].text !== '.';
  const letter = state - 2;
  return isState && tokens[state - 1]?.text === '-' && PARTY_LETTERS.has(tokens[letter]?.text ?? '') && tokens[letter - 1]?.text === ',' ? letter : undefined;
}

const MAX_STATE_TOKENS = 4;

/** A state's abbreviation or a piece of one ("Fla.", "S", ".", "C."). */
const isStatePiece = (token: Token | undefined) =>
  token !== undefined && (token.text === '.' || (token.pos === 'PROPN' && /^\p{Lu}[\p{L}.]{0,4}$/u.test(token.text)));

const PARTY_LETTERS = new Set(['R', 'D', 'I']);

function capitalizedRunEndingAt(tokens: Token[], end: number): string[] {
  const run: string[] = [];
  for (let j = end; j >= 0 && run.length <= MAX_NAME_WORDS; j -= 1) {
    const token = tokens[j];
    const sentenceInitialWord = j === 0 && token.pos !== 'PROPN';
    if (!isWord(token) || !isCapitalized(token) || ROLE_WORDS.has(token.normal) || sentenceInitialWord) break;
    run.unshift(token.text);
  }
  return run;
}

/**
 * Two or more initials written with their full stops ("P.J.", "J.J."); not one, which may be a middle initial cut from
 * its given name ("J. Reyes" of "Tom J. Reyes").
 */
const INITIALS = /^(\p{Lu}\.){2,}$/u;

function looksLikePersonName(words: string[]): boolean {
  // "P.J. Fleck": initials before a surname are a given name's, which compromise reads as an acronym.
  if (words.length > 1 && INITIALS.test(words[0])) return looksLikePersonName(words.slice(1));
  const doc = compromiseNlp()(words.join(' '));
  if (!doc.has(NOT_A_PERSON)) return true;
  // "Ron Park", "Ed Lane": compromise reads the whole as a place when the surname is a place word; a given name first
  // that it knows alone makes it a person's ("Jackson" alone is none, and "Sierra Leone" a country).
  return words.length > 1 && compromiseNlp()(words[0]).has('#FirstName') && !doc.has(NAMED_PLACE);
}

/**
 * People the article names again by the first word of their name, never by the last: a family name written first
 * ("Xi Jinping" … "Xi said", "Kim Jong Un" … "Kim"), as Chinese, Korean and Vietnamese names are. That word names them
 * (`Person.calledBy`), and a naming the name finder cut from theirs ("Xi", "Kim Jong") is not someone else.
 */
function namedByFirstWord(people: Person[], text: string): Person[] {
  const named = people.filter((person) => !person.organization && !person.institutional && person.words.length > 1);
  for (const person of named) {
    const others = people.filter((other) => other !== person && !isCutOf(other, person));
    if (isCalledByFirstWord(person, others, text)) person.calledBy = person.words[0];
  }
  const called = named.filter((person) => person.calledBy !== undefined);
  return people.filter((person) => !called.some((whole) => isCutOf(person, whole)));
}

/** A word of one syllable, as spelt: one run of vowels. */
const ONE_SYLLABLE = /^[^aeiouy]*[aeiouy]+[^aeiouy]*$/;

/** A naming that opens a longer one and is not the caller's: "Kim Jong" of "Kim Jong Un". */
function isCutOf(short: Person, whole: Person): boolean {
  return short !== whole && !short.watched && short.words.length < whole.words.length && short.words.every((word, k) => whole.words[k] === word);
}

/**
 * The text writes the first word of the person's name alone and capitalised ("Xi said"), never the last alone, and
 * never the first in lower case ("he" of "He Lifeng" is a pronoun too); no one else’s name opens or ends with it.
 */
function isCalledByFirstWord(person: Person, others: Person[], text: string): boolean {
  const [first, second] = person.words;
  // A family name is one syllable ("Xi", "Kim", "Zhang", "Nguyen"). Not "Brevolt" of "Brevolt Resources", a body's
  // short name ("he" then went to the body), nor "Australian" of "Australian Ivo Weeks".
  if (!ONE_SYLLABLE.test(first)) return false;
  if (others.some((other) => other.words.length > 1 && (other.words[0] === first || other.words.at(-1) === first))) return false;
  const capitalized = new RegExp(`${NOT_IN_WORD}${escapeRegExp(first.charAt(0).toUpperCase() + first.slice(1))}(?![\\p{L}-])`, 'gu');
  // Alone: not before the rest of the name, nor before another name or nickname ("Ivo “Jay” Karsk").
  const firstAlone = [...text.matchAll(capitalized)].some((match) => {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 2 + second.length);
    return !after.toLowerCase().startsWith(` ${second}`) && !/^\s*["“'‘\p{Lu}]/u.test(after);
  });
  const lowerCase = new RegExp(`${NOT_IN_WORD}${escapeRegExp(first)}(?![\\p{L}-])`, 'u');
  const [last, beforeLast] = [person.words.at(-1) as string, person.words.at(-2) as string];
  const lastAlone = new RegExp(`(?<!${escapeRegExp(beforeLast)}[ -])${NOT_IN_WORD}${escapeRegExp(last)}(?![\\p{L}-])`, 'iu');
  return firstAlone && !lowerCase.test(text) && !lastAlone.test(text);
}

/**
 * One person per set of namings that can be one (`canBeSamePerson`), under the longest: "Clinton" goes with "Hillary
 * Rodham Clinton", and "Bill Clinton" is someone else. A surname alone goes to the first named.
 */
function mergeNamings(names: string[][], sentences: Sentence[]): Person[] {
  const merged: string[][] = [];
  for (const words of names) {
    const same = merged.findIndex((known) => canBeSamePerson(asTokens(known), asTokens(words)));
    if (same === -1) merged.push(words);
    else if (asTokens(words).length > asTokens(merged[same]).length) merged[same] = words;
  }
  const people = merged.map((words) => extendSingleName(words, sentences));
  return people.map((words) => ({ name: words.join(' '), words: asTokens(words) }));
}

/**
 * The caller's speakers (a watch's) first, so that a surname alone names them before anyone else of it. One the article
 * names ("Paul D. Ryan" for "Paul Ryan") is matched under the article's words and named as the caller names them.
 */
function withCallerSpeakers(callers: string[][], found: Person[]): Person[] {
  const rest = [...found];
  const people = callers.map((words) => {
    const tokens = asTokens(words);
    const same = rest.find((person) => canBeSamePerson(person.words, tokens));
    if (same) rest.splice(rest.indexOf(same), 1);
    const person: Person = { name: words.join(' '), words: same && same.words.length > tokens.length ? same.words : tokens, watched: true };
    return namesOrganization(words) ? { ...person, organization: true } : person;
  });
  return [...people, ...rest];
}

/** Prepositions inside a body's name, after its head ("Committee on …", "Ministry of …", "Council for …"). */
const NAME_PREPOSITIONS = new Set(['of', 'on', 'for']);

/**
 * A watch's speaker whose name is a body's: its head noun, the word before "of", "on" or "for", or else the last, is
 * an organisation's ("Office of the Norvale Ombudsman", "Norvale Workers Union"), not "Norvale Energy" nor a title.
 */
function namesOrganization(words: string[]): boolean {
  const head = nameHead(words);
  return words.length > 1 && head !== undefined && ORGANIZATION_HEADS.has(head);
}

/** The head noun of a body's name: the word before "of", "on" or "for", or else the last, lower case. */
export function nameHead(words: string[]): string | undefined {
  const preposition = words.findIndex((word) => NAME_PREPOSITIONS.has(word));
  return (preposition > 0 ? words[preposition - 1] : words.at(-1))?.replace(/['’]s?$/, '').toLowerCase();
}

/** The auxiliary that opens a question before a name ("Would Norvale have to …?"): no given name. */
function opensQuestion(tokens: Token[], before: Token, name: string): boolean {
  return tokens.at(-1)?.text === '?' && isNotNameStart([before.text, name]);
}

/** A name's words as the tokenizer splits them, lower-cased: "Reed-Veal" is "reed", "-", "veal". */
function asTokens(words: string[]): string[] {
  return words.flatMap((word) => word.toLowerCase().split(/(-)/).filter(Boolean));
}

/**
 * compromise sometimes finds only the surname ("Berg" in "chief executive Ole Berg"): take the given name too; or only
 * the given name ("Jared" in "Jared Potts"): take the surname.
 */
function extendSingleName(words: string[], sentences: Sentence[]): string[] {
  if (words.length !== 1) return words;
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i += 1) {
      if (tokens[i].text !== words[0]) continue;
      const before = tokens[i - 1];
      const isGivenName =
        i > 1 && isWord(before) && isCapitalized(before) && !isTitle(before.text) && !opensQuestion(tokens, before, words[0]) && !followsPlaceTitle(tokens, i - 1);
      // Not a function word a quotation or a clause opens with ("“But Mike wanted …”"); a particle may be ("Le Pen").
      if (isGivenName && !compromiseNlp()(before.text.toLowerCase()).has(FUNCTION_WORDS) && looksLikePersonName([before.text, words[0]])) {
        return [before.text, words[0]];
      }
      // …or the given name alone ("Jared" in "said 17-year-old Jared Potts"): take the surname after it.
      const after = tokens[i + 1];
      const isSurname = after !== undefined && isWord(after) && isCapitalized(after) && after.pos === 'PROPN' && !isTitle(after.text);
      if (isSurname && compromiseNlp()(words[0]).has('#FirstName') && looksLikePersonName([words[0], after.text])) return [words[0], after.text];
    }
  }
  return words;
}

/**
 * The title before the first naming that has one ("Russian President Vladimir Putin" → "Russian President"), else the
 * title an appositive gives after a naming ("Runa Varmo, the president of Tolland University," → "president").
 */
function findRole(person: Person, sentences: Sentence[]): string | undefined {
  let appositive: string | undefined;
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i += 1) {
      if (!matchesWords(tokens, i, person.words)) continue;
      const role = tokens.slice(roleStartBefore(tokens, i), i);
      if (role.length > 0) return joinTokens(role);
      // "At a press conference in Chelsea, the mayor said": after a preposition, a name is a place, not a subject.
      if (tokens[i - 1]?.pos !== 'ADP') appositive ??= appositiveRole(tokens, i + person.words.length);
    }
  }
  return appositive;
}

/**
 * The role words of an appositive right after a name (", the president of …", ", a spokeswoman for …", ", chief
 * executive of …"), up to the preposition that names the institution: the institution's own words ("for Gov. Sanne
 * Orlo") would make the person a holder of someone else's title.
 */
function appositiveRole(tokens: Token[], comma: number): string | undefined {
  if (tokens[comma]?.text !== ',') return undefined;
  let k = comma + 1;
  if (['the', 'a', 'an'].includes(tokens[k]?.normal ?? '')) k += 1;
  const start = k;
  while (k < tokens.length && k - start < MAX_ROLE_TOKENS && (ROLE_WORDS.has(tokens[k].normal) || isRoleModifier(tokens[k]))) k += 1;
  const role = tokens.slice(start, k);
  // The phrase ends on a role word ("the union president"), not on a modifier ("the former"), and the appositive goes
  // on with the institution or closes: ", the mayor also said" is the next clause's subject, not an appositive.
  const closes = !tokens[k] || tokens[k].text === ',' || tokens[k].pos === 'ADP';
  return role.length > 0 && closes && ROLE_WORDS.has(role[role.length - 1].normal) ? role.map((token) => token.text).join(' ') : undefined;
}

/** "former", "deputy", "union" in "the former union president": words that narrow a role before its head. */
export function isRoleModifier(token: Token): boolean {
  return isWord(token) && !isCapitalized(token) && (token.pos === 'ADJ' || token.pos === 'NOUN');
}

/** The words of a person's role, abbreviations spelt out ("Sen." → "senator"). */
export function roleWordsOf(person: Person): string[] {
  return (person.role ?? '').toLowerCase().split(/\s+/).map((word) => ROLE_ABBREVIATIONS[word.replace(/\.$/, '')] ?? word);
}

/**
 * Whether the person's role is the title ("senator" for "Sen."), as its holder or, with `second`, as the holder's
 * second ("Vice President Joe Biden" is "the vice president", not "the president"; "Deputy Mayor" not "the mayor");
 * with `former`, one held before ("the former president" is not "President Barack Obama").
 */
export function holdsTitle(person: Person, title: string, { second = false, former = false } = {}): boolean {
  const role = roleWordsOf(person);
  const at = role.lastIndexOf(title);
  // "ministry spokeswoman" speaks for the ministry but is not "the ministry"; nor is "Party leader Tom Reyes" "the party".
  if (at === -1 || SPOKESPERSON_NOUNS.has(role[at + 1] ?? '') || (ORGANIZATION_HEADS.has(title) && at < role.length - 1)) return false;
  return isSecondToTitle(role[at - 1] ?? '') === second && (!former || role.slice(0, at).includes('former'));
}

/**
 * How the words from `from` to the title at `head` qualify it, for `holdsTitle`: "the vice president" (`second`, the
 * word right before, as written: wink's normal form of "vice" is "vise"), "the former mayor" (`former`; not a former
 * owner's: "the former vice president’s spokeswoman").
 */
export function titleQualifiers(tokens: Token[], from: number, head: number): { second: boolean; former: boolean } {
  const ownerMark = tokens.slice(from, head).findLastIndex((word) => POSSESSIVE_MARKS.has(word.text));
  return {
    second: isSecondToTitle(tokens[head - 1]?.text.toLowerCase() ?? ''),
    former: tokens.slice(from + ownerMark + 1, head).some((word) => word.normal === 'former'),
  };
}

/** "vice", "deputy": a word that makes the title after it the holder's second's. */
function isSecondToTitle(word: string): boolean {
  return SECOND_TO_TITLE.has(word);
}

const SECOND_TO_TITLE = new Set(['vice', 'deputy', 'assistant', 'lieutenant']);

const ROLE_ABBREVIATIONS: Record<string, string> = { sen: 'senator', gov: 'governor', rep: 'representative', gen: 'general', adm: 'admiral' };

/**
 * Where a role before a name starts: role words, capitalised words and a noun modifying a role word
 * ("Nordic Air chief executive", "union leader"). Returns `nameStart` when no role word precedes the name.
 */
export function roleStartBefore(tokens: Token[], nameStart: number): number {
  const role: Token[] = [];
  for (let j = nameStart - 1; j >= 0 && role.length < MAX_ROLE_TOKENS; j -= 1) {
    const token = tokens[j];
    const isRoleWord = ROLE_WORDS.has(token.normal.replace(/\.$/, ''));
    // "campaign chairman", "former Florida governor": a modifier of a role, even across a place name.
    const modifiesRole = (token.pos === 'NOUN' || token.pos === 'ADJ') && role.some((word) => ROLE_WORDS.has(word.normal));
    const isCapitalizedWord = isWord(token) && isCapitalized(token) && !(j === 0 && token.pos !== 'PROPN' && token.pos !== 'ADJ');
    // "Adm. Paul Dorsey": wink keeps the full stop of some title abbreviations apart.
    const abbreviationStop = token.text === '.' && token.space === '' && ROLE_WORDS.has(tokens[j - 1]?.normal ?? '');
    if (!(isRoleWord || modifiesRole || isCapitalizedWord || abbreviationStop || namesOffice(tokens, j, role))) break;
    role.unshift(token);
  }
  // A role sits right before the name ("Russian President Vladimir Putin"), or an office named with "of" ("Secretary of
  // State John Kerry"); "At APEC Putin said" has none.
  const adjacent = role.findLast((word) => word.text !== '.');
  const office = role.some((word) => word.normal === 'of');
  return adjacent && (ROLE_WORDS.has(adjacent.normal.replace(/\.$/, '')) || office) ? nameStart - role.length : nameStart;
}

/** "of" between a role word and the capitalised office it holds ("Secretary | of | State", "Minister of Finance"). */
function namesOffice(tokens: Token[], of: number, role: Token[]): boolean {
  const title = tokens[of - 1];
  return tokens[of].normal === 'of' && role.length > 0 && isCapitalized(role[0]) && title !== undefined && isCapitalized(title) && ROLE_WORDS.has(title.normal);
}

/** The name's words (lower case) start at token `start`. */
export function matchesWords(tokens: Token[], start: number, words: string[]): boolean {
  return words.every((word, k) => tokens[start + k]?.normal === word);
}

/**
 * A person named by full name or surname ending at token `last`, or before a suffix there ("Joseph R. Biden Jr.
 * said"); not a possessive ("Putin’s comments").
 */
export function findNameEndingAt(tokens: Token[], last: number, register: SpeakerRegister): { person: Person; start: number } | undefined {
  if (last < 0 || POSSESSIVE_MARKS.has(tokens[last + 1]?.text ?? '')) return undefined;
  const end = last > 0 && NAME_SUFFIXES.test(tokens[last].text) ? last - 1 : last;
  let best: { person: Person; start: number } | undefined;
  for (const person of register.people) {
    const start = end - person.words.length + 1;
    const surname = surnameWords(person);
    const surnameStart = end - surname.length + 1;
    if (start >= 0 && matchesWords(tokens, start, person.words)) {
      if (!best || start < best.start) best = { person, start };
    } else if (surnameStart >= 0 && matchesWords(tokens, surnameStart, surname) && !best) {
      const named = namedBySurname(tokens, end, register) ?? person;
      if (!isAnotherBody(tokens, surnameStart, named)) best = { person: named, start: surnameStart };
    }
  }
  return best;
}

/**
 * "the landowner council" is not the Halden Water Council: a body's last word, lower-case in the text, after a noun its
 * name does not hold names another body of that kind.
 */
function isAnotherBody(tokens: Token[], start: number, person: Person): boolean {
  const before = tokens[start - 1];
  const described = before !== undefined && before.pos === 'NOUN' && !isCapitalized(before) && !isCapitalized(tokens[start]);
  return person.organization === true && described && !person.words.includes(before.normal);
}

/** The words of a person's surname as the tokenizer splits them: "cantera", or "lopez", "-", "cantera". */
function surnameWords(person: Person): string[] {
  if (person.calledBy) return [person.calledBy];
  return person.words.length > 3 && person.words.at(-2) === '-' ? person.words.slice(-3) : person.words.slice(-1);
}

/**
 * The person a surname alone at token `k` names: the first the article names, unless several share it and an
 * honorific before it marks a gender ("Mr. Clinton" beside Hillary and Bill Clinton): then one of that gender, else
 * one whose gender is not known to differ.
 */
function namedBySurname(tokens: Token[], k: number, register: SpeakerRegister): Person | undefined {
  const sharing = register.people.filter((person) => tokens[k].normal === calledByOf(person));
  const marked = sharing.length > 1 ? honorificGenderOf(tokens[k - 1]) : undefined;
  if (!marked) return sharing[0];
  return sharing.find((person) => person.gender === marked) ?? sharing.find((person) => !person.gender) ?? sharing[0];
}

/**
 * The register's people named in `tokens`, in order, each with where its name starts and ends; tokens `skip` says
 * are passed over (by default anything that is not a word).
 */
export function* namesIn(
  tokens: Token[],
  register: SpeakerRegister,
  skip: (token: Token) => boolean = (token) => !isWord(token),
): Generator<{ person: Person; start: number; end: number }> {
  for (let k = 0; k < tokens.length; k += 1) {
    if (skip(tokens[k])) continue;
    const named = findNameStartingAt(tokens, k, register);
    if (!named) continue;
    yield { person: named.person, start: k, end: named.end };
    k = named.end;
  }
}

/** A person named by full name or surname starting at token `start`, skipping a role ("according to Deputy … Kotaro Nogami"). */
export function findNameStartingAt(tokens: Token[], start: number, register: SpeakerRegister): { person: Person; end: number } | undefined {
  for (let i = start; i < tokens.length && i <= start + MAX_ROLE_TOKENS; i += 1) {
    const found = nameAt(tokens, i, register);
    // "said Clinton campaign manager Robby Mook": a name that owns the role before another name is not the speaker.
    if (found) return ownerOfNextName(tokens, found.end, register) ?? found;
    // "said one official who named Tom Reyes": a name after a relative pronoun is in a clause of its own.
    if (RELATIVE_PRONOUNS.has(tokens[i].normal)) return undefined;
    // "17-year-old Jared Potts", "Rev. Kyev Tatum" (wink may split a title's full stop from it).
    if (!isWord(tokens[i]) && !(['-', '.'].includes(tokens[i].text) && tokens[i].space === '')) return undefined;
  }
  return undefined;
}

/** A register person named at `i` in full, or by surname. */
function nameAt(tokens: Token[], i: number, register: SpeakerRegister): { person: Person; end: number } | undefined {
  const person = register.people.find((candidate) => matchesWords(tokens, i, candidate.words));
  if (person) return { person, end: i + person.words.length - 1 };
  const surnamed = namedBySurname(tokens, i, register);
  return surnamed && { person: surnamed, end: i };
}

/**
 * The full name after lower-case nouns that follow the name ending at `end` ("Clinton campaign manager Robby Mook",
 * "Clinton’s top foreign policy aide Jake Sullivan", "Clinton's husband, Bill,").
 */
function ownerOfNextName(tokens: Token[], end: number, register: SpeakerRegister): { person: Person; end: number } | undefined {
  const roleStart = POSSESSIVE_MARKS.has(tokens[end + 1]?.text ?? '') ? end + 2 : end + 1;
  let k = roleStart;
  while (k - roleStart < MAX_ROLE_TOKENS && tokens[k] && isRoleModifier(tokens[k])) k += 1;
  if (k === roleStart || tokens[k - 1].pos !== 'NOUN') return undefined;
  // "Clinton's husband, Bill, …": after a possessive, the name may be set off by commas, and be one word.
  const setOff = roleStart === end + 2 && tokens[k]?.text === ',';
  const at = setOff ? k + 1 : k;
  const next = register.people.find((candidate) => (candidate.words.length > 1 || setOff) && matchesWords(tokens, at, candidate.words));
  const nameEnd = next ? at + next.words.length - 1 : -1;
  if (!next || (setOff && tokens[nameEnd + 1]?.text !== ',')) return undefined;
  return { person: next, end: nameEnd };
}
