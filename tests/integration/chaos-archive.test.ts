import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareArchives, scanArchive } from '../../support/chaos/archive.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';

describe('the chaos bench reading an archive', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await startTestTable();
  });
  afterAll(async () => {
    await table.close();
  });

  it('knows failing-article records (WATCH#…/FAIL#…) and counts no unknown item for them', async () => {
    await table.store.putArticleFailure({
      watchId: 'treaty',
      url: 'https://news.example/broken',
      signature: 'fetch http #',
      reason: 'GET https://news.example/broken answered 500',
      runs: 1,
      since: '2026-11-23T08:00:00Z',
      lastRunId: 'run-1',
      stuckAt: undefined,
    });
    const snapshot = await scanArchive(table.client, table.tableName);
    expect(snapshot.byKind['article-failure']?.map((item) => item.sk)).toEqual([expect.stringMatching(/^FAIL#/)]);
    expect(snapshot.byKind.unknown).toBeUndefined();
    const comparison = compareArchives(snapshot, snapshot, [], () => undefined);
    expect(comparison.details).toEqual([]);
    expect(comparison.duplicates).toBe(0);
  });
});
