/**
 * Which language an article is written in, well enough to tell English (what the stance reader reads)
 * from the rest. No model and no data to download: the writing system first (Cyrillic, Han, Arabic…),
 * then, for Latin script, which language's most common words the text is made of.
 *
 * Stages: sampleText → countScripts → (languageOfScript | languageOfWords).
 * Doubt means `und` (undetermined), and an undetermined article is read as English: a page skipped
 * by mistake would lose its statements silently, one read by mistake only yields none.
 */

/** Enough text to judge; a long article says nothing more about its language past this. */
const SAMPLE_CHARS = 20_000;
/** Fewer letters than this (a caption, a teaser) cannot be judged. */
const MIN_LETTERS = 200;
/** A text whose letters are mostly of another script is in that script's language. */
const OTHER_SCRIPT_SHARE = 0.5;
/** In Latin script, the best language's common words must make up this share of the words… */
const MIN_COMMON_WORD_SHARE = 0.08;
/** …and outnumber English's by this factor, so an English text quoting Spanish stays English. */
const OVER_ENGLISH_FACTOR = 2;

/** Scripts that name a language (or the first of the languages that write it, by readers of news). */
const SCRIPT_LANGUAGES: ReadonlyArray<{ script: RegExp; language: (sample: string) => string }> = [
  { script: /\p{Script=Cyrillic}/u, language: cyrillicLanguage },
  { script: /\p{Script=Hangul}/u, language: () => 'ko' },
  // Japanese writes Han characters beside kana; Chinese writes no kana.
  { script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: () => 'ja' },
  { script: /\p{Script=Han}/u, language: (sample) => (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample) ? 'ja' : 'zh') },
  { script: /\p{Script=Arabic}/u, language: (sample) => (/[پچژگ]/u.test(sample) ? 'fa' : 'ar') },
  { script: /\p{Script=Hebrew}/u, language: () => 'he' },
  { script: /\p{Script=Greek}/u, language: () => 'el' },
  { script: /\p{Script=Devanagari}/u, language: () => 'hi' },
  { script: /\p{Script=Bengali}/u, language: () => 'bn' },
  { script: /\p{Script=Tamil}/u, language: () => 'ta' },
  { script: /\p{Script=Thai}/u, language: () => 'th' },
  { script: /\p{Script=Georgian}/u, language: () => 'ka' },
  { script: /\p{Script=Armenian}/u, language: () => 'hy' },
];

/** Letters only Ukrainian, Belarusian or Serbian Cyrillic use; the rest is read as Russian. */
const CYRILLIC_MARKERS: ReadonlyArray<[RegExp, string]> = [
  [/[іїєґ]/iu, 'uk'],
  [/[ў]/iu, 'be'],
  [/[ђћџ]/iu, 'sr'],
];

/** The most common words of languages written in Latin script; function words, not topic words. */
const COMMON_WORDS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries({
    en: 'the of and to in is that for on with was as by it at from he his said are be has have not this would will an which but',
    fr: 'le la les des est et une un du dans pour que qui sur pas au avec il ce sont ont été aux par elle mais',
    de: 'der die das und ist nicht mit den ein eine zu von sich auf dem des für auch es im wird sind hat',
    es: 'el los las que y en un una por con para es del se su al como más pero fue sus lo',
    it: 'il di che e la le un una per con non sono della del nel è gli alla anche ha dei',
    pt: 'o os que de e não uma um para com do da em no na é dos das ao foi pelo pela',
    nl: 'de het een en van is niet dat op te zijn met voor ook er bij aan werd wordt',
    pl: 'i w nie się na że z do jest to jak o po przez co ale od dla jego',
    tr: 've bir bu da de için ile olarak çok daha olan gibi ama',
    id: 'yang dan di ini itu dengan untuk dari tidak dalam akan pada',
    vi: 'của và các là có được trong cho không những với người này một',
  }).map(([language, words]) => [language, new Set(words.split(' '))]),
);

/**
 * The article's language as an ISO 639-1 code (`en`, `ru`, `zh`), or `und` when the text is too short
 * or too mixed to say.
 *
 * @example
 * detectLanguage('Президент России Владимир Путин заявил…') // 'ru'
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = [...sample.matchAll(/\p{L}/gu)].map((match) => match[0]);
  if (letters.length < MIN_LETTERS) return 'und';
  const other = SCRIPT_LANGUAGES.map((entry) => ({ entry, count: letters.filter((letter) => entry.script.test(letter)).length }));
  const dominant = other.reduce((best, current) => (current.count > best.count ? current : best));
  const otherLetters = other.reduce((sum, current) => sum + current.count, 0);
  if (otherLetters / letters.length >= OTHER_SCRIPT_SHARE) return dominant.entry.language(sample);
  return languageOfWords(sample);
}

function cyrillicLanguage(sample: string): string {
  return CYRILLIC_MARKERS.find(([marker]) => marker.test(sample))?.[1] ?? 'ru';
}

function languageOfWords(sample: string): string {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = Object.entries(COMMON_WORDS).map(([language, common]) => ({
    language,
    count: words.filter((word) => common.has(word)).length,
  }));
  const english = hits.find((hit) => hit.language === 'en')?.count ?? 0;
  const best = hits.reduce((top, current) => (current.count > top.count ? current : top));
  if (best.language === 'en') return 'en';
  if (best.count / words.length < MIN_COMMON_WORD_SHARE || best.count < english * OVER_ENGLISH_FACTOR) return 'und';
  return best.language;
}
