/**
 * Cutting text to size: `cutOnWord` to a number of characters (titles, sentences, runaway text runs), `capText` to
 * a number of UTF-8 bytes (what a store item or a message may hold). Every cut of the project goes through one of
 * the two, so a cut text reads the same wherever it was cut.
 */

/** Ends a text cut inside a sentence, so it reads as cut (and, to the sentence splitter, as ended). */
const CUT_MARK = '…';

/** A sentence end followed by a space: where a runaway text is best cut. */
const SENTENCE_BREAK = /[.!?…]["”’')\]]*\s/g;

/** The space before the last word of a prefix: a cut there keeps whole words only. */
const LAST_WORD = /\s\S*$/;

/** What a cut on a word leaves dangling: spaces, and the comma, colon or dash that led into the next word. */
const DANGLING_END = /[\s,;:–—-]+$/;

/** Paragraphs are separated by blank lines in extracted text. */
const PARAGRAPH_BREAK = '\n\n';

export interface CutOptions {
  /**
   * Cut at the last sentence end in the allowance instead, when that keeps at least half of it (and add no mark):
   * for runaway text runs, whose cut part is read as prose.
   */
  atSentenceEnd?: boolean;
  /** Appended to a text cut on a word; `''` for none. */
  mark?: string;
}

/**
 * `text` if it holds at most `maxChars` characters, else its first `maxChars` characters back to the last space
 * (or all of them, in a text without one), without what dangles at the end, and `mark` ("…" unless told).
 * `atSentenceEnd` prefers the last sentence end (see `CutOptions`).
 *
 * @example
 * cutOnWord('One two three four five.', 12); // 'One two…'
 * cutOnWord('One two. Three four five.', 12, { atSentenceEnd: true }); // 'One two. '
 */
export function cutOnWord(text: string, maxChars: number, { atSentenceEnd = false, mark = CUT_MARK }: CutOptions = {}): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 0) return '';
  const prefix = text.slice(0, maxChars);
  if (atSentenceEnd) {
    let sentenceEnd = 0;
    for (const match of prefix.matchAll(SENTENCE_BREAK)) sentenceEnd = match.index + match[0].length;
    if (sentenceEnd >= prefix.length / 2) return prefix.slice(0, sentenceEnd);
  }
  const space = prefix.search(LAST_WORD);
  return `${(space > 0 ? prefix.slice(0, space) : prefix).replace(DANGLING_END, '')}${mark}`;
}

/**
 * `text` if it fits in `maxBytes` of UTF-8, else its longest prefix that does, cut at the last paragraph break (or,
 * with no break in the prefix, at the last whole character).
 */
export function capText(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const prefix = utf8Prefix(text, maxBytes);
  const cut = prefix.lastIndexOf(PARAGRAPH_BREAK);
  return cut > 0 ? prefix.slice(0, cut) : prefix;
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
function utf8Prefix(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8').subarray(0, maxBytes);
  // A cut inside a multi-byte character decodes to U+FFFD at the end: drop it.
  return bytes.toString('utf8').replace(/\uFFFD$/, '');
}
