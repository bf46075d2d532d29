/**
 * A fetched page parsed within bounds, before anything walks it (a parse that stops past `MAX_PARSE_DEPTH`, then
 * `limitNesting` and a second parse; `boundDocument` after it; `parseBoundedPage` runs them). Discovery reads a
 * page with it, and extraction as its stage 0. Every later stage reads an element's text several times and several
 * of them recurse per level of nesting, so a hostile or broken page (a 20 MB paragraph, 100,000 unclosed `<div>`s)
 * would otherwise cost minutes, gigabytes or a stack overflow.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { hasChildren, isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { DomHandler, Parser, parseDocument } from 'htmlparser2';
import { cutOnWord, isWhitespaceCode } from '../text/index.js';
import { MAX_NESTING_DEPTH, MAX_PAGE_TEXT_CHARS, MAX_PARSE_DEPTH, MAX_ROOT_NODES, MAX_TEXT_RUN_CHARS } from './constants.js';

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
 * Parses a page within bounds: the parse (`limitNesting` first when the page nests too deep), a `<body>` around a
 * fragment, `boundDocument`. cheerio/slim reads the DOM htmlparser2 builds: ~10× faster than cheerio's default
 * parse5, and as forgiving of broken markup.
 */
export function parseBoundedPage(html: string): CheerioAPI {
  const { document, markup } = parseNestingBounded(html);
  // cheerio's `$(selector)` dedupes the root's children pairwise: a fragment of 30,000 top-level paragraphs took
  // 25 s, and they had no parent to vote for. Browsers put a fragment in a <body>; so do we.
  const $ = load(document.children.length > MAX_ROOT_NODES ? parseDocument(`<body>${markup}</body>`) : document);
  boundDocument($);
  return $;
}

/**
 * The page parsed as it is when it nests no deeper than `MAX_PARSE_DEPTH`, else parsed again after
 * `limitNesting`, with the markup that was parsed. Every page pays for one parse, and only a page that does nest
 * that deep pays for the scan (a fifth of a parse) and a second parse: a pre-scan of every page cost more than the
 * rest of stage 0.
 */
function parseNestingBounded(html: string): { document: Document; markup: string } {
  const handler = new DepthBoundedHandler();
  try {
    new Parser(handler).end(html);
    return { document: handler.root, markup: html };
  } catch (error) {
    if (!(error instanceof NestingTooDeep)) throw error;
    const markup = limitNesting(html);
    return { document: parseDocument(markup), markup };
  }
}

/** Stops a parse that would nest past `MAX_PARSE_DEPTH`, before htmlparser2's stack makes it slow. */
class NestingTooDeep extends Error {}

/** htmlparser2's DOM builder (what `parseDocument` uses), stopping at `MAX_PARSE_DEPTH` open elements. */
class DepthBoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    // The stack holds the document and the open elements.
    if (this.tagStack.length > MAX_PARSE_DEPTH) throw new NestingTooDeep(`more than ${MAX_PARSE_DEPTH} open elements`);
    super.onopentag(name, attribs);
  }
}

/**
 * Drops the start tags (and their end tags) that would open elements past `MAX_PARSE_DEPTH`, before parsing.
 * htmlparser2 keeps its open elements in an array it `unshift`s, so parsing costs depth × tags: 200,000 unclosed
 * `<div>`s took 15 s, and a 5 MB page of them would hold a function until its timeout. The scan is one pass and
 * only runs on a document with enough tags to nest that deep (`parseBoundedPage` runs it only on a page whose
 * parse went past `MAX_PARSE_DEPTH`).
 *
 * @example
 * limitNesting('<div>'.repeat(100_000) + '<p>Text</p>'); // '<div>' × MAX_PARSE_DEPTH, then '<p>Text</p>'
 */
export function limitNesting(html: string): string {
  if (!hasTagCount(html, MAX_PARSE_DEPTH)) return html;
  const kept: string[] = [];
  let depth = 0;
  let copiedUpTo = 0;
  // Every tag ends with a `>`: past the last one nothing is a tag (and a `<` there must not scan to the end each time).
  const lastClose = html.lastIndexOf('>');
  for (let tag = nextTag(html, 0, lastClose); tag; tag = nextTag(html, tag.end, lastClose)) {
    if (NON_NESTING_TAGS.has(tag.name.toLowerCase())) continue;
    const tooDeep = tag.closing ? depth > MAX_PARSE_DEPTH : depth >= MAX_PARSE_DEPTH;
    depth = tag.closing ? Math.max(0, depth - 1) : depth + 1;
    if (!tooDeep) continue;
    kept.push(html.slice(copiedUpTo, tag.start));
    copiedUpTo = tag.end;
  }
  if (copiedUpTo === 0) return html;
  kept.push(html.slice(copiedUpTo));
  return kept.join('');
}

/** A start or end tag found by `nextTag`: `html.slice(start, end)` is the whole tag. */
interface TagToken {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

/** Elements whose text is raw (a `<` inside is not a tag), as htmlparser2 reads them; `\b` ends the name. */
const RAW_TEXT_TAG = /<(?:script|style|textarea|title|xmp)\b/iy;
/** Where each raw-text element ends: its end tag followed by a space, `/` or `>` (htmlparser2's rule). */
const RAW_TEXT_END: Readonly<Record<string, RegExp>> = Object.fromEntries(
  ['script', 'style', 'textarea', 'title', 'xmp'].map((name) => [name, new RegExp(`</${name}(?=[\\s/>])`, 'gi')]),
);
/** First letters of the raw-text element names, either case: only tags starting so need `RAW_TEXT_TAG`. */
const RAW_TEXT_INITIALS: ReadonlySet<number> = new Set([...'stxSTX'].map((letter) => letter.charCodeAt(0)));
const COMMENT_START = '<!--';
const COMMENT_END = '-->';
const SLASH = 0x2f;
const GREATER_THAN = 0x3e;

/**
 * The first start or end tag at or after `from` (a `<`, an optional `/`, a name from a letter up to a space, `/` or
 * `>`, the rest up to the first `>`), skipping comments and the text of raw-text elements (kept whole: a `<` inside
 * them is not a tag); undefined when none is left before `lastClose`, the document's last `>`. An unterminated
 * comment or raw-text element runs to the end of the document, as the parser reads it. Scanned with `indexOf` and
 * character codes, not a regular expression: it runs on every page, and text between tags is most of a page.
 */
function nextTag(html: string, from: number, lastClose: number): TagToken | undefined {
  for (let at = html.indexOf('<', from); at >= 0 && at < lastClose; at = html.indexOf('<', at + 1)) {
    if (html.startsWith(COMMENT_START, at)) {
      const end = html.indexOf(COMMENT_END, at + COMMENT_START.length);
      if (end < 0) return undefined;
      at = end + COMMENT_END.length - 1;
      continue;
    }
    const closing = html.charCodeAt(at + 1) === SLASH;
    const nameStart = closing ? at + 2 : at + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart + 1;
    while (nameEnd < lastClose && !endsTagName(html.charCodeAt(nameEnd))) nameEnd += 1;
    const end = html.indexOf('>', nameEnd) + 1;
    RAW_TEXT_TAG.lastIndex = at;
    if (closing || !RAW_TEXT_INITIALS.has(html.charCodeAt(nameStart)) || !RAW_TEXT_TAG.test(html)) {
      return { start: at, end, name: html.slice(nameStart, nameEnd), closing };
    }
    const rawEnd = RAW_TEXT_END[html.slice(nameStart, RAW_TEXT_TAG.lastIndex).toLowerCase()];
    rawEnd.lastIndex = end;
    if (!rawEnd.exec(html)) return undefined;
    // The end tag's name is skipped, its `>` is text: the next tag is looked for after the name.
    at = rawEnd.lastIndex - 1;
  }
  return undefined;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function endsTagName(code: number): boolean {
  return code === SLASH || code === GREATER_THAN || isWhitespaceCode(code);
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
  // Nodes and their depths in two stacks: an object per node would be garbage the size of the page.
  const stack: AnyNode[] = $.root().toArray();
  const depths: number[] = stack.map(() => 0);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    if (isText(node)) {
      if (node.parent && isTag(node.parent) && RAW_TEXT_ELEMENTS.has(node.parent.name)) continue;
      const kept = cutOnWord(node.data, Math.min(MAX_TEXT_RUN_CHARS, budget), { atSentenceEnd: true });
      cut ||= kept.length < node.data.length;
      node.data = kept;
      budget -= kept.length;
      continue;
    }
    if (!hasChildNodes(node)) continue;
    if (depth >= MAX_NESTING_DEPTH && node.children.some(hasChildNodes)) {
      // Browsers stop nesting too (Blink at 512 levels); the text stays, the deeper structure goes.
      $(node as Element).text(collectText(node).join(' '));
      cut = true;
    }
    // Reversed, so the stack pops children in document order and the page budget goes to the top of the page.
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      stack.push(node.children[index]);
      depths.push(depth + 1);
    }
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
    else if (hasChildNodes(current) && !(isTag(current) && RAW_TEXT_ELEMENTS.has(current.name))) {
      for (let index = current.children.length - 1; index >= 0; index -= 1) stack.push(current.children[index]);
    }
  }
  return texts;
}

/** An element or document with at least one child node (domhandler's `hasChildren` also takes an empty one). */
function hasChildNodes(node: AnyNode): node is AnyNode & { children: AnyNode[] } {
  return hasChildren(node) && node.children.length > 0;
}
