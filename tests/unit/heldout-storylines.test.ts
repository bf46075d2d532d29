import { describe, expect, it } from 'vitest';
import { HELDOUT_STORYLINE_DIRS, loadStoryline, loadStorylineInfo } from '../../support/stances/storyline.js';

/**
 * The held-out storylines `npm run bench:stances` scores: each label must point at one passage of its article, or the
 * bench would score a label no statement can match (or match two passages with one label).
 */
const KINDS = new Set(['condition', 'demand', 'offer', 'refusal', 'position', 'concern', 'none']);
const STATUSES = new Set(['new', 'changed', 'repeat', 'none']);

const occurrences = (text: string, quote: string) => text.split(quote).length - 1;

describe.each(HELDOUT_STORYLINE_DIRS.map((dir) => [loadStorylineInfo(dir).name, dir] as const))('held-out storyline %s', (_name, dir) => {
  const info = loadStorylineInfo(dir);
  const articles = loadStoryline(dir);

  it('names the speakers a watch follows, and every side’s members', () => {
    expect(info.speakers?.length).toBeGreaterThan(0);
    for (const members of Object.values(info.sides ?? {})) expect(members.length).toBeGreaterThan(0);
  });

  it('quotes each label once, from one paragraph of its article, with a known kind and status', () => {
    for (const article of articles) {
      for (const label of article.labels ?? []) {
        const where = `${article.publishedAt}: ${label.quote}`;
        expect(article.paragraphs.map((paragraph) => occurrences(paragraph, label.quote)).reduce((a, b) => a + b, 0), where).toBe(1);
        expect(KINDS.has(label.kind), where).toBe(true);
        expect(STATUSES.has(label.status), where).toBe(true);
      }
    }
  });
});
