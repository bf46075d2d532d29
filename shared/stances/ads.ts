/**
 * Whose voice an advertisement is. "“In her America, taxes go up,” says a narrator", "The ad says …", "a voice-over in
 * the ad states …": an ad speaks for whoever runs it, as the article names them where it brings the ad up ("Reyes is
 * releasing a new ad …", "his second ad of the campaign", "the union's radio spot"). A watch that follows the sponsor
 * follows what their ads say.
 */
import type { AttributedClause } from './attribution.js';
import { POSSESSIVE_MARKS, SPEAKER_POSSESSIVES, SPEAKER_PRONOUNS } from './lexicon.js';
import type { Sentence } from './sentences.js';
import { namedBefore, referentOf } from './mentions.js';
import type { Person } from './speakers.js';

/** Sets `speaksFor` on each clause speaker that is an ad or its narrator, to the sponsor of the ad brought up last. */
export function findAdSponsors(clauses: AttributedClause[], sentences: Sentence[], people: Person[]): void {
  const sponsors = people.filter((person) => !person.institutional);
  for (const clause of clauses) {
    const speaker = clause.speaker;
    if (!speaker?.institutional || speaker.speaksFor || !AD_VOICES.has(speaker.words.at(-1) ?? '')) continue;
    const sponsor = namesSponsor(speaker) ? sponsorNamed(speaker, sponsors) : lastSponsor(sentences, clause.sentenceIndex, sponsors);
    if (sponsor) speaker.speaksFor = sponsor.name;
  }
}

/** "One Clinton ad", "a Club for Growth ad": the ad's label names its sponsor with capitals before the noun. */
const namesSponsor = (speaker: Person) => speaker.name.split(/\s+/).slice(0, -1).some((word) => /^\p{Lu}/u.test(word));

/** The person of the register the label names ("Clinton ad" → Hillary Clinton); none when the register has no one. */
function sponsorNamed(speaker: Person, people: Person[]): Person | undefined {
  const label = speaker.words.slice(0, -1).map((word) => word.replace(/['’]s?$/, ''));
  return people.find((person) => person !== speaker && label.some((_, k) => person.words.every((word, at) => label[k + at] === word) || label[k] === person.words.at(-1)));
}

/**
 * The sponsor of the ad last brought up at or before sentence `last`. The ad that speaks is the one named last before
 * it: when that mention names no sponsor, none is guessed from an earlier ad. In the speaking sentence itself an ad
 * without a sponsor is the speaker's own mention ("The ad says"), and the search goes on before it.
 */
function lastSponsor(sentences: Sentence[], last: number, people: Person[]): Person | undefined {
  for (let s = last; s >= 0; s -= 1) {
    const { tokens } = sentences[s];
    for (let k = tokens.length - 1; k >= 0; k -= 1) {
      if (!AD_NOUNS.has(tokens[k].normal)) continue;
      const sponsor = sponsorOf(sentences, s, k, people);
      if (sponsor || s < last) return sponsor;
    }
  }
  return undefined;
}

/**
 * "Trump's new ad", "his second ad" (the last person named before whom the pronoun can stand for), or else whoever
 * the sentence names first before the ad, by name or by a pronoun ("Reyes is releasing a new 30-second ad", "Last
 * month, she released a web ad").
 */
function sponsorOf(sentences: Sentence[], s: number, ad: number, people: Person[]): Person | undefined {
  const tokens = sentences[s].tokens;
  let k = ad - 1;
  while (k >= 0 && (MODIFIER_POS.has(tokens[k].pos) || tokens[k].text === '-')) k -= 1;
  if (k >= 0 && POSSESSIVE_MARKS.has(tokens[k].text)) return namedBefore(sentences, s, k, people).at(-1)?.person;
  if (k >= 0 && SPEAKER_POSSESSIVES.has(tokens[k].normal)) return referentOf(sentences, s, k, people);
  const first = namedBefore(sentences.slice(s, s + 1), 0, ad, people)[0];
  const pronoun = tokens.findIndex((token, i) => i < (first?.at ?? ad) && !token.quoted && SPEAKER_PRONOUNS.has(token.normal));
  return pronoun !== -1 ? referentOf(sentences, s, pronoun, people) : first?.person;
}

/** What an ad is called, as a speaker ("the ad says") and where the article brings it up ("a new ad"). */
const AD_NOUNS = new Set(['ad', 'ads', 'advert', 'advertisement', 'commercial', 'spot']);

/** An ad's voice as a speaker: the ad itself, or who speaks in it. */
const AD_VOICES = new Set([...AD_NOUNS, 'narrator', 'announcer', 'voice-over', 'voiceover']);

/** Words between an owner and the ad ("his second 30-second TV ad"). */
const MODIFIER_POS = new Set(['ADJ', 'NUM', 'NOUN', 'PROPN']);
