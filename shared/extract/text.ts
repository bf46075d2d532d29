/**
 * Text-level helpers shared by the HTML and plain-text paths: whitespace, boilerplate paragraphs,
 * repeated paragraphs, dates and titles.
 */
import {
  ALWAYS_BOILERPLATE,
  BLOCK_OPENING_BOILERPLATE,
  BOILERPLATE_MAX_CHARS,
  BOILERPLATE_PATTERNS,
  PROSE_RESUMES_MIN_WORDS,
  TITLE_MAX_CHARS,
  type BoilerplateKind,
} from './patterns.js';

/** Zero-width characters and soft hyphens: invisible on screen, but they break text comparison. */
const INVISIBLE_CHARS = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Sentence end, allowing closing quotes and brackets after the mark. */
const SENTENCE_END = /[.!?…]["”’')\]]*$/;
/** How much of a text's end `SENTENCE_END` needs to see: the mark and a few closing quotes and brackets. */
const SENTENCE_END_TAIL_CHARS = 16;

/** Tokens before a full stop that do not end a sentence: "U.S. President", "Mr. Abe", "Jan. 6". */
const ABBREVIATION_BEFORE_STOP = /(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Prof|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|No|vs|etc)\.$/;

/** A photo credit trailing a caption: "…Putin reportedly said.   © AP". */
const TRAILING_CREDIT = /\s*(?:©|\(c\)|photo:|credit:)\s*[\w .,&'/-]{0,60}$/i;
/** The marks `TRAILING_CREDIT` starts with: a text without one has no credit to drop. */
const CREDIT_MARK = /©|\(c\)|photo:|credit:/i;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
/** "November 10, 2017", "Jun 6, 2024" (also glued to following text: "Jun 6, 2024Featured Article"). */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i');
/** "10 November 2017". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})`, 'i');
/** A zone in a date-time: `Z` after a time, a numeric offset, or a name `Date.parse` knows (RFC 822's). */
const ZONE_DESIGNATOR = /\dZ\b|[+-]\d{2}:?\d{2}\b|\b(?:UTC?|GMT|[ECMP][SD]T)\b/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** ISO date-times without an offset would be read in the host's zone; we read them as UTC instead. */
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Collapses all whitespace (including no-break spaces) to single spaces and drops invisible characters. */
export function normalizeWhitespace(text: string): string {
  return text.replace(INVISIBLE_CHARS, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Whitespace that collapsing changes: a run of two or more, or one character other than a space. Single spaces are
 * left alone, so text that is already normalized comes back as the same string, not a copy.
 */
const WHITESPACE_RUN = /\s{2,}|[^\S ]/g;

/** Commas of any script (`,` `，` `、`): a scored paragraph earns a point per clause (Readability counts commas). */
const COMMA = 0x2c;
const FULLWIDTH_COMMA = 0xff0c;
const IDEOGRAPHIC_COMMA = 0x3001;

/**
 * Measures a text as `normalizeWhitespace` would leave it — its length and its commas — fed in pieces (the
 * text nodes under an element) and without building it: the scoring stages read every block's text, nested
 * blocks over and over, and only compare lengths.
 *
 * @example
 * const measure = new NormalizedTextMeasure();
 * measure.add('  Tokyo,\n');
 * measure.add(' Japan ');
 * measure.length; // 12, as normalizeWhitespace('  Tokyo,\n Japan ').length
 */
export class NormalizedTextMeasure {
  length = 0;
  commas = 0;
  /** Whitespace seen since the last visible character: one space, if visible text follows. */
  private pendingSpace = false;

  add(text: string): void {
    let { length, commas, pendingSpace } = this;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      // Printable ASCII first: most characters of most pages, and neither invisible nor whitespace.
      if (code <= 0x20 || code >= 0x7f) {
        if (isInvisibleCode(code)) continue;
        if (isWhitespaceCode(code)) {
          pendingSpace ||= length > 0;
          continue;
        }
      }
      if (pendingSpace) {
        length += 1;
        pendingSpace = false;
      }
      length += 1;
      if (code === COMMA || code === FULLWIDTH_COMMA || code === IDEOGRAPHIC_COMMA) commas += 1;
    }
    this.length = length;
    this.commas = commas;
    this.pendingSpace = pendingSpace;
  }
}

/** `INVISIBLE_CHARS`, by character code. */
function isInvisibleCode(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** JavaScript's `\s` (what `normalizeWhitespace` collapses), by character code. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function endsLikeSentence(text: string): boolean {
  // Only the end can match; testing the whole text made joining a capture's hard-wrapped lines quadratic.
  return SENTENCE_END.test(text.slice(-SENTENCE_END_TAIL_CHARS));
}

/** Whether a line reads as article prose: long enough and ending like a sentence. */
export function isProse(text: string, minWords: number): boolean {
  return countWords(text) >= minWords && endsLikeSentence(text) && !findBoilerplateKind(text);
}

const BOILERPLATE_KINDS = Object.keys(BOILERPLATE_PATTERNS) as BoilerplateKind[];

/** The first `BOILERPLATE_PATTERNS` kind a paragraph matches, or undefined for article text. */
export function findBoilerplateKind(text: string): BoilerplateKind | undefined {
  return BOILERPLATE_KINDS.find(
    (kind) => (ALWAYS_BOILERPLATE.has(kind) || text.length <= BOILERPLATE_MAX_CHARS) && BOILERPLATE_PATTERNS[kind].test(text),
  );
}

/**
 * Drops boilerplate paragraphs. A paywall, subscription or sponsored paragraph opens a block: the
 * paragraphs after it are dropped too until one reads as prose again (marketing copy is short lines).
 */
export function dropBoilerplateParagraphs<T extends { text: string }>(paragraphs: readonly T[]): T[] {
  const kept: T[] = [];
  let inBlock = false;
  for (const paragraph of paragraphs) {
    const kind = findBoilerplateKind(paragraph.text);
    if (kind) {
      inBlock = inBlock || BLOCK_OPENING_BOILERPLATE.has(kind);
      continue;
    }
    if (inBlock && !isProse(paragraph.text, PROSE_RESUMES_MIN_WORDS)) continue;
    inBlock = false;
    kept.push(paragraph);
  }
  return kept;
}

/** Comparison key: case, spacing, curly quotes and a trailing photo credit do not make a paragraph new. */
export function paragraphKey(text: string): string {
  // The credit pattern is tried at every space of a paragraph; most paragraphs hold no credit mark at all.
  const withoutCredit = CREDIT_MARK.test(text) ? text.replace(TRAILING_CREDIT, '') : text;
  return normalizeWhitespace(withoutCredit)
    .toLowerCase()
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");
}

/**
 * Drops repeated paragraphs. A paragraph repeated right after itself (with or without a "© AP" credit)
 * is an image's alt text followed by its caption: both copies go. A later repeat (a pull quote, a
 * caption of a second image) goes and the first copy stays. `keys` are the paragraphs' `paragraphKey`s, when
 * the caller has them already.
 */
export function dropRepeatedParagraphs<T extends { text: string }>(
  paragraphs: readonly T[],
  keys: readonly string[] = paragraphs.map((paragraph) => paragraphKey(paragraph.text)),
): T[] {
  const isCaptionPair = (index: number) => keys[index] === keys[index - 1] || keys[index] === keys[index + 1];
  const seen = new Set<string>();
  return paragraphs.filter((_paragraph, index) => {
    const key = keys[index];
    if (!key || isCaptionPair(index) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first sentence of a text, not fooled by "U.S." or "Mr.". */
export function firstSentence(text: string): string {
  const boundary = /[.!?]["”’)]*\s+(?=["“‘(]?[A-Z0-9])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const isAbbreviation = ABBREVIATION_BEFORE_STOP.test(text.slice(0, match.index + 1));
    if (!isAbbreviation) return text.slice(0, match.index + match[0].trimEnd().length);
  }
  return text;
}

/** A sentence end followed by a space: where a runaway text is best cut. */
const SENTENCE_BREAK = /[.!?…]["”’')\]]*\s/g;

/** Ends a text cut inside a sentence, so it reads as cut (and still ends like a sentence). */
const CUT_MARK = '…';

/**
 * `text` if it holds at most `maxChars` characters, else a prefix of it: up to the last sentence end in the
 * allowance when that keeps at least half of it, else up to the last space (or exactly `maxChars`) and "…".
 *
 * @example
 * cutRunOfText('One two. Three four five.', 12); // 'One two. '
 * cutRunOfText('One two three four five.', 12); // 'One two…'
 */
export function cutRunOfText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 0) return '';
  const prefix = text.slice(0, maxChars);
  let sentenceEnd = 0;
  for (const match of prefix.matchAll(SENTENCE_BREAK)) sentenceEnd = match.index + match[0].length;
  if (sentenceEnd >= prefix.length / 2) return prefix.slice(0, sentenceEnd);
  const space = prefix.search(/\s\S*$/);
  return `${space > 0 ? prefix.slice(0, space) : prefix}${CUT_MARK}`;
}

/** Cuts a text to `maxChars` on a word boundary, marking the cut with an ellipsis. */
export function truncateOnWord(text: string, maxChars: number = TITLE_MAX_CHARS): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** A title made from the body when the page has no headline: the first sentence, truncated. */
export function titleFromText(text: string | undefined): string {
  return text ? truncateOnWord(firstSentence(text)) : '';
}

/**
 * Reads a date (ISO 8601, RFC 822 as feeds write it, or written out) as ISO 8601 in UTC. Values without
 * a zone are read as UTC: date-only ones ("2019-06-06", "Jun 6, 2024") become midnight UTC of that day,
 * date-times ("Mon, 03 Jun 2024 09:30:00") that time in UTC, so no result depends on the host's zone.
 *
 * @example
 * toIsoDate('Mon, 03 Jun 2024 09:30:00'); // '2024-06-03T09:30:00.000Z', whatever TZ says
 */
export function toIsoDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DATE_ONLY.test(text)) return `${text}T00:00:00.000Z`;
  if (ISO_WITHOUT_OFFSET.test(text)) return isoFromMillis(Date.parse(`${text.replace(' ', 'T')}Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) || /\d{1,2}:\d{2}/.test(text)) {
    // `Date.parse` reads a zone-less date-time in the host's zone; naming GMT pins it to UTC.
    const parsed = isoFromMillis(Date.parse(ZONE_DESIGNATOR.test(text) ? text : `${text} GMT`));
    if (parsed) return parsed;
  }
  return findHumanDate(text)?.iso;
}

/** Finds a written-out date ("November 10, 2017", "10 Nov 2017") inside a text. */
export function findHumanDate(text: string): { iso: string; index: number; length: number } | undefined {
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) return dateMatch(monthFirst, monthFirst[1], monthFirst[2], monthFirst[3]);
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) return dateMatch(dayFirst, dayFirst[2], dayFirst[1], dayFirst[3]);
  return undefined;
}

function dateMatch(match: RegExpExecArray, monthName: string, day: string, year: string) {
  const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
  const millis = Date.UTC(Number(year), month - 1, Number(day));
  const iso = isoFromMillis(millis);
  // Date.UTC rolls "Feb 31" over into March; a rolled-over date is not the date the page states.
  if (!iso || new Date(millis).getUTCDate() !== Number(day)) return undefined;
  return { iso, index: match.index, length: match[0].length };
}

function isoFromMillis(millis: number): string | undefined {
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}
