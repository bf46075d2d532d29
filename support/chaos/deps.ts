import { parseConfig } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { stderrLog, type PipelineDeps } from '../../shared/pipeline/index.js';
import { createDynamoClient, dynamoArchive } from '../../shared/store/index.js';
import { dynamoHostBoilerplate } from '../../shared/store/host-boilerplate.js';
import type { Corpus } from './corpus.js';
import { recordingNotifier } from './recording-notifier.js';

/** What a pass needs to know, in-process or in a child the bench may kill. */
/** What a killed pass's worker writes before it claims a digest (see `runKilledPass`). */
export const CLAIMING_DIGEST = 'claiming a digest';

export interface PassSetup {
  /** The fault proxy's endpoint (or the store's own, for a fault-free pass). */
  endpoint: string;
  tableName: string;
  watches: Corpus['watches'];
  deliveriesPath: string;
  /** Share of digest deliveries the notifier refuses. */
  notifierRefuseRate: number;
  /** Seeds the notifier's refusals: each pass of a trial draws its own. */
  seed: number;
  /** The pass's clock (ISO): passes of a trial are an hour apart, as scheduled runs would be. */
  clock: string;
}

/**
 * The pipeline wired as the CLI and the Lambdas wire it (the production DynamoDB client, its retry
 * settings, the host boilerplate memory), with the recording notifier as the only way out.
 */
export function chaosDeps(setup: PassSetup): { deps: PipelineDeps; close(): void } {
  const client = createDynamoClient({ endpoint: setup.endpoint });
  const clock = new Date(setup.clock);
  const deps: PipelineDeps = {
    config: parseConfig({ watches: setup.watches }, 'chaos corpus'),
    store: dynamoArchive(client, setup.tableName),
    boilerplate: dynamoHostBoilerplate(client, setup.tableName, () => clock),
    notifiers: [recordingNotifier(setup.deliveriesPath, setup.notifierRefuseRate, setup.seed)],
    fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true }),
    log: stderrLog('silent'),
    now: () => clock,
  };
  return { deps, close: () => client.destroy() };
}
