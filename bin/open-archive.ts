import { readConfigText } from '../shared/config/index.js';
import { acquireDataLock } from './data-lock.js';
import { displayDataDir, resolveDataDir, type DataDirUse } from './data-dir.js';
import { DEFAULT_DATA_DIR, openLocalRuntime, type LocalOptions, type LocalRuntime } from './local-runtime.js';

export interface ArchiveOptions extends Omit<LocalOptions, 'dataDir'> {
  /** `--data-dir`; unset means the nearest `.stancewatch/` up from the working folder. */
  dataDir?: string;
  /** The subcommand, named to whoever finds the archive busy. */
  command: string;
  /** `run` creates the data dir; `query` and `timeline` need an archive to read. */
  use: DataDirUse;
  /** `--wait`: wait for another command holding the archive instead of refusing. */
  wait?: boolean;
}

/**
 * Opens the archive a command works on: a deployed table as it is, or the embedded store in the data dir,
 * held for this process alone (see `acquireDataLock`) until `close()`.
 */
export async function openArchive(options: ArchiveOptions): Promise<LocalRuntime> {
  // A mistyped --config is told before anything is created or locked.
  if (options.config) readConfigText(options.config);
  if (options.table) return openLocalRuntime({ ...options, dataDir: options.dataDir ?? DEFAULT_DATA_DIR });
  const dataDir = resolveDataDir(options.dataDir, options.use);
  const lock = await acquireDataLock(dataDir, {
    command: options.command,
    wait: options.wait,
    onWait: (holder) => process.stderr.write(`waiting for ${holder.command} (pid ${holder.pid}) to finish with ${displayDataDir(dataDir)}…\n`),
  });
  try {
    const runtime = await openLocalRuntime({ ...options, dataDir });
    return {
      ...runtime,
      close: async () => {
        try {
          await runtime.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
