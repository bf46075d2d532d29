import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, contentHash, dedupeArticle, revisionDiff, REWRITTEN_NOTE } from '../../shared/dedupe/index.js';
import { extractedArticle as article } from '../helpers/articles.js';
import { useTestTable } from '../helpers/dynamo.js';

/** The body of the default test article. */
const BODY = article().text;

describe('canonicalizeUrl', () => {
  it('drops tracking parameters, fragments, mobile hosts and AMP paths', () => {
    expect(canonicalizeUrl('https://m.example.com/news/a/amp/?utm_source=x&fbclid=y&id=2#top')).toBe('https://example.com/news/a?id=2');
    expect(canonicalizeUrl('http://www.example.com/news/a/')).toBe('https://example.com/news/a');
  });
});

describe('contentHash', () => {
  it('ignores case, curly quotes and spacing', () => {
    expect(contentHash('“Japan”  said  Putin')).toBe(contentHash('"japan" said putin'));
    expect(contentHash('Japan said Putin')).not.toBe(contentHash('Japan said Abe'));
  });
});

describe('revisionDiff', () => {
  it('writes the digest’s word-diff format: whitespace outside the markers', () => {
    expect(revisionDiff('The union insists on volumes', 'The union no longer insists on volumes')).toBe('The union {+no longer+} insists on volumes');
  });
});

describe('dedupeArticle against dynalite', () => {
  const table = useTestTable();

  it('stores a new article once, and calls the same URL and text a duplicate on the next pass', async () => {
    const first = await dedupeArticle(article(), table.store, '2024-06-06T01:00:00Z');
    expect(first.kind).toBe('new');
    const again = await dedupeArticle(article({ url: 'https://news.example/a?utm_source=rss', canonicalUrl: 'https://news.example/a' }), table.store, '2024-06-06T02:00:00Z');
    expect(again).toMatchObject({ kind: 'duplicate', reason: 'same-url' });
  });

  it('links the same text at another outlet as also published by, without a second article', async () => {
    const copy = await dedupeArticle(
      article({ url: 'https://other.example/b', siteName: 'Other' }),
      table.store,
      '2024-06-07T00:00:00Z',
    );
    expect(copy.kind).toBe('duplicate');
    const owner = await table.store.getArticle(copy.kind === 'duplicate' ? copy.of : '');
    expect(owner?.alsoPublishedBy).toEqual([{ url: 'https://other.example/b', outlet: 'Other', seenAt: '2024-06-07T00:00:00Z' }]);
  });

  it('keeps a changed article at the same URL as a revision with a word diff and its new paragraphs', async () => {
    const revisedBody = `${BODY}\n\nHe added that Russia will not give up the islands.`;
    const verdict = await dedupeArticle(
      article({ text: revisedBody }),
      table.store,
      '2024-06-08T00:00:00Z',
    );
    expect(verdict.kind).toBe('revision');
    if (verdict.kind !== 'revision') return;
    expect(verdict.changedParagraphs).toEqual(['He added that Russia will not give up the islands.']);
    // One diff format with the digest's: whitespace outside the markers.
    expect(verdict.revision.diff).toBe(`${BODY}\n\n{+He added that Russia will not give up the islands.+}`);
    const revisions = await table.store.listRevisions(verdict.article.urlKey);
    expect(revisions).toHaveLength(1);
    expect((await table.store.getArticle(verdict.article.urlKey))?.revisionCount).toBe(1);
  });

  it('stores one article when two workers race on the same new page', async () => {
    const racer = article({ url: 'https://race.example/x', paragraphs: ['A different story about talks.'] });
    const verdicts = await Promise.all([1, 2, 3].map(() => dedupeArticle(racer, table.store, '2024-06-09T00:00:00Z')));
    expect(verdicts.filter((verdict) => verdict.kind === 'new')).toHaveLength(1);
    expect(verdicts.filter((verdict) => verdict.kind === 'duplicate')).toHaveLength(2);
  });

  it('keeps an article over the item size limit whole, compressed, with the hash of its whole text', async () => {
    // ~500 KB of text: over DynamoDB's 400 KB item limit, which dynalite enforces too.
    const paragraphs = Array.from({ length: 6_000 }, (_, index) => `Paragraph ${index} of a very long live blog about the treaty talks, with more text.`);
    const long = article({ url: 'https://live.example/blog', paragraphs });
    const verdict = await dedupeArticle(long, table.store, '2024-06-10T00:00:00Z');
    expect(verdict.kind).toBe('new');
    if (verdict.kind !== 'new') return;
    const stored = await table.store.getArticle(verdict.article.urlKey);
    expect(stored!.text).toBe(long.text);
    expect(stored!.contentHash).toBe(contentHash(long.text));
  });

  it('revises a long article rewritten from top to bottom with a note instead of a word diff', async () => {
    const before = Array.from({ length: 5_000 }, (_, index) => `w${(index * 7919) % 3001}`).join(' ');
    const after = Array.from({ length: 5_000 }, (_, index) => `w${(index * 104_729) % 3001}`).join(' ');
    const url = 'https://rewrite.example/x';
    await dedupeArticle(article({ url, paragraphs: [before] }), table.store, '2024-06-11T00:00:00Z');
    const verdict = await dedupeArticle(article({ url, paragraphs: [after] }), table.store, '2024-06-12T00:00:00Z');
    expect(verdict).toMatchObject({ kind: 'revision', revision: { diff: REWRITTEN_NOTE } });
  });
});
