import { describe, expect, it } from 'vitest';
import { parseConfig, type Watch } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { claimNormOf, refreshClaims, stderrLog } from '../../shared/pipeline/index.js';
import { statementId } from '../../shared/pipeline/claim-refresh.js';
import { recordReading } from '../../shared/pipeline/record-reading.js';
import { CLAIM_VERSION, type LedgerEntry } from '../../shared/stances/index.js';
import type { ArchivedArticle, StoredStatement } from '../../shared/store/index.js';
import { useTestTable } from '../helpers/dynamo.js';

const FIRST = 'Finance Minister Ada Lind said on Monday that the government would not lift the levy on imported steel.';
const AGAIN = 'Lind said the government would not lift the tariff on imported steel this year.';

const watchOf = (synonyms?: Record<string, string>): Watch =>
  parseConfig({ watches: [{ id: 'steel', name: 'Steel', keywords: ['steel'], speakers: ['Ada Lind'], synonyms, sources: [{ url: 'https://news.example/feed' }] }] }, 'test')
    .watches[0];

const article = (urlKey: string, text: string, publishedAt: string): ArchivedArticle => ({
  urlKey,
  canonicalUrl: `https://news.example/${urlKey}`,
  url: `https://news.example/${urlKey}`,
  title: 'Steel',
  publishedAt,
  contentHash: `hash-${urlKey}`,
  text,
  firstSeenAt: publishedAt,
  lastSeenAt: publishedAt,
});

const stored = (id: string, claim: string, claimNorm?: string): StoredStatement => ({
  id,
  watchId: 'steel',
  speaker: 'Ada Lind',
  kind: 'refusal',
  polarity: 'negative',
  text: FIRST,
  claim,
  claimNorm,
  url: 'https://news.example/a1',
  urlKey: 'a1',
  status: 'new',
  similarity: 0,
  foundAt: '2026-11-23T00:00:00Z',
});

describe('claims written by an older normalisation', () => {
  const table = useTestTable({ freshTable: 'test' });
  const deps = (watch: Watch) => ({ config: { watches: [watch] }, store: table.store, fetchOptions: defaultFetchOptions(), log: stderrLog('silent'), now: () => new Date('2026-11-23T10:00:00Z') });

  async function read(urlKey: string, text: string, publishedAt: string, watch: Watch) {
    const archived = article(urlKey, text, publishedAt);
    await table.store.putArticleIfAbsent(archived);
    return recordReading({ archived, paragraphs: [text] }, watch, deps(watch));
  }

  it('are rewritten before a restatement is judged, so synonyms added to a watch make it a repeat, not a change', async () => {
    await read('a1', FIRST, '2026-03-02', watchOf());
    const [before] = await table.store.listStatements('steel');
    expect(before).toMatchObject({ claim: expect.stringContaining('levy'), claimNorm: `${CLAIM_VERSION}` });
    const watch = watchOf({ levy: 'tariff' });
    const [again] = await read('a2', AGAIN, '2026-03-09', watch);
    expect(again).toMatchObject({ status: 'repeat' });
    const ledger = await table.store.listStatements('steel');
    expect(ledger.map((entry) => [entry.claim, entry.claimNorm])).toEqual([
      ['import lift not steel tariff', claimNormOf(watch)],
      ['import lift not steel tariff', claimNormOf(watch)],
    ]);
    // The summary's counts moved with the claim: "levy" is held by none, "tariff" by both.
    const counts = await table.store.getTermCounts('steel', ['levy', 'tariff', 'steel']);
    expect(Object.fromEntries(counts)).toEqual({ levy: 0, tariff: 2, steel: 2 });
  });

  it('moves the term counts once, however many writers meet the stale claim', async () => {
    await table.store.addStatement(stored('s1', 'levy oppose steel'));
    expect(await table.store.refreshClaim('steel', { id: 's1', speaker: 'Ada Lind' }, 'levy not steel support', '9')).toBe(true);
    expect(await table.store.refreshClaim('steel', { id: 's1', speaker: 'Ada Lind' }, 'levy not steel support', '9')).toBe(false);
    expect(await table.store.refreshClaim('steel', { id: 'gone', speaker: 'Ada Lind' }, 'levy', '9')).toBe(false);
    const counts = await table.store.getTermCounts('steel', ['levy', 'oppose', 'steel', 'support', 'not']);
    expect(Object.fromEntries(counts)).toEqual({ levy: 1, oppose: 0, steel: 1, support: 1 });
    const [entry] = await table.store.listStatements('steel');
    expect(entry).toMatchObject({ claim: 'levy not steel support', claimNorm: '9' });
  });

  it('are read again from the article, else from the statement alone, without writing when nothing is to be stored', async () => {
    const watch = watchOf({ levy: 'tariff' });
    await table.store.putArticleIfAbsent(article('a1', `The ministry met on Monday.\n\n${FIRST}`, '2026-03-02'));
    const inArticle: LedgerEntry = { ...stored(statementId('steel', 'a1', FIRST), 'stale'), urlKey: 'a1' };
    const gone: LedgerEntry = { ...stored('s2', 'stale'), urlKey: 'missing' };
    const unfound: LedgerEntry = { ...stored('s3', 'kept'), text: 'The ministry met on Monday.' };
    const current: LedgerEntry = { ...stored('s4', 'current'), claimNorm: claimNormOf(watch) };
    const stale = await refreshClaims([inArticle, gone, unfound, current], watch, table.store, []);
    expect(stale.map((entry) => entry.id)).toEqual([inArticle.id, 's2', 's3']);
    expect([inArticle, gone, unfound, current].map((entry) => entry.claim)).toEqual(['import lift not steel tariff', 'import lift not steel tariff', 'kept', 'current']);
    expect(await table.store.listStatements('steel')).toEqual([]);
  });
});
