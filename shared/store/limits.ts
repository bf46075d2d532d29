/**
 * Sizes of what the archive keeps. A DynamoDB item holds at most 400 KB, attribute names included, and a write over
 * it fails every time it is retried; the caps leave room for the item's other attributes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Article text, plain or compressed, kept in its item: ~100 pages of news copy. Past it (even compressed) the text
 * is cut and marked `textTruncated`; the content hash is still of the whole text.
 */
export const MAX_STORED_TEXT_BYTES = 300_000;

/**
 * Article text up to this size (UTF-8) is kept as a plain string, readable in the console; a longer one is kept
 * gzip-compressed in `textGz`. A long feature runs to 60 KB; live blogs and transcripts run past it, and prose
 * compresses three to four times, so a 1 MB transcript fits whole.
 */
export const MAX_PLAIN_TEXT_BYTES = 100_000;

/** A revision's word diff kept in its item; a larger one is replaced by `DIFF_TOO_LARGE`. */
export const MAX_STORED_DIFF_BYTES = 100_000;

/** A digest's HTML kept for the feed; the e-mail itself is sent whole. */
export const MAX_STORED_HTML_BYTES = 240_000;

/** A digest's plain text kept beside its HTML; with the HTML and the statement ids, under 400 KB. */
export const MAX_STORED_DIGEST_TEXT_BYTES = 100_000;

/** Stored in place of a revision diff over `MAX_STORED_DIFF_BYTES`. */
export const DIFF_TOO_LARGE = '(diff too large to keep)';

/** Paragraphs are separated by blank lines in extracted text. */
const PARAGRAPH_BREAK = '\n\n';

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

/** An article's text as its item holds it: exactly one of `text` and `textGz`. */
export interface StoredArticleText {
  text?: string;
  /** The whole text, gzip-compressed (a DynamoDB Binary). */
  textGz?: Uint8Array;
  /** Set when the text was too large to keep whole even compressed, and `text` holds its first part. */
  textTruncated?: true;
}

/**
 * How an article's text is stored: plain up to `MAX_PLAIN_TEXT_BYTES`, else compressed if that fits in
 * `MAX_STORED_TEXT_BYTES`, else plain, cut to `MAX_STORED_TEXT_BYTES` and marked. Never too large to write.
 *
 * @example
 * const item = { ...keys, ...rest, ...encodeArticleText(article.text) };
 */
export function encodeArticleText(text: string): StoredArticleText {
  if (Buffer.byteLength(text, 'utf8') <= MAX_PLAIN_TEXT_BYTES) return { text };
  const compressed = gzipSync(text);
  if (compressed.length <= MAX_STORED_TEXT_BYTES) return { textGz: compressed };
  return { text: capText(text, MAX_STORED_TEXT_BYTES), textTruncated: true };
}

/** The text an item holds, in whichever form `encodeArticleText` chose; the item's other fields as they are. */
export function decodeArticleText<T extends StoredArticleText>(item: T): Omit<T, 'textGz'> & { text: string } {
  const { textGz, ...rest } = item;
  return { ...rest, text: textGz ? gunzipSync(textGz).toString('utf8') : (item.text ?? '') };
}
