import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, itemKeys } from '../../shared/store/index.js';
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

  it('knows the ledger summary (WATCH#…#SUM/SUM), its term counts (WATCH#…#DF/<term>) and the revision index (ART#…/RIDX), and counts no unknown item for them', async () => {
    const doc = documentClient(table.client);
    const items = [
      { ...itemKeys.ledgerSummary('treaty'), statements: 1 },
      { ...itemKeys.termCount('treaty', 'japan'), statements: 1 },
      { ...itemKeys.revisionIndex('news.example/revised'), kept: ['2026-11-23T08:00:00Z'] },
    ];
    for (const item of items) await doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
    const snapshot = await scanArchive(table.client, table.tableName);
    expect(snapshot.byKind['ledger-summary']?.map((item) => item.pk)).toEqual(['WATCH#treaty#SUM']);
    expect(snapshot.byKind['term-count']?.map((item) => `${item.pk} ${item.sk}`)).toEqual(['WATCH#treaty#DF japan']);
    expect(snapshot.byKind['revision-index']?.map((item) => item.sk)).toEqual(['RIDX']);
    expect(snapshot.byKind.unknown).toBeUndefined();
    expect(compareArchives(snapshot, snapshot, [], () => undefined).details).toEqual([]);
  });

  it('withholds, not loses, a digest left sending by a pass killed mid-delivery, and only by such a pass', () => {
    const statement = { watchId: 'held', id: 's1', status: 'new', speaker: 'Kari Lund', kind: 'demand' as const, polarity: 'positive' as const, text: 'T', claim: 'pay rise', paragraphIndex: 0 };
    const digest = { ...itemKeys.digest('held', 'd1'), watchId: 'held', digestKey: 'd1', statementIds: ['s1'], status: 'sending', createdAt: '2026-11-23T08:00:00.000Z' };
    const items = [{ ...itemKeys.statement('held', statement.speaker, statement.id), ...statement, digestKey: 'd1' }, digest];
    const snapshot = { items, byKind: { statement: [items[0]], digest: [items[1]] } };
    const unkilled = compareArchives(snapshot, snapshot, [], () => undefined);
    expect(unkilled.details).toEqual(['statement never delivered: held s1 (new)', 'digest left sending: held d1']);
    expect(unkilled.withheld).toEqual([]);
    const killed = compareArchives(snapshot, snapshot, [], () => undefined, ['2026-11-23T08:00:00.000Z']);
    expect(killed.details).toEqual([]);
    expect(killed.withheld).toEqual(['held d1 (1 statements)']);
    expect(compareArchives(snapshot, snapshot, [], () => undefined, ['2026-11-23T09:00:00.000Z']).details).toHaveLength(2);
  });

  it('counts a digest sent under a record that describes another (a fence listing no statement) as sent twice', () => {
    const statement = { watchId: 'held', id: 's1', status: 'new', speaker: 'Kari Lund', kind: 'demand' as const, polarity: 'positive' as const, text: 'T', claim: 'pay rise', paragraphIndex: 0 };
    const digest = (digestKey: string, subject: string, statementIds: string[]) => ({
      ...itemKeys.digest('held', digestKey),
      watchId: 'held',
      digestKey,
      subject,
      statementIds,
      status: 'delivered',
      createdAt: '2026-11-23T09:00:00.000Z',
    });
    const items = [
      { ...itemKeys.statement('held', statement.speaker, statement.id), ...statement, digestKey: 'd2' },
      digest('d1', '(never sent: its statements went to a later digest)', []),
      digest('d2', 'Stancewatch: 1 new — Held', ['s1']),
    ];
    const snapshot = { items, byKind: { statement: [items[0]], digest: items.slice(1) } };
    const sent = (digestKey: string) => ({ watchId: 'held', digestKey, subject: 'Stancewatch: 1 new — Held', pid: 1 });
    expect(compareArchives(snapshot, snapshot, [sent('d2')], () => undefined).details).toEqual([]);
    const underFence = compareArchives(snapshot, snapshot, [sent('d1'), sent('d2')], () => undefined);
    expect(underFence.details).toEqual([
      'digest delivered under a record of another subject: held d1 sent "Stancewatch: 1 new — Held", its record says "(never sent: its statements went to a later digest)"',
    ]);
    expect(underFence.digestsTwice).toBe(1);
  });

  it("tells a summary that counts a statement twice from one that missed a term, which counting may do by design", async () => {
    const statement = { watchId: 'counts', id: 's1', status: 'repeat', speaker: 'Kari Lund', kind: 'demand' as const, polarity: 'positive' as const, text: 'T', claim: 'pay rise', paragraphIndex: 0 };
    const items = [
      { ...itemKeys.statement('counts', statement.speaker, statement.id), ...statement },
      { ...itemKeys.ledgerSummary('counts'), statements: 1, speakers: new Set([statement.speaker]) },
      { ...itemKeys.termCount('counts', 'pay'), statements: 2 },
    ];
    const snapshot = { items, byKind: { statement: [items[0]], 'ledger-summary': [items[1]], 'term-count': [items[2]] } };
    expect(compareArchives(snapshot, snapshot, [], () => undefined).details).toEqual(['summary of counts counts "pay" 2×, its ledger 1×']);
  });
});
