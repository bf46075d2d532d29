import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = new URL('../../bin/stancewatch.mjs', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'stancewatch-lock-'));
const dataDir = join(folder, 'archive');

const EMPTY_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Lock test</title><link>https://x.example/</link></channel></rss>';

interface Running {
  pid: number;
  stderr: () => string;
  /** Resolves once the process has written this to stderr. */
  said: (pattern: RegExp) => Promise<void>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts the CLI as its own process, as cron would. */
function start(args: string[]): Running {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: folder });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    for (const waiter of waiters.filter((entry) => entry.pattern.test(stderr))) waiter.resolve();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    pid: child.pid ?? -1,
    stderr: () => stderr,
    said: (pattern) => (pattern.test(stderr) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pattern, resolve }))),
    exited,
  };
}

function configReading(feedPath: string): string {
  const path = join(folder, `watches-${Math.random().toString(36).slice(2)}.json`);
  const watch = { id: 'lock-test', name: 'Lock test', keywords: ['treaty'], sources: [{ url: pathToFileURL(feedPath).href }] };
  writeFileSync(path, JSON.stringify({ watches: [watch] }));
  return path;
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('stancewatch runs that overlap on one data dir', () => {
  it('refuses a second run and a query while a run holds the archive, and lets --wait go after it', async () => {
    // The first run's feed is a named pipe: it blocks reading it, inside its run, until the test writes.
    const pipe = join(folder, 'feed.xml');
    execFileSync('mkfifo', [pipe]);
    const plainFeed = join(folder, 'plain.xml');
    writeFileSync(plainFeed, EMPTY_FEED);

    const first = start(['run', '--config', configReading(pipe), '--data-dir', dataDir]);
    // Opening a pipe for writing returns once a reader has opened it: the first run is mid-pass now.
    const writer = await open(pipe, 'w');
    let waiting: Running | undefined;
    try {
      const second = await start(['run', '--config', configReading(plainFeed), '--data-dir', dataDir]).exited;
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe(`stancewatch: another run is using archive/ (pid ${first.pid}); try again when it ends, or add --wait`);

      const query = await start(['query', '--config', configReading(plainFeed), '--data-dir', dataDir]).exited;
      expect(query.code).toBe(1);
      expect(query.stderr).toContain(`another run is using archive/ (pid ${first.pid})`);
      expect(query.stderr).not.toMatch(/Database is closed|^\s+at /m);

      waiting = start(['run', '--wait', '--config', configReading(plainFeed), '--data-dir', dataDir]);
      await waiting.said(new RegExp(`waiting for run \\(pid ${first.pid}\\) to finish`));
      await writer.writeFile(EMPTY_FEED);
    } finally {
      // Whatever failed above, the first run gets its feed and ends.
      await writer.close();
    }
    expect((await first.exited).code).toBe(0);
    const after = await waiting.exited;
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/Articles: 0 fetched/);
    expect(existsSync(join(dataDir, 'lock.json'))).toBe(false);
  });

  it("takes over a lock whose process is gone, and honours one whose process lives", async () => {
    const feed = join(folder, 'stale.xml');
    writeFileSync(feed, EMPTY_FEED);
    const config = configReading(feed);
    const gone = start(['--version']);
    await gone.exited;
    const lock = join(dataDir, 'lock.json');
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: hostname(), command: 'run', startedAt: '2026-01-01T00:00:00.000Z' }));

    const run = await start(['run', '--config', config, '--data-dir', dataDir]).exited;
    expect(run.code).toBe(0);
    expect(existsSync(lock)).toBe(false);

    // This test's own process is alive: its lock holds.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'query', startedAt: new Date().toISOString() }));
    const refused = await start(['timeline', 'lock-test', '--config', config, '--data-dir', dataDir]).exited;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`another query is using archive/ (pid ${process.pid})`);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    rmSync(lock);
  });
});
