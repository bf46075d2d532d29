import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { dedupeArticle, fingerprintText, normalizeText } from '../../shared/dedupe/index.js';
import type { ExtractedArticle } from '../../shared/extract/types.js';
import { hashKey } from '../../shared/store/index.js';
import { extractedArticle } from '../helpers/articles.js';
import { useTestTable } from '../helpers/dynamo.js';

const SEEDS_DIR = join(import.meta.dirname, '../../../shared/seeds');

function seedText(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(prefix));
  return readFileSync(join(SEEDS_DIR, file!), 'utf8').replace(/\r\n/g, '\n').trim();
}

function article(url: string, text: string, siteName: string): ExtractedArticle {
  return extractedArticle({ url, title: 'Putin on the treaty', siteName, publishedAt: undefined, text });
}

/** A syndicated copy as outlets publish it: own boilerplate, a new first line, the ending trimmed by 20 %. */
function syndicate(text: string): string {
  const paragraphs = text.split(/\n{2,}/).slice(1, -1); // the original's dateline and footer go
  const kept = paragraphs.slice(0, Math.ceil(paragraphs.length * 0.8));
  return [
    'TOKYO (Kyodo) -- This story was distributed by the wire service and edited for length.',
    ...kept,
    'Copyright Example Daily. All rights reserved. Follow us for more world news.',
  ].join('\n\n');
}

describe('near-duplicate dedupe against dynalite', () => {
  const table = useTestTable();
  const june = seedText('000_');
  const december = seedText('002_');

  it('stores a long article with one band item per LSH band', async () => {
    const verdict = await dedupeArticle(article('https://japantimes.example/2019/06/06/putin', june, 'The Japan Times'), table.store, '2019-06-06T10:00:00Z');
    expect(verdict.kind).toBe('new');
    const bandKeys = fingerprintText(normalizeText(june))!.bandKeys;
    const first = await table.client.send(
      new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `BAND#${bandKeys[0]}` } } }),
    );
    expect(first.Items?.map((item) => item.sk.S)).toEqual([verdict.kind === 'new' ? verdict.article.urlKey : '']);
  });

  it('does not call the December 2019 Kyodo story a duplicate of the June one, though they share background', async () => {
    const verdict = await dedupeArticle(article('https://japantimes.example/2019/12/19/putin', december, 'The Japan Times'), table.store, '2019-12-19T10:00:00Z');
    expect(verdict.kind).toBe('new');
  });

  it('treats a syndicated copy with other boilerplate, a new first line and a trimmed ending as a near-duplicate of the first-seen article', async () => {
    const original = await table.store.getArticle(hashKey('https://japantimes.example/2019/06/06/putin'));
    expect(original).toBeDefined();
    const copy = article('https://dailyexample.example/world/putin-japan-treaty', syndicate(june), 'Example Daily');
    const verdict = await dedupeArticle(copy, table.store, '2019-06-07T08:00:00Z');
    expect(verdict).toMatchObject({ kind: 'duplicate', reason: 'near-duplicate', of: original!.urlKey });
    expect(verdict.kind === 'duplicate' && verdict.reason === 'near-duplicate' && verdict.similarity).toBeGreaterThan(0.9);
    const owner = await table.store.getArticle(original!.urlKey);
    expect(owner?.alsoPublishedBy).toEqual([
      expect.objectContaining({ url: copy.url, outlet: 'Example Daily', seenAt: '2019-06-07T08:00:00Z', reason: 'near-duplicate' }),
    ]);
    expect(owner?.firstSeenAt).toBe('2019-06-06T10:00:00Z');
    expect(owner?.lastSeenAt).toBe('2019-06-07T08:00:00Z');
  });

  it('answers a rerun of the copy from its own URL and records nothing twice', async () => {
    const copy = article('https://dailyexample.example/world/putin-japan-treaty', syndicate(june), 'Example Daily');
    const again = await dedupeArticle(copy, table.store, '2019-06-08T00:00:00Z');
    expect(again.kind).toBe('duplicate');
    const exact = await dedupeArticle({ ...copy, url: 'https://mirror.example/copy', canonicalUrl: 'https://mirror.example/copy' }, table.store, '2019-06-08T01:00:00Z');
    // The exact copy of the copy links straight to the first-seen article.
    expect(exact).toMatchObject({ kind: 'duplicate', reason: 'same-text', of: hashKey('https://japantimes.example/2019/06/06/putin') });
    const owner = await table.store.getArticle(hashKey('https://japantimes.example/2019/06/06/putin'));
    expect(owner?.alsoPublishedBy?.map((entry) => entry.url)).toEqual([copy.url, 'https://mirror.example/copy']);
  });

  it('records a copy once when the link is retried', async () => {
    const ownerKey = hashKey('https://japantimes.example/2019/06/06/putin');
    const entry = { url: 'https://retry.example/a', outlet: 'Retry', seenAt: '2019-06-09T00:00:00Z', reason: 'near-duplicate' as const, similarity: 0.9 };
    await table.store.recordAlsoPublished(ownerKey, entry);
    await table.store.recordAlsoPublished(ownerKey, entry);
    const owner = await table.store.getArticle(ownerKey);
    expect(owner?.alsoPublishedBy?.filter((copy) => copy.url === entry.url)).toHaveLength(1);
  });

  it('keeps the other seeds (same topic, other events) apart', async () => {
    for (const prefix of ['001_', '003_', '004_']) {
      const verdict = await dedupeArticle(article(`https://seeds.example/${prefix}`, seedText(prefix), 'Seeds'), table.store, '2024-06-06T00:00:00Z');
      expect(verdict.kind, prefix).toBe('new');
    }
  });
});

describe('a longer follow-up of an archived brief', () => {
  const table = useTestTable();

  it('is a new article, not a near-duplicate of the brief it repeats (only the incoming text’s share counts)', async () => {
    const brief = seedText('003_');
    const added = seedText('001_').split(/\s+/).slice(0, 220).join(' ');
    expect((await dedupeArticle(article('https://wire.example/brief', brief, 'Wire'), table.store, '2019-01-22T10:00:00Z')).kind).toBe('new');
    const followUp = await dedupeArticle(article('https://wire.example/full', `${brief}\n\n${added}`, 'Wire'), table.store, '2019-01-22T14:00:00Z');
    expect(followUp.kind).toBe('new');
  });
});
