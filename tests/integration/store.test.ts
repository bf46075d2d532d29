import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDigest, type DigestItem } from '../../shared/digest/index.js';
import { DIFF_TOO_LARGE, MAX_STORED_HTML_BYTES, type ArchivedArticle } from '../../shared/store/index.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';
import { storedStatement } from '../helpers/statements.js';


describe('the archive ledger and digests on dynalite', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await startTestTable();
  });
  afterAll(async () => table.close());

  it('adds a statement once even when the same article is processed twice', async () => {
    expect(await table.store.addStatement(storedStatement('a', { claimNorm: '1' }))).toBe(true);
    expect(await table.store.addStatement(storedStatement('a', { claimNorm: '1' }))).toBe(false);
    expect(await table.store.listStatements('treaty')).toHaveLength(1);
    expect(await table.store.listPending('treaty')).toHaveLength(1);
  });

  it("reads one speaker's history with one query keyed by surname", async () => {
    await table.store.addStatement(storedStatement('bb', { speaker: 'Fumio Kishida' }));
    const putin = await table.store.listStatements('treaty', 'putin');
    expect(putin.map((entry) => entry.id)).toEqual(['a']);
    // A full name is keyed like the ledger's sort key.
    expect((await table.store.listStatements('treaty', 'Vladimir Putin')).map((entry) => entry.id)).toEqual(['a']);
  });

  it('reads only the fields the ledger comparison needs, and what refreshing a claim needs', async () => {
    const [entry] = await table.store.listStatements('treaty', 'putin');
    expect(Object.keys(entry).sort()).toEqual(['claim', 'claimNorm', 'id', 'kind', 'polarity', 'publishedAt', 'speaker', 'text', 'url', 'urlKey']);
  });

  it('lists the timeline of a watch by publication date through the GSI', async () => {
    await table.store.addStatement(storedStatement('ccc'));
    // Dates in the opposite order of the ids: only date order gives this answer.
    for (const [id, day] of [['t1', '03'], ['t2', '02'], ['t3', '01']]) {
      await table.store.addStatement(storedStatement(id, { watchId: 'timeline', publishedAt: `2024-06-${day}T00:00:00.000Z` }));
    }
    expect((await table.store.listTimeline('timeline')).map((entry) => entry.id)).toEqual(['t3', 't2', 't1']);
  });

  it('counts a restatement on the earlier statement', async () => {
    const [earlier] = await table.store.listStatements('treaty', 'putin');
    await table.store.countRepeat('treaty', earlier, { url: 'https://news.example/z', publishedAt: '2024-07-01T00:00:00Z' });
    await table.store.countRepeat('treaty', earlier, { url: 'https://news.example/y' });
    const after = (await table.store.listTimeline('treaty')).find((entry) => entry.id === earlier.id);
    expect(after?.repeatCount).toBe(2);
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

  it('keeps the kept copy of a digest too large for one item: whole statements of its HTML and a note, under the cap', async () => {
    const items: DigestItem[] = Array.from({ length: 600 }, (_, index) => ({
      status: 'new',
      speaker: 'Vladimir Putin',
      kind: 'condition',
      text: `Statement ${index}: ${'Japan would first have to withdraw from its security pact. '.repeat(12)}`,
      url: `https://news.example/${index}`,
    }));
    const rendered = renderDigest({ watch: { id: 'big', name: 'Big' }, items, repeats: 0, generatedAt: '2024-06-10T00:00:00Z' });
    expect(Buffer.byteLength(rendered.html + rendered.text, 'utf8')).toBeGreaterThan(400_000);
    const record = { watchId: 'big', digestKey: 'k-big', subject: rendered.subject, ...rendered.kept, statementIds: [], status: 'sending' as const, createdAt: '2024-06-10T00:00:00Z' };
    expect(await table.store.claimDigest(record)).toEqual({ claimed: true });
    const kept = await table.store.getDigest('big', 'k-big');
    expect(kept!.html).toBe(rendered.kept.html);
    expect(Buffer.byteLength(kept!.html, 'utf8')).toBeLessThanOrEqual(MAX_STORED_HTML_BYTES);
    expect(kept!.html).toMatch(/\d+ more statements were too long to keep here; the e-mail had them all\.<\/p>\n<\/div>\n<\/body>\n<\/html>\n$/);
    expect(kept!.html.startsWith(rendered.html.slice(0, 1_000))).toBe(true);
  });

  it('leaves no revision behind when the article moved on first (a conflict)', async () => {
    const article: ArchivedArticle = {
      urlKey: 'rev', canonicalUrl: 'https://x/rev', url: 'https://x/rev', title: 'T', contentHash: 'h1', text: 'one', firstSeenAt: '2024-06-01', lastSeenAt: '2024-06-01',
    };
    await table.store.putArticleIfAbsent(article);
    const stale = { urlKey: 'rev', seenAt: '2024-06-02', previousHash: 'h0', contentHash: 'h2', diff: '{+two+}' };
    expect(await table.store.reviseArticle({ ...article, contentHash: 'h2', text: 'two' }, stale)).toBe('conflict');
    expect(await table.store.listRevisions('rev')).toEqual([]);
    const fresh = { ...stale, previousHash: 'h1', diff: 'x'.repeat(500_000) };
    expect(await table.store.reviseArticle({ ...article, contentHash: 'h2', text: 'two' }, fresh)).toBe('revised');
    expect((await table.store.listRevisions('rev')).map((revision) => revision.diff)).toEqual([DIFF_TOO_LARGE]);
    expect(await table.store.getArticle('rev')).toMatchObject({ contentHash: 'h2', text: 'two', revisionCount: 1 });
  });
});
