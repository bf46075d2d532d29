/**
 * Helpers over plain strings that every stage may use: this module imports nothing of the project, so any stage
 * (and the store and notify adapters) can depend on it without pulling another stage in.
 */
import { createHash } from 'node:crypto';

export { decodeBody, sniffCharset } from './charset.js';
export { capText, cutOnWord, type CutOptions } from './cut.js';
export { findHumanDate, toIsoDate } from './dates.js';
export { asQuote } from './quote.js';
export { escapeRegExp } from './regexp.js';
export { isWhitespaceCode } from './whitespace.js';

/** Hex characters kept of a SHA-256: 128 bits is plenty against collisions among URLs, texts and statement ids. */
const HASH_KEY_CHARS = 32;

/** Short, stable hex key of any string (URLs, texts). */
export function hashKey(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, HASH_KEY_CHARS);
}
