/**
 * Stage 0 of the HTML path: bounds a page before any other stage walks it (`limitNesting` before the parse,
 * `boundDocument` after it; `parseBoundedPage` runs both). Every later stage reads an
 * element's text several times and several of them recurse per level of nesting, so a hostile or broken page (a
 * 20 MB paragraph, 100,000 unclosed `<div>`s) would otherwise cost minutes, gigabytes or a stack overflow.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element, Text } from 'domhandler';
import { MAX_NESTING_DEPTH, MAX_PAGE_TEXT_CHARS, MAX_PARSE_DEPTH, MAX_ROOT_NODES, MAX_TEXT_RUN_CHARS } from './patterns.js';
import { cutRunOfText } from './text.js';

/**
 * Comments and raw-text elements (kept whole: a `<` inside them is not a tag), or a start or end tag with its name.
 * The raw-text elements and where they end are htmlparser2's (`</script` then a space, `/` or `>`); an unterminated
 * comment or script runs to the end of the document, as the parser reads it.
 */
const MARKUP_TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp)\b[^>]*>[\s\S]*?(?:<\/\1(?=[\s/>])|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/gi;

/**
 * Elements that do not nest in htmlparser2: its void elements, and those a start tag of their own kind closes
 * (`<p>a<p>b` is two paragraphs). Old pages leave thousands of `<p>` and `<li>` unclosed; they are not depth.
 */
const NON_NESTING_TAGS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th',
]);

/** Elements whose text is code or data, not page text: outside the page budget (JSON-LD is read from scripts). */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style']);

/**
 * Parses a page within bounds: `limitNesting`, the parse, a `<body>` around a fragment, `boundDocument`.
 * cheerio/slim parses with htmlparser2: ~10× faster than the default parse5, and as forgiving of broken markup.
 */
export function parseBoundedPage(html: string): CheerioAPI {
  const markup = limitNesting(html);
  let $ = load(markup);
  // cheerio's `$(selector)` dedupes the root's children pairwise: a fragment of 30,000 top-level paragraphs took
  // 25 s, and they had no parent to vote for. Browsers put a fragment in a <body>; so do we.
  if (($.root()[0]?.children.length ?? 0) > MAX_ROOT_NODES) $ = load(`<body>${markup}</body>`);
  boundDocument($);
  return $;
}

/**
 * Drops the start tags (and their end tags) that would open elements past `MAX_PARSE_DEPTH`, before parsing.
 * htmlparser2 keeps its open elements in an array it `unshift`s, so parsing costs depth × tags: 200,000 unclosed
 * `<div>`s took 15 s, and a 5 MB page of them would hold a function until its timeout. The scan is one pass and
 * only runs on a document with enough tags to nest that deep.
 *
 * @example
 * limitNesting('<div>'.repeat(100_000) + '<p>Text</p>'); // '<div>' × MAX_PARSE_DEPTH, then '<p>Text</p>'
 */
export function limitNesting(html: string): string {
  if (!hasTagCount(html, MAX_PARSE_DEPTH)) return html;
  const kept: string[] = [];
  let depth = 0;
  let copiedUpTo = 0;
  for (const match of html.matchAll(MARKUP_TOKEN)) {
    const [token, rawTextElement, slash, rawName] = match;
    if (rawTextElement || !rawName || NON_NESTING_TAGS.has(rawName.toLowerCase())) continue;
    const closing = slash === '/';
    const tooDeep = closing ? depth > MAX_PARSE_DEPTH : depth >= MAX_PARSE_DEPTH;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (!tooDeep) continue;
    kept.push(html.slice(copiedUpTo, match.index));
    copiedUpTo = match.index + token.length;
  }
  if (copiedUpTo === 0) return html;
  kept.push(html.slice(copiedUpTo));
  return kept.join('');
}

/** Whether `text` holds at least `count` `<` characters: fewer tags cannot nest that deep. */
function hasTagCount(text: string, count: number): boolean {
  let found = 0;
  for (let at = text.indexOf('<'); at >= 0 && found < count; at = text.indexOf('<', at + 1)) found += 1;
  return found >= count;
}

/**
 * Flattens nesting deeper than `MAX_NESTING_DEPTH` into the text it holds, cuts each text node at
 * `MAX_TEXT_RUN_CHARS` (at a sentence end where there is one) and empties text past `MAX_PAGE_TEXT_CHARS`.
 * One iterative walk in document order; returns whether anything was cut.
 */
export function boundDocument($: CheerioAPI): boolean {
  let budget = MAX_PAGE_TEXT_CHARS;
  let cut = false;
  const stack: Array<{ node: AnyNode; depth: number }> = $.root()
    .toArray()
    .map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isText(node)) {
      if (node.parent && isElement(node.parent) && RAW_TEXT_ELEMENTS.has(node.parent.name)) continue;
      const kept = cutRunOfText(node.data, Math.min(MAX_TEXT_RUN_CHARS, budget));
      cut ||= kept.length < node.data.length;
      node.data = kept;
      budget -= kept.length;
      continue;
    }
    if (!hasChildren(node)) continue;
    if (depth >= MAX_NESTING_DEPTH && node.children.some(hasChildren)) {
      // Browsers stop nesting too (Blink at 512 levels); the text stays, the deeper structure goes.
      $(node as Element).text(collectText(node).join(' '));
      cut = true;
    }
    // Reversed, so the stack pops children in document order and the page budget goes to the top of the page.
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push({ node: node.children[index], depth: depth + 1 });
  }
  return cut;
}

/** The text nodes under `node`, in document order, without recursion. */
function collectText(node: AnyNode): string[] {
  const texts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isText(current)) texts.push(current.data);
    else if (hasChildren(current) && !(isElement(current) && RAW_TEXT_ELEMENTS.has(current.name))) {
      for (let index = current.children.length - 1; index >= 0; index -= 1) stack.push(current.children[index]);
    }
  }
  return texts;
}

function isText(node: AnyNode): node is Text {
  return (node.type as string) === 'text';
}

function isElement(node: AnyNode): node is Element {
  return 'name' in node && typeof node.name === 'string';
}

function hasChildren(node: AnyNode): node is AnyNode & { children: AnyNode[] } {
  return Array.isArray((node as { children?: unknown }).children) && (node as { children: unknown[] }).children.length > 0;
}
