import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigFile, readConfigText, type ConfigVariables } from '../shared/config/index.js';
import { defaultFetchOptions } from '../shared/fetch/index.js';
import { atomFeedNotifier, outboxNotifier, streamNotifier, type DigestNotifier } from '../shared/notify/index.js';
import type { Log, PipelineDeps } from '../shared/pipeline/index.js';
import { createDynamoClient, dynamoArchive, ensureTable, LOCAL_TABLE_NAME, startEmbeddedDynamo } from '../shared/store/index.js';
import { dynamoHostBoilerplate } from '../shared/store/host-boilerplate.js';
import { dynamoFleetHostPacer } from '../shared/store/host-slots.js';
import { dynamoQueries, type ArchiveQueries } from '../shared/store/queries.js';
import { startSampleServer } from './sample-server.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SAMPLE_CONFIG = join(REPO_ROOT, 'samples', 'watches.json');
const SAMPLE_SITES = join(REPO_ROOT, 'samples', 'sites');
export const DEFAULT_DATA_DIR = '.stancewatch';
const SAMPLES_NOT_SERVED = 'http://127.0.0.1';
/**
 * `1` reserves fetch starts in the table's host slots, as the Lambdas do. A CLI run is one process, whose own pacer
 * already holds the per-host delay, so it is off by default; on, several runs at once on one table (`--table`, or
 * beside the deployed processors) keep the delay between them too.
 */
export const SHARED_PACING_ENV = 'STANCEWATCH_SHARED_PACING';

export interface LocalOptions {
  config?: string;
  dataDir: string;
  /** Refuse loopback and private-network sources, as Lambda does. */
  ssrfGuard?: boolean;
  /** Serve the bundled sample sites when the config refers to them (`run`; not `query`, `timeline`). */
  readsSources: boolean;
  /** Print digests on stdout (off for --json, which owns stdout). */
  printDigests: boolean;
  log: Log;
  /** A deployed table instead of the embedded store. */
  table?: string;
  region?: string;
  /** Pace hosts through the table's host slots; defaults to `STANCEWATCH_SHARED_PACING=1` (see SHARED_PACING_ENV). */
  sharedPacing?: boolean;
}

export interface LocalRuntime {
  deps: PipelineDeps;
  queries: ArchiveQueries;
  close(): Promise<void>;
}

/**
 * Wires the same core the Lambdas run to local adapters: an embedded dynalite persisted under the
 * data dir (or a deployed table), the sample sites on loopback when the config refers to them,
 * and digests printed, written to the outbox and added to each watch's Atom feed.
 */
export async function openLocalRuntime(options: LocalOptions): Promise<LocalRuntime> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const configPath = options.config ?? SAMPLE_CONFIG;
    const variables: ConfigVariables = {};
    if (readConfigText(configPath).includes('${SAMPLES_URL}')) {
      if (options.readsSources) {
        const samples = await startSampleServer(SAMPLE_SITES);
        closers.push(samples.close);
        variables.SAMPLES_URL = samples.baseUrl;
      } else {
        // Commands that only read the archive never fetch: no server, just a valid URL for the config.
        variables.SAMPLES_URL = SAMPLES_NOT_SERVED;
      }
    }
    const config = loadConfigFile(configPath, variables);

    let client;
    const tableName = options.table ?? LOCAL_TABLE_NAME;
    if (options.table) {
      client = createDynamoClient({ region: options.region });
    } else {
      const dynamo = await startEmbeddedDynamo(options.dataDir);
      closers.push(dynamo.close);
      client = createDynamoClient({ endpoint: dynamo.endpoint });
      await ensureTable(client, tableName);
    }
    closers.push(async () => client.destroy());

    const notifiers: DigestNotifier[] = [outboxNotifier(join(options.dataDir, 'outbox')), atomFeedNotifier(join(options.dataDir, 'feeds'))];
    if (options.printDigests) notifiers.unshift(streamNotifier((text) => process.stdout.write(text)));
    // One clock for the core and the store.
    const now = () => new Date();
    const deps: PipelineDeps = {
      config,
      store: dynamoArchive(client, tableName, now),
      boilerplate: dynamoHostBoilerplate(client, tableName, now),
      notifiers,
      fetchOptions: defaultFetchOptions({
        allowPrivateNetwork: !options.ssrfGuard,
        hostPacer: (options.sharedPacing ?? process.env[SHARED_PACING_ENV] === '1') ? dynamoFleetHostPacer(client, tableName, options.log) : undefined,
      }),
      log: options.log,
      now,
    };
    return { deps, queries: dynamoQueries(client, tableName), close };
  } catch (error) {
    await close();
    throw error;
  }
}
