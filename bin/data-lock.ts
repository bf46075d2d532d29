import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StancewatchError } from '../shared/errors/index.js';
import { displayDataDir } from './data-dir.js';

/** The lock's file inside the data dir; it names its holder. */
export const LOCK_FILE = 'lock.json';
/** How often `--wait` looks again: a run takes seconds to minutes, so a quarter second costs nothing. */
const WAIT_POLL_MS = 250;

/** Who holds a data dir: enough to tell a person which process, and to tell whether it is still alive. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The subcommand, for the message: "another run is using …". */
  command: string;
  startedAt: string;
}

export interface DataLock {
  release(): void;
}

export interface LockOptions {
  command: string;
  /** Wait for the holder to finish instead of refusing at once. */
  wait?: boolean;
  /** Told once when a wait begins. */
  onWait?: (holder: LockHolder) => void;
}

/**
 * Takes the data dir for this process. The embedded store is a LevelDB that one process at a time can
 * open, so every command that opens it (run, query, timeline) takes this lock first: a second one is
 * refused with the holder's pid (or waits, with `wait`) instead of dying on dynalite's "Database is closed".
 * A lock whose process is gone (killed, crashed, rebooted) is taken over.
 *
 * The lock file is written whole under another name and hard-linked into place: `link` fails if the lock
 * exists, atomically, so two starters never both win and a reader never sees half a file.
 */
export async function acquireDataLock(dataDir: string, options: LockOptions): Promise<DataLock> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), command: options.command, startedAt: new Date().toISOString() };
  let waiting = false;
  for (;;) {
    const holder = tryTake(path, me);
    if (!holder) return heldLock(path, me);
    if (!options.wait) {
      throw new StancewatchError(
        `another ${holder.command} is using ${displayDataDir(dataDir)} (pid ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}); try again when it ends, or add --wait`,
      );
    }
    if (!waiting) options.onWait?.(holder);
    waiting = true;
    await sleep(WAIT_POLL_MS);
  }
}

/** Takes the lock and returns nothing, or returns the live holder. A dead holder's lock is removed and taken. */
function tryTake(path: string, me: LockHolder): LockHolder | undefined {
  for (;;) {
    if (linkInPlace(path, me)) return undefined;
    const text = readLockText(path);
    if (text === undefined) continue; // Released between our link and our read: try again.
    const holder = parseHolder(text);
    if (holder && isAlive(holder)) return holder;
    removeIfUnchanged(path, text);
  }
}

function linkInPlace(path: string, me: LockHolder): boolean {
  const staged = `${path}.${me.pid}.tmp`;
  writeFileSync(staged, `${JSON.stringify(me)}\n`);
  try {
    linkSync(staged, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(staged);
  }
}

function readLockText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A lock file that is not ours to read (edited by hand, truncated by a full disk) counts as stale. */
function parseHolder(text: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? (holder as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder still runs. Signal 0 checks a pid without touching it: ESRCH means it is gone, EPERM
 * that it lives under another user. A pid on another host (a shared folder) cannot be checked, so it holds.
 */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a stale lock unless another starter has replaced it since we read it (then the loop reads again). */
function removeIfUnchanged(path: string, seen: string): void {
  if (readLockText(path) !== seen) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function heldLock(path: string, me: LockHolder): DataLock {
  const mine = `${JSON.stringify(me)}\n`;
  // A command that ends without reaching its `finally` (process.exit, an uncaught error) still lets go.
  const release = () => {
    process.off('exit', release);
    removeIfUnchanged(path, mine);
  };
  process.once('exit', release);
  return { release };
}
