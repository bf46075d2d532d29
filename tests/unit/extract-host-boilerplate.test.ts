import { describe, expect, it } from 'vitest';
import {
  dropHostBoilerplate,
  extractArticle,
  hashBlock,
  HOST_BOILERPLATE_MIN_PAGES,
  inMemoryHostBoilerplate,
  type ExtractedArticle,
} from '../../shared/extract/index.js';
import { extractedArticle } from '../helpers/articles.js';

const FOOTER = 'The Example Gazette is an independent newspaper owned by its readers since 1921.';

function article(url: string, paragraphs: string[]): ExtractedArticle {
  return extractedArticle({ url, title: 't', paragraphs });
}

function story(n: number): string {
  return `Story number ${n} reports that the council voted on the budget for the year, officials said on Monday.`;
}

describe('dropHostBoilerplate', () => {
  it(`learns a block that recurs on ${HOST_BOILERPLATE_MIN_PAGES} pages of a host and drops it from the next`, async () => {
    const memory = inMemoryHostBoilerplate();
    for (let n = 1; n <= HOST_BOILERPLATE_MIN_PAGES; n += 1) {
      const result = await dropHostBoilerplate(article(`https://www.gazette.example/a/${n}`, [story(n), FOOTER]), memory);
      expect(result.paragraphs).toContain(FOOTER);
    }
    const next = await dropHostBoilerplate(article('https://gazette.example/a/99', [story(99), FOOTER]), memory);
    expect(next.paragraphs).toEqual([story(99)]);
    expect(next.text).toBe(story(99));
  });

  it('does not learn an article from its own revisions (the same page recorded again)', async () => {
    const memory = inMemoryHostBoilerplate();
    for (let n = 0; n < 5; n += 1) await dropHostBoilerplate(article('https://gazette.example/a/1', [story(1)]), memory);
    expect(await memory.get('gazette.example')).toEqual([]);
  });

  it('keeps what other hosts repeat to themselves', async () => {
    const memory = inMemoryHostBoilerplate();
    for (let n = 1; n <= 3; n += 1) await dropHostBoilerplate(article(`https://gazette.example/a/${n}`, [story(n), FOOTER]), memory);
    const other = await dropHostBoilerplate(article('https://other.example/x', [story(7), FOOTER]), memory);
    expect(other.paragraphs).toEqual([story(7), FOOTER]);
  });

  it('reports no article when every block is learned boilerplate', async () => {
    const memory = inMemoryHostBoilerplate(1);
    await memory.record('gazette.example', 'https://gazette.example/a/1', [hashBlock(FOOTER)]);
    const result = await dropHostBoilerplate(article('https://gazette.example/a/2', [FOOTER]), memory);
    expect(result.paragraphs).toEqual([]);
    expect(result.noArticleReason).toMatch(/recurs on other pages of gazette\.example/);
  });

  it('hashes blocks ignoring case, spacing and curly quotes', () => {
    expect(hashBlock('“Quoted”  Footer')).toBe(hashBlock('"quoted" footer'));
    expect(hashBlock('a')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('works on what extractArticle returns', async () => {
    const memory = inMemoryHostBoilerplate(2);
    const html = (n: number) =>
      `<html><body><article><p>${story(n)}</p><p>${FOOTER}</p></article></body></html>`;
    for (const n of [1, 2]) await dropHostBoilerplate(extractArticle({ url: `https://gazette.example/${n}`, body: html(n) }), memory);
    const third = await dropHostBoilerplate(extractArticle({ url: 'https://gazette.example/3', body: html(3) }), memory);
    expect(third.paragraphs).toEqual([story(3)]);
  });
});
