import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, type ExtractedArticle } from '../../shared/extract/index.js';

/** tests/fixtures/pages: one folder per real-world quirk, each with `source.html` and `expected.json`. */
export const GOLDEN_PAGES_DIR = new URL('../fixtures/pages/', import.meta.url).pathname;

/** The metadata fields a golden page may pin; `null` means the page states none. */
export const GOLDEN_FIELDS = ['title', 'byline', 'publishedAt'] as const;
export type GoldenField = (typeof GOLDEN_FIELDS)[number];

/** What a reader wants from the page: written by hand, or regenerated on purpose and then reviewed. */
export interface GoldenExpectation {
  /** The quirk this page stands for, in one line. */
  quirk: string;
  title?: string | null;
  byline?: string | null;
  publishedAt?: string | null;
  /** The article body, paragraph by paragraph; empty for a page that holds no article. */
  paragraphs: string[];
  /** Fields the extractor gets wrong today: the test expects them still wrong, so a fix is noticed. */
  knownMisses?: GoldenField[];
}

export interface GoldenPage {
  slug: string;
  /** The URL the page is extracted as. */
  url: string;
  source: Buffer;
  expected?: GoldenExpectation;
}

/** Every folder with a `source.html`, by name. */
export function listGoldenPages(): string[] {
  return readdirSync(GOLDEN_PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(GOLDEN_PAGES_DIR, entry.name, 'source.html')))
    .map((entry) => entry.name)
    .sort();
}

export function readGoldenPage(slug: string): GoldenPage {
  const folder = join(GOLDEN_PAGES_DIR, slug);
  const expectedFile = join(folder, 'expected.json');
  return {
    slug,
    url: `https://golden.example/pages/${slug}`,
    // Bytes, not text: a page's charset is part of its quirk.
    source: readFileSync(join(folder, 'source.html')),
    expected: existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as GoldenExpectation) : undefined,
  };
}

export function extractGoldenPage(page: GoldenPage): ExtractedArticle {
  return extractArticle({ url: page.url, body: page.source });
}

export function writeGoldenExpectation(slug: string, expectation: GoldenExpectation): void {
  writeFileSync(join(GOLDEN_PAGES_DIR, slug, 'expected.json'), `${JSON.stringify(expectation, null, 2)}\n`);
}
