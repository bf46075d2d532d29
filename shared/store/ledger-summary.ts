import { BatchGetCommand, UpdateCommand, type BatchGetCommandOutput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { countedTokens, summarizeLedger, type LedgerSummary, type StoredStatement } from '../stances/ledger.js';
import type { LedgerEntry } from '../stances/types.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';

/** Statements counted at once while a ledger written before the summary existed is counted (once per watch). */
const BACKFILL_CONCURRENCY = 8;

/** DynamoDB's BatchGetItem limit. */
const BATCH_GET_KEYS = 100;

/**
 * The flag on a statement item that it has been counted. Not `counted`, which the sharded summary before this one
 * set: a ledger counted into those shards (`WATCH#<id>#SUM#<n>`) is counted again, once, into these items.
 */
export const COUNTED_FLAG = 'tallied';

interface SummaryItem {
  statements?: number;
  speakers?: Set<string>;
  /** Every statement of the ledger has been counted (see `backfill`). */
  complete?: boolean;
}

interface TermItem {
  sk: string;
  statements: number;
}

/**
 * The ledger summary (`LedgerSummary`) as small items that do not grow with the watch's vocabulary:
 * `WATCH#<id>#SUM` / `SUM` holds the statement count and the speaker labels, and `WATCH#<id>#DF` / `<term>` the
 * number of statements holding each claim term. Counting a statement writes one item per distinct term, and
 * judging an article reads only the terms of its claims and of the entries it is compared with.
 *
 * The term items share one partition: ~15 writes per stored statement, far under a partition's 1,000 writes a
 * second for any watch's rate of statements, and one BatchGetItem reads a set of terms without knowing a shard.
 */
export function ledgerSummaryStore(table: DynamoTable) {
  /**
   * Counts a stored statement at most once, without transactions: first the statement item is flagged (conditional on
   * no flag), and only the writer that flagged it adds to the counts. A crash or a failed write between the flag and
   * the adds under-counts that statement (its terms, or N): that nudges an IDF weight a little and heals nothing, but
   * it never counts a statement twice, which a retried ADD would: the ADDs are sent once (`addOnce`).
   */
  async function count(statement: Pick<StoredStatement, 'watchId' | 'id' | 'speaker' | 'claim'>): Promise<void> {
    const claimed = await table.updateIf({
      Key: itemKeys.statement(statement.watchId, statement.speaker, statement.id),
      UpdateExpression: 'SET #flag = :true',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#flag)',
      ExpressionAttributeNames: { '#flag': COUNTED_FLAG },
      ExpressionAttributeValues: { ':true': true },
    });
    if (!claimed) return;
    await Promise.all(countUpdates(statement).map(addOnce));
  }

  /**
   * Sends an ADD without the SDK's retry of an answer it did not get (a 5xx, a cut connection, a timeout): the write
   * may have been applied, and a second ADD would count twice. Refusals (4xx: a throttle) were not applied, so the
   * SDK retries those as usual. An ambiguous failure fails the article, whose retry finds the statement counted.
   */
  async function addOnce(input: Omit<UpdateCommandInput, 'TableName'>): Promise<void> {
    const command = new UpdateCommand({ TableName: table.name, ...input });
    command.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
          if (status !== undefined && status >= 400 && status < 500) throw error;
          // A new error with no status, code or cause: the retry strategy takes it as final.
          throw new Error(`Ledger summary ${String(input.Key?.pk)} ${String(input.Key?.sk)}: no answer to a count, not retried (it may be counted): ${(error as Error).message}`);
        }
      },
      // Inside the retry middleware (finalizeRequest), around the deserializer, so it sees the service's error.
      { step: 'deserialize', priority: 'high' },
    );
    await table.doc.send(command);
  }

  /**
   * Counts every statement of a ledger written before the summary existed, once per watch; then marks the summary
   * `complete`. Watches started since have nothing to count: their first article reads an empty ledger. Concurrent
   * backfills are safe: a statement is counted by whoever flags it.
   */
  async function backfill(watchId: string): Promise<void> {
    const entries = await table.queryAll<StoredStatement & Record<string, unknown>>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partitionKeys.watch(watchId), ':prefix': sortKeyPrefixes.statement },
      ProjectionExpression: 'id, speaker, claim, #flag',
      ExpressionAttributeNames: { '#flag': COUNTED_FLAG },
    });
    const uncounted = entries.filter((entry) => !entry[COUNTED_FLAG]);
    for (let start = 0; start < uncounted.length; start += BACKFILL_CONCURRENCY) {
      await Promise.all(uncounted.slice(start, start + BACKFILL_CONCURRENCY).map((entry) => count({ ...entry, watchId })));
    }
    await table.update({ Key: itemKeys.ledgerSummary(watchId), UpdateExpression: 'SET complete = :true', ExpressionAttributeValues: { ':true': true } });
  }

  /** Each term's count (absent: no statement holds it), by BatchGetItem of 100 keys at a time, in parallel. */
  async function getTermCounts(watchId: string, terms: Iterable<string>): Promise<Map<string, number>> {
    const keys = [...new Set(terms)].map((term) => itemKeys.termCount(watchId, term));
    const chunks = Array.from({ length: Math.ceil(keys.length / BATCH_GET_KEYS) }, (_, index) => keys.slice(index * BATCH_GET_KEYS, (index + 1) * BATCH_GET_KEYS));
    const items = (await Promise.all(chunks.map(batchGet))).flat();
    return new Map(items.map((item) => [item.sk, item.statements]));
  }

  async function batchGet(keys: Record<string, unknown>[]): Promise<TermItem[]> {
    const items: TermItem[] = [];
    let pending: Record<string, unknown>[] | undefined = keys;
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await table.doc.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'sk, statements' } } }),
      );
      items.push(...((result.Responses?.[table.name] ?? []) as TermItem[]));
      pending = result.UnprocessedKeys?.[table.name]?.Keys;
    }
    return items;
  }

  /** Every term's count: a Query of the whole partition, which grows with the vocabulary (for tools and tests). */
  async function allTermCounts(watchId: string): Promise<Map<string, number>> {
    const items = await table.queryAll<TermItem>({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': itemKeys.termCount(watchId, '').pk },
      ProjectionExpression: 'sk, statements',
    });
    return new Map(items.map((item) => [item.sk, item.statements]));
  }

  return {
    count,
    getTermCounts,

    /**
     * The watch's summary with the counts of `terms` (of every term when omitted): a GetItem of its totals, then the
     * terms' items. The first time, a ledger kept before the summary is counted first.
     */
    async getSummary(watchId: string, terms?: Iterable<string>): Promise<LedgerSummary> {
      let totals = await table.get<SummaryItem>(itemKeys.ledgerSummary(watchId), 'statements, speakers, complete');
      if (!totals?.complete) {
        await backfill(watchId);
        totals = await table.get<SummaryItem>(itemKeys.ledgerSummary(watchId), 'statements, speakers, complete');
      }
      const tokenCounts = terms === undefined ? await allTermCounts(watchId) : await getTermCounts(watchId, terms);
      return { statements: totals?.statements ?? 0, tokenCounts, speakers: new Set(totals?.speakers ?? []) };
    },
  };
}

/** The updates that count a statement: N and its speaker on the totals, one ADD per distinct claim term. */
function countUpdates(statement: Pick<StoredStatement, 'watchId' | 'speaker' | 'claim'>) {
  const names = { '#type': 'type' };
  const totals = {
    Key: itemKeys.ledgerSummary(statement.watchId),
    UpdateExpression: `ADD statements :one${statement.speaker ? ', speakers :speaker' : ''} SET #type = :type`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ':one': 1, ':type': 'ledger-summary', ...(statement.speaker ? { ':speaker': new Set([statement.speaker]) } : {}) },
  };
  const terms = countedTokens(statement.claim).map((term) => ({
    Key: itemKeys.termCount(statement.watchId, term),
    UpdateExpression: 'ADD statements :one SET #type = :type',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ':one': 1, ':type': 'term-count' },
  }));
  return [totals, ...terms];
}

/**
 * The summary items of a ledger counted whole, as `count` leaves them (and `complete`): for seeding a large ledger in
 * batches. Its statement items are to carry `COUNTED_FLAG`.
 */
export function ledgerSummaryItems(watchId: string, entries: Iterable<Pick<LedgerEntry, 'speaker' | 'claim'>>): Record<string, unknown>[] {
  const summary = summarizeLedger(entries);
  const totals = {
    ...itemKeys.ledgerSummary(watchId),
    type: 'ledger-summary',
    statements: summary.statements,
    complete: true,
    // DynamoDB keeps no empty set.
    ...(summary.speakers.size > 0 ? { speakers: summary.speakers } : {}),
  };
  const terms = [...summary.tokenCounts].map(([term, statements]) => ({ ...itemKeys.termCount(watchId, term), type: 'term-count', statements }));
  return [totals, ...terms];
}

/** A watch's summary from its items as a Scan returns them (`WATCH#<id>#SUM` and `WATCH#<id>#DF`). */
export function summaryFromItems(items: Array<Record<string, unknown> & { pk: string; sk: string }>): LedgerSummary {
  const summary: LedgerSummary = { statements: 0, tokenCounts: new Map(), speakers: new Set() };
  for (const item of items) {
    if (item.pk.endsWith('#DF')) summary.tokenCounts.set(item.sk, (item.statements as number | undefined) ?? 0);
    else {
      summary.statements += (item.statements as number | undefined) ?? 0;
      for (const speaker of (item.speakers as Set<string> | undefined) ?? []) summary.speakers.add(speaker);
    }
  }
  return summary;
}
