import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = new URL('../../bin/stancewatch.mjs', import.meta.url).pathname;
const SEED = new URL('../../../shared/seeds/003_9f3c07811539134b.txt', import.meta.url).pathname;
const PAGE = new URL('../../samples/sites/nikkei-asia/2019-03-15-putin-tempo-lost-peace-treaty.html', import.meta.url).pathname;

describe('stancewatch extract', () => {
  it('prints one JSON line per input in input order, an error line for a bad input, and exits 1', async () => {
    const failure = await run(process.execPath, [CLI, 'extract', SEED, '/no/such/page.html', PAGE, '--json']).catch((error) => error);
    expect(failure.code).toBe(1);
    const lines = (failure.stdout as string).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0].text).toContain('Japan first needs to change its position on the war in Ukraine');
    expect(lines[1]).toEqual({ input: '/no/such/page.html', error: expect.stringMatching(/no such file/) });
    expect(lines[2]).toMatchObject({ siteName: 'Nikkei Asian Review', publishedAt: expect.stringMatching(/^2019-03-15/) });
    expect(lines[2].text).not.toMatch(/numberArticlesLeft|Sponsored Content/);
  });

  it('prints one pretty JSON document for a single input', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'extract', PAGE, '--json']);
    const article = JSON.parse(stdout);
    expect(Object.keys(article)).toEqual(expect.arrayContaining(['url', 'title', 'byline', 'publishedAt', 'siteName', 'canonicalUrl', 'text', 'paragraphs']));
    expect(article.canonicalUrl).toMatch(/^https:\/\/asia\.nikkei\.example\//);
  });
});
