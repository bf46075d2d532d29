import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const CLI = new URL('../../bin/stancewatch.mjs', import.meta.url).pathname;
const SAMPLES = new URL('../../samples/sites/', import.meta.url).pathname;
const project = mkdtempSync(join(tmpdir(), 'stancewatch-reading-'));
const captures = join(project, 'captures');
const config = join(project, 'watches.json');

/** An English report by an outlet whose name is written in kanji: two terminal columns a character. */
const NIKKEI_JA = `<!doctype html><html><head><meta charset="utf-8">
<meta property="og:site_name" content="日本経済新聞"><title>Putin repeats that a treaty needs a changed Japan</title>
<meta property="article:published_time" content="2024-06-07T09:00:00Z"></head><body><article>
<h1>Putin repeats that a treaty needs a changed Japan</h1>
<p>Russian President Vladimir Putin said on Friday that Moscow would not resume peace treaty talks with Japan until Tokyo stopped supporting Ukraine, repeating a condition he set out a day earlier.</p>
<p>The two countries have never signed a peace treaty ending World War II because of the dispute over the islands Russia calls the Southern Kurils and Japan calls the Northern Territories.</p>
<p>Japanese officials said they remained committed to solving the territorial issue and concluding a peace treaty, but saw no prospect of talks for now.</p>
</article></body></html>`;

let runOutput = '';

async function stancewatch(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [CLI, ...args], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

beforeAll(async () => {
  mkdirSync(join(project, '.git'));
  mkdirSync(captures);
  writeFileSync(join(captures, 'nikkei-ja.html'), NIKKEI_JA);
  const watch = {
    id: 'russia-japan-treaty',
    name: 'Russia–Japan peace treaty',
    keywords: ['peace treaty', 'Japan'],
    speakers: ['Vladimir Putin'],
    sources: [{ url: '${SAMPLES_URL}/feed.xml' }, { url: pathToFileURL(`${captures}/`).href }],
  };
  writeFileSync(config, JSON.stringify({ watches: [watch] }));
  runOutput = await stancewatch('run', '--quiet', '--config', config);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('reading results', () => {
  it('says where the HTML digest and the Atom feed were written', () => {
    const html = /^ {2}HTML digest \(russia-japan-treaty\): (\.stancewatch\/outbox\/russia-japan-treaty-\S+\.html)$/m.exec(runOutput);
    const feed = /^ {2}Atom feed \(russia-japan-treaty\): (\.stancewatch\/feeds\/russia-japan-treaty\.xml)$/m.exec(runOutput);
    expect(html && existsSync(join(project, html[1]))).toBe(true);
    expect(feed && existsSync(join(project, feed[1]))).toBe(true);
  });

  it("lists one speaker's stances newest first", async () => {
    const rows = JSON.parse(await stancewatch('query', '--speaker', 'Putin', '--config', config, '--json')) as Array<{ publishedAt: string }>;
    const dates = rows.map((row) => row.publishedAt);
    expect(new Set(dates.map((date) => date.slice(0, 4)))).toEqual(new Set(['2017', '2019', '2024']));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('wraps long quotes in the table instead of cutting them, and shows them whole on one line with --wide', async () => {
    const rows = JSON.parse(await stancewatch('query', '--stances', '--config', config, '--json')) as Array<{ text: string }>;
    const longest = rows.map((row) => row.text.replace(/\s+/g, ' ')).sort((a, b) => b.length - a.length)[0];
    expect(longest.length).toBeGreaterThan(150);

    const table = await stancewatch('query', '--stances', '--config', config);
    expect(table).not.toContain('…');
    const words = longest.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    expect(table).toMatch(new RegExp(words.join('\\s+(?:\\S.*?\\s{2,})?')));
    expect(table).not.toContain(longest);

    const wide = await stancewatch('query', '--stances', '--wide', '--config', config);
    expect(wide).toContain(longest);
  });

  it('keeps the columns aligned after an outlet named in kanji', async () => {
    const table = await stancewatch('query', '--config', config);
    expect(table).toContain('日本経済新聞');
    const header = table.split('\n')[0];
    const urlColumn = header.indexOf('url');
    // Every row's URL starts at the header's `url`, counted in terminal columns.
    const rowsWithUrl = table.split('\n').filter((line) => /(?:https?|file):\/\//.test(line));
    expect(rowsWithUrl).toHaveLength(6);
    for (const line of rowsWithUrl) expect(stringWidth(line.slice(0, line.search(/(?:https?|file):\/\//)))).toBe(urlColumn);
  });
});

describe('extract with several inputs in text mode', () => {
  it('heads each article with its input', async () => {
    const first = join(SAMPLES, 'japantimes', '2017-11-10-putin-links-peace-treaty.html');
    const second = join(SAMPLES, 'nikkei-asia', '2019-03-15-putin-tempo-lost-peace-treaty.html');
    const stdout = await stancewatch('extract', first, second);
    expect(stdout.startsWith(`==> ${first} <==\n`)).toBe(true);
    expect(stdout).toContain(`\n\n==> ${second} <==\n`);
    expect(stdout.split(/^==> /m)).toHaveLength(3);
  });
});
