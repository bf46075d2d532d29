import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { PassReport } from '../../shared/pipeline/index.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/stancewatch.mjs', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'stancewatch-e2e-'));

async function stancewatch(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, ...args], { cwd: dataDir, maxBuffer: 16 * 1024 * 1024 });
}

describe('stancewatch run on the bundled sample coverage', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  let first: PassReport;

  it('archives the five sample articles and reports the 2024 condition with its speaker and date', async () => {
    const { stdout } = await stancewatch('run', '--json', '--data-dir', dataDir);
    first = JSON.parse(stdout) as PassReport;
    expect(first.articles).toMatchObject({ fetched: 5, new: 5, duplicates: 0, revised: 0, failed: 0 });
    const ukraine = first.stances.find((stance) => /position on the war in Ukraine/.test(stance.text));
    expect(ukraine).toMatchObject({ watch: 'russia-japan-treaty', status: 'new', kind: 'condition', speaker: 'Vladimir Putin' });
    expect(ukraine?.publishedAt?.slice(0, 10)).toBe('2024-06-06');
    expect(first.digests).toEqual([
      expect.objectContaining({ watch: 'russia-japan-treaty', delivered: true, items: expect.any(Number) }),
    ]);
    expect(readdirSync(join(dataDir, 'outbox')).some((name) => name.endsWith('.html'))).toBe(true);
  });

  it('finds nothing new on the second run and says so', async () => {
    const { stdout } = await stancewatch('run', '--data-dir', dataDir);
    expect(stdout).toMatch(/Nothing new/);
    expect(stdout).toMatch(/0 new/);
  });

  it('answers a third run in JSON with no stances and no digest', async () => {
    const { stdout } = await stancewatch('run', '--json', '--data-dir', dataDir);
    const report = JSON.parse(stdout) as PassReport;
    expect(report.articles.new).toBe(0);
    expect(report.stances).toEqual([]);
    expect(report.digests).toEqual([]);
  });

  it('lists the archived articles of the watch newest first', async () => {
    const { stdout } = await stancewatch('query', 'russia-japan-treaty', '--json', '--data-dir', dataDir);
    const rows = JSON.parse(stdout) as Array<{ publishedAt: string }>;
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.publishedAt.slice(0, 10))).toEqual(['2024-06-06', '2019-12-19', '2019-06-06', '2019-03-15', '2017-11-10']);
  });

  it('refuses the loopback sample sources with --ssrf-guard and exits 1 with the reason', async () => {
    const guarded = mkdtempSync(join(tmpdir(), 'stancewatch-guard-'));
    const failure = await stancewatch('run', '--json', '--ssrf-guard', '--data-dir', guarded).catch((error) => error);
    rmSync(guarded, { recursive: true, force: true });
    expect(failure.code).toBe(1);
    const report = JSON.parse(failure.stdout) as PassReport;
    expect(report.failures[0].error).toMatch(/127\.0\.0\.1|loopback|private/i);
  });
});
