import type { Config } from '../config/index.js';
import type { HostBoilerplateMemory } from '../extract/host-boilerplate.js';
import type { FetchOptions } from '../fetch/types.js';
import type { Log } from './log.js';
import type { ArchiveStore, DigestNotifier, SourceQueue } from './ports.js';

/** Everything the core needs from the outside world; the CLI and the Lambdas wire it differently. */
export interface PipelineDeps {
  config: Config;
  store: ArchiveStore;
  notifiers: DigestNotifier[];
  /** Present in AWS, where a schedule fans sources out to the processing function. */
  queue?: SourceQueue;
  fetchOptions: FetchOptions;
  /** Blocks that recur across a host's pages, learned and dropped; absent, nothing is learned. */
  boilerplate?: HostBoilerplateMemory;
  log: Log;
  now: () => Date;
}

/** What reading a source needs: no notifiers, no queue. */
export type SourceDeps = Pick<PipelineDeps, 'config' | 'store' | 'fetchOptions' | 'boilerplate' | 'log' | 'now'>;

/** What sending digests needs: no fetching. */
export type DigestDeps = Pick<PipelineDeps, 'config' | 'store' | 'notifiers' | 'log' | 'now'>;

/** What fanning a pass out needs: the watches and the queue. */
export type ScheduleDeps = Pick<PipelineDeps, 'config'> & { queue: SourceQueue };
