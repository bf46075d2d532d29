import type { ExtractedArticle } from '../../shared/extract/types.js';

const BODY = ['Putin said Japan first needs to change its position.', 'The talks have stalled since 2022.'];

/**
 * An article as extraction returns it, for tests of the stages after extraction. `url` stands in for the
 * canonical URL unless one is given; `paragraphs` and `text` are kept in step (`text` is the paragraphs
 * joined by blank lines), so a test sets whichever it reads.
 *
 * @example
 * extractedArticle({ url: 'https://other.example/b', siteName: 'Other' });
 * extractedArticle({ text: 'First paragraph.\n\nSecond paragraph.' });
 */
export function extractedArticle(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  const url = overrides.url ?? 'https://news.example/a';
  const paragraphs = overrides.paragraphs ?? (overrides.text === undefined ? BODY : paragraphsOf(overrides.text));
  return {
    url,
    canonicalUrl: url,
    title: 'Putin sets a condition',
    siteName: 'News Example',
    publishedAt: '2024-06-06T00:00:00.000Z',
    ...overrides,
    paragraphs,
    text: overrides.paragraphs && overrides.text !== undefined ? overrides.text : paragraphs.join('\n\n'),
  };
}

/** Paragraphs are separated by blank lines, as in `ExtractedArticle.text`. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
