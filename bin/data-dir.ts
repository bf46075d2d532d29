import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { StancewatchError } from '../shared/errors/index.js';
import { DEFAULT_DATA_DIR } from './local-runtime.js';

/** What a command does with the data dir: `run` creates it; `query` and `timeline` need one to exist. */
export type DataDirUse = 'create' | 'read';

/**
 * The data dir a command works in. Given with `--data-dir`, it is used as it is (it must be a folder, and
 * exist for reading). Otherwise the nearest `.stancewatch/` in the working folder or a parent, up to the
 * repository's root, is the project's, as git finds `.git/`: a command run from a subfolder must not start
 * an empty archive there.
 */
export function resolveDataDir(given: string | undefined, use: DataDirUse, cwd = process.cwd()): string {
  if (given !== undefined) {
    const kind = kindOf(given);
    if (kind === 'file') throw new StancewatchError(`--data-dir ${given} is a file; pass a folder (a new one is created by \`stancewatch run\`)`);
    if (kind === 'missing' && use === 'read') {
      throw new StancewatchError(`no archive in ${given}: the folder does not exist; run \`stancewatch run --data-dir ${given}\` first`);
    }
    return given;
  }
  const found = findUp(cwd);
  if (found) return found;
  if (use === 'read') {
    throw new StancewatchError(
      `no archive found: no ${DEFAULT_DATA_DIR}/ in ${cwd} or its parents; run \`stancewatch run\` in your project folder first, or pass --data-dir`,
    );
  }
  if (kindOf(join(cwd, DEFAULT_DATA_DIR)) === 'file') {
    throw new StancewatchError(`${join(cwd, DEFAULT_DATA_DIR)} is a file, not the archive folder; move it away or pass --data-dir`);
  }
  return join(resolve(cwd), DEFAULT_DATA_DIR);
}

/** A data dir as a person would type it: relative to the working folder when inside it (`.stancewatch/`). */
export function displayDataDir(dataDir: string, cwd = process.cwd()): string {
  return `${displayPath(dataDir, cwd)}/`;
}

/** A path relative to the working folder when inside it, absolute otherwise. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, resolve(path));
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : resolve(path);
}

/**
 * The nearest `.stancewatch/` folder from `start` up to the project's root (the first folder holding `.git`)
 * or the file system's: an archive outside the repository belongs to another project.
 */
function findUp(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_DATA_DIR);
    if (kindOf(candidate) === 'folder') return candidate;
    if (kindOf(join(dir, '.git')) !== 'missing' || dirname(dir) === dir) return undefined;
  }
}

function kindOf(path: string): 'folder' | 'file' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}
