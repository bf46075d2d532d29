import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { countedTokens, type LedgerSummary, type StoredStatement } from '../stances/ledger.js';
import { hashKey } from '../text/index.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';

/**
 * Shards of a watch's ledger summary. A statement is counted in one shard (by its id), and a read sums them all: one
 * item would grow with the watch's vocabulary towards DynamoDB's 400 KB item limit, and every statement's update
 * would pay for (and queue on) that one item. Eight shards hold ~30,000 distinct claim terms each, many years of a
 * busy watch, and a read of all eight is one BatchGetItem.
 */
export const LEDGER_SUMMARY_SHARDS = 8;

/**
 * How long a shard remembers the ids it counted: a generation, and the one before it. A statement stored but not yet
 * counted (a crash in between) is counted by the retry; SQS retries within hours, its dead-letter queue keeps a message
 * 14 days, so ids are kept 14 to 28 days. Past that the statement's own `counted` flag still stops a second count.
 */
export const ID_MEMORY_DAYS = 14;

/** Statements counted at once while a ledger written before the summary existed is counted (once per watch). */
const BACKFILL_CONCURRENCY = 8;

/** Token counts are top-level attributes (`ADD` works on top-level attributes only), prefixed apart from the others. */
const TOKEN_PREFIX = 't:';

/** Rounds tried before giving up on a shard whose id memory keeps moving under us. */
const COUNT_ATTEMPTS = 3;

interface ShardItem extends Record<string, unknown> {
  statements?: number;
  speakers?: Set<string>;
  ids?: Set<string>;
  prevIds?: Set<string>;
  idsGen?: number;
  /** On shard 0: every statement of the ledger has been counted (see `backfill`). */
  complete?: boolean;
}

/**
 * The ledger summary (`LedgerSummary`) in LEDGER_SUMMARY_SHARDS items `WATCH#<id>#SUM#<n>` / `SUM`, each holding
 * `statements`, one number per claim term (`t:<term>`) and `speakers`. Counting is idempotent: a shard's update is
 * conditional on the id not being among those it counted recently (`ids`, `prevIds`), and the statement item is then
 * flagged `counted`, so neither a retried article nor a reprocess weeks later counts a statement twice.
 */
export function ledgerSummaryStore(table: DynamoTable, now: () => Date) {
  const generation = () => Math.floor(now().getTime() / (ID_MEMORY_DAYS * 86_400_000));

  async function readShards(watchId: string): Promise<ShardItem[]> {
    const keys = Array.from({ length: LEDGER_SUMMARY_SHARDS }, (_, shard) => itemKeys.ledgerSummary(watchId, shard));
    const items: ShardItem[] = [];
    let pending: Record<string, unknown>[] | undefined = keys;
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true } } }));
      items.push(...((result.Responses?.[table.name] ?? []) as ShardItem[]));
      pending = result.UnprocessedKeys?.[table.name]?.Keys;
    }
    return items;
  }

  /** Counts a statement in its shard unless the shard counted it already; false when it had. */
  async function countInShard(statement: Pick<StoredStatement, 'watchId' | 'id' | 'speaker' | 'claim'>): Promise<boolean> {
    const key = itemKeys.ledgerSummary(statement.watchId, shardOf(statement.id));
    let gen = generation();
    for (let attempt = 0; attempt < COUNT_ATTEMPTS; attempt += 1) {
      if (await table.updateIf({ Key: key, ...countUpdate(statement, gen) })) return true;
      const shard = await table.get<ShardItem>(key, 'ids, prevIds, idsGen');
      if (shard?.ids?.has(statement.id) || shard?.prevIds?.has(statement.id)) return false;
      if (shard?.idsGen === undefined) continue;
      if (shard.idsGen < gen) await rollOver(key, shard);
      // A worker whose clock runs ahead started the next generation: count in it.
      else gen = shard.idsGen;
    }
    throw new Error(`Ledger summary ${key.pk}: statement ${statement.id} not counted after ${COUNT_ATTEMPTS} tries; retried with its article`);
  }

  /** Starts a new generation of remembered ids: this one's become the previous, the one before is forgotten. */
  async function rollOver(key: { pk: string; sk: string }, shard: ShardItem): Promise<void> {
    const rotate = shard.ids ? 'SET prevIds = ids, idsGen = :gen REMOVE ids' : 'SET idsGen = :gen';
    await table.updateIf({
      Key: key,
      UpdateExpression: rotate,
      ConditionExpression: 'idsGen = :old',
      ExpressionAttributeValues: { ':gen': generation(), ':old': shard.idsGen },
    });
  }

  async function markCounted(statement: Pick<StoredStatement, 'watchId' | 'id' | 'speaker'>): Promise<void> {
    await table.updateIf({
      Key: itemKeys.statement(statement.watchId, statement.speaker, statement.id),
      UpdateExpression: 'SET counted = :true',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':true': true },
    });
  }

  /**
   * Counts a stored statement once. `added` false (the statement was there already: a retry, a second delivery, a
   * reprocess) costs a read of its flag; a crash between storing and counting leaves it unflagged, counted now.
   */
  async function count(statement: StoredStatement, added: boolean): Promise<void> {
    if (!added) {
      const stored = await table.get<{ counted?: boolean }>(itemKeys.statement(statement.watchId, statement.speaker, statement.id), 'counted');
      if (stored?.counted) return;
    }
    await countInShard(statement);
    await markCounted(statement);
  }

  /**
   * Counts every statement of a ledger written before the summary existed (or before any was read), once per watch;
   * then marks shard 0 `complete`. Watches started since have nothing to count: their first article reads an empty
   * ledger. Concurrent backfills are safe: every count is idempotent.
   */
  async function backfill(watchId: string): Promise<void> {
    const entries = await table.queryAll<StoredStatement & { counted?: boolean }>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partitionKeys.watch(watchId), ':prefix': sortKeyPrefixes.statement },
      ProjectionExpression: 'id, speaker, claim, counted',
    });
    const uncounted = entries.filter((entry) => !entry.counted);
    for (let start = 0; start < uncounted.length; start += BACKFILL_CONCURRENCY) {
      await Promise.all(uncounted.slice(start, start + BACKFILL_CONCURRENCY).map((entry) => count({ ...entry, watchId }, true)));
    }
    await table.update({ Key: itemKeys.ledgerSummary(watchId, 0), UpdateExpression: 'SET complete = :true', ExpressionAttributeValues: { ':true': true } });
  }

  return {
    count,

    /** The watch's summary: one BatchGetItem of its shards (the first time, after counting a ledger kept before it). */
    async getSummary(watchId: string): Promise<LedgerSummary> {
      let shards = await readShards(watchId);
      if (!shards.some((shard) => shard.complete)) {
        await backfill(watchId);
        shards = await readShards(watchId);
      }
      return sumShards(shards);
    },
  };
}

/** The shard a statement is counted in: by its id, so a retry finds the shard that remembers it. */
export function shardOf(statementId: string): number {
  return Number.parseInt(hashKey(statementId).slice(0, 8), 16) % LEDGER_SUMMARY_SHARDS;
}

/** The conditional update that counts a statement: N, its claim terms and its speaker, and its id remembered. */
function countUpdate(statement: Pick<StoredStatement, 'id' | 'speaker' | 'claim'>, gen: number) {
  const tokens = countedTokens(statement.claim);
  const names: Record<string, string> = Object.fromEntries(tokens.map((token, index) => [`#t${index}`, `${TOKEN_PREFIX}${token}`]));
  const adds = ['statements :one', 'ids :id', ...tokens.map((_, index) => `#t${index} :one`)];
  const values: Record<string, unknown> = { ':one': 1, ':id': new Set([statement.id]), ':idv': statement.id, ':gen': gen, ':summary': 'ledger-summary' };
  if (statement.speaker) {
    adds.push('speakers :speaker');
    values[':speaker'] = new Set([statement.speaker]);
  }
  return {
    UpdateExpression: `ADD ${adds.join(', ')} SET idsGen = :gen, #type = :summary`,
    // A first count creates the shard; later ones must be in the shard's generation (else it rolls over first).
    ConditionExpression: '(attribute_not_exists(idsGen) OR idsGen = :gen) AND NOT contains(ids, :idv) AND NOT contains(prevIds, :idv)',
    ExpressionAttributeNames: { ...names, '#type': 'type' },
    ExpressionAttributeValues: values,
  };
}

/** The whole ledger's counts: the shards summed (items as the table holds them). */
export function sumShards(shards: ShardItem[]): LedgerSummary {
  const summary: LedgerSummary = { statements: 0, tokenCounts: new Map(), speakers: new Set() };
  for (const shard of shards) {
    summary.statements += shard.statements ?? 0;
    for (const speaker of shard.speakers ?? []) summary.speakers.add(speaker);
    for (const [name, value] of Object.entries(shard)) {
      if (!name.startsWith(TOKEN_PREFIX)) continue;
      const token = name.slice(TOKEN_PREFIX.length);
      summary.tokenCounts.set(token, (summary.tokenCounts.get(token) ?? 0) + (value as number));
    }
  }
  return summary;
}
