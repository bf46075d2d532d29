import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../shared/config/index.js';
import { documentClient } from '../../shared/store/document-client.js';
import { dynamoWatchConfig, STALE_PUSH_MS } from '../../shared/store/index.js';
import { itemKeys } from '../../shared/store/keys.js';
import { useTestTable } from '../helpers/dynamo.js';

const watch = (id: string, keywords = ['treaty'], extra: Record<string, unknown> = {}) => ({
  id,
  name: `Watch ${id}`,
  keywords,
  sources: [{ url: `https://news.example/${id}.xml` }],
  ...extra,
});
const config = (...watches: unknown[]): Config => parseConfig({ watches }, 'test');

describe('watches in the archive table', () => {
  const table = useTestTable({ freshTable: 'test' });
  const store = () => dynamoWatchConfig(table.client, table.tableName);

  it('has no watches before the first push', async () => {
    expect(await store().loadWatches()).toBeUndefined();
    expect(await store().readMeta()).toBeUndefined();
  });

  it('loads what was pushed, in file order, and reports each push by watch', async () => {
    const first = config(watch('b'), watch('a'), watch('c'));
    expect(await store().pushWatches(first)).toEqual({ revision: 1, added: ['b', 'a', 'c'], changed: [], removed: [], unchanged: [] });
    expect(await store().loadWatches()).toEqual(first);

    const second = config(watch('a', ['peace treaty']), watch('d'), watch('b'));
    expect(await store().pushWatches(second)).toEqual({ revision: 2, added: ['d'], changed: ['a'], removed: ['c'], unchanged: ['b'] });
    expect(await store().loadWatches()).toEqual(second);
    const meta = await store().readMeta();
    expect(meta).toMatchObject({ revision: 2, watchIds: ['a', 'd', 'b'], state: 'complete', configHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The removed watch's item is gone, not only unlisted.
    expect(await getItem(itemKeys.watchConfig('c'))).toBeUndefined();
    expect(await getItem(itemKeys.watchConfig('d'))).toMatchObject({ watchId: 'd', revision: 2 });
  });

  it('changes nothing, not even the revision, when the same file is pushed again', async () => {
    await store().pushWatches(config(watch('a'), watch('b')));
    expect(await store().pushWatches(config(watch('a'), watch('b')))).toEqual({ revision: 1, added: [], changed: [], removed: [], unchanged: ['a', 'b'] });
    // A new order is a change of the config (the order sources are planned in), though no watch changed.
    expect(await store().pushWatches(config(watch('b'), watch('a')))).toMatchObject({ revision: 2, unchanged: ['b', 'a'] });
    expect((await store().loadWatches())?.watches.map((w) => w.id)).toEqual(['b', 'a']);
  });

  it('lets one of two pushes at once win; the other fails, naming the revision, and writes nothing', async () => {
    await store().pushWatches(config(watch('a')));
    const results = await Promise.allSettled([store().pushWatches(config(watch('a'), watch('x'))), store().pushWatches(config(watch('a'), watch('y')))]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(String(lost[0].reason.message)).toMatch(/another watches push (took revision 2|\(revision 2, started .*\) is still writing)/);
    expect(String(lost[0].reason.message)).toContain('nothing written');
    const ids = (await store().loadWatches())!.watches.map((w) => w.id);
    expect(ids).toHaveLength(2);
    const winner = ids[1];
    const loser = winner === 'x' ? 'y' : 'x';
    expect(await getItem(itemKeys.watchConfig(loser))).toBeUndefined();
    expect(await store().readMeta()).toMatchObject({ revision: 2, state: 'complete' });
  });

  it('refuses a push while another is writing, and takes over from one that crashed long ago', async () => {
    await store().pushWatches(config(watch('a')));
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const at = (ms: number) => () => new Date(ms);
    // A push that claimed revision 2 and never committed.
    await putItem({ ...itemKeys.watchesMeta(), revision: 2, state: 'pushing', pushStartedAt: new Date(clock).toISOString(), watchIds: ['a'] });
    const during = dynamoWatchConfig(table.client, table.tableName, at(clock + 60_000));
    await expect(during.pushWatches(config(watch('b')))).rejects.toThrow(/another watches push \(revision 2, started 2026-12-01T10:00:00.000Z\) is still writing/);
    // Readers still get what the last complete push left.
    expect((await store().loadWatches())!.watches.map((w) => w.id)).toEqual(['a']);
    clock += STALE_PUSH_MS + 1;
    const later = dynamoWatchConfig(table.client, table.tableName, at(clock));
    expect(await later.pushWatches(config(watch('b')))).toEqual({ revision: 3, added: ['b'], changed: [], removed: ['a'], unchanged: [] });
  });

  it('names the item when a stored watch is no longer valid or is missing', async () => {
    await store().pushWatches(config(watch('a'), watch('b')));
    await putItem({ ...itemKeys.watchConfig('b'), watchId: 'b', revision: 1, watch: JSON.stringify({ ...watch('b'), sources: [{ url: 'gopher://x' }] }) });
    await expect(store().loadWatches()).rejects.toThrow(new RegExp(`table ${table.tableName}, item CONFIG#WATCHES WATCH#b: invalid watch:\\n  sources\\[0\\]\\.url`));
    await putItem({ ...itemKeys.watchConfig('b'), watchId: 'b', revision: 1, watch: '{"id":' });
    await expect(store().loadWatches()).rejects.toThrow(/item CONFIG#WATCHES WATCH#b: the watch is not valid JSON/);
    await deleteWatchB();
    await expect(store().loadWatches()).rejects.toThrow(/item CONFIG#WATCHES WATCH#b: missing, though revision 1 lists watch "b"/);
  });

  it('refuses a watch too large for one item before writing anything', async () => {
    const huge = watch('huge', Array.from({ length: 40_000 }, (_, i) => `keyword number ${i}`));
    await expect(store().pushWatches(config(watch('a'), huge))).rejects.toThrow(/watch "huge" is \d+ KB as JSON, over DynamoDB's 400 KB item limit/);
    expect(await getItem(itemKeys.watchConfig('a'))).toBeUndefined();
    expect(await store().readMeta()).toBeUndefined();
  });

  async function getItem(key: { pk: string; sk: string }) {
    return (await documentClient(table.client).send(new GetCommand({ TableName: table.tableName, Key: key }))).Item;
  }
  async function putItem(item: Record<string, unknown>) {
    await documentClient(table.client).send(new PutCommand({ TableName: table.tableName, Item: item }));
  }
  async function deleteWatchB() {
    await documentClient(table.client).send(new DeleteCommand({ TableName: table.tableName, Key: itemKeys.watchConfig('b') }));
  }
});
