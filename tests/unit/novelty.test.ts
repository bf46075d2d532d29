import { describe, expect, it } from 'vitest';
import { compareWithLedger, speaksAs, extractStatements, MIN_SHOWN_SIMILARITY, SAME_ARTICLE_SIMILARITY, type EarlierInArticle, type LedgerEntry, type Statement } from '../../shared/stances/index.js';
import { LABOUR_DIR, loadStoryline, loadStorylineInfo, runStoryline, SEEDS_DIR, toLedgerEntry, TRADE_DIR, type JudgedStatement } from '../../support/stances/storyline.js';

const article = { id: 'earlier', url: 'https://example.org/earlier', outlet: 'Example News', publishedAt: '2019-03-15' };

/** The seed watch's topic vocabulary ("security pact" → "alliance", "Tokyo" → "japan"), as its config gives it. */
const SEED_SYNONYMS = loadStorylineInfo(SEEDS_DIR).synonyms;

/** The one statement a sentence makes. */
function statementOf(sentence: string): Statement {
  const statements = extractStatements([sentence], { synonyms: SEED_SYNONYMS });
  expect(statements).toHaveLength(1);
  return statements[0];
}

/** A ledger of what these sentences say, oldest first. */
function ledgerOf(...sentences: string[]): LedgerEntry[] {
  return sentences.map((sentence, index) => toLedgerEntry(statementOf(sentence), article, index));
}

/** Statements on the treaty that share its vocabulary (treaty, Japan, Russia, talks) but make other points. */
const TREATY_LEDGER = [
  'Putin said Russia wants to conclude a peace treaty with Japan.',
  'Putin said talks on a peace treaty between Russia and Japan will take a long time.',
  'Putin said Russia and Japan should build trust before a decision on the peace treaty can be made.',
  'Putin said Japan would first have to withdraw from its security pact with the United States before Russia signs a peace treaty.',
];

describe('compareWithLedger', () => {
  it('judges the same condition reworded a repeat', () => {
    const ledger = ledgerOf('Putin said Japan would have to back out of its security alliance with the United States.');
    const verdict = compareWithLedger(statementOf('“Japan would first have to withdraw” from its security pact with the U.S., Putin said.'), ledger);
    expect(verdict.status).toBe('repeat');
    expect(verdict.closest?.id).toBe('earlier#0');
  });

  it('folds the words for an agreement ("contract", "deal", "accord") into one term', () => {
    const ledger = ledgerOf('Mayor Ana Lima said the city would not sign a new bus contract until the state paid the $40 million it owes.');
    const verdict = compareWithLedger(statementOf('Lima said the city would not sign a new bus agreement until the $40 million was paid.'), ledger);
    expect(verdict.status).toBe('repeat');
  });

  it('folds the verbs of support ("endorsed", "is in favor of", "has championed") into one term, so a reworded backing is a repeat', () => {
    const ledger = ledgerOf('Mayor Ana Lima said she supports the fare freeze.');
    expect(compareWithLedger(statementOf('Mayor Ana Lima has endorsed the fare freeze.'), ledger).status).toBe('repeat');
    expect(compareWithLedger(statementOf('Mayor Ana Lima is in favor of the fare freeze.'), ledger).status).toBe('repeat');
    expect(compareWithLedger(statementOf('Mayor Ana Lima has long championed the fare freeze.'), ledger).status).toBe('repeat');
    // "backs" too, and "will not back" is its negation, not a claim without the verb.
    expect(compareWithLedger(statementOf('Mayor Ana Lima backs the fare freeze.'), ledger).status).toBe('repeat');
    expect(statementOf('Mayor Ana Lima will not back the fare freeze.').claim).toBe(statementOf('Mayor Ana Lima will not support the fare freeze.').claim);
    // "backed down from" gives something up.
    expect(statementOf('Mayor Ana Lima backed down from her demand for a fare freeze.').claim.split(' ')).not.toContain('support');
  });

  it('reads opposing as a negative stance on the same thing: "opposes", "rejected", "will not support", "is against" repeat each other, and backing it changes', () => {
    const ledger = ledgerOf('Mayor Ana Lima said she opposes the fare rise.');
    for (const restated of ['Mayor Ana Lima rejected the fare rise.', 'Mayor Ana Lima said she will not support the fare rise.', 'Mayor Ana Lima is against the fare rise.', 'Mayor Ana Lima voiced her opposition to the fare rise.']) {
      expect(compareWithLedger(statementOf(restated), ledger).status).toBe('repeat');
    }
    expect(compareWithLedger(statementOf('Mayor Ana Lima said she supports the fare rise.'), ledger).status).toBe('changed');
    expect(compareWithLedger(statementOf('Mayor Ana Lima said she does not oppose the fare rise.'), ledger).status).toBe('changed');
    // Voting for a measure and against it are a flip too.
    const vote = ledgerOf('Mayor Ana Lima said she would vote for the fare rise.');
    expect(compareWithLedger(statementOf('Mayor Ana Lima said she would vote against the fare rise.'), vote).status).toBe('changed');
  });

  it('reads support taken back ("withdrew her support for", "rescinded her endorsement of") as a change of a stance of support', () => {
    const ledger = ledgerOf('Mayor Ana Lima said she supports the levy.');
    for (const withdrawn of ['Mayor Ana Lima withdrew her support for the levy.', 'Mayor Ana Lima rescinded her endorsement of the levy.']) {
      expect(extractStatements([withdrawn])[0]).toMatchObject({ kind: 'position', polarity: 'negative' });
      expect(compareWithLedger(statementOf(withdrawn), ledger).status).toBe('changed');
    }
    // Withdrawing from a race takes no stance; dropping a demand is still a condition given up.
    expect(extractStatements(['Mayor Ana Lima withdrew from the race.'])).toEqual([]);
    expect(extractStatements(['Mayor Ana Lima dropped her demand for a levy.'])[0]).toMatchObject({ kind: 'condition', withdrawn: true });
  });

  it('folds the words for leaving a post and for moving a figure down or up, so a reworded call or pledge is a repeat', () => {
    const resign = ledgerOf('Mayor Ana Lima called on Tom Reyes to resign.');
    expect(compareWithLedger(statementOf('Mayor Ana Lima demanded the resignation of Tom Reyes.'), resign).status).toBe('repeat');
    expect(compareWithLedger(statementOf('Mayor Ana Lima urged Tom Reyes to step down.'), resign).status).toBe('repeat');
    const cut = ledgerOf('Mayor Ana Lima vowed to cut fares.');
    expect(compareWithLedger(statementOf('Mayor Ana Lima pledged to lower fares.'), cut).status).toBe('repeat');
    // The other direction is not the same pledge.
    expect(compareWithLedger(statementOf('Mayor Ana Lima pledged to raise fares.'), cut).status).not.toBe('repeat');
  });

  it('judges a statement that repeats part of a longer earlier one a repeat', () => {
    const ledger = ledgerOf(...TREATY_LEDGER);
    const verdict = compareWithLedger(statementOf('Putin said Japan would first have to withdraw from its security pact with the U.S.'), ledger);
    expect(verdict).toMatchObject({ status: 'repeat', closest: { id: 'earlier#3' } });
  });

  it('judges a reversal a change', () => {
    const ledger = ledgerOf('Putin said Russia will resume talks with Japan on a peace treaty.');
    const verdict = compareWithLedger(statementOf('Putin said Russia will not resume talks with Japan on a peace treaty.'), ledger);
    expect(verdict.status).toBe('changed');
    expect(verdict.closest?.id).toBe('earlier#0');
  });

  it('judges a different condition on the same topic new, though it shares the topic’s words', () => {
    const ledger = ledgerOf(...TREATY_LEDGER);
    const verdict = compareWithLedger(
      statementOf('Putin said Russia will sign a peace treaty with Japan only if Japan first changes its position on the war in Ukraine.'),
      ledger,
    );
    expect(verdict.status).toBe('new');
  });

  it('judges a flip of part of a longer earlier statement a change, not a repeat', () => {
    const ledger = ledgerOf(...TREATY_LEDGER);
    const flip = statementOf('Putin said Japan would not have to withdraw from its security pact with the U.S.');
    expect(flip.polarity).toBe('negative');
    const verdict = compareWithLedger(flip, ledger);
    expect(verdict).toMatchObject({ status: 'changed', closest: { id: 'earlier#3' } });
  });

  it('judges the same condition with different terms a change', () => {
    const ledger = ledgerOf('Lund said pilots will strike unless the airline guarantees flying volumes for the Oslo base.');
    const verdict = compareWithLedger(statementOf('Lund said pilots will strike unless the airline guarantees flying volumes for the Bergen base.'), ledger);
    expect(verdict.status).toBe('changed');
  });

  it('compares only with earlier statements by the same speaker, matching surnames case-insensitively', () => {
    const ledger = ledgerOf('Lavrov said Japan would have to back out of its security alliance with the United States.');
    const putin = statementOf('Russian President Vladimir Putin said Japan would have to back out of its security alliance with the United States.');
    expect(compareWithLedger(putin, ledger)).toEqual({ status: 'new', similarity: 0 });
    const renamed = ledger.map((entry) => ({ ...entry, speaker: 'PUTIN' }));
    expect(compareWithLedger(putin, renamed).status).toBe('repeat');
  });

  it('compares an unattributed statement with the whole ledger', () => {
    const ledger = ledgerOf('Lund said pilots will strike unless the airline guarantees flying volumes for the Oslo base.');
    const unattributed = statementOf('Pilots will strike unless the airline guarantees flying volumes for the Oslo base.');
    expect(unattributed.speaker).toBeNull();
    expect(compareWithLedger(unattributed, ledger).status).toBe('repeat');
  });

  it('reads a ledger entry’s polarity from its claim when the entry does not carry one', () => {
    const [entry] = ledgerOf('Putin said Russia will resume talks with Japan on a peace treaty.');
    const { polarity: _dropped, ...withoutPolarity } = entry;
    const reversal = statementOf('Putin said Russia will not resume talks with Japan on a peace treaty.');
    expect(compareWithLedger(reversal, [withoutPolarity]).status).toBe('changed');
  });

  it('reads numbers as values, so "forty thousand tonnes" restates "40,000 tonnes"', () => {
    const ledger = ledgerOf('Vos said the EU could not raise the beef quota above 40,000 tonnes.');
    const verdict = compareWithLedger(statementOf('Vos said the EU could not raise the beef quota above forty thousand tonnes.'), ledger);
    expect(verdict.status).toBe('repeat');
  });

  it('says new with similarity 0 when the ledger is empty', () => {
    expect(compareWithLedger(statementOf('Putin said Russia is ready to extend the treaty.'), [])).toEqual({ status: 'new', similarity: 0 });
  });
});

describe('novelty on the seed storyline, in date order', () => {
  const judged = runStoryline(loadStoryline(SEEDS_DIR), undefined, { synonyms: loadStorylineInfo(SEEDS_DIR).synonyms });
  const find = (date: string, words: string): JudgedStatement => {
    const found = judged.filter((item) => item.article.publishedAt === date && item.statement.text.includes(words));
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('establishes in 2017 that treaty talks must weigh Japan’s commitments to its allies (new), the quote behind it a repeat', () => {
    const lede = find('2017-11-10', 'security commitments to its allies');
    expect(lede.verdict.status).toBe('new');
    const quote = find('2017-11-10', 'what commitments Japan has towards its partners').verdict;
    expect(quote).toMatchObject({ status: 'repeat', closest: { text: lede.statement.text } });
  });

  it('counts "That it to say, …" (a slip for "that is to say") as a repeat of what Putin said just before', () => {
    expect(find('2017-11-10', 'there are certain things that can be done right away').verdict.status).toBe('repeat');
  });

  it('finds the 2019-03 condition that Japan first withdraw from its security pact new, and its restatement a repeat', () => {
    expect(find('2019-03-15', 'Japan would have to back out').verdict.status).toBe('new');
    expect(find('2019-03-15', 'Japan would first have to withdraw').verdict.status).toBe('repeat');
  });

  it('finds the 2019-12 alliance threat a repeat of an earlier statement on Japan’s security ties (threat/concern, sign/conclude folded)', () => {
    const { statement, verdict } = find('2019-12-19', 'continues to pose a threat');
    expect(statement.kind).toBe('concern');
    expect(verdict.status).toBe('repeat');
    // The 2019-03 withdrawal condition and the 2019-06 concern both name the alliance; claims on the record (kept in the
    // ledger since claims were added) shift the IDF weights between the two.
    expect(['2019-03-15', '2019-06-06']).toContain(verdict.closest?.publishedAt);
    expect(verdict.closest?.claim).toMatch(/\balliance\b/);
  });

  it('finds both 2024 conditions new against everything Putin said before', () => {
    for (const words of ['first needs to change its position', 'conditions are not currently in place']) {
      const { statement, verdict } = find('2024-06-06', words);
      expect(statement).toMatchObject({ speaker: 'Vladimir Putin', kind: 'condition' });
      expect(verdict.status).toBe('new');
    }
  });
});

describe('novelty on the labour storyline (a union and an airline)', () => {
  const judged = runStoryline(loadStoryline(LABOUR_DIR), undefined, { synonyms: loadStorylineInfo(LABOUR_DIR).synonyms });
  const find = (date: string, words: string) => {
    const found = judged.find((item) => item.article.publishedAt === date && item.statement.text.includes(words));
    if (!found) throw new Error(`no statement with "${words}" on ${date}`);
    return found;
  };

  it('judges the union’s restated demand for guaranteed volumes a repeat', () => {
    const { verdict } = find('2024-03-01', 'still demands guaranteed flying volumes');
    expect(verdict.status).toBe('repeat');
    expect(verdict.closest?.text).toContain('The union insists on guaranteed flying volumes');
  });

  it('judges the withdrawn demand ("no longer insists on guaranteed volumes") a change', () => {
    const { statement, verdict } = find('2024-03-20', 'no longer insists on guaranteed volumes');
    expect(statement).toMatchObject({ kind: 'condition', polarity: 'negative', withdrawn: true });
    expect(verdict.status).toBe('changed');
    expect(verdict.closest?.text).toMatch(/demands guaranteed flying volumes|insists on guaranteed flying volumes/);
  });

  it('judges the airline’s new condition new', () => {
    expect(find('2024-03-20', 'would need to see a signed agreement').verdict.status).toBe('new');
  });
});

describe('a lede and the quote behind it (statements of one article)', () => {
  const trade = loadStoryline(TRADE_DIR);
  const january = trade[0];
  const statements = extractStatements(january.paragraphs, { speakers: ['Helen Marsh', 'Pieter Vos'] });
  const lede = statements.find((statement) => statement.text.includes('Australia will not sign a free trade agreement'))!;
  const quote = statements.find((statement) => statement.text.includes('We will not sign a deal'))!;
  const ledger = [toLedgerEntry(lede, january, 0)];

  it('judges the quote a repeat of the lede it restates, found by text among the speaker’s earlier statements', () => {
    expect(quote.earlierInArticle?.map((earlier) => earlier.text)).toContain(lede.text);
    expect(compareWithLedger(quote, ledger)).toMatchObject({ status: 'repeat', closest: { text: lede.text } });
  });

  it('judges the same words from another article on their own (a change of terms there)', () => {
    const elsewhere: Statement = { ...quote, earlierInArticle: undefined };
    expect(compareWithLedger(elsewhere, ledger).status).toBe('changed');
  });

  it('never takes a reversal or a withdrawal in the same article for a restatement', () => {
    expect(compareWithLedger({ ...quote, polarity: 'positive', claim: quote.claim.replace(/\bnot ?/, '') }, ledger).status).not.toBe('repeat');
    expect(compareWithLedger({ ...quote, withdrawn: true }, ledger).status).toBe('changed');
  });

  it('judges a quotation right after the speaker’s report in the same paragraph, or the lede’s, a repeat of it, whatever words it uses', () => {
    const paragraph =
      'Mayor Ana Lima said on Monday the city would keep the fare freeze through the winter. “Nobody who rides the number 9 bus at dawn should pay more this year,” she said.';
    const [report, quote] = extractStatements([paragraph]);
    expect(quote).toMatchObject({ quotation: true, backs: report.text });
    const entries = [toLedgerEntry(report, article, 0)];
    expect(compareWithLedger(quote, entries)).toMatchObject({ status: 'repeat', closest: { text: report.text } });
    // The lede and the paragraph after it make one point too: the quotation behind the summary. Later paragraphs, or a
    // firmer kind of stance than the report, are judged on their words.
    const [first, second] = paragraph.split('. “').map((part, index) => (index ? `“${part}` : `${part}.`));
    const [lede, behind] = extractStatements([first, second]);
    expect(behind.backs).toBe(lede.text);
    const [, apart] = extractStatements(['The council met on Monday.', first, second]);
    expect(apart.backs).toBeUndefined();
    const [, firmer] = extractStatements([paragraph.replace('Nobody who rides', 'We will not sign unless the state pays, and nobody who rides')]);
    expect(firmer).toMatchObject({ kind: 'condition', quotation: true });
    expect(firmer.backs).toBeUndefined();
    // A quotation added by "adding that" is a further point, not the words behind the report.
    const [, added] = extractStatements(['Mayor Ana Lima said the city would consider any proposals from the union, adding that it was “for the drivers, not the city, to end the strike they began.”']);
    expect(added).toMatchObject({ quotation: true });
    expect(added.backs).toBeUndefined();
  });

  it('takes a spokesperson’s quotation after their principal’s report, of a kind no firmer, for the words behind it', () => {
    const [report, spokeswoman] = extractStatements([
      'Mayor Ana Lima said the city would keep fares frozen unless the state cut its grant. Her spokeswoman, Nina Holt, said it would “not accept any fare above two dollars while the state grant still stands in full.”',
    ]);
    expect(report.kind).toBe('condition');
    expect(spokeswoman).toMatchObject({ speaker: 'Nina Holt', speaksFor: 'Ana Lima', kind: 'refusal', quotation: true, backs: report.text });
    expect(compareWithLedger(spokeswoman, [toLedgerEntry(report, article, 0)])).toMatchObject({ status: 'repeat', closest: { text: report.text } });
  });

  it('counts a quotation right behind the speaker’s report against it at a lower bar than two statements further apart', () => {
    const report: Statement = { speaker: 'Ana Lima', kind: 'position', polarity: 'positive', text: 'Mayor Ana Lima said the city would keep fares frozen through the winter.', claim: 'city fare freeze keep winter', paragraphIndex: 0 };
    const entries = [toLedgerEntry(report, article, 0)];
    const quoteIn = (paragraphIndex: number, reported: Partial<EarlierInArticle> = {}): Statement => ({
      speaker: 'Ana Lima',
      kind: 'position',
      polarity: 'positive',
      text: '“Nobody who rides the night bus should pay more for a frozen fare,” Lima said.',
      claim: 'bus fare freeze night pay ride',
      paragraphIndex,
      quotation: true,
      earlierInArticle: [{ text: report.text, claim: report.claim, paragraphIndex: 0, ...reported }],
    });
    const behind = compareWithLedger(quoteIn(1), entries);
    expect(behind).toMatchObject({ status: 'repeat', closest: { text: report.text } });
    expect(behind.similarity).toBeLessThan(SAME_ARTICLE_SIMILARITY);
    // Two paragraphs on, or behind another quotation, it is judged on its words.
    expect(compareWithLedger(quoteIn(2), entries).status).toBe('new');
    expect(compareWithLedger(quoteIn(1, { quotation: true }), entries).status).toBe('new');
  });

  it('counts a statement opening "that is to say" against the speaker’s statement before it, however few words they share', () => {
    const restated: Statement = { ...statementOf('Putin said some things will take a long time.'), restates: true };
    const before = statementOf('Putin said some aspects of the dispute can already be addressed.');
    const entries = [toLedgerEntry(before, article, 0)];
    expect(compareWithLedger(restated, entries).status).toBe('new');
    const linked = { ...restated, earlierInArticle: [{ text: before.text, claim: before.claim, paragraphIndex: before.paragraphIndex }] };
    expect(compareWithLedger(linked, entries)).toMatchObject({ status: 'repeat', closest: { id: 'earlier#0' } });
  });
});

describe('a quotation in words the story has already used', () => {
  const earlier = extractStatements([
    'Mayor Ana Lima said the city would keep the fare freeze until the state paid its transit grant.',
    'Councillor Tom Reyes said the city could not afford to freeze bus fares through the winter.',
  ]);
  const entries = earlier.map((statement, index) => toLedgerEntry(statement, article, index));

  it('judges it a repeat, whoever used the words, while the same words reported are judged on their similarity', () => {
    const [quoted, reported] = extractStatements([
      'Mayor Ana Lima spoke on Friday.',
      '“The fare freeze stays until the state pays the grant for the buses,” Lima said.',
      'Lima said the fare freeze stays until the state pays the grant for the buses.',
    ]);
    expect(quoted.quotation).toBe(true);
    expect(compareWithLedger(quoted, entries)).toMatchObject({ status: 'repeat', closest: { id: 'earlier#0' } });
    expect(compareWithLedger({ ...reported, earlierInArticle: undefined }, entries).status).toBe('changed');
  });

  it('judges a quotation with a number the speaker never stated on its words, though the other side stated it', () => {
    const offered = extractStatements([
      'Mayor Ana Lima said the city would keep the fare freeze until the state paid its transit grant.',
      'Councillor Tom Reyes said the city should raise bus fares by 4 percent in the winter.',
      'Lima said the city could not raise bus fares in the winter.',
    ]).map((statement, index) => toLedgerEntry(statement, article, index));
    const [quoted] = extractStatements(['Mayor Ana Lima spoke on Friday.', '“Bus fares up 4 percent in the winter, the city can raise,” Lima said.']);
    expect(compareWithLedger(quoted, offered).status).not.toBe('repeat');
    const [again] = extractStatements(['Mayor Ana Lima spoke on Friday.', '“Bus fares in the winter, the city cannot raise,” Lima said.']);
    expect(compareWithLedger(again, offered).status).toBe('repeat');
  });

  it('judges a quotation that brings its own terms on its words', () => {
    const [fresh] = extractStatements(['Mayor Ana Lima spoke on Friday.', '“Give riders a monthly pass at half price and we can talk about fares,” Lima said.']);
    expect(compareWithLedger(fresh, entries).status).toBe('new');
  });
});

describe('the closest statement a new one names (shown as a diff in the digest)', () => {
  it('names it when the two share a term the rest of the ledger does not use', () => {
    const judged = runStoryline(loadStoryline(TRADE_DIR), ['Helen Marsh', 'Pieter Vos'], { watchedOnly: true, synonyms: loadStorylineInfo(TRADE_DIR).synonyms });
    const offer = judged.find((item) => item.statement.text.includes('could raise its beef quota for Australia by 10,000 tonnes'))!;
    expect(offer.verdict.status).toBe('new');
    expect(offer.verdict.closest?.text).toContain('stop using names such as prosecco and feta');
  });

  it('names none when the only words in common are the topic’s, however similar the scores', () => {
    const topical = ledgerOf(
      'Putin said Russia wants a peace treaty with Japan soon.',
      'Putin said Russia and Japan will hold talks on a peace treaty.',
      'Putin said a peace treaty between Russia and Japan is possible.',
      'Putin said Japan and Russia should sign a peace treaty.',
    );
    const verdict = compareWithLedger(statementOf('Putin said Russia and Japan must settle the islands dispute before a peace treaty.'), topical);
    expect(verdict.status).toBe('new');
    expect(verdict.similarity).toBeGreaterThanOrEqual(MIN_SHOWN_SIMILARITY);
    expect(verdict.closest).toBeUndefined();
  });
});

describe('the earlier statement a new one is shown against', () => {
  const narration = 'Mayor Ana Lima was speaking at a harbour conference in Brea at which she said she discussed the sea wall with Brevolt.';
  const others = ['Lima said the city wants a new bus depot.', 'Lima said fares must fall before the budget vote.'];
  const condition = 'Lima said the city would not approve the harbour plan unless Brevolt built the sea wall first.';

  it('is a stance, never a claim of the writer’s narration that shares its words', () => {
    const verdict = compareWithLedger(statementOf(condition), ledgerOf(narration, ...others));
    expect(verdict).toMatchObject({ status: 'new' });
    expect(verdict.similarity).toBeGreaterThanOrEqual(MIN_SHOWN_SIMILARITY);
    expect(verdict.closest).toBeUndefined();
    const withStance = compareWithLedger(statementOf(condition), ledgerOf(narration, ...others, 'Lima said Brevolt must approve the ferry plan.'));
    expect(withStance).toMatchObject({ status: 'new', closest: { kind: 'condition', text: 'Lima said Brevolt must approve the ferry plan.' } });
  });
});

describe('sides', () => {
  const leader = 'President Anna Berg said the union must first drop its demand for a pay rise before talks can resume.';
  const spokesman = 'Her spokesman Ole Dahl said the union must first drop its pay rise demand before the talks resume.';
  const sides = [['Anna Berg', 'Ole Dahl', 'ministry']];

  it('judges a restatement by someone on the speaker’s side a repeat, and new without the watch’s sides', () => {
    const ledger = ledgerOf(leader);
    const restated = statementOf(spokesman);
    expect(restated.speaker).toBe('Ole Dahl');
    expect(compareWithLedger(restated, ledger).status).toBe('new');
    expect(compareWithLedger(restated, ledger, { sides })).toMatchObject({ status: 'repeat', closest: { speaker: 'Anna Berg' } });
  });

  it('counts an institutional label holding a member’s name on that side', () => {
    expect(speaksAs('spokesman, ministry', 'ministry')).toBe(true);
    expect(speaksAs('Dmitry Peskov', 'Peskov')).toBe(true);
    expect(speaksAs('Ole Dahl', 'Anna Berg')).toBe(false);
    // A body that bears a side's name speaks for its members, not for the side; the side's own organs do.
    expect(speaksAs('Brea Deep Sea Trawler Association', 'Brea')).toBe(false);
    expect(speaksAs('Brea energy ministry', 'Brea')).toBe(true);
    // A legislature may hold against the place's government.
    expect(speaksAs('Brea’s provincial assembly', 'Brea')).toBe(false);
    // So may a political party, in opposition or not.
    expect(speaksAs('Brea’s opposition National Coast Party', 'Brea')).toBe(false);
    expect(speaksAs('Brea Teachers Association', 'Brea Teachers Association')).toBe(true);
    // Nor do a trade's own people and councils named with the place's adjective: the government's organs do.
    expect(speaksAs('Brean Dairy Council', 'Brea')).toBe(false);
    expect(speaksAs('Brean dairy farmers', 'Brea')).toBe(false);
    expect(speaksAs('Brean Commerce Ministry', 'Brea')).toBe(true);
    // Whoever posts on a platform is not the platform, nor are analysts the place that names them.
    expect(speaksAs('Brevolt user', 'Brevolt')).toBe(false);
    expect(speaksAs('user, Brevolt', 'Brevolt')).toBe(false);
    expect(speaksAs('Brea analysts', 'Brea')).toBe(false);
    expect(speaksAs('spokeswoman, Brevolt', 'Brevolt')).toBe(true);
  });

  it('counts an organisation under its short name, as stories write it after the first mention', () => {
    expect(speaksAs('Brackmoor', 'Brackmoor Health Group')).toBe(true);
    expect(speaksAs('Halvorian Ministry', 'Halvorian Ministry of Fisheries')).toBe(true);
    // Another body of the same place is not the organisation, nor is a given name the person.
    expect(speaksAs('Hollins Students’ Union', 'Hollins University')).toBe(false);
    expect(speaksAs('Anna', 'Anna Berg')).toBe(false);
  });

  it('counts a body under its name, words of it or a description by its head noun, but not another body of the same head noun', () => {
    expect(speaksAs('spokesman, Norvale Competition Authority', 'Norvale Competition Authority')).toBe(true);
    expect(speaksAs('Competition Authority', 'Norvale Competition Authority')).toBe(true);
    expect(speaksAs('spokeswoman, authority', 'Norvale Competition Authority')).toBe(true);
    expect(speaksAs('hospital group', 'Brackmoor Health Group')).toBe(true);
    expect(speaksAs('Hollins Students’ Union', "Hollins Students' Union")).toBe(true);
    // A name of its own ends in the same head noun: it is another body.
    expect(speaksAs('Tarrow Ports Authority', 'Norvale Competition Authority')).toBe(false);
    expect(speaksAs('spokesman, Tarrow Ports Authority', 'Norvale Competition Authority')).toBe(false);
    expect(speaksAs('Ministry of Labour', 'Finance Ministry')).toBe(false);
  });

  it('counts officials in a place as the place’s, not analysts or experts there', () => {
    expect(speaksAs('officials, Belgrin', 'Belgrin')).toBe(true);
    expect(speaksAs('Analysts, Belgrin', 'Belgrin')).toBe(false);
    expect(speaksAs('experts, Belgrin', 'Belgrin')).toBe(false);
  });

  it('counts an organisation under its initials or as the owner of a role, and no person under theirs', () => {
    expect(speaksAs('NDU', 'National Dockworkers’ Union')).toBe(true);
    expect(speaksAs('DOJ', 'Department of Justice')).toBe(true);
    expect(speaksAs('the POA', 'Port Operators’ Association')).toBe(true);
    expect(speaksAs('NDU', 'Port Operators’ Association')).toBe(false);
    expect(speaksAs('association’s president', 'Brea Teachers Association')).toBe(true);
    expect(speaksAs('AB', 'Anna Berg')).toBe(false);
  });

  it('counts an institution named "X of Y" under its head noun, as stories go on to call it', () => {
    expect(speaksAs('city', 'City of Brea')).toBe(true);
    expect(speaksAs('ministry', 'Ministry of Fisheries')).toBe(true);
    expect(speaksAs('city', 'Brea Health Group')).toBe(false);
    expect(speaksAs('ministry', 'Ministry')).toBe(true);
  });

  it('counts a place’s body named by the place’s adjective on the place’s side', () => {
    expect(speaksAs('Halvorian ministry', 'Halvoria')).toBe(true);
    expect(speaksAs('Japanese foreign ministry', 'Japan')).toBe(true);
    expect(speaksAs('Kaldmark ministry', 'Halvoria')).toBe(false);
  });
});

describe('a stance the writer says the speaker holds to ("again", "still", "as planned")', () => {
  const march = { ...article, id: 'march', publishedAt: '2025-03-01' };
  const earlier = [
    'Mayor Ana Lima said the city would keep the fare freeze through the winter.',
    'Mayor Ana Lima said the council must approve the new depot by May.',
    'Mayor Ana Lima said the budget would be published on Friday.',
    'Mayor Ana Lima said the city would hire more drivers.',
  ].map((sentence, index) => toLedgerEntry(extractStatements([sentence])[0], march, index));
  const judge = (sentence: string) => compareWithLedger(extractStatements([sentence], { speakers: ['Ana Lima'] })[0], earlier);

  it('judges it a repeat of the closest earlier stance, however reworded', () => {
    const reworded = 'Mayor Ana Lima said the fare freeze protects night-shift workers who ride the buses.';
    expect(judge(reworded).status).toBe('new');
    expect(judge(reworded.replace('said the', 'again said the'))).toMatchObject({ status: 'repeat', closest: { id: 'march#0' } });
    expect(judge(reworded.replace('said', 'still insists'))).toMatchObject({ status: 'repeat', closest: { id: 'march#0' } });
    expect(judge('Mayor Ana Lima said the fare freeze would remain in place for night-shift workers.').status).toBe('repeat');
  });

  it('reads the cue in the main clause only, and not when the stance also changes', () => {
    expect(judge('Mayor Ana Lima said the fare freeze could end if the state cut funding again.').status).not.toBe('repeat');
    expect(judge('Mayor Ana Lima said the fare freeze still mattered but no longer had to last through spring.').status).not.toBe('repeat');
    // Terms asked for: "that the freeze will remain in place" is what she wants, not the writer saying she holds to it.
    expect(judge('Mayor Ana Lima wants a written guarantee that the fare freeze will remain in place for five years.').status).not.toBe('repeat');
    // A passive that describes something: "routes still served by night buses" says nothing of her holding to a stance.
    const offer = 'Mayor Ana Lima said the city is prepared to extend the fare freeze to the routes still served by night buses.';
    expect(extractStatements([offer])[0].reaffirms).toBeUndefined();
    expect(extractStatements([offer.replace('the city is', 'the city is still')])[0].reaffirms).toBe(true);
  });

  it('needs a term the earlier stance shares that is not the topic’s: "again" about something never said is news', () => {
    expect(judge('Mayor Ana Lima again said night-shift workers deserve free parking at the stations.').status).toBe('new');
  });

  it('takes "repeated that …" and "often says …" at their word, the closest earlier stance being what was said, whatever terms they share', () => {
    const repeated = 'Mayor Ana Lima repeated that the city should give night-shift workers free parking at the stations.';
    expect(judge(repeated).status).toBe('repeat');
    expect(judge(repeated.replace('repeated that', 'said that')).status).toBe('new');
    // A second verb that opens its own clause ("and repeated that …") is read for that clause.
    const [, second] = extractStatements(['Mayor Ana Lima said the depot was too small, and repeated that the freeze would stay.']);
    expect(second).toMatchObject({ reiterates: true });
    // A habit is said again in so many words: "she often says …"; not what is often so.
    const habit = 'Mayor Ana Lima often says the city should give night-shift workers free parking at the stations.';
    expect(judge(habit).status).toBe('repeat');
    expect(extractStatements(['Mayor Ana Lima said night buses are often late, and says the city should add routes.'])[0].reiterates).toBeUndefined();
  });

  it('holds no statement to an earlier stance as a whole when it goes on to add a point ("still stood and dismissed …", "for the first time")', () => {
    const flags = (sentence: string) => {
      const [statement] = extractStatements([sentence]);
      return [statement?.reaffirms, statement?.reiterates, statement?.recalls];
    };
    expect(flags('Mayor Ana Lima said the fare freeze still stood.')).toEqual([true, undefined, undefined]);
    // A second verb of the subject, a clause "and that …" after a cue inside the first, a first.
    expect(flags('Mayor Ana Lima said the fare freeze still stood and dismissed the union’s figure as too big.')).toEqual([undefined, undefined, undefined]);
    expect(flags('Mayor Ana Lima repeated her call for a vote and said the council would table a motion.')).toEqual([undefined, undefined, undefined]);
    expect(flags('Mayor Ana Lima said the ban would take effect as announced and that the city expected Norvale Rail to pay.')).toEqual([undefined, undefined, undefined]);
    expect(flags('Mayor Ana Lima said the city still preferred the east yard, and proposed for the first time a site near the port.')).toEqual([undefined, undefined, undefined]);
    // A clause that opens with its own "and said …" adds nothing to itself.
    const [, own] = extractStatements(['Mayor Ana Lima called the vote “disappointing but not surprising” and said the city’s position had not changed.']);
    expect(own).toMatchObject({ text: 'and said the city’s position had not changed', reaffirms: true });
    // "repeated that …" governs both clauses, and so does a recall's perfect both verbs.
    expect(flags('Mayor Ana Lima repeated that the city would not pay and that the depot must close.')).toEqual([true, true, undefined]);
    expect(flags('Mayor Ana Lima has opposed any fare rise and demanded that Norvale Rail pay for the depot.')[2]).toBe(true);
  });

  it('judges a stance the writer recalls ("has said", "said in March that", "In the past, …") a repeat of a related earlier one', () => {
    const recalled = [
      'Mayor Ana Lima has said the city would keep the fare freeze for night-shift workers.',
      'Mayor Ana Lima said in March that the city would keep the fare freeze for night-shift workers.',
      'The city would keep the fare freeze for night-shift workers, Mayor Ana Lima said in March.',
      'In the past, Mayor Ana Lima said the city would keep the fare freeze for night-shift workers.',
      'Mayor Ana Lima has long opposed ending the fare freeze for night-shift workers.',
      // An agreement recalled with its time, past a time adjunct after the verb too.
      'Mayor Ana Lima agreed in March to keep the fare freeze for night-shift workers.',
      // A recent time needs no preposition.
      'Mayor Ana Lima said last month that the city would keep the fare freeze for night-shift workers.',
      'Mayor Ana Lima told the Ledger earlier this week the city would keep the fare freeze for night-shift workers.',
      // "at the time" looks back to the event the sentence recalls; "once" to some time gone by.
      'The city said at the time that it would keep the fare freeze for night-shift workers.',
      'Mayor Ana Lima once vowed to keep the fare freeze for night-shift workers.',
      // The speaker's own words may recall it too.
      '“I said the city would keep the fare freeze for night-shift workers, and I meant it,” Mayor Ana Lima said.',
    ];
    for (const sentence of recalled) expect([sentence, extractStatements([sentence])[0].recalls]).toEqual([sentence, true]);
    expect(judge(recalled[0])).toMatchObject({ status: 'repeat', closest: { id: 'march#0' } });
    // Told as news it is news; a recall unrelated to anything earlier is too, and so is one changed since.
    const told = 'Mayor Ana Lima said the city would keep the fare freeze for night-shift workers.';
    expect(extractStatements([told])[0].recalls).toBeUndefined();
    expect(judge(told).status).not.toBe('repeat');
    expect(judge('Mayor Ana Lima has said night-shift workers deserve free parking at the stations.').status).toBe('new');
    // A recall names no stance it holds to: sharing one term ("depot") with a different earlier stance is not enough.
    expect(judge('Mayor Ana Lima has said the depot should be named after the first woman who drove a tram in the old harbour district.').status).toBe('new');
    expect(extractStatements(['Mayor Ana Lima has said the city would keep the fare freeze, but only for night-shift workers.'])[0].recalls).toBeUndefined();
    // What the reported clause says happened is no recall of the speaker's.
    expect(extractStatements(['Mayor Ana Lima said the union has offered to end the strike.'])[0].recalls).toBeUndefined();
  });
});
