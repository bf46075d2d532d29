/**
 * Site-level boilerplate: blocks that recur on many pages of one host (a footer saying the same thing
 * under every article) are learned per host and dropped, so a new site's boilerplate disappears after a
 * few pages without anyone writing a rule for it. Pure logic over a `HostBoilerplateMemory` port; the
 * pipeline passes a DynamoDB-backed memory, tests the in-memory one below.
 */
import { createHash } from 'node:crypto';
import { paragraphKey } from './text.js';
import type { ExtractedArticle } from './types.js';

/** A block is learned once it has been seen on this many distinct pages of a host. */
export const HOST_BOILERPLATE_MIN_PAGES = 3;

/** Hex characters kept of a block's SHA-256: 64 bits, ample for the blocks of one host. */
const BLOCK_HASH_CHARS = 16;

/**
 * Where per-host block counts live. `record` is idempotent per page: recording the same page twice
 * (a revision, a retry) does not count twice, so an article's own paragraphs are never learned from
 * its revisions.
 */
export interface HostBoilerplateMemory {
  /** Hashes of the blocks learned as boilerplate of `host`. */
  get(host: string): Promise<string[]>;
  /** Notes that `pageKey` (a canonical URL) of `host` holds these block hashes. */
  record(host: string, pageKey: string, blockHashes: readonly string[]): Promise<void>;
}

/** The hash a block is remembered by: case, spacing, curly quotes and a trailing credit do not count. */
export function hashBlock(text: string): string {
  return createHash('sha256').update(paragraphKey(text)).digest('hex').slice(0, BLOCK_HASH_CHARS);
}

/**
 * Drops the paragraphs learned as boilerplate of the article's host, then records the article's blocks.
 * An article left with no paragraph is returned with `noArticleReason`.
 *
 * @example
 * const memory = inMemoryHostBoilerplate();
 * const article = await dropHostBoilerplate(extractArticle(page), memory);
 */
export async function dropHostBoilerplate(article: ExtractedArticle, memory: HostBoilerplateMemory): Promise<ExtractedArticle> {
  const host = hostOf(article.canonicalUrl) ?? hostOf(article.url);
  if (!host || !article.paragraphs.length) return article;
  const hashes = article.paragraphs.map(hashBlock);
  const learned = new Set(await memory.get(host));
  await memory.record(host, article.canonicalUrl, [...new Set(hashes)]);
  const paragraphs = article.paragraphs.filter((_paragraph, index) => !learned.has(hashes[index]));
  if (paragraphs.length === article.paragraphs.length) return article;
  if (!paragraphs.length) {
    return { ...article, paragraphs: [], text: '', noArticleReason: `No article on this page: every block recurs on other pages of ${host}` };
  }
  return { ...article, paragraphs, text: paragraphs.join('\n\n') };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** A `HostBoilerplateMemory` in a Map: for tests, the CLI and single-process runs. */
export function inMemoryHostBoilerplate(minPages: number = HOST_BOILERPLATE_MIN_PAGES): HostBoilerplateMemory {
  const pagesByBlock = new Map<string, Map<string, Set<string>>>();
  return {
    async get(host) {
      const blocks = pagesByBlock.get(host);
      return blocks ? [...blocks].filter(([, pages]) => pages.size >= minPages).map(([hash]) => hash) : [];
    },
    async record(host, pageKey, blockHashes) {
      const blocks = pagesByBlock.get(host) ?? new Map<string, Set<string>>();
      pagesByBlock.set(host, blocks);
      for (const hash of blockHashes) {
        const pages = blocks.get(hash) ?? new Set<string>();
        pages.add(pageKey);
        blocks.set(hash, pages);
      }
    },
  };
}
