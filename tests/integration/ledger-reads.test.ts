import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Watch } from '../../shared/config/index.js';
import { judgeStatement, readArticleLedger, recordInLedger, watchedStatements } from '../../shared/pipeline/watch-statements.js';
import type { Statement, StoredStatement } from '../../shared/stances/index.js';
import { dynamoTable } from '../../shared/store/dynamo-table.js';
import { COUNTED_FLAG } from '../../shared/store/ledger-summary.js';
import { statementItem } from '../../shared/store/ledger.js';
import { createDynamoClient, dynamoArchive } from '../../shared/store/index.js';
import { hashKey } from '../../shared/text/index.js';
import { useTestTable } from '../helpers/dynamo.js';

// The held-out wire storyline has spokespeople, judged with the governors they speak for.
const STORYLINES = ['seeds', 'labour', 'trade', 'heldout/auren-river'].map((name) => fileURLToPath(new URL(`../fixtures/stances/${name}/`, import.meta.url)));

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

  it('takes what a spokesperson says for a watched speaker, judged with the speaker’s own statements read by their key', async () => {
    const watch = { id: 'spokesperson', speakers: ['Teresa Vallin'], sides: {} };
    const first = { url: 'https://example.org/a', publishedAt: '2024-03-04' };
    const [own] = watchedStatements(['Gov. Teresa Vallin said the province would release no more than 25 cubic metres a second this summer.'], watch);
    await table.store.addStatement(stored(own, watch.id, first));
    const paragraphs = ['Lena Ostrova, a spokeswoman for Gov. Teresa Vallin, said the province would release no more than 25 cubic metres a second this summer.'];
    const [restated] = watchedStatements(paragraphs, watch);
    expect(restated).toMatchObject({ speaker: 'Lena Ostrova', speaksFor: 'Teresa Vallin' });
    const part = await readArticleLedger([restated], watch, table.store);
    expect(judgeStatement(restated, part, watch)).toMatchObject({ status: 'repeat', closest: { speaker: 'Teresa Vallin' } });
    expect(watchedStatements(paragraphs, { speakers: ['Marco Aldana'] })).toEqual([]);
  });

  it.each([
    {
      names: 'an organisation by its short name',
      leader: 'Graham Idris',
      member: 'Brackmoor Health Group',
      speaker: 'Brackmoor',
      said: 'Brackmoor said it would hire 90 nurses over the next six months.',
      restated: 'Graham Idris said it would hire 90 nurses over the next six months.',
    },
    {
      names: 'an organisation by its initials',
      leader: 'Ilse Marwood',
      member: 'National Dockworkers’ Union',
      speaker: 'NDU',
      said: 'The NDU said it would not take industrial action before July 11.',
      restated: 'Ilse Marwood said it would not take industrial action before July 11.',
    },
    {
      names: 'an institution by its head noun',
      leader: 'Helen Marsh',
      member: 'City of Brea',
      speaker: 'city',
      said: 'The city said it would pay for the lead lines at 38 childcare centres.',
      restated: 'Helen Marsh said it would pay for the lead lines at 38 childcare centres.',
    },
    {
      names: 'a role the organisation owns',
      leader: 'Dana Ortiz',
      member: 'Brea Teachers Association',
      speaker: "association's president",
      said: "The association's president said teachers would not strike before March.",
      restated: 'Dana Ortiz said teachers would not strike before March.',
    },
    {
      names: 'a place’s body by the place’s adjective',
      leader: 'Ingrid Haavik',
      member: 'Halvoria',
      speaker: 'Halvorian ministry',
      said: 'The Halvorian ministry said it would keep the waters closed until a quota deal was signed.',
      restated: 'Ingrid Haavik said it would keep the waters closed until a quota deal was signed.',
    },
  ])('judges a side member that the article names as $names with the side’s statements', async ({ names, leader, member, speaker, said, restated }) => {
    const watch = { id: names, speakers: [leader], sides: { one: [leader, member] } };
    const [own] = watchedStatements([said], watch);
    expect(own).toMatchObject({ speaker });
    await table.store.addStatement(stored(own, watch.id, { url: 'https://example.org/a', publishedAt: '2025-01-21' }));
    const [again] = watchedStatements([restated], watch);
    const part = await readArticleLedger([again], watch, table.store);
    expect(judgeStatement(again, part, watch)).toMatchObject({ status: 'repeat', closest: { speaker } });
  });

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
    // Statement items as an archive written before the summary holds them: no summary, no flag that they were counted.
    await dynamoTable(table.client, table.tableName).batchWriteAll(legacy.map((entry) => ({ PutRequest: { Item: statementItem(entry) } })));
    const summary = await table.store.getSummary('legacy');
    expect(summary.statements).toBe(3);
    expect(summary.tokenCounts.get('pay')).toBe(3);
    expect((await table.store.getSummary('legacy')).statements).toBe(3);
    expect(await table.store.addStatement(legacy[0])).toBe(false);
    expect((await table.store.getSummary('legacy')).statements).toBe(3);
  });

  it('counts a ledger counted into the sharded summary before this one (flagged `counted`) once more, into the term counts', async () => {
    const earlier = [1, 2].map((index) => statementOf('sharded', index));
    await dynamoTable(table.client, table.tableName).batchWriteAll(earlier.map((entry) => ({ PutRequest: { Item: { ...statementItem(entry), counted: true } } })));
    expect((await table.store.getSummary('sharded', ['pay'])).tokenCounts.get('pay')).toBe(2);
    expect((await table.store.getSummary('sharded')).statements).toBe(2);
  });

  it('counts a statement stored but not counted (a crash in between) on the retry, and concurrent deliveries once', async () => {
    await table.store.getSummary('flagged');
    expect(await table.store.addStatement(statementOf('flagged', 0))).toBe(true);
    const crashed = statementOf('flagged', 1);
    await dynamoTable(table.client, table.tableName).putIfAbsent(statementItem(crashed)); // stored, never counted
    expect(await table.store.addStatement(crashed)).toBe(false);
    const twice = statementOf('flagged', 2);
    expect((await Promise.all([table.store.addStatement(twice), table.store.addStatement(twice)])).filter(Boolean)).toHaveLength(1);
    const summary = await table.store.getSummary('flagged');
    expect(summary.statements).toBe(3);
    expect(Object.fromEntries(summary.tokenCounts)).toEqual({ pay: 3, rise: 3, term0: 1, term1: 1, term2: 1 });
  });

  it('never counts a statement flagged counted again, even when its counts were lost after the flag', async () => {
    await table.store.getSummary('lost');
    const statement = statementOf('lost', 0);
    // Flagged, then the counting writes lost (a crash): under-counted, which only nudges an IDF weight.
    await dynamoTable(table.client, table.tableName).putIfAbsent({ ...statementItem(statement), [COUNTED_FLAG]: true });
    expect(await table.store.addStatement(statement)).toBe(false);
    expect((await table.store.getSummary('lost')).statements).toBe(0);
  });

  it('reads the speaker labels of the names asked for only, by surname or by a word of the label', async () => {
    await table.store.getSummary('labels');
    const speakers = ['Kari Lund', 'Ole Berg', 'spokesman, Lund campaign', 'Nordic Air'];
    for (const [index, speaker] of speakers.entries()) await table.store.addStatement({ ...statementOf('labels', index), speaker });
    expect([...(await table.store.getSummary('labels', [], ['Lund'])).speakers].sort()).toEqual(['Kari Lund', 'spokesman, Lund campaign']);
    expect([...(await table.store.getSummary('labels', [], ['Anders Berg', 'Air'])).speakers].sort()).toEqual(['Nordic Air', 'Ole Berg']);
    expect((await table.store.getSummary('labels', [], [])).speakers.size).toBe(0);
    expect((await table.store.getSummary('labels')).speakers.size).toBe(4);
  });

  it('indexes the speaker labels a summary kept on its totals item, once, and reads them by name', async () => {
    await table.store.getSummary('kept');
    await table.store.addStatement(statementOf('kept', 0));
    // The totals item as the summary kept labels before they were indexed by word: a set on it, no label items.
    const totals = { pk: 'WATCH#kept#SUM', sk: 'SUM' };
    await dynamoTable(table.client, table.tableName).update({ Key: totals, UpdateExpression: 'ADD speakers :labels', ExpressionAttributeValues: { ':labels': new Set(['Ole Berg']) } });
    expect([...(await table.store.getSummary('kept', [], ['Berg'])).speakers]).toEqual(['Ole Berg']);
    expect(await dynamoTable(table.client, table.tableName).get<Record<string, unknown>>(totals, 'speakers')).toEqual({});
    expect([...(await table.store.getSummary('kept')).speakers].sort()).toEqual(['Kari Lund', 'Ole Berg']);
  });

  it('reads the counts of the terms asked for only', async () => {
    await table.store.getSummary('asked');
    for (const index of [0, 1]) await table.store.addStatement(statementOf('asked', index));
    const summary = await table.store.getSummary('asked', ['pay', 'term1', 'never']);
    expect(Object.fromEntries(summary.tokenCounts)).toEqual({ pay: 2, term1: 1 });
    expect(summary.statements).toBe(2);
    expect([...summary.speakers]).toEqual(['Kari Lund']);
    // More than one BatchGetItem's 100 keys.
    const many = Array.from({ length: 250 }, (_, index) => `term${index}`);
    expect(Object.fromEntries(await table.store.getTermCounts('asked', many))).toEqual({ term0: 1, term1: 1 });
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
    const rest = entries.slice(OTHER_SPEAKERS).map((entry) => ({ PutRequest: { Item: { ...statementItem(entry), [COUNTED_FLAG]: true } } }));
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
      // The labels under the article's speakers' surname, not the twenty others': a read that does not grow with them.
      expect(ledger.summary.speakers).toEqual(new Set(['Vladimir Putin']));
      expect(ledger.entries).toHaveLength(OWN_STATEMENTS);
      const items = counter.items;
      expect((await store.getSummary(watchId)).speakers.size).toBe(OTHER_SPEAKERS + 1);
      return items;
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
