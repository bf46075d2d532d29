import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoWatchConfig } from '../../shared/store/index.js';
import { runCli } from '../helpers/cli.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';

const folder = mkdtempSync(join(tmpdir(), 'stancewatch-watches-'));
const watch = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Watch ${id}`,
  keywords: ['peace treaty'],
  sources: [{ url: `https://news.example/${id}.xml` }],
  ...extra,
});
function writeConfig(name: string, config: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** `stancewatch watches …` as a user runs it, against a dynalite server standing in for the deployed table. */
describe('stancewatch watches push / list', () => {
  let table: TestTable;
  const stancewatch = (args: string[]) => runCli(['watches', ...args, '--table', table.tableName, '--endpoint', table.endpoint], { cwd: folder });

  beforeAll(async () => {
    table = await startTestTable();
  });
  afterAll(async () => {
    await table?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('pushes a file, says what changed on the next push, and lists what the functions will read', async () => {
    const first = await stancewatch(['push', writeConfig('v1.json', { watches: [watch('treaty'), watch('islands')] })]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`pushed revision 1 of the watches in table ${table.tableName}: 2 added (treaty, islands), 0 changed, 0 removed, 0 unchanged\n`);

    const v2 = writeConfig('v2.json', { watches: [watch('treaty', { schedule: 'cron(0 6 ? * MON-FRI *)' }), watch('boj')] });
    const second = await stancewatch(['push', v2]);
    expect(second.stdout).toBe(`pushed revision 2 of the watches in table ${table.tableName}: 1 added (boj), 1 changed (treaty), 1 removed (islands), 0 unchanged\n`);
    const again = await stancewatch(['push', v2]);
    expect(again.stdout).toBe(`nothing changed, still revision 2 of the watches in table ${table.tableName}: 0 added, 0 changed, 0 removed, 2 unchanged\n`);

    const list = await stancewatch(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^revision 2, pushed \d{4}-\d\d-\d\dT/);
    expect(list.stdout).toMatch(/treaty\s+Watch treaty\s+cron\(0 6 \? \* MON-FRI \*\)\s+1/);
    const json = JSON.parse((await stancewatch(['list', '--json'])).stdout) as { revision: number; watches: Array<{ id: string }> };
    expect(json.revision).toBe(2);
    expect(json.watches.map((w) => w.id)).toEqual(['treaty', 'boj']);
  });

  it('writes nothing for an invalid file: the error names the file and the field, exit 1', async () => {
    const before = await dynamoWatchConfig(table.client, table.tableName).readMeta();
    const badSchema = writeConfig('bad-schema.json', { watches: [watch('treaty', { schedule: 'every hour' })] });
    const schema = await stancewatch(['push', badSchema]);
    expect(schema.code).toBe(1);
    expect(schema.stderr).toContain(`${badSchema}: watches[0].schedule: expected rate(<n> minutes|hours|days) or cron(<6 fields>), got "every hour"`);
    expect(schema.stderr).not.toMatch(/^\s+at /m);

    const fileSource = writeConfig('file-source.json', { watches: [watch('treaty', { sources: [{ url: 'file:///tmp/captures' }] })] });
    const deployable = await stancewatch(['push', fileSource]);
    expect(deployable.code).toBe(1);
    expect(deployable.stderr).toContain(`${fileSource}: watches[0].sources[0].url: file URLs cannot be read by the deployed functions`);

    const missing = await stancewatch(['push', join(folder, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/config file .*nope\.json does not exist/);

    expect(await dynamoWatchConfig(table.client, table.tableName).readMeta()).toEqual(before);
  });

  it('needs --table, and says so', async () => {
    const outcome = await runCli(['watches', 'list'], { cwd: folder });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/required option '--table <name>' not specified/);
  });
});

describe('stancewatch watches list on a table with nothing pushed', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await startTestTable();
  });
  afterAll(async () => table?.close());

  it('says how to push', async () => {
    const outcome = await runCli(['watches', 'list', '--table', table.tableName, '--endpoint', table.endpoint], { cwd: tmpdir() });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim()).toBe(`stancewatch: no watches in table ${table.tableName} yet: run \`stancewatch watches push <file> --table ${table.tableName}\``);
  });
});
