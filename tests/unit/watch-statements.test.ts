import { describe, expect, it } from 'vitest';
import { learnSpeakers, watchedStatements } from '../../shared/pipeline/index.js';
import { authorOf, speakersLearned } from '../../shared/pipeline/watch-statements.js';
import { extractStatements } from '../../shared/stances/index.js';

describe('watchedStatements', () => {
  const watch = { speakers: ['Ana Lima', 'Tom Reyes'] };

  it('names a watched speaker as the watch writes them, whatever the article adds', () => {
    const found = watchedStatements(
      ['Mayor Ana M. Lima said the clinic must stay open.', 'Governor Thomas Reyes said he would veto the fare rise.', 'Lima said the city would sue.'],
      watch,
    );
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes', 'Ana Lima']);
  });

  it('follows a watched speaker’s campaign as their voice ("the Lima campaign", "a spokesman for Reyes’s campaign"), not a campaign of its own', () => {
    const found = watchedStatements(
      [
        'Mayor Ana Lima spoke on Monday.',
        'The Lima campaign said the clinic must stay open.',
        'A spokesman for Reyes’s campaign said he would veto the fare rise.',
        'The campaign against the levy said it would sue.',
        'Mayor Lima’s re-election campaign said the buses would run all night.',
        'Senate candidate Tom Reyes’s campaign said the fares would fall.',
      ],
      watch,
    );
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Lima campaign', 'Lima'],
      ['spokesman, Reyes’s campaign', 'Reyes'],
      ['Mayor Lima’s re-election campaign', 'Lima'],
      ['Senate candidate Tom Reyes’s campaign', 'Tom Reyes'],
    ]);
  });

  it('links a statement to what its side said earlier in the article, so a spokesman restating the mayor is judged with her words', () => {
    const article = ['Mayor Ana Lima said the city would not raise bus fares this year.', 'Paul Brennan, her deputy, said fares would stay frozen until the budget passes.'];
    const sides = { City: ['Ana Lima', 'Paul Brennan'] };
    const [mayor, deputy] = watchedStatements(article, { speakers: ['Ana Lima'], sides });
    expect(deputy.earlierInArticle?.map((earlier) => earlier.text)).toEqual([mayor.text]);
    // Without the side, the deputy is a voice of their own.
    const [, alone] = watchedStatements(article, { speakers: ['Ana Lima', 'Paul Brennan'] });
    expect(alone.earlierInArticle).toBeUndefined();
  });

  it('names a speaker described in the watch’s synonyms as the side member they name ("Norvale’s competition regulator")', () => {
    const regulator = { speakers: ['Ivo Pelt'], synonyms: { regulator: 'competition authority', deal: 'takeover' }, sides: { Authority: ['Ivo Pelt', 'Norvale Competition Authority'] } };
    const found = watchedStatements(
      [
        "Norvale's competition regulator opened an investigation into the takeover, saying the deal could push up cement prices.",
        'The regulator said it would not clear the takeover unless three plants were sold.',
      ],
      regulator,
    );
    expect(found.map((statement) => statement.speaker)).toEqual(['Norvale Competition Authority', 'Norvale Competition Authority']);
    // Another body the synonyms leave as it is stays itself, and out of the watch.
    expect(watchedStatements(['The Tarrow Ports Authority said it would not block the takeover.'], regulator)).toEqual([]);
    // Nor is a speaker whose words the synonyms leave as they are another member's because the member's name holds them.
    const city = { speakers: ['Ana Lima'], synonyms: { levy: 'tax' }, sides: { City: ['Ana Lima', 'Tom Reyes'] } };
    expect(watchedStatements(['“We will not pay the levy,” Tom said at the rally.'], city)).toEqual([]);
  });

  it('gives a body’s description ("the company", "the smaller party") to the side named last before it, not a body of its own kind', () => {
    const talks = { speakers: ['Ivo Pelt', 'Tom Reyes'], sides: { 'Norvale Centre': ['Ivo Pelt', 'Norvale Centre'], 'Tarrow League': ['Tom Reyes', 'Tarrow League'] } };
    const found = watchedStatements(['Tom Reyes said he would govern with the Norvale Centre, but the smaller party said it would not join unless taxes were cut.'], talks);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Norvale Centre']);
    const drug = { speakers: ['Ivo Pelt'], sides: { 'Belgrin Pharma': ['Ivo Pelt', 'Belgrin Pharma'] } };
    expect(watchedStatements(['Belgrin Pharma reported higher sales.', 'The company said it would not cut the price.'], drug).map((statement) => statement.speaker)).toEqual(['Belgrin Pharma']);
    expect(watchedStatements(['Belgrin Pharma reported higher sales.', 'The national roads agency said it would not cut the price.'], drug)).toEqual([]);
    expect(watchedStatements(['Belgrin Pharma reported higher sales.', 'The two companies said they would not cut the price.'], drug)).toEqual([]);
  });

  it('follows a group a side lists by a plural noun ("bondholders", "official creditors") as a speaker', () => {
    const debt = { speakers: ['Ivo Pelt'], sides: { Norvalia: ['Ivo Pelt', 'Norvalia'], Creditors: ['bondholders', 'official creditors', 'the committee'] } };
    const found = watchedStatements(['Bondholders rejected the offer as too punitive.', 'The official creditors insisted on equal treatment.', 'Pensioners rejected the offer too.'], debt);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['bondholders', 'refusal'],
      ['official creditors', 'demand'],
    ]);
  });

  it('follows a side the watch names by a description ("Mediators (Norvale and Tarrow)") in those words, not others', () => {
    const talks = { speakers: ['Ivo Pelt'], sides: { Norvalia: ['Ivo Pelt', 'Norvalia'], 'Mediators (Norvale and Tarrow)': ['joint mediation team'] } };
    const found = watchedStatements(['The mediators urged both delegations to start with a prisoner exchange.', 'The observers urged both delegations to open the corridor.'], talks);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['mediators', 'demand']]);
  });

  it('leaves out another person of a watched surname', () => {
    const found = watchedStatements(['Mayor Ana Lima said the clinic must stay open.', 'Carlos Lima, her brother, said the family would sue the city.'], watch);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima']);
  });

  it('follows an office holder of a side’s body as that side (a deputy mayor for the city), not a councillor', () => {
    const sides = { city: ['Ana Lima', 'City of Brea'], board: ['Tom Reyes', 'Brea Unified School District'] };
    const found = watchedStatements(
      [
        'Deputy Mayor Sam Haddad said the city would go to court to keep the fare freeze.',
        'School board chair Carol Lind said the board would not approve any contract that drained the reserve.',
        'Councillor Joan Pettigrew said the city would lose in court.',
      ],
      { speakers: ['Ana Lima', 'Tom Reyes'], sides },
    );
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Sam Haddad', 'city'],
      ['Carol Lind', 'district'],
    ]);
  });

  it('follows no mayor of a place the title names but the side’s ("Halden Mayor Ivo Karsk"), nor takes an adjective for one', () => {
    const sides = { city: ['Ana Lima', 'City of Brea'] };
    const found = watchedStatements(
      [
        'Halden Mayor Ivo Karsk said his city would welcome the team and was prepared to discuss a stadium.',
        'Brea Mayor Ana Lima said the city would not pay for the garage.',
      ],
      { speakers: ['Ana Lima'], sides },
    );
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([['Ana Lima', 'Brea']]);
    const [first] = extractStatements(['Muslim Mayor Ivo Karsk said his city would welcome the team.']);
    expect(first).toMatchObject({ speaker: 'Ivo Karsk', speaksFor: 'city' });
  });
});

describe('an article a watched speaker wrote', () => {
  const watch = { speakers: ['Ana Lima', 'Tom Reyes'] };
  const opEd = [
    'The port of Norvale has waited ten years for its expansion.',
    'We will not sign off on the expansion unless Brevolt pays for the new sea wall.',
    'Tom Reyes, who chairs the harbour board, said the board would vote in June.',
  ];

  it('is its author’s in what it says in no one else’s name, when its byline names one watched speaker', () => {
    const speakers = (byline?: string) => watchedStatements(opEd, watch, [], byline).map((statement) => [statement.speaker, statement.kind]);
    expect(speakers('By Ana M. Lima, mayor of Norvale')).toEqual([
      ['Ana Lima', 'claim'],
      ['Ana Lima', 'condition'],
      ['Tom Reyes', 'position'],
    ]);
    // A reporter's byline, two watched speakers or none: the writer's voice stays no one's.
    for (const byline of ['Ivo Karsk', 'Ana Lima and Tom Reyes', undefined]) expect(speakers(byline)).toEqual([['Tom Reyes', 'position']]);
  });

  it('names its author with the byline’s words in order', () => {
    expect(authorOf('By ANA LIMA', watch.speakers)).toBe('Ana Lima');
    expect(authorOf('Lima, Ana', watch.speakers)).toBeUndefined();
    expect(authorOf('Staff reporter', watch.speakers)).toBeUndefined();
  });
});

describe('learnSpeakers', () => {
  it('keeps the fullest role and principal a speaker was given, and follows the speaker with them in a later article', () => {
    // The side is named for its body: a side named "utility" would take "a spokesman for the utility" as its voice.
    const watch = { speakers: ['Ana Lima'], sides: { 'Corran Bay': ['Corran Bay Water'] } };
    const first = watchedStatements(['Corran Bay Water spokesman Peter Walsh said the utility would not lower its rates.'], watch);
    const known = learnSpeakers(first);
    learnSpeakers(watchedStatements(['Mayor Ana Lima said the city would sue.', 'Ana Lima said the rates were too high.'], watch), known);
    expect([...known.values()]).toEqual([
      { name: 'Peter Walsh', role: 'Corran Bay Water spokesman', speaksFor: 'Corran Bay Water' },
      { name: 'Ana Lima', role: 'Mayor', speaksFor: 'city' },
    ]);
    const later = ['A spokesman for the utility, Peter Walsh, said the rates would rise unless the council paid for the pipes.'];
    expect(watchedStatements(later, watch)).toEqual([]);
    expect(watchedStatements(later, watch, [...known.values()])).toEqual([expect.objectContaining({ speaker: 'Peter Walsh', speaksFor: 'Corran Bay Water' })]);
  });
});

describe('speakersLearned', () => {
  it('gives only the speakers an article tells more of than the watch knew, so an article that adds nothing writes nothing', () => {
    const watch = { speakers: ['Ana Lima'], sides: { utility: ['Corran Bay Water'] } };
    const statements = watchedStatements(['Corran Bay Water spokesman Peter Walsh said the utility would not lower its rates.'], watch);
    const [walsh] = speakersLearned([], statements);
    expect(walsh).toEqual({ name: 'Peter Walsh', role: 'Corran Bay Water spokesman', speaksFor: 'Corran Bay Water' });
    expect(speakersLearned([walsh], statements)).toEqual([]);
    expect(speakersLearned([{ name: 'Peter Walsh', speaksFor: 'Corran Bay Water' }], statements)).toEqual([walsh]);
  });
});
