import { createHash } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConfigSchema, describeIssues, parseConfig, type Config, type Watch } from '../config/index.js';
import { ConfigError, StancewatchError } from '../errors/index.js';
import { dynamoTable, isConditionFailure, type DynamoTable, type WriteRequest } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';

/**
 * A push that started this long ago and never finished is taken for crashed: the next push may take over. Longer
 * than any push takes (a thousand watches are a few seconds of writes), short enough not to block a fix for long.
 */
export const STALE_PUSH_MS = 10 * 60_000;
/** Reads of META and the watches before a missing watch is an error rather than a push in between. */
const LOAD_ATTEMPTS = 3;
/** DynamoDB's item size limit, less room for the key and the other attributes. */
const MAX_WATCH_JSON_BYTES = 400 * 1024 - 1024;

/** What a push did, by watch id, in the order of the pushed file. */
export interface PushReport {
  revision: number;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/** The meta item: which revision of the watches is in the table, and which watches it holds, in file order. */
export interface WatchesMeta {
  revision: number;
  /** Absent until a first push completed (a crashed first push leaves only its claim). */
  watchIds?: string[];
  pushedAt?: string;
  /** SHA-256 of the pushed config as stored: a push of the same file changes nothing. */
  configHash?: string;
  /** `pushing` from a push's claim to its commit. */
  state: 'pushing' | 'complete';
  pushStartedAt: string;
}

/** The watches in the table: written by `stancewatch watches push`, read by the deployed functions. */
export interface WatchConfigStore {
  /**
   * Writes the watches that are new or changed, then the meta item, then deletes the watches the config no longer
   * has. The config must be validated already (parseConfig, and assertDeployable for AWS).
   */
  pushWatches(config: Config): Promise<PushReport>;
  /** The pushed watches, validated again; undefined when nothing was ever pushed. */
  loadWatches(): Promise<Config | undefined>;
  /** The meta item alone (one GetItem): what a cache compares its revision with. */
  readMeta(): Promise<WatchesMeta | undefined>;
}

interface WatchItem {
  pk: string;
  sk: string;
  watchId: string;
  /** The validated watch, as JSON: stored as text so it is read back exactly as pushed. */
  watch: string;
  revision: number;
}

/**
 * The watches config in the archive table, partition `CONFIG#WATCHES`: an item per watch and a `META` item. A push
 * claims the next revision with a conditional write on META first (one of two pushes at once wins; the other
 * writes nothing), writes changed watches, commits META, and deletes removed watches last: a reader that sees
 * the old META still finds every watch it names, one that sees the new finds every new watch.
 *
 * @example
 * const watches = dynamoWatchConfig(client, 'stancewatch-archive');
 * await watches.pushWatches(loadConfigFile('watches.json')); // { revision: 3, added: ['boj'], changed: [], … }
 */
export function dynamoWatchConfig(client: DynamoDBClient, tableName: string, now: () => Date = () => new Date()): WatchConfigStore {
  return watchConfigOn(dynamoTable(client, tableName), now);
}

/** The store on a table the caller already has. */
export function watchConfigOn(table: DynamoTable, now: () => Date = () => new Date()): WatchConfigStore {
  const readMeta = () => table.get<WatchesMeta>(itemKeys.watchesMeta());
  const readWatchItems = () => table.queryAll<WatchItem>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': partitionKeys.watchConfig, ':prefix': sortKeyPrefixes.watchConfig },
    ConsistentRead: true,
  });

  return {
    readMeta,

    async pushWatches(config) {
      const [meta, stored] = await Promise.all([readMeta(), readWatchItems()]);
      const plan = planPush(config, stored);
      const configHash = hashConfig(config);
      if (meta?.state === 'complete' && meta.configHash === configHash && plan.added.length + plan.changed.length + plan.removed.length === 0) {
        return { revision: meta.revision, ...plan };
      }
      const toWrite = [...plan.added, ...plan.changed].map((id) => watchOf(config, id));
      toWrite.forEach(assertFitsOneItem);
      const revision = await claimRevision(table, meta, now());
      await table.batchWriteAll(toWrite.map((watch) => putWatch(watch, revision)));
      await commitRevision(table, revision, { watchIds: config.watches.map((watch) => watch.id), configHash, pushedAt: now().toISOString() });
      await table.batchWriteAll(plan.removed.map((id) => ({ DeleteRequest: { Key: itemKeys.watchConfig(id) } })));
      return { revision, ...plan };
    },

    async loadWatches() {
      for (let attempt = 1; ; attempt += 1) {
        const meta = await readMeta();
        if (!meta?.watchIds) return undefined;
        const byId = new Map((await readWatchItems()).map((item) => [item.watchId, item]));
        // A push that committed between the two reads may have deleted a watch the META read still names: read again.
        const missing = meta.watchIds.some((id) => !byId.has(id));
        if (missing && attempt < LOAD_ATTEMPTS && (await readMeta())?.revision !== meta.revision) continue;
        const watches = meta.watchIds.map((id) => readWatchItem(byId.get(id), id, meta.revision, table.name));
        return parseConfig({ watches }, `table ${table.name}, watches of revision ${meta.revision}`);
      }
    },
  };
}

/** Which watch ids are new, changed, gone or the same, comparing the validated watch's JSON with the stored one. */
function planPush(config: Config, stored: WatchItem[]): Omit<PushReport, 'revision'> {
  const storedById = new Map(stored.map((item) => [item.watchId, item.watch]));
  const report: Omit<PushReport, 'revision'> = { added: [], changed: [], removed: [], unchanged: [] };
  for (const watch of config.watches) {
    const before = storedById.get(watch.id);
    if (before === undefined) report.added.push(watch.id);
    else if (before !== JSON.stringify(watch)) report.changed.push(watch.id);
    else report.unchanged.push(watch.id);
  }
  const ids = new Set(config.watches.map((watch) => watch.id));
  report.removed = stored.filter((item) => !ids.has(item.watchId)).map((item) => item.watchId);
  return report;
}

/**
 * Takes revision `meta.revision + 1`, unless another push took it first or is still writing (started less than
 * STALE_PUSH_MS ago). Nothing is written before this succeeds.
 */
async function claimRevision(table: DynamoTable, meta: WatchesMeta | undefined, at: Date): Promise<number> {
  const revision = (meta?.revision ?? 0) + 1;
  if (meta?.state === 'pushing' && at.getTime() - Date.parse(meta.pushStartedAt) < STALE_PUSH_MS) {
    throw new StancewatchError(
      `another watches push (revision ${meta.revision}, started ${meta.pushStartedAt}) is still writing to table ${table.name}; nothing written: push again when it is done`,
    );
  }
  const claimed = await table.updateIf({
    Key: itemKeys.watchesMeta(),
    UpdateExpression: 'SET revision = :next, #state = :pushing, pushStartedAt = :at',
    ConditionExpression: meta ? 'revision = :current' : 'attribute_not_exists(pk)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':next': revision, ':pushing': 'pushing', ':at': at.toISOString(), ...(meta ? { ':current': meta.revision } : {}) },
  });
  if (!claimed) {
    throw new StancewatchError(`another watches push took revision ${revision} of table ${table.name} first; nothing written: push again to apply this file on top of it`);
  }
  return revision;
}

/** Makes `revision` the one readers load; fails if a push that took over from this one (it was stale) got there. */
async function commitRevision(table: DynamoTable, revision: number, values: { watchIds: string[]; configHash: string; pushedAt: string }): Promise<void> {
  const committed = await table.updateIf({
    Key: itemKeys.watchesMeta(),
    UpdateExpression: 'SET #state = :complete, watchIds = :ids, configHash = :hash, pushedAt = :pushedAt',
    ConditionExpression: 'revision = :revision',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':complete': 'complete', ':ids': values.watchIds, ':hash': values.configHash, ':pushedAt': values.pushedAt, ':revision': revision },
  });
  if (!committed) {
    throw new StancewatchError(`watches push of revision ${revision} was overtaken by a later push to table ${table.name} before it finished; push again`);
  }
}

/** Checked before the claim, so a watch DynamoDB would refuse leaves the table as it was. */
function assertFitsOneItem(watch: Watch): void {
  const bytes = Buffer.byteLength(JSON.stringify(watch));
  if (bytes > MAX_WATCH_JSON_BYTES) {
    throw new ConfigError(`watch "${watch.id}" is ${Math.ceil(bytes / 1024)} KB as JSON, over DynamoDB's 400 KB item limit; nothing written`);
  }
}

function putWatch(watch: Watch, revision: number): WriteRequest {
  const item: WatchItem = { ...itemKeys.watchConfig(watch.id), watchId: watch.id, watch: JSON.stringify(watch), revision };
  return { PutRequest: { Item: { ...item } } };
}

function watchOf(config: Config, id: string): Watch {
  return config.watches.find((watch) => watch.id === id)!;
}

/** One stored watch, parsed and validated; errors name the item. */
function readWatchItem(item: WatchItem | undefined, id: string, revision: number, tableName: string): Watch {
  const { pk, sk } = itemKeys.watchConfig(id);
  const where = `table ${tableName}, item ${pk} ${sk}`;
  if (!item) throw new ConfigError(`${where}: missing, though revision ${revision} lists watch "${id}"; push the watches again`);
  let raw: unknown;
  try {
    raw = JSON.parse(item.watch);
  } catch (cause) {
    throw new ConfigError(`${where}: the watch is not valid JSON (${(cause as Error).message}); push the watches again`, { cause });
  }
  const parsed = ConfigSchema.shape.watches.element.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${where}: invalid watch:\n  ${describeIssues(parsed.error.issues).join('\n  ')}`);
  return parsed.data;
}

/** SHA-256 of the config as stored (the validated watches, in order). */
export function hashConfig(config: Config): string {
  return createHash('sha256').update(JSON.stringify(config.watches)).digest('hex');
}
