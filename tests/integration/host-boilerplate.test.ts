import { describe, expect, it } from 'vitest';
import { dropHostBoilerplate, hashBlock } from '../../shared/extract/index.js';
import type { ExtractedArticle } from '../../shared/extract/types.js';
import { dynamoHostBoilerplate } from '../../shared/store/host-boilerplate.js';
import { extractedArticle } from '../helpers/articles.js';
import { useTestTable } from '../helpers/dynamo.js';

const FOOTER = 'The Harbour Ledger is an independent newspaper owned by its readers since 1921.';

function page(slug: string, body: string): ExtractedArticle {
  return extractedArticle({ url: `https://www.harbour-ledger.example/news/${slug}`, title: slug, paragraphs: [body, FOOTER] });
}

describe('per-host boilerplate learned in the archive table', () => {
  const table = useTestTable();

  it("drops a block that recurs on three of a host's pages, from the fourth page on", async () => {
    const memory = dynamoHostBoilerplate(table.client, table.tableName);
    for (const slug of ['a', 'b', 'c']) {
      const kept = await dropHostBoilerplate(page(slug, `Story ${slug}: the union said it will strike unless pay rises.`), memory);
      expect(kept.paragraphs).toContain(FOOTER);
    }
    const fourth = await dropHostBoilerplate(page('d', 'Story d: the airline offered a new deal.'), memory);
    expect(fourth.paragraphs).toEqual(['Story d: the airline offered a new deal.']);
    expect(await memory.get('harbour-ledger.example')).toEqual([hashBlock(FOOTER)]);
  });

  it('counts a page once however often it is recorded, so revisions never teach an article its own text', async () => {
    const memory = dynamoHostBoilerplate(table.client, table.tableName);
    const article = page('solo', 'A paragraph that only this article has.');
    for (let attempt = 0; attempt < 4; attempt += 1) await memory.record('other.example', article.canonicalUrl, article.paragraphs.map(hashBlock));
    expect(await memory.get('other.example')).toEqual([]);
  });
});
