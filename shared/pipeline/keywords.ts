import type { KeywordGroups } from '../config/index.js';
import { escapeRegExp } from '../text/index.js';

/**
 * What may end a keyword besides a word boundary: a plural or a possessive ("tariff" finds "tariffs",
 * "strike" finds "strikes", "Japan" finds "Japan's"). Without it a watch on a noun quietly misses half its stories.
 */
const INFLECTION = "(?:e?s|['’]s)?";
/** Between the words of a phrase: any run of spaces and line breaks, or a hyphen ("peace-treaty talks"). */
const WORD_GAP = '(?:\\s+|\\s*[-‐‑]\\s*)';
/** Letters, digits and marks of any script: a keyword never starts or ends inside a word. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

const patterns = new Map<string, RegExp>();

/**
 * The pattern of one keyword: its words in order, whole, case-insensitively, the last one optionally inflected.
 *
 * @example
 * keywordPattern('peace treaty').test('Peace-treaty talks') // true
 * keywordPattern('Korea').test('North Korean leader')        // false
 */
export function keywordPattern(keyword: string): RegExp {
  let pattern = patterns.get(keyword);
  if (!pattern) {
    const words = keyword.trim().split(/[\s\-‐‑]+/).filter(Boolean).map(escapeRegExp);
    pattern = new RegExp(`(?<!${WORD_CHAR})${words.join(WORD_GAP)}${INFLECTION}(?!${WORD_CHAR})`, 'iu');
    patterns.set(keyword, pattern);
  }
  return pattern;
}

/**
 * Why an article's texts (its title, its body) fail a watch's keyword groups, or nothing when they pass: `any` needs
 * one of its keywords, `all` every one of its keywords, and `none` not one of its keywords. A phrase is found within
 * one text: never across the end of a title and the start of a body.
 *
 * @example
 * keywordMismatch(['Putin on North Korea and Japan'], { any: ['Japan'], none: ['North Korea'] }) // 'mentions "North Korea", …'
 */
export function keywordMismatch(texts: readonly string[], groups: KeywordGroups): string | undefined {
  const found = (keyword: string) => texts.some((text) => keywordPattern(keyword).test(text));
  if (groups.any && !groups.any.some(found)) return `none of its keywords: ${groups.any.join(', ')}`;
  const missing = groups.all?.filter((keyword) => !found(keyword)) ?? [];
  if (missing.length > 0) return `lacks ${missing.map(quote).join(', ')}, which it must mention`;
  const excluded = groups.none?.filter(found) ?? [];
  if (excluded.length > 0) return `mentions ${excluded.map(quote).join(', ')}, which it excludes`;
  return undefined;
}

function quote(keyword: string): string {
  return `"${keyword}"`;
}
