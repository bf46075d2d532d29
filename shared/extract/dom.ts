/**
 * One walk over a parsed page that finds the elements several stages look up by tag name. Every
 * cheerio selector query walks the whole tree; on a 200 KB page a dozen of them cost as much as the parse.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

/** Tags collected by `indexTags`, in document order. */
const INDEXED_TAGS = ['html', 'body', 'title', 'meta', 'link', 'script', 'h1'] as const;
export type IndexedTag = (typeof INDEXED_TAGS)[number];

export type TagIndex = Readonly<Record<IndexedTag, readonly Element[]>>;

const indexes = new WeakMap<CheerioAPI, TagIndex>();

/** The elements of the indexed tags in the page loaded as `$`, built on first use and kept with `$`. */
export function indexTags($: CheerioAPI): TagIndex {
  const cached = indexes.get($);
  if (cached) return cached;
  const index = Object.fromEntries(INDEXED_TAGS.map((tag) => [tag, [] as Element[]])) as Record<IndexedTag, Element[]>;
  const visit = (node: AnyNode): void => {
    if ((node.type as string) !== 'tag' && (node.type as string) !== 'script' && (node.type as string) !== 'root') return;
    const element = node as Element;
    if (element.name && element.name in index) index[element.name as IndexedTag].push(element);
    element.children?.forEach(visit);
  };
  $.root()
    .toArray()
    .forEach((root) => visit(root));
  indexes.set($, index);
  return index;
}
