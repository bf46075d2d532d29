import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { MAX_KEPT_REVISIONS } from '../../shared/store/articles.js';
import { documentClient } from '../../shared/store/document-client.js';
import { dynamoArchive, type ArchivedArticle } from '../../shared/store/index.js';
import { itemKeys } from '../../shared/store/keys.js';
import { NEAR_DUPLICATE_WINDOW_DAYS } from '../../shared/store/near-duplicates.js';
import { URL_STATE_TTL_DAYS } from '../../shared/store/url-state.js';
import { useTestTable } from '../helpers/dynamo.js';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-03-01T00:00:00.000Z');

/** The archive on the test table with a clock the test moves; dynalite itself never expires anything. */
function archiveAt(table: ReturnType<typeof useTestTable>) {
  const clock = { now: START };
  const store = dynamoArchive(table.client, table.tableName, () => new Date(clock.now));
  return { clock, store };
}

describe('transient items expire (TTL on expiresAt), and reads ignore them once expired', () => {
  const table = useTestTable();
  const rawItem = async (key: { pk: string; sk: string }) =>
    (await documentClient(table.client).send(new GetCommand({ TableName: table.tableName, Key: key }))).Item;

  it("gives a URL's state an expiry each time it is written, and reads an expired one as none", async () => {
    const { clock, store } = archiveAt(table);
    await store.putUrlState('https://news.example/gone', { validators: { etag: '"1"' }, consecutiveFailures: 2 });
    expect((await rawItem(itemKeys.urlState('https://news.example/gone')))?.expiresAt).toBe(START / 1000 + URL_STATE_TTL_DAYS * 86_400);
    clock.now += (URL_STATE_TTL_DAYS - 1) * DAY_MS;
    expect(await store.getUrlState('https://news.example/gone')).toMatchObject({ consecutiveFailures: 2 });
    clock.now += 2 * DAY_MS;
    expect(await store.getUrlState('https://news.example/gone')).toBeUndefined();
    // Still in the table (dynalite does not expire): only the read tells it is gone.
    expect(await rawItem(itemKeys.urlState('https://news.example/gone'))).toBeDefined();
  });

  it('keeps near-duplicate bands for the window, and finds no candidate in an expired one', async () => {
    const { clock, store } = archiveAt(table);
    await store.putBands('article-1', ['0#aa', '1#bb'], new Date(START).toISOString());
    expect((await rawItem(itemKeys.band('0#aa', 'article-1')))?.expiresAt).toBe(START / 1000 + NEAR_DUPLICATE_WINDOW_DAYS * 86_400);
    clock.now += (NEAR_DUPLICATE_WINDOW_DAYS - 1) * DAY_MS;
    expect(await store.findBandCandidates(['0#aa', '1#bb'])).toEqual([{ urlKey: 'article-1', bands: 2 }]);
    clock.now += 2 * DAY_MS;
    expect(await store.findBandCandidates(['0#aa', '1#bb'])).toEqual([]);
  });

  it(`keeps an article's newest ${MAX_KEPT_REVISIONS} revisions and expires the older ones`, async () => {
    const { clock, store } = archiveAt(table);
    const article: ArchivedArticle = {
      urlKey: 'live', canonicalUrl: 'https://x/live', url: 'https://x/live', title: 'Live', contentHash: 'h0', text: 't0', firstSeenAt: '2026-03-01', lastSeenAt: '2026-03-01',
    };
    await store.putArticleIfAbsent(article);
    const total = MAX_KEPT_REVISIONS + 2;
    const seenAt = (n: number) => new Date(START + n * 60_000).toISOString();
    for (let n = 1; n <= total; n += 1) {
      const revision = { urlKey: 'live', seenAt: seenAt(n), previousHash: `h${n - 1}`, contentHash: `h${n}`, diff: `{+${n}+}` };
      expect(await store.reviseArticle({ ...article, contentHash: `h${n}`, text: `t${n}` }, revision)).toBe('revised');
      clock.now += 60_000;
    }
    const kept = await store.listRevisions('live');
    expect(kept.map((revision) => revision.seenAt)).toEqual(Array.from({ length: MAX_KEPT_REVISIONS }, (_, index) => seenAt(index + 3)));
    const oldest = await rawItem(itemKeys.revision('live', seenAt(1)));
    expect(oldest?.expiresAt).toBeLessThanOrEqual(clock.now / 1000);
    expect((await rawItem(itemKeys.revisionIndex('live')))?.kept).toHaveLength(MAX_KEPT_REVISIONS);
    expect(await rawItem(itemKeys.revision('live', seenAt(3)))).not.toHaveProperty('expiresAt');
  });
});
