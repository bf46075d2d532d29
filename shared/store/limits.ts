/**
 * Sizes of what the archive keeps. A DynamoDB item holds at most 400 KB, attribute names included, and a write over
 * it fails every time it is retried; the caps leave room for the item's other attributes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_STORED_TEXT_BYTES } from '../dedupe/ports.js';
import { capText } from '../text/index.js';

// Article text, plain or compressed, kept in its item: the cap is part of the archive port dedupe declares.
export { MAX_STORED_TEXT_BYTES, capText };

/**
 * Article text up to this size (UTF-8) is kept as a plain string, readable in the console; a longer one is kept
 * gzip-compressed in `textGz`. A long feature runs to 60 KB; live blogs and transcripts run past it, and prose
 * compresses three to four times, so a 1 MB transcript fits whole.
 */
export const MAX_PLAIN_TEXT_BYTES = 100_000;

/** A revision's word diff kept in its item; a larger one is replaced by `DIFF_TOO_LARGE`. */
export const MAX_STORED_DIFF_BYTES = 100_000;

// A digest's kept copy is cut to size by digest rendering, which owns its caps.
export { MAX_STORED_DIGEST_TEXT_BYTES, MAX_STORED_HTML_BYTES } from '../digest/kept.js';

/** Stored in place of a revision diff over `MAX_STORED_DIFF_BYTES`. */
export const DIFF_TOO_LARGE = '(diff too large to keep)';

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
