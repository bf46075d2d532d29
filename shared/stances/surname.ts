/**
 * A speaker label's surname, in a module of its own: the ledger (which an adapter loads without the NLP libraries) and
 * novelty compare speakers by it.
 */

/**
 * A speaker label's words, lower case, as `speaksAs` compares them and the store indexes labels (`labelWords`): the two
 * must split alike, or a label indexed under one word is looked up under another.
 */
export function wordsOf(label: string): string[] {
  return label.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
}

/** Case-insensitive surname of a speaker label ("Vladimir Putin" → "putin"). */
export function surnameOf(speaker: string): string {
  const words = speaker.trim().toLowerCase().split(/\s+/);
  return words[words.length - 1].replace(/[^\p{L}\p{N}-]/gu, '');
}
