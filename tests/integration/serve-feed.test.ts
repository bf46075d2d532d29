import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { parseFeed } from '../../shared/fetch/index.js';
import { serveFeedRequest, type FeedDeps } from '../../shared/pipeline/index.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';

const TOKEN = 'feedtoken-0123456789abcdef';
const KEYS = ['a'.repeat(32), 'b'.repeat(32), 'c'.repeat(32)];

describe('the served Atom feed of digests', () => {
  let table: TestTable;
  let deps: FeedDeps;

  beforeAll(async () => {
    table = await startTestTable();
    const config = parseConfig({ watches: [{ id: 'treaty', name: 'Peace treaty', keywords: ['treaty'], sources: [{ url: 'https://x.example/feed' }] }] }, 'test');
    deps = { config, store: table.store, feedToken: TOKEN };
    for (const [index, digestKey] of KEYS.entries()) {
      await table.store.claimDigest({
        watchId: 'treaty',
        digestKey,
        subject: `Digest ${index + 1}`,
        text: 't',
        html: `<p>Digest ${index + 1}</p>`,
        statementIds: [],
        status: 'sending',
        createdAt: `2026-11-2${index}T09:00:00.000Z`,
      });
      // The last one never went out: it must not be in the feed.
      if (index < 2) await table.store.markDelivered('treaty', digestKey, ['test']);
    }
  });
  afterAll(async () => table.close());

  it('refuses a request without the right token', async () => {
    expect((await serveFeedRequest({ path: '/treaty.xml' }, deps)).status).toBe(403);
    expect((await serveFeedRequest({ path: '/treaty.xml', token: `${TOKEN}x` }, deps)).status).toBe(403);
  });

  it('lists the delivered digests newest first, linking to their pages with the token', async () => {
    const response = await serveFeedRequest({ path: '/treaty.xml', token: TOKEN }, deps);
    expect(response).toMatchObject({ status: 200, contentType: expect.stringContaining('atom+xml') });
    const feed = parseFeed(response.body, 'https://feeds.example/treaty.xml?token=x');
    expect(feed?.entries.map((entry) => entry.title)).toEqual(['Digest 2', 'Digest 1']);
    expect(feed?.entries[0].url).toBe(`https://feeds.example/treaty/${KEYS[1]}.html?token=${TOKEN}`);
  });

  it('serves one delivered digest as its HTML page, and 404 for an unknown watch or digest', async () => {
    const page = await serveFeedRequest({ path: `/treaty/${KEYS[0]}.html`, token: TOKEN }, deps);
    expect(page).toMatchObject({ status: 200, body: '<p>Digest 1</p>' });
    expect((await serveFeedRequest({ path: `/treaty/${KEYS[2]}.html`, token: TOKEN }, deps)).status).toBe(404);
    expect((await serveFeedRequest({ path: '/other.xml', token: TOKEN }, deps)).status).toBe(404);
  });
});
