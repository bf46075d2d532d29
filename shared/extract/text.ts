/**
 * Text-level helpers shared by the HTML and plain-text paths: whitespace, boilerplate paragraphs,
 * repeated paragraphs and titles.
 */
import { cutOnWord, isWhitespaceCode } from '../text/index.js';
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

/** A title made from the body when the page has no headline: the first sentence, cut on a word. */
export function titleFromText(text: string | undefined): string {
  return text ? cutOnWord(firstSentence(text), TITLE_MAX_CHARS) : '';
}
