/**
 * How far two readers agree on what is new: a second reader labels the articles of a PolNeAR storyline again, blind
 * to the first reader's labels, and the second reading is scored against the first the way `bench:stances` scores
 * the software: the second reader's `new` and `changed` labels are what is reported. It is the ceiling the bench's bars
 * can be read against. Both readings are offsets into the same texts, so no corpus text is needed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readPolnearStoryline, type PolnearLabel, type PolnearStoryline } from './storyline.js';

/** The second reading of a storyline folder, beside its `_storyline.json`. */
export const SECOND_READING_FILE = '_second-reading.json';

const REPORTED = new Set(['new', 'changed']);

export interface ReadersAgreement {
  /** Of the second reader's new or changed labels, the share the first reader also labels new or changed. */
  precision: number;
  /** Of the first reader's new or changed labels, the share the second reader also labels new or changed. */
  recall: number;
  reported: number;
  agreed: number;
  firstNewOrChanged: number;
  recalled: number;
  /** What the first reader calls the second reader's other new or changed labels. */
  falseNew: { repeat: number; none: number; unlabelled: number };
  /** Of the labels both read as a statement of a watched speaker, the share with the same kind. */
  kindAgreement: number;
}

/** The second reading of the storyline in `dir`, if one was made. */
export function readSecondReading(dir: string): PolnearStoryline | undefined {
  return existsSync(join(dir, SECOND_READING_FILE)) ? readPolnearStoryline(dir, SECOND_READING_FILE) : undefined;
}

/**
 * The second reading scored against the first. Two labels are the same statement when they are in the same document
 * and their character ranges overlap (readers pick different words of one sentence, and a sentence may hold two
 * statements, each a clause).
 *
 * @example
 * readersAgreement(first, second) // → { precision: 0.7, recall: 0.64, … }
 */
export function readersAgreement(first: PolnearStoryline, second: PolnearStoryline): ReadersAgreement {
  const documents = (storyline: PolnearStoryline) => storyline.articles.map((article) => article.document).join(' ');
  if (documents(first) !== documents(second)) throw new Error(`the second reading of ${first.name} reads other articles than the first`);
  const firstLabels = labelsByDocument(first);
  const secondLabels = labelsByDocument(second);
  const { reported, agreed, falseNew, both, sameKind } = tallySecondReading(firstLabels, secondLabels);
  const { firstNewOrChanged, recalled } = tallyRecall(firstLabels, secondLabels);
  return {
    precision: ratio(agreed, reported),
    recall: ratio(recalled, firstNewOrChanged),
    reported,
    agreed,
    firstNewOrChanged,
    recalled,
    falseNew,
    kindAgreement: ratio(sameKind, both),
  };
}

type LabelsByDocument = Map<string, PolnearLabel[]>;

function labelsByDocument(storyline: PolnearStoryline): LabelsByDocument {
  return new Map(storyline.articles.map((article) => [article.document, article.labels]));
}

/** Each second-reading label against the first reading: reported and agreed, and the kinds of labels both read. */
function tallySecondReading(firstLabels: LabelsByDocument, secondLabels: LabelsByDocument) {
  const falseNew = { repeat: 0, none: 0, unlabelled: 0 };
  let reported = 0;
  let agreed = 0;
  let both = 0;
  let sameKind = 0;
  for (const [document, labels] of secondLabels) {
    for (const label of labels) {
      const match = bestMatch(label, firstLabels.get(document) ?? []);
      if (match && match.status !== 'none' && label.status !== 'none') {
        both += 1;
        if (match.kind === label.kind) sameKind += 1;
      }
      if (!REPORTED.has(label.status)) continue;
      reported += 1;
      if (match && REPORTED.has(match.status)) agreed += 1;
      else falseNew[match ? (match.status as 'repeat' | 'none') : 'unlabelled'] += 1;
    }
  }
  return { reported, agreed, falseNew, both, sameKind };
}

/** The first reading's new or changed labels, and how many of them the second reading also reads new or changed. */
function tallyRecall(firstLabels: LabelsByDocument, secondLabels: LabelsByDocument) {
  let firstNewOrChanged = 0;
  let recalled = 0;
  for (const [document, labels] of firstLabels) {
    for (const label of labels.filter((candidate) => REPORTED.has(candidate.status))) {
      firstNewOrChanged += 1;
      if ((secondLabels.get(document) ?? []).some((other) => REPORTED.has(other.status) && overlaps(label, other))) recalled += 1;
    }
  }
  return { firstNewOrChanged, recalled };
}

/** The overlapping label that counts: a new or changed one first, then a repeat, then any (as the bench matches). */
function bestMatch(label: PolnearLabel, candidates: PolnearLabel[]): PolnearLabel | undefined {
  const overlapping = candidates.filter((candidate) => overlaps(label, candidate));
  return overlapping.find((candidate) => REPORTED.has(candidate.status)) ?? overlapping.find((candidate) => candidate.status === 'repeat') ?? overlapping[0];
}

function overlaps(a: Pick<PolnearLabel, 'start' | 'end'>, b: Pick<PolnearLabel, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000;
}
