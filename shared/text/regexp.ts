/**
 * Text with the characters a regular expression reads specially escaped, to match it as written inside a pattern.
 *
 * @example
 * new RegExp(`^${escapeRegExp('C. (Reyes)')}$`).test('C. (Reyes)'); // → true
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
