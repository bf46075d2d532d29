/**
 * A speaker label's surname, in a module of its own: the ledger (which an adapter loads without the NLP libraries) and
 * novelty compare speakers by it.
 */

/** Case-insensitive surname of a speaker label ("Vladimir Putin" → "putin"). */
export function surnameOf(speaker: string): string {
  const words = speaker.trim().toLowerCase().split(/\s+/);
  return words[words.length - 1].replace(/[^\p{L}\p{N}-]/gu, '');
}
