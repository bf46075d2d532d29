/**
 * Walks over a parsed page that find the elements several stages look up by tag name or attribute, each
 * built on first use and kept with the page. Every cheerio selector query walks the whole tree; on a 200 KB
 * page a dozen of them cost as much as the parse.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

/** Tags collected by `indexTags`, in document order. */
const INDEXED_TAGS = ['html', 'body', 'title', 'meta', 'link', 'script', 'h1'] as const;
export type IndexedTag = (typeof INDEXED_TAGS)[number];

export type TagIndex = Readonly<Record<IndexedTag, readonly Element[]>>;

/** Attributes whose elements `indexAttributes` collects, in document order (metadata selectors match on them). */
const INDEXED_ATTRIBUTES = ['itemprop', 'rel', 'class'] as const;
export type IndexedAttribute = (typeof INDEXED_ATTRIBUTES)[number];

/** Elements carrying each indexed attribute, whatever its value, and `<time>` elements. */
export type AttributeIndex = Readonly<Record<IndexedAttribute | 'time', readonly Element[]>>;

const tagIndexes = new WeakMap<CheerioAPI, TagIndex>();
const attributeIndexes = new WeakMap<CheerioAPI, AttributeIndex>();

/** The elements of the indexed tags in the page loaded as `$`, built on first use and kept with `$`. */
export function indexTags($: CheerioAPI): TagIndex {
  const cached = tagIndexes.get($);
  if (cached) return cached;
  const byTag = new Map<string, Element[]>(INDEXED_TAGS.map((tag) => [tag, []]));
  visitElements($, (element) => byTag.get(element.name)?.push(element));
  const index = Object.fromEntries(byTag) as Record<IndexedTag, Element[]>;
  tagIndexes.set($, index);
  return index;
}

/**
 * The elements with the indexed attributes in the page loaded as `$`, built on first use (most pages answer the
 * metadata that needs it from JSON-LD and `<meta>` alone) and kept with `$`. Like `indexTags`, it describes the
 * page when first asked: a stage that runs after elements were removed must not trust it.
 */
export function indexAttributes($: CheerioAPI): AttributeIndex {
  const cached = attributeIndexes.get($);
  if (cached) return cached;
  const index = { itemprop: [] as Element[], rel: [] as Element[], class: [] as Element[], time: [] as Element[] };
  visitElements($, (element) => {
    for (const name of INDEXED_ATTRIBUTES) if (element.attribs[name] !== undefined) index[name].push(element);
    if (element.name === 'time') index.time.push(element);
  });
  attributeIndexes.set($, index);
  return index;
}

/** Calls `visit` on every element of the page, `<script>` and `<style>` included, in document order. */
function visitElements($: CheerioAPI, visit: (element: Element) => void): void {
  const stack: AnyNode[] = [...$.root().toArray()].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const type = node.type as string;
    if (type !== 'tag' && type !== 'script' && type !== 'style' && type !== 'root') continue;
    const element = node as Element;
    if (type !== 'root') visit(element);
    const { children } = element;
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]);
  }
}
