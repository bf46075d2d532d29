import { assertDeployable, loadConfigFile } from '../../shared/config/index.js';
import { StancewatchError } from '../../shared/errors/index.js';
import { createDynamoClient, dynamoWatchConfig, type PushReport } from '../../shared/store/index.js';
import { formatRows } from './output.js';

/** Where the deployed stack keeps its watches: its archive table (stack output `TableName`). */
export interface WatchesTableOptions {
  table: string;
  /** A DynamoDB endpoint other than AWS's (dynalite, DynamoDB Local). */
  endpoint?: string;
  region?: string;
}

export interface WatchesListOptions extends WatchesTableOptions {
  json?: boolean;
}

/**
 * `stancewatch watches push <file>`: validates the file as `cdk synth` did (the schema, then what the deployed
 * functions can use) and writes it to the table, where the functions read it within a minute. An invalid file
 * writes nothing.
 */
export async function watchesPushCommand(file: string, options: WatchesTableOptions): Promise<number> {
  const config = loadConfigFile(file);
  assertDeployable(config, file);
  return withWatchStore(options, async (store) => {
    process.stdout.write(formatPushReport(await store.pushWatches(config), options.table));
    return 0;
  });
}

/** `stancewatch watches list`: the watches the deployed functions read, with the revision and when it was pushed. */
export async function watchesListCommand(options: WatchesListOptions): Promise<number> {
  return withWatchStore(options, async (store) => {
    const [meta, config] = [await store.readMeta(), await store.loadWatches()];
    if (!meta || !config) throw new StancewatchError(`no watches in table ${options.table} yet: run \`stancewatch watches push <file> --table ${options.table}\``);
    const rows = config.watches.map((watch) => ({
      id: watch.id,
      name: watch.name,
      schedule: watch.schedule,
      sources: watch.sources.length,
      readers: (watch.digest?.email ?? []).join(' '),
    }));
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ revision: meta.revision, pushedAt: meta.pushedAt, watches: config.watches }, null, 2)}\n`);
    } else {
      process.stdout.write(`revision ${meta.revision}, pushed ${meta.pushedAt}${meta.state === 'pushing' ? ' (a later push did not finish)' : ''}\n`);
      process.stdout.write(formatRows(rows, ['id', 'name', 'schedule', 'sources', 'readers'], 'table'));
    }
    return 0;
  });
}

async function withWatchStore<T>(options: WatchesTableOptions, use: (store: ReturnType<typeof dynamoWatchConfig>) => Promise<T>): Promise<T> {
  const client = createDynamoClient({ endpoint: options.endpoint, region: options.region });
  try {
    return await use(dynamoWatchConfig(client, options.table));
  } finally {
    client.destroy();
  }
}

/** `revision 3 of table T: 1 added (boj), 1 changed (treaty), 0 removed, 4 unchanged`. */
export function formatPushReport(report: PushReport, table: string): string {
  const part = (count: string[], what: string) => `${count.length} ${what}${count.length > 0 && what !== 'unchanged' ? ` (${count.join(', ')})` : ''}`;
  const changed = report.added.length + report.changed.length + report.removed.length > 0;
  const parts = [part(report.added, 'added'), part(report.changed, 'changed'), part(report.removed, 'removed'), part(report.unchanged, 'unchanged')];
  return `${changed ? `pushed revision ${report.revision}` : `nothing changed, still revision ${report.revision}`} of the watches in table ${table}: ${parts.join(', ')}\n`;
}
