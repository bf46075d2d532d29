import { vi } from 'vitest';
import { main } from '../../bin/cli.js';
import type { CliOutcome } from './cli.js';

/**
 * Runs the CLI's `main` in this process (so a test can stub an SDK client's `send`), capturing what it prints: each
 * stream, and `both` in the order written. The caller restores the spies (`afterEach(() => vi.restoreAllMocks())`).
 */
export async function runMainInProcess(args: string[]): Promise<CliOutcome & { both: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const both: string[] = [];
  const capture = (stream: string[]) => (text: unknown) => (stream.push(String(text)), both.push(String(text)), true);
  vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr));
  const code = await main(['node', 'stancewatch', ...args]);
  return { code, stdout: stdout.join(''), stderr: stderr.join(''), both: both.join('') };
}
