/**
 * The word diff: revisions store it as plain text, and the digest shows it against a speaker's earlier statement.
 * It lives here, beside the revisions dedupe makes; the digest, a later stage, imports it.
 */
import { diffWords } from 'diff';

/** One run of a word diff: unchanged text, or text added or removed. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/**
 * Word-level diff of two statements, from `diff`'s `diffWords`.
 *
 * @example
 * wordDiff('The union insists on volumes', 'The union no longer insists on volumes')
 * // → [{ value: 'The union ' }, { value: 'no longer ', added: true }, { value: 'insists on volumes' }]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map(toDiffPart);
}

/**
 * `wordDiff`, or undefined when the texts differ by more than `maxEdits` tokens (words and the spaces between them).
 * The diff's cost grows with the text length times the edit distance: two different 5,000-word articles take
 * seconds, and their diff is no use to a reader anyway.
 */
export function boundedWordDiff(before: string, after: string, maxEdits: number): DiffPart[] | undefined {
  return diffWords(before, after, { maxEditLength: maxEdits })?.map(toDiffPart);
}

function toDiffPart(change: { value: string; added?: boolean; removed?: boolean }): DiffPart {
  const part: DiffPart = { value: change.value };
  if (change.added) part.added = true;
  if (change.removed) part.removed = true;
  return part;
}

/**
 * `[-removed-]{+added+}` (git's word-diff notation), whitespace kept outside the markers. The one plain-text diff
 * format: digests and stored article revisions both use it.
 *
 * @example
 * formatTextDiff(wordDiff('talks will resume', 'talks will stall')) // → 'talks will [-resume-]{+stall+}'
 */
export function formatTextDiff(parts: DiffPart[]): string {
  return parts
    .map((part) => {
      if (!part.added && !part.removed) return part.value;
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.value) ?? ['', '', part.value, ''];
      if (!core) return part.value;
      return part.added ? `${lead}{+${core}+}${trail}` : `${lead}[-${core}-]${trail}`;
    })
    .join('');
}
