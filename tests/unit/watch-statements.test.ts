import { describe, expect, it } from 'vitest';
import { watchedStatements } from '../../shared/pipeline/index.js';

describe('watchedStatements', () => {
  const watch = { speakers: ['Ana Lima', 'Tom Reyes'] };

  it('names a watched speaker as the watch writes them, whatever the article adds', () => {
    const found = watchedStatements(
      ['Mayor Ana M. Lima said the clinic must stay open.', 'Governor Thomas Reyes said he would veto the fare rise.', 'Lima said the city would sue.'],
      watch,
    );
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes', 'Ana Lima']);
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
});
