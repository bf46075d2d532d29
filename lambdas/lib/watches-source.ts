import type { Config } from '../../shared/config/index.js';
import type { Log } from '../../shared/pipeline/index.js';
import type { WatchConfigStore } from '../../shared/store/index.js';

/**
 * How long a container keeps the watches it read before reading them again. Chosen over a GetItem of META on every
 * invocation: the processor runs thousands of invocations a pass, and META (which lists every watch id) grows with
 * the watches, so that read would cost every batch more as the config grows; a minute-old config costs nothing. A
 * push reaches every container within this minute, and a message naming a watch newer than the cache (the schedule
 * function read the push first) makes the container read again at once (`refresh`).
 */
export const WATCHES_MAX_AGE_MS = 60_000;
/**
 * `refresh` reads at most this often: a flood of messages (or, for the public feed URL, of requests) naming unknown
 * watches must not turn into a table read each.
 */
export const WATCHES_MIN_REFRESH_MS = 5_000;

/** No watches, as the handlers see it before the first push: every message names a watch that is not there. */
const NO_WATCHES: Config = { watches: [] };

/** The watches a function works with: pushed to the table with `stancewatch watches push`, cached per container. */
export interface WatchesSource {
  /** The cached watches, read again once older than WATCHES_MAX_AGE_MS; no watches (logged) before the first push. */
  get(): Promise<Config>;
  /** For a message naming a watch the cache does not have: reads again, unless read in the last WATCHES_MIN_REFRESH_MS. */
  refresh(): Promise<Config>;
}

/**
 * Watches from the table, one read shared by the records of a batch that ask at once. A failed read is not cached:
 * the invocation fails and is retried. Before the first push the functions get no watches and log it as an error
 * (each read, so once a minute per container): the schedule enqueues nothing, the processor and digest refuse what
 * they are sent, the feed answers 404. No crash loop, no retries into the DLQs.
 */
export function tableWatchesSource(
  store: Pick<WatchConfigStore, 'loadWatches'>,
  options: { tableName: string; log: Log; now?: () => number },
): WatchesSource {
  const now = options.now ?? (() => Date.now());
  let cached: { config: Config; readAt: number } | undefined;
  let reading: Promise<Config> | undefined;

  const read = (): Promise<Config> => {
    reading ??= (async () => {
      try {
        const startedAt = now();
        const config = (await store.loadWatches()) ?? NO_WATCHES;
        if (config.watches.length === 0) {
          options.log.error(`no watches in table ${options.tableName}: push them with \`stancewatch watches push <file> --table ${options.tableName}\`; nothing is read or sent until then`);
        }
        cached = { config, readAt: startedAt };
        return config;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  return {
    get: async () => (cached && now() - cached.readAt < WATCHES_MAX_AGE_MS ? cached.config : read()),
    refresh: async () => (cached && now() - cached.readAt < WATCHES_MIN_REFRESH_MS ? cached.config : read()),
  };
}

/**
 * The watches to judge a message naming `watchIds` by: the cached ones, or, when they lack one of those watches
 * (pushed since the cache was read, or never), the table's as they are now.
 */
export async function watchesFor(source: WatchesSource, watchIds: readonly string[]): Promise<Config> {
  const config = await source.get();
  const knowsAll = watchIds.every((id) => config.watches.some((watch) => watch.id === id));
  return knowsAll ? config : source.refresh();
}
