import { BatchGetCommand, UpdateCommand, type BatchGetCommandOutput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { countedTokens, labelWords, summarizeLedger, type LedgerSummary, type StoredStatement } from '../stances/ledger.js';
import { surnameOf } from '../stances/surname.js';
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
  /** The speaker labels as the totals item kept them before they were indexed by word (`WATCH#<id>#SPK`). */
  speakers?: Set<string>;
  /** Every statement of the ledger has been counted (see `backfill`). */
  complete?: boolean;
}

interface TermItem {
  sk: string;
  statements: number;
}

interface LabelItem {
  sk: string;
  labels?: Set<string>;
}

/**
 * The ledger summary (`LedgerSummary`) as small items that grow neither with the watch's vocabulary nor with its
 * speakers: `WATCH#<id>#SUM` / `SUM` holds the statement count, `WATCH#<id>#DF` / `<term>` the number of statements
 * holding each claim term, and `WATCH#<id>#SPK` / `<word>` the speaker labels holding a word (`labelWords`). Counting
 * a statement writes one item per distinct term and per word of its speaker, and judging an article reads only the
 * terms of its claims and of the entries it is compared with, and the labels under its speakers' surnames.
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
   * Moves a counted statement's terms from its old claim to its new one: one ADD of -1 per term it lost and of 1 per
   * term it gained, each sent once (`addOnce`); N does not change. The caller's conditional write of the new claim
   * makes it the only one to move them.
   */
  async function recount(watchId: string, before: string, after: string): Promise<void> {
    const [old, now] = [new Set(countedTokens(before)), new Set(countedTokens(after))];
    const lost = [...old].filter((term) => !now.has(term)).map((term) => termUpdate(watchId, term, -1));
    const gained = [...now].filter((term) => !old.has(term)).map((term) => termUpdate(watchId, term, 1));
    await Promise.all([...lost, ...gained].map(addOnce));
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

  /** Each term's count (absent: no statement holds it), by BatchGetItem. */
  async function getTermCounts(watchId: string, terms: Iterable<string>): Promise<Map<string, number>> {
    const items = await getAll<TermItem>([...new Set(terms)].map((term) => itemKeys.termCount(watchId, term)), 'sk, statements');
    return new Map(items.map((item) => [item.sk, item.statements]));
  }

  /** The labels under the surnames of `names`: every label that can speak as one of them (see `labelWords`). */
  async function getSpeakerLabels(watchId: string, names: Iterable<string>): Promise<Set<string>> {
    const surnames = new Set([...names].map(surnameOf).filter(Boolean));
    return labelsIn(await getAll<LabelItem>([...surnames].map((surname) => itemKeys.speakerLabels(watchId, surname)), 'sk, labels'));
  }

  /** Every label: a Query of the whole partition, which grows with the speakers (for tools and tests). */
  async function allSpeakerLabels(watchId: string): Promise<Set<string>> {
    return labelsIn(await wholePartition<LabelItem>(itemKeys.speakerLabels(watchId, '').pk, 'sk, labels'));
  }

  /** Every item of a summary partition: a Query that grows with the partition (for tools and tests). */
  function wholePartition<T>(pk: string, projection: string): Promise<T[]> {
    return table.queryAll<T>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ProjectionExpression: projection });
  }

  /** Items by key, by BatchGetItem of 100 keys at a time, in parallel. */
  async function getAll<T>(keys: Record<string, unknown>[], projection: string): Promise<T[]> {
    const chunks = Array.from({ length: Math.ceil(keys.length / BATCH_GET_KEYS) }, (_, index) => keys.slice(index * BATCH_GET_KEYS, (index + 1) * BATCH_GET_KEYS));
    return (await Promise.all(chunks.map((chunk) => batchGet<T>(chunk, projection)))).flat();
  }

  async function batchGet<T>(keys: Record<string, unknown>[], projection: string): Promise<T[]> {
    const items: T[] = [];
    let pending: Record<string, unknown>[] | undefined = keys;
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await table.doc.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true, ProjectionExpression: projection } } }),
      );
      items.push(...((result.Responses?.[table.name] ?? []) as T[]));
      pending = result.UnprocessedKeys?.[table.name]?.Keys;
    }
    return items;
  }

  /**
   * Moves the labels a totals item kept (before they were indexed by word) to the label items, once: an ADD to a set
   * is idempotent, so a move cut short is finished by the next read.
   */
  async function indexKeptLabels(watchId: string, labels: Set<string>): Promise<void> {
    await Promise.all([...labels].flatMap((label) => labelUpdates(watchId, label)).map((update) => table.update(update)));
    await table.update({ Key: itemKeys.ledgerSummary(watchId), UpdateExpression: 'REMOVE speakers' });
  }

  /** Every term's count: a Query of the whole partition, which grows with the vocabulary (for tools and tests). */
  async function allTermCounts(watchId: string): Promise<Map<string, number>> {
    const items = await wholePartition<TermItem>(itemKeys.termCount(watchId, '').pk, 'sk, statements');
    return new Map(items.map((item) => [item.sk, item.statements]));
  }

  return {
    count,
    recount,
    getTermCounts,

    /**
     * The watch's summary with the counts of `terms` (of every term when omitted) and the labels that can speak as
     * `speakers` (every label when omitted): a GetItem of its totals, then the terms' and the surnames' items. The
     * first time, a ledger kept before the summary is counted first, and labels kept on the totals are indexed.
     */
    async getSummary(watchId: string, terms?: Iterable<string>, speakers?: Iterable<string>): Promise<LedgerSummary> {
      let totals = await table.get<SummaryItem>(itemKeys.ledgerSummary(watchId), 'statements, speakers, complete');
      if (!totals?.complete) {
        await backfill(watchId);
        totals = await table.get<SummaryItem>(itemKeys.ledgerSummary(watchId), 'statements, speakers, complete');
      }
      if (totals?.speakers?.size) await indexKeptLabels(watchId, totals.speakers);
      const [tokenCounts, labels] = await Promise.all([
        terms === undefined ? allTermCounts(watchId) : getTermCounts(watchId, terms),
        speakers === undefined ? allSpeakerLabels(watchId) : getSpeakerLabels(watchId, speakers),
      ]);
      return { statements: totals?.statements ?? 0, tokenCounts, speakers: labels };
    },
  };
}

/** The updates that count a statement: N on the totals, one ADD per distinct claim term and per word of its speaker. */
function countUpdates(statement: Pick<StoredStatement, 'watchId' | 'speaker' | 'claim'>) {
  const names = { '#type': 'type' };
  const totals = {
    Key: itemKeys.ledgerSummary(statement.watchId),
    UpdateExpression: 'ADD statements :one SET #type = :type',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ':one': 1, ':type': 'ledger-summary' },
  };
  const terms = countedTokens(statement.claim).map((term) => termUpdate(statement.watchId, term, 1));
  return [totals, ...terms, ...(statement.speaker ? labelUpdates(statement.watchId, statement.speaker) : [])];
}

/** Adds `by` to the number of statements holding a claim term. */
function termUpdate(watchId: string, term: string, by: number) {
  return {
    Key: itemKeys.termCount(watchId, term),
    UpdateExpression: 'ADD statements :by SET #type = :type',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':by': by, ':type': 'term-count' },
  };
}

/** The labels of label items, together. */
function labelsIn(items: LabelItem[]): Set<string> {
  return new Set(items.flatMap((item) => [...(item.labels ?? [])]));
}

/** Adds a speaker label to the item of each of its words (a set: adding it again changes nothing). */
function labelUpdates(watchId: string, label: string) {
  return labelWords(label).map((word) => ({
    Key: itemKeys.speakerLabels(watchId, word),
    UpdateExpression: 'ADD labels :label SET #type = :type',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':label': new Set([label]), ':type': 'speaker-labels' },
  }));
}

/**
 * The summary items of a ledger counted whole, as `count` leaves them (and `complete`): for seeding a large ledger in
 * batches. Its statement items are to carry `COUNTED_FLAG`.
 */
export function ledgerSummaryItems(watchId: string, entries: Iterable<Pick<LedgerEntry, 'speaker' | 'claim'>>): Record<string, unknown>[] {
  const summary = summarizeLedger(entries);
  const totals = { ...itemKeys.ledgerSummary(watchId), type: 'ledger-summary', statements: summary.statements, complete: true };
  const terms = [...summary.tokenCounts].map(([term, statements]) => ({ ...itemKeys.termCount(watchId, term), type: 'term-count', statements }));
  const byWord = new Map<string, Set<string>>();
  for (const label of summary.speakers) for (const word of labelWords(label)) byWord.set(word, (byWord.get(word) ?? new Set()).add(label));
  const labels = [...byWord].map(([word, set]) => ({ ...itemKeys.speakerLabels(watchId, word), type: 'speaker-labels', labels: set }));
  return [totals, ...terms, ...labels];
}

/** A watch's summary from its items as a Scan returns them (`WATCH#<id>#SUM`, `#DF` and `#SPK`). */
export function summaryFromItems(items: Array<Record<string, unknown> & { pk: string; sk: string }>): LedgerSummary {
  const summary: LedgerSummary = { statements: 0, tokenCounts: new Map(), speakers: new Set() };
  for (const item of items) {
    if (item.pk.endsWith('#DF')) summary.tokenCounts.set(item.sk, (item.statements as number | undefined) ?? 0);
    else if (item.pk.endsWith('#SPK')) for (const label of (item.labels as Set<string> | undefined) ?? []) summary.speakers.add(label);
    else {
      summary.statements += (item.statements as number | undefined) ?? 0;
      for (const speaker of (item.speakers as Set<string> | undefined) ?? []) summary.speakers.add(speaker);
    }
  }
  return summary;
}
