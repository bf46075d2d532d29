/** A name is suggested when it is this close: one slip per three letters, at least two ("shedule", "emails"). */
const MAX_EDITS_PER_LETTERS = 3;
const MIN_ALLOWED_EDITS = 2;

/**
 * The known name closest to a mistyped one, or nothing when none is close enough to be the one meant.
 *
 * @example
 * suggestName('speaker', ['id', 'speakers', 'sources']) // 'speakers'
 */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  const allowed = Math.max(MIN_ALLOWED_EDITS, Math.floor(name.length / MAX_EDITS_PER_LETTERS));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein distance; config field names are short, so the quadratic table is nothing. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
