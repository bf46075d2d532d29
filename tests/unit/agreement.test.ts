import { describe, expect, it } from 'vitest';
import { readersAgreement } from '../../support/stances/agreement.js';
import type { PolnearLabel, PolnearStoryline } from '../../support/stances/storyline.js';

/** A storyline of two made-up documents, each label given as [document index, start, end, status, kind]. */
function reading(labels: Array<[number, number, number, string, string?]>, documents = ['a_2016-01-01_x', 'a_2016-01-02_y']): PolnearStoryline {
  return {
    name: 'made-up',
    speakers: ['The Minister'],
    split: 'train',
    articles: documents.map((document, index) => ({
      document,
      publishedAt: `2016-01-0${index + 1}`,
      outlet: 'a',
      labels: labels
        .filter(([at]) => at === index)
        .map(([, start, end, status, kind = status === 'none' ? 'none' : 'position']) => ({ start, end, status, kind, speaker: 'The Minister' }) as PolnearLabel),
    })),
  };
}

describe('readersAgreement', () => {
  const first = reading([
    [0, 10, 60, 'new', 'condition'],
    [0, 100, 140, 'repeat'],
    [0, 200, 230, 'none'],
    [1, 0, 50, 'changed'],
    [1, 80, 120, 'new'],
  ]);

  it('scores the second reader’s new and changed labels against the first reader’s, matching overlapping ranges', () => {
    const second = reading([
      [0, 40, 90, 'new', 'condition'], // overlaps the first reader's new condition
      [0, 120, 130, 'new'], // the first reader's repeat
      [0, 210, 220, 'changed'], // the first reader's none
      [0, 300, 320, 'new'], // not labelled by the first reader
      [1, 10, 20, 'repeat'], // the first reader's change, read as a repeat
      [1, 90, 100, 'new', 'demand'],
    ]);
    expect(readersAgreement(first, second)).toEqual({
      precision: 0.4,
      recall: 0.667,
      reported: 5,
      agreed: 2,
      firstNewOrChanged: 3,
      recalled: 2,
      falseNew: { repeat: 1, none: 1, unlabelled: 1 },
      kindAgreement: 0.75,
    });
  });

  it('agrees fully with itself', () => {
    expect(readersAgreement(first, first)).toMatchObject({ precision: 1, recall: 1, kindAgreement: 1 });
  });

  it('refuses a second reading of other articles', () => {
    expect(() => readersAgreement(first, reading([], ['a_2016-01-01_x', 'a_2016-01-03_z']))).toThrow(/other articles/);
  });
});
