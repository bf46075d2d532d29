/**
 * Walks over a parsed page that several stages share: indexes of the elements they look up by tag name or
 * attribute, each built on first use and kept with the page (every cheerio selector query walks the whole tree; on
 * a 200 KB page a dozen of them cost as much as the parse), the elements matching a test, and measured text.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import { hasChildren, isDocument, isTag, isText, type AnyNode, type Element } from 'domhandler';
import { NormalizedTextMeasure } from './text.js';

/** Tags collected by `indexTags`, in document order. */
const INDEXED_TAGS = ['html', 'body', 'title', 'meta', 'link', 'script', 'h1'] as const;
export type IndexedTag = (typeof INDEXED_TAGS)[number];

export type TagIndex = Readonly<Record<IndexedTag, readonly Element[]>>;

/** Attributes whose elements `indexAttributes` collects, in document order (metadata selectors match on them). */
const INDEXED_ATTRIBUTES = ['itemprop', 'rel', 'class'] as const;
export type IndexedAttribute = (typeof INDEXED_ATTRIBUTES)[number];

/** Elements carrying each indexed attribute, whatever its value, and `<time>` elements. */
export type AttributeIndex = Readonly<Record<IndexedAttribute | 'time', readonly Element[]>>;

/** Elements that break text into separate paragraphs; everything else is inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

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
    if (isTag(node)) visit(node);
    else if (!isDocument(node)) continue;
    const { children } = node;
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]);
  }
}

/** The text under `node` as `normalizeWhitespace` would leave it, measured (see `NormalizedTextMeasure`). */
export function measureText(node: AnyNode, measure = new NormalizedTextMeasure()): NormalizedTextMeasure {
  if (isText(node)) measure.add(node.data);
  else if (hasChildren(node)) for (const child of node.children) measureText(child, measure);
  return measure;
}

/** `<body>`, or the whole document for a fragment (htmlparser2 does not invent a `<body>` as parse5 does). */
export function pageBody($: CheerioAPI): Cheerio<AnyNode> {
  const body = indexTags($).body[0];
  return body ? $(body) : $.root();
}

/**
 * The elements under `root` (itself excluded) that `matches`, in document order. Not cheerio's `find`: it
 * dedupes its context (the root's children) pairwise, which made one call on a parent of 20,000 paragraphs
 * cost seconds.
 */
export function findElements(root: AnyNode | undefined, matches: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = root && hasChildren(root) ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (matches(node)) found.push(node);
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]);
  }
  return found;
}
