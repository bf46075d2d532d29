import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from '../helpers/cli.js';

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
// A project folder: `.git` marks its root, where looking for `.stancewatch/` stops.
const project = mkdtempSync(join(tmpdir(), 'stancewatch-errors-'));
const archive = join(project, '.stancewatch');
const subfolder = join(project, 'notes', '2024');

const stancewatch = (args: string[], cwd = project, env: NodeJS.ProcessEnv = process.env): Promise<CliOutcome> => runCli(args, { cwd, env });

/** A user mistake: exit 1, one line on stderr that matches, no stack trace. */
function expectOneLine(outcome: CliOutcome, message: RegExp, code = 1) {
  expect(outcome.code).toBe(code);
  expect(outcome.stderr).toMatch(message);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
}

beforeAll(async () => {
  mkdirSync(join(project, '.git'));
  mkdirSync(subfolder, { recursive: true });
  const first = await stancewatch(['run', '--quiet', '--data-dir', archive]);
  expect(first.code).toBe(0);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('stancewatch: mistakes get one line saying what to do', () => {
  it('names a config file that does not exist, and creates no archive for it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'stancewatch-noconfig-'));
    const outcome = await stancewatch(['run', '--config', 'missing.json'], empty);
    expectOneLine(outcome, /config file missing\.json does not exist; pass --config with the path of your watches JSON/);
    expect(existsSync(join(empty, '.stancewatch'))).toBe(false);
    rmSync(empty, { recursive: true, force: true });
  });

  it('names an unknown config field with the one meant, instead of tracking every speaker', async () => {
    const config = join(project, 'typo.json');
    const watch = { id: 'w', name: 'W', keywords: ['Japan'], speaker: ['Vladimir Putin'], sources: [{ url: 'https://x.example/feed' }] };
    writeFileSync(config, JSON.stringify({ watches: [watch] }));
    const outcome = await stancewatch(['run', '--config', config, '--data-dir', archive]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`${config}: unknown field "speaker" in watches[0] (did you mean "speakers"?)`);
    expect(outcome.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a --data-dir that is a file', async () => {
    const file = join(project, 'not-a-folder');
    writeFileSync(file, '');
    expectOneLine(await stancewatch(['query', '--data-dir', file]), /--data-dir .*not-a-folder is a file; pass a folder/);
    expectOneLine(await stancewatch(['run', '--data-dir', file]), /--data-dir .*not-a-folder is a file; pass a folder/);
  });

  it('says how to give AWS credentials when query --table has none', async () => {
    const home = mkdtempSync(join(tmpdir(), 'stancewatch-home-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    const outcome = await stancewatch(['query', '--table', 'stancewatch-archive', '--region', 'eu-west-1'], project, {
      ...env,
      HOME: home,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    rmSync(home, { recursive: true, force: true });
    expectOneLine(outcome, /^stancewatch: no AWS credentials for --table: set AWS_PROFILE .*or leave out --table/);
  });

  it('says which endpoint cannot be reached when the deployed table is out of reach', async () => {
    const outcome = await stancewatch(['query', '--table', 'stancewatch-archive', '--region', 'eu-west-1'], project, {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      // Port 9 (discard) answers nothing on loopback: a refused connection, as from a network that cannot reach AWS.
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    });
    expectOneLine(outcome, /^stancewatch: cannot reach 127\.0\.0\.1:9 \(ECONNREFUSED\): check the network connection and --region/);
  });

  it('names a PNG given to extract instead of printing its bytes', async () => {
    const png = join(project, 'chart.png');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]));
    const outcome = await stancewatch(['extract', png]);
    expectOneLine(outcome, /chart\.png: a PNG image .*not an article page; extract reads HTML pages and plain-text captures/);
    expect(outcome.stdout).toBe('');
  });

  it('does not promise a retry in extract errors: extract is one attempt', async () => {
    const outcome = await stancewatch(['extract', join(project, 'notes')]);
    expectOneLine(outcome, /notes: cannot read .*a folder, not a page/);
    const unreachable = await stancewatch(['extract', 'http://127.0.0.1:9/article.html']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^http:\/\/127\.0\.0\.1:9\/article\.html: GET /);
    expect(unreachable.stderr).not.toMatch(/this run|skipped/);
  });
});

describe('stancewatch: arguments are checked', () => {
  it.each([
    [['--since', 'June 2019'], /option '--since <date>' argument 'June 2019' is invalid\. expected a date as YYYY-MM-DD/],
    [['--until', '2019-13-45'], /option '--until <date>' argument '2019-13-45' is invalid/],
    [['--since', '2019-02-30'], /argument '2019-02-30' is invalid/],
    [['--limit', '0'], /option '--limit <n>' argument '0' is invalid\. expected a whole number of 1 or more/],
    [['--limit', 'ten'], /argument 'ten' is invalid/],
  ])('refuses query %j with a usage error', async (args, message) => {
    const outcome = await stancewatch(['query', ...args]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
    expect(outcome.stdout).toBe('');
  });

  it('refuses a date range that ends before it starts, and reads a year as the whole year', async () => {
    expectOneLine(await stancewatch(['query', '--since', '2024', '--until', '2019']), /--since 2024 is after --until 2019: nothing can match/);
    const outcome = await stancewatch(['query', '--since', '2019-06', '--until', '2019', '--json']);
    const rows = JSON.parse(outcome.stdout) as Array<{ date: string }>;
    expect(rows.map((row) => row.date)).toEqual(['2019-12-19', '2019-06-06']);
  });

  it('takes --kind, --status and --speaker as stance filters: they imply --stances', async () => {
    const byKind = JSON.parse((await stancewatch(['query', '--kind', 'condition', '--json'])).stdout) as Array<Record<string, string>>;
    expect(byKind.length).toBeGreaterThan(0);
    expect(byKind.every((row) => row.kind === 'condition' && 'speaker' in row)).toBe(true);
    const bySpeaker = JSON.parse((await stancewatch(['query', '--speaker', 'Putin', '--limit', '3', '--json'])).stdout) as Array<Record<string, string>>;
    expect(bySpeaker).toHaveLength(3);
    expect(bySpeaker.every((row) => row.speaker === 'Vladimir Putin')).toBe(true);
    const byStatus = JSON.parse((await stancewatch(['query', '--status', 'new', '--json'])).stdout) as Array<Record<string, string>>;
    expect(byStatus.every((row) => row.status === 'new')).toBe(true);
  });

  it("finds the project's .stancewatch/ from a subfolder instead of starting an empty one there", async () => {
    const outcome = await stancewatch(['query', 'russia-japan-treaty', '--json'], subfolder);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toHaveLength(5);
    expect(existsSync(join(subfolder, '.stancewatch'))).toBe(false);
    const timeline = await stancewatch(['timeline', 'russia-japan-treaty'], subfolder);
    expect(timeline.stdout).toMatch(/Putin/);
  });

  it('says there is no archive where none is found, up to the project root', async () => {
    const other = mkdtempSync(join(tmpdir(), 'stancewatch-none-'));
    mkdirSync(join(other, '.git'));
    mkdirSync(join(other, 'sub'));
    const outcome = await stancewatch(['query'], join(other, 'sub'));
    expectOneLine(outcome, /no archive found: no \.stancewatch\/ in .*sub or its parents; run `stancewatch run` in your project folder first/);
    expect(existsSync(join(other, 'sub', '.stancewatch'))).toBe(false);
    expectOneLine(await stancewatch(['timeline', 'w', '--data-dir', join(other, 'nothing')]), /no archive in .*nothing: the folder does not exist/);
    rmSync(other, { recursive: true, force: true });
  });

  it('prints the version', async () => {
    const outcome = await stancewatch(['--version']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim()).toBe(PACKAGE.version);
  });
});
