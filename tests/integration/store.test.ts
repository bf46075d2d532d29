import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredStatement } from '../../shared/store/index.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';

function statement(id: string, overrides: Partial<StoredStatement> = {}): StoredStatement {
  return {
    id,
    watchId: 'treaty',
    speaker: 'Vladimir Putin',
    kind: 'condition',
    polarity: 'positive',
    text: `Statement ${id}`,
    claim: `claim ${id}`,
    publishedAt: `2024-06-0${id.length}T00:00:00.000Z`,
    url: `https://news.example/${id}`,
    urlKey: `key-${id}`,
    status: 'new',
    similarity: 0,
    foundAt: '2024-06-10T00:00:00.000Z',
    ...overrides,
  };
}

describe('the archive ledger and digests on dynalite', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await startTestTable();
  });
  afterAll(async () => table.close());

  it('adds a statement once even when the same article is processed twice', async () => {
    expect(await table.store.addStatement(statement('a'))).toBe(true);
    expect(await table.store.addStatement(statement('a'))).toBe(false);
    expect(await table.store.listStatements('treaty')).toHaveLength(1);
    expect(await table.store.listPending('treaty')).toHaveLength(1);
  });

  it("reads one speaker's history with one query keyed by surname", async () => {
    await table.store.addStatement(statement('bb', { speaker: 'Fumio Kishida' }));
    const putin = await table.store.listStatements('treaty', 'putin');
    expect(putin.map((entry) => entry.id)).toEqual(['a']);
  });

  it('lists the timeline of a watch by publication date through the GSI', async () => {
    await table.store.addStatement(statement('ccc'));
    const timeline = await table.store.listTimeline('treaty');
    expect(timeline.map((entry) => entry.id)).toEqual(['a', 'bb', 'ccc']);
  });

  it('counts a restatement on the earlier statement', async () => {
    const [earlier] = await table.store.listStatements('treaty', 'putin');
    await table.store.countRepeat('treaty', earlier, { url: 'https://news.example/z', publishedAt: '2024-07-01T00:00:00Z' });
    await table.store.countRepeat('treaty', earlier, { url: 'https://news.example/y' });
    const [after] = await table.store.listStatements('treaty', 'putin');
    expect(after.repeatCount).toBe(2);
  });

  it('claims a digest once and clears what it delivered', async () => {
    const record = {
      watchId: 'treaty',
      digestKey: 'k1',
      subject: 's',
      text: 't',
      html: '<p>t</p>',
      statementIds: ['a', 'bb', 'ccc'],
      status: 'sending' as const,
      createdAt: '2024-06-10T00:00:00Z',
    };
    expect(await table.store.claimDigest(record)).toEqual({ claimed: true });
    await table.store.markDelivered('treaty', 'k1', ['stdout']);
    const again = await table.store.claimDigest(record);
    expect(again.claimed).toBe(false);
    expect(again.claimed === false && again.existing.status).toBe('delivered');
    await table.store.clearPending('treaty', record.statementIds);
    expect(await table.store.listPending('treaty')).toEqual([]);
  });

  it('lists the articles of a watch newest first', async () => {
    for (const [key, date] of [['old', '2017-11-10'], ['new', '2024-06-06'], ['mid', '2019-03-15']]) {
      await table.store.linkArticle({ watchId: 'treaty', urlKey: key, url: `https://x/${key}`, title: key, publishedAt: date, linkedAt: date });
    }
    const articles = await table.store.listArticles('treaty');
    expect(articles.map((article) => article.urlKey)).toEqual(['new', 'mid', 'old']);
  });
});
