import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Watch } from '../../shared/config/index.js';
import { judgeStatement, readArticleLedger, recordInLedger, watchedStatements } from '../../shared/pipeline/watch-statements.js';
import type { Statement, StoredStatement } from '../../shared/stances/index.js';
import { documentClient } from '../../shared/store/document-client.js';
import { dynamoTable } from '../../shared/store/dynamo-table.js';
import { itemKeys } from '../../shared/store/keys.js';
import { ID_MEMORY_DAYS, shardOf } from '../../shared/store/ledger-summary.js';
import { statementItem } from '../../shared/store/ledger.js';
import { createDynamoClient, dynamoArchive } from '../../shared/store/index.js';
import { hashKey } from '../../shared/text/index.js';
import { useTestTable } from '../helpers/dynamo.js';

const STORYLINES = ['seeds', 'labour', 'trade'].map((name) => fileURLToPath(new URL(`../fixtures/stances/${name}/`, import.meta.url)));

interface Fixture {
  id: string;
  url: string;
  outlet?: string;
  publishedAt: string;
  paragraphs: string[];
}

/** A labelled storyline's watch (speakers, synonyms) and its articles, oldest first. */
function loadStoryline(dir: string): { watch: Pick<Watch, 'speakers' | 'synonyms'>; articles: Fixture[] } {
  const watch = JSON.parse(readFileSync(`${dir}_storyline.json`, 'utf8')) as Pick<Watch, 'speakers' | 'synonyms'>;
  const articles = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_'))
    .map((name) => JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as Fixture)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  return { watch: { speakers: watch.speakers, synonyms: watch.synonyms }, articles };
}

function stored(statement: Statement, watchId: string, article: Pick<Fixture, 'url' | 'publishedAt' | 'outlet'>): StoredStatement {
  return {
    ...statement,
    id: hashKey(`${watchId}\n${article.url}\n${statement.text}`),
    watchId,
    url: article.url,
    outlet: article.outlet,
    publishedAt: article.publishedAt,
    urlKey: hashKey(article.url),
    status: 'new',
    similarity: 0,
    foundAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Items DynamoDB answered with (Query, GetItem, BatchGetItem), counted on the real client's middleware stack. */
function countItemsRead(client: DynamoDBClient): { items: number } {
  const counter = { items: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const output = result.output as { Items?: unknown[]; Item?: unknown; Responses?: Record<string, unknown[]> };
      counter.items += (output.Items?.length ?? 0) + (output.Item ? 1 : 0);
      for (const items of Object.values(output.Responses ?? {})) counter.items += items.length;
      return result;
    },
    { step: 'initialize', name: 'countItemsRead' },
  );
  return counter;
}

describe('judging an article against part of the ledger', () => {
  const table = useTestTable();

  const variants: Array<{ label: string; watch: (base: Pick<Watch, 'speakers' | 'synonyms'>) => Pick<Watch, 'speakers' | 'synonyms' | 'sides'> }> = [
    { label: "the watch's speakers", watch: (base) => base },
    // No speaker filter: unattributed statements too, judged against the recent window.
    { label: 'everyone', watch: (base) => ({ synonyms: base.synonyms }) },
    { label: 'one side of all speakers', watch: (base) => ({ ...base, sides: { one: base.speakers ?? [] } }) },
  ];

  for (const dir of STORYLINES) {
    for (const variant of variants) {
      it(`gives every statement of ${dir.split('/').at(-2)} (${variant.label}) the verdict the whole ledger gives`, async () => {
        const { watch: base, articles } = loadStoryline(dir);
        const watch = { id: `${dir.split('/').at(-2)}-${variants.indexOf(variant)}`, ...variant.watch(base) };
        let judged = 0;
        for (const article of articles) {
          const statements = watchedStatements(article.paragraphs, watch);
          const whole = await table.store.listStatements(watch.id);
          const part = await readArticleLedger(statements, watch, table.store);
          for (const statement of statements) {
            const expected = judgeStatement(statement, whole, watch);
            const verdict = judgeStatement(statement, part, watch);
            expect({ ...verdict, closest: verdict.closest?.id }).toEqual({ ...expected, closest: expected.closest?.id });
            const entry = stored(statement, watch.id, article);
            if (!(await table.store.addStatement(entry))) continue;
            whole.push(entry);
            recordInLedger(part, entry);
            judged += 1;
          }
        }
        expect(judged).toBeGreaterThan(5);
      });
    }
  }

  it('counts a statement once in the summary when its article is stored again', async () => {
    const statement = stored({ speaker: 'Vladimir Putin', kind: 'condition', polarity: 'positive', text: 'T', claim: 'japan withdraw', paragraphIndex: 0 }, 'retried', {
      url: 'https://news.example/a',
      publishedAt: '2024-01-01',
    });
    await table.store.getSummary('retried');
    expect(await table.store.addStatement(statement)).toBe(true);
    expect(await table.store.addStatement(statement)).toBe(false);
    const summary = await table.store.getSummary('retried');
    expect(summary.statements).toBe(1);
    expect(Object.fromEntries(summary.tokenCounts)).toEqual({ japan: 1, withdraw: 1 });
    expect([...summary.speakers]).toEqual(['Vladimir Putin']);
  });
});

describe('the ledger summary', () => {
  const table = useTestTable();
  const statementOf = (watchId: string, index: number) =>
    stored({ speaker: 'Kari Lund', kind: 'demand', polarity: 'positive', text: `Demand ${index}`, claim: `pay rise term${index}`, paragraphIndex: 0 }, watchId, {
      url: `https://news.example/${watchId}/${index}`,
      publishedAt: '2025-05-01',
    });

  it('counts a ledger kept before the summary existed once, and a statement of it stored again not again', async () => {
    const legacy = [1, 2, 3].map((index) => statementOf('legacy', index));
    // Statement items as an archive written before the summary holds them: no summary, no `counted` flag.
    await dynamoTable(table.client, table.tableName).batchWriteAll(legacy.map((entry) => ({ PutRequest: { Item: statementItem(entry) } })));
    const summary = await table.store.getSummary('legacy');
    expect(summary.statements).toBe(3);
    expect(summary.tokenCounts.get('pay')).toBe(3);
    expect((await table.store.getSummary('legacy')).statements).toBe(3);
    expect(await table.store.addStatement(legacy[0])).toBe(false);
    expect((await table.store.getSummary('legacy')).statements).toBe(3);
  });

  it('remembers the ids a shard counted into the next generation, and its statements stay counted once after', async () => {
    const clock = { now: Date.parse('2026-03-01T00:00:00.000Z') };
    const store = dynamoArchive(table.client, table.tableName, () => new Date(clock.now));
    const first = statementOf('generations', 0);
    const sameShard = (from: number) => {
      for (let index = from; ; index += 1) if (shardOf(statementOf('generations', index).id) === shardOf(first.id)) return statementOf('generations', index);
    };
    const forgetFlag = (entry: StoredStatement) =>
      documentClient(table.client).send(
        new UpdateCommand({ TableName: table.tableName, Key: itemKeys.statement(entry.watchId, entry.speaker, entry.id), UpdateExpression: 'REMOVE counted' }),
      );
    await store.getSummary('generations');
    await store.addStatement(first);
    clock.now += ID_MEMORY_DAYS * 86_400_000;
    const second = sameShard(1);
    await store.addStatement(second); // rolls the shard over: the first id is now among the previous generation's
    await forgetFlag(first); // as if the first article had crashed after counting, before flagging
    expect(await store.addStatement(first)).toBe(false);
    expect((await store.getSummary('generations')).statements).toBe(2);
    clock.now += 3 * ID_MEMORY_DAYS * 86_400_000;
    await store.addStatement(sameShard(Number(second.text.split(' ')[1]) + 1)); // the shard forgets the first id
    expect(await store.addStatement(first)).toBe(false); // its flag still says it was counted
    expect((await store.getSummary('generations')).statements).toBe(3);
  });
});

describe('what a new article reads of its watch', () => {
  const table = useTestTable();
  const OTHER_SPEAKERS = 20;
  const OWN_STATEMENTS = 5;

  /**
   * A watch whose ledger holds `others` statements of twenty other speakers and five of Vladimir Putin's. One statement
   * of each speaker is added as the pipeline adds it (its speaker known to the summary); the others' remaining
   * statements are written as their items in batches, counted as they would be, which keeps the file quick.
   */
  async function seedWatch(client: DynamoDBClient, watchId: string, others: number): Promise<void> {
    const store = dynamoArchive(client, table.tableName);
    await store.getSummary(watchId); // A new watch's first article: an empty ledger, counted from the start.
    const statement = (index: number, speaker: string): StoredStatement =>
      stored(
        { speaker, kind: 'position', polarity: 'positive', text: `Statement ${index}`, claim: `topic term${index % 97} word${index}`, paragraphIndex: 0 },
        watchId,
        { url: `https://news.example/${watchId}/${index}`, publishedAt: `2024-01-${String(1 + (index % 28)).padStart(2, '0')}` },
      );
    const entries = Array.from({ length: others }, (_, index) => statement(index, `Speaker Number${index % OTHER_SPEAKERS}`));
    const own = Array.from({ length: OWN_STATEMENTS }, (_, index) => statement(others + index, 'Vladimir Putin'));
    for (const entry of [...entries.slice(0, OTHER_SPEAKERS), ...own]) await store.addStatement(entry);
    const rest = entries.slice(OTHER_SPEAKERS).map((entry) => ({ PutRequest: { Item: { ...statementItem(entry), counted: true } } }));
    await dynamoTable(client, table.tableName).batchWriteAll(rest);
  }

  async function itemsReadForArticle(others: number): Promise<number> {
    const client = createDynamoClient({ endpoint: table.endpoint });
    try {
      const watchId = `others-${others}`;
      await seedWatch(client, watchId, others);
      const counter = countItemsRead(client);
      const store = dynamoArchive(client, table.tableName);
      const statements: Statement[] = [
        { speaker: 'Vladimir Putin', kind: 'condition', polarity: 'negative', text: 'No treaty unless…', claim: 'not treaty unless ukraine', paragraphIndex: 0 },
        { speaker: 'Putin', kind: 'position', polarity: 'positive', text: 'Talks go on', claim: 'talks continue', paragraphIndex: 1 },
      ];
      const ledger = await readArticleLedger(statements, { id: watchId }, store);
      expect(ledger.summary.speakers.size).toBe(OTHER_SPEAKERS + 1);
      expect(ledger.entries).toHaveLength(OWN_STATEMENTS);
      return counter.items;
    } finally {
      client.destroy();
    }
  }

  it('reads as many items with 2,000 statements of other speakers in the ledger as with 50', async () => {
    const small = await itemsReadForArticle(50);
    const large = await itemsReadForArticle(2000);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(small * 1.5);
    // What reading the whole ledger, as before, would cost: it grows with the history.
    expect((await table.store.listStatements('others-2000')).length).toBeGreaterThan(40 * small);
  }, 60_000);
});
