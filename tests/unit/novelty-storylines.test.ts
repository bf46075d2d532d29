import { describe, expect, it } from 'vitest';
import type { StanceFixture, StanceLabel } from '../../support/stances/make-fixture.js';
import { LABOUR_DIR, loadStoryline, loadStorylineInfo, runStoryline, TRADE_DIR, type JudgedStatement } from '../../support/stances/storyline.js';

/**
 * Pins the verdicts `npm run bench:stances` scores on the labour and trade storylines: every labelled passage, run as
 * the bench runs it (articles in date order, the watch's speakers only), gets the status it is labelled with.
 */

/**
 * Labelled `changed` but judged `new`: still reported, which is what the bench's precision and recall count, yet the
 * digest does not call them changes. Pinned so that a fix (or a further slip) shows here. Each moves an earlier
 * position by stating it with new terms, with too few words in common with it to clear `CHANGED_SIMILARITY`.
 */
const JUDGED_NEW_THOUGH_CHANGED = new Set([
  'could raise its beef quota for Australia by 10,000 tonnes if Canberra agrees',
  'Australia could accept limits on the use of some European food names, provided the EU doubles its beef quota offer',
  'the EU’s final offer was a beef quota of 40,000 tonnes, and that it could not go higher',
]);

const normalize = (text: string) => text.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ');

function labelledCases(dir: string): { article: StanceFixture; label: StanceLabel; judged: JudgedStatement[] }[] {
  const info = loadStorylineInfo(dir);
  const articles = loadStoryline(dir);
  const judged = runStoryline(articles, info.speakers, { watchedOnly: true, synonyms: info.synonyms });
  return articles.flatMap((article) =>
    (article.labels ?? []).map((label) => ({
      article,
      label,
      judged: judged.filter((item) => item.article === article && normalize(item.statement.text).includes(normalize(label.quote))),
    })),
  );
}

describe.each([
  ['labour dispute (Nordic Air pilots)', LABOUR_DIR],
  ['trade negotiation (Australia–EU)', TRADE_DIR],
])('verdicts on the %s storyline', (_name, dir) => {
  const cases = labelledCases(dir);

  it.each(cases.filter(({ label }) => label.status !== 'none').map((item) => [`${item.article.publishedAt}: ${item.label.quote}`, item] as const))(
    'judges "%s" as labelled',
    (_title, { label, judged }) => {
      expect(judged.length).toBeGreaterThan(0);
      const expected = JUDGED_NEW_THOUGH_CHANGED.has(label.quote) ? 'new' : label.status;
      expect(judged.map((item) => item.verdict.status)).toContain(expected);
      if (label.status === 'repeat') expect(judged.every((item) => item.verdict.status === 'repeat')).toBe(true);
    },
  );

  it('reports nothing from narrative and background passages', () => {
    for (const { label, judged } of cases.filter((item) => item.label.status === 'none')) {
      expect(judged.filter((item) => item.verdict.status !== 'repeat'), label.quote).toEqual([]);
    }
  });
});

describe('repeats on the storylines name what they repeat', () => {
  const trade = labelledCases(TRADE_DIR);
  const judgedFor = (quote: string) => trade.find((item) => item.label.quote === quote)?.judged[0];

  it('counts the quote behind an opening against that opening, in the same article', () => {
    const quote = judgedFor('We will not sign a deal that does not give our beef and sheep meat producers better access');
    expect(quote?.verdict.closest?.text).toContain('Australia will not sign a free trade agreement');
    const prosecco = judgedFor('If Brussels doubles the beef quota, then we can talk about prosecco');
    expect(prosecco?.verdict.closest?.text).toContain('Australia could accept limits on the use of some European food names');
  });

  it('reads "Forty thousand tonnes" as the 40,000 tonnes Vos named just before', () => {
    expect(judgedFor('Forty thousand tonnes is as far as we can go')?.verdict.closest?.text).toContain('beef quota of 40,000 tonnes');
  });
});
