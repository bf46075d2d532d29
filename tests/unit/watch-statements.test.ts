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
});
