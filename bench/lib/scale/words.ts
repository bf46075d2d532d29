/**
 * Names and sentences for the scale bench's synthetic coverage. Every article must read as news to the pipeline
 * (a headline, dated paragraphs, statements attributed to named people) and differ enough from its neighbours that
 * dedupe keeps it: each sentence draws its speaker, action and objects from lists, so two articles share a line only
 * by chance.
 */
import { between } from '../../../support/prng.js';

const FIRST_NAMES = [
  'Elena', 'Marcus', 'Ingrid', 'Tomas', 'Amara', 'Jonas', 'Leila', 'Pavel', 'Sofia', 'Kenji', 'Nadia', 'Oskar',
  'Priya', 'Rafael', 'Hanna', 'Dmitri', 'Chloe', 'Matteo', 'Yara', 'Lukas',
] as const;
const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'kr', 'st', 'gr', 'tr', 'h'] as const;
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai'] as const;
const CODAS = ['n', 'r', 'l', 'k', 'ss', 'nd'] as const;

const ROLES = ['Trade minister', 'Opposition leader', 'Port authority chief', 'Finance minister', 'Union leader', 'Foreign minister'] as const;
const SUBJECTS = ['the government', 'the ministry', 'the coalition', 'the port authority', 'the union', 'the cabinet'] as const;
const ACTIONS = ['sign', 'ratify', 'approve', 'support', 'endorse', 'back'] as const;
const OBJECTS = [
  'the harbour agreement', 'the customs treaty', 'the steel accord', 'the fisheries deal', 'the rail concession',
  'the energy pact', 'the shipping protocol', 'the grain corridor plan',
] as const;
const CONDITIONS = [
  'the tariff on steel imports was lifted first', 'the draft text was published', 'the unions were consulted',
  'the subsidies were cut', 'the border checks were eased', 'parliament voted on it first', 'the fines were dropped',
  'the quota on grain was raised',
] as const;
const DEMANDS = [
  'publish the draft text of the agreement before any vote', 'withdraw the proposed levy on fuel',
  'open the tender to foreign bidders', 'delay the vote until the spring', 'compensate the port workers',
] as const;
const PLACES = ['in the capital', 'at the port', 'in parliament', 'after the cabinet meeting', 'at a press conference'] as const;

/** Distinct surnames (the ledger partitions statements by surname): syllables combined, `index` one to one. */
export function surname(index: number): string {
  const parts = [ONSETS, VOWELS, ONSETS, VOWELS, CODAS] as const;
  let rest = index;
  let name = '';
  for (const part of parts) {
    name += part[rest % part.length];
    rest = Math.floor(rest / part.length);
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Speaker `index`: a first name and a surname of its own. */
export function speakerName(index: number): string {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${surname(index)}`;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[between(random, 0, list.length - 1)];
}

/** One attributed paragraph: a condition, a refusal or a demand by `speaker`, with a role and a place. */
export function statementParagraph(random: () => number, speaker: string): string {
  const surnameOnly = speaker.split(' ').at(-1);
  const kind = between(random, 0, 2);
  if (kind === 0) {
    return `${pick(random, ROLES)} ${speaker} said on Tuesday that ${pick(random, SUBJECTS)} would not ${pick(random, ACTIONS)} ${pick(random, OBJECTS)} unless ${pick(random, CONDITIONS)}.`;
  }
  if (kind === 1) return `"We will not ${pick(random, ACTIONS)} ${pick(random, OBJECTS)} in its present form," ${surnameOnly} told reporters ${pick(random, PLACES)}.`;
  return `${pick(random, ROLES)} ${speaker} demanded that ${pick(random, SUBJECTS)} ${pick(random, DEMANDS)}.`;
}

/** A paragraph no one says: context, so the article reads as one. */
export function contextParagraph(random: () => number, serial: number): string {
  return `The talks on ${pick(random, OBJECTS)} are expected to resume next month after ${between(random, 2, 40)} rounds of consultations, report ${serial} said, with ${pick(random, SUBJECTS)} and port operators meeting ${pick(random, PLACES)}.`;
}

/** A headline of its own for article `serial`. */
export function headline(random: () => number, serial: number): string {
  return `Talks on ${pick(random, OBJECTS).replace('the ', '')} stall as ${pick(random, SUBJECTS).replace('the ', '')} sets terms (${serial})`;
}

/** Claim terms for a seeded ledger statement: `count` draws from a Zipf-shaped vocabulary (rank r has weight 1/r). */
export function zipfTerms(random: () => number, vocabulary: number, count: number): string[] {
  const harmonic = Math.log(vocabulary) + 0.5772;
  return Array.from({ length: count }, () => {
    // Inverse of the continuous Zipf CDF: rank ≈ exp(u · H), good enough for a vocabulary's shape.
    const rank = Math.min(vocabulary, Math.max(1, Math.floor(Math.exp(random() * harmonic))));
    return `${surname(rank).toLowerCase()}${rank % 7}`;
  });
}
