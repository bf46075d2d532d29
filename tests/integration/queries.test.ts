import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRows } from '../../bin/commands/output.js';
import { buildTimeline, formatTimeline } from '../../shared/pipeline/timeline.js';
import { dynamoQueries, type ArchiveQueries } from '../../shared/store/queries.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';
import { storedStatement } from '../helpers/statements.js';


const LEDGER = [
  storedStatement('s2017', { publishedAt: '2017-11-10T00:00:00Z', kind: 'concern', text: 'Treaty talks must weigh Japan’s security commitments.' }),
  storedStatement('s2019', { publishedAt: '2019-03-15T00:00:00Z', text: 'Japan would first have to withdraw from its security pact.', status: 'changed', closest: { text: 'Treaty talks must weigh Japan’s security commitments.', url: 'https://news.example/s2017', publishedAt: '2017-11-10T00:00:00Z' } }),
  storedStatement('s2019b', { publishedAt: '2019-12-19T00:00:00Z', text: 'The alliance continues to pose a threat.', status: 'repeat', kind: 'concern' }),
  storedStatement('abe', { publishedAt: '2019-06-06T00:00:00Z', speaker: 'Shinzo Abe', kind: 'demand', text: 'Abe asked Russia to play a larger role.' }),
  storedStatement('s2024', { publishedAt: '2024-06-06T00:00:00Z', text: 'Japan first needs to change its position on the war in Ukraine.' }),
];

describe('archive queries on dynalite', () => {
  let table: TestTable;
  let queries: ArchiveQueries;
  const commands: string[] = [];

  beforeAll(async () => {
    table = await startTestTable();
    for (const entry of LEDGER) await table.store.addStatement(entry);
    for (const [key, date, site] of [['a', '2017-11-10', 'The Japan Times'], ['b', '2019-03-15', 'Nikkei Asian Review'], ['c', '2024-06-06', 'Japan Forward']]) {
      await table.store.linkArticle({ watchId: 'treaty', urlKey: key, url: `https://${key}.example/x`, title: `Story ${key}`, siteName: site, publishedAt: `${date}T00:00:00Z`, linkedAt: date });
    }
    // Record every command the queries send, to prove that none of them scans the table.
    table.client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(context.commandName as string);
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    queries = dynamoQueries(table.client, table.tableName);
  });
  afterAll(async () => table.close());

  it('filters articles by date range and outlet with one Query and no Scan', async () => {
    commands.length = 0;
    const rows = await queries.articles({ watchId: 'treaty', since: '2018-01-01', outlet: 'nikkei' });
    expect(rows.map((row) => row.urlKey)).toEqual(['b']);
    expect(commands).toEqual(['QueryCommand']);
  });

  it("reads one speaker's conditions from the ledger partition, newest first", async () => {
    commands.length = 0;
    const rows = await queries.statements({ watchId: 'treaty', speaker: 'Putin', kind: 'condition' });
    expect(rows.map((row) => row.id)).toEqual(['s2024', 's2019']);
    expect(commands).toEqual(['QueryCommand']);
    const newest = await queries.statements({ watchId: 'treaty', speaker: 'Putin', limit: 2 });
    expect(newest.map((row) => row.id)).toEqual(['s2024', 's2019b']);
  });

  it('lists stances newest first through the GSI, by status, date range and words of the quote', async () => {
    commands.length = 0;
    expect((await queries.statements({ watchId: 'treaty' })).map((row) => row.id)).toEqual(['s2024', 's2019b', 'abe', 's2019', 's2017']);
    expect((await queries.statements({ watchId: 'treaty', status: 'new', until: '2019-12-31' })).map((row) => row.id)).toEqual(['abe', 's2017']);
    expect((await queries.statements({ watchId: 'treaty', text: 'ukraine' })).map((row) => row.id)).toEqual(['s2024']);
    expect(commands).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand']);
  });

  it('matches text and outlets case-insensitively, whatever the case of either side', async () => {
    // Neither lower case, capitalized nor as stored: "jAPAN fORWARD", "uKRAINE", "sTORY c".
    expect((await queries.articles({ watchId: 'treaty', outlet: 'jAPAN fORWARD' })).map((row) => row.urlKey)).toEqual(['c']);
    expect((await queries.articles({ watchId: 'treaty', outlet: 'NIKKEI ASIAN' })).map((row) => row.urlKey)).toEqual(['b']);
    expect((await queries.articles({ watchId: 'treaty', text: 'sTORY c' })).map((row) => row.urlKey)).toEqual(['c']);
    expect((await queries.statements({ watchId: 'treaty', text: 'uKRAINE' })).map((row) => row.id)).toEqual(['s2024']);
    expect((await queries.statements({ watchId: 'treaty', text: 'WAR IN UKRAINE' })).map((row) => row.id)).toEqual(['s2024']);
  });
});

describe('the timeline', () => {
  it("tells each speaker's story oldest first, with what a change replaced", () => {
    const timeline = buildTimeline(LEDGER);
    expect(timeline.map((entry) => entry.speaker)).toEqual(['Vladimir Putin', 'Shinzo Abe']);
    expect(timeline[0].entries.map((entry) => `${entry.date} ${entry.step}`)).toEqual([
      '2017-11-10 first stated',
      '2019-03-15 changed',
      '2019-12-19 restated',
      '2024-06-06 first stated',
    ]);
    const text = formatTimeline('Russia–Japan peace treaty', timeline);
    expect(text).toContain('after 2017-11-10: Treaty talks must weigh');
  });
});

describe('query output', () => {
  it('quotes CSV cells with commas and quotes', () => {
    const csv = formatRows([{ a: 'x, "y"', b: 2 }], ['a', 'b'], 'csv');
    expect(csv).toBe('a,b\n"x, ""y""",2\n');
  });
});
