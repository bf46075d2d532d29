/**
 * Helpers over plain strings that every stage may use: this module imports nothing of the project, so any stage
 * (and the store and notify adapters) can depend on it without pulling another stage in.
 */
import { createHash } from 'node:crypto';

/** Paragraphs are separated by blank lines in extracted text. */
const PARAGRAPH_BREAK = '\n\n';

/** Hex characters kept of a SHA-256: 128 bits is plenty against collisions among URLs, texts and statement ids. */
const HASH_KEY_CHARS = 32;

/** Short, stable hex key of any string (URLs, texts). */
export function hashKey(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, HASH_KEY_CHARS);
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
