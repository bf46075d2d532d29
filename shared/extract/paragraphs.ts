/**
 * Stages 4 and 5 of the HTML path: the paragraphs of the body containers, split at block boundaries and double
 * `<br>`s (`collectParagraphs`), then cleaned of boilerplate text (`dropBoilerplateText`).
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { BLOCK_TAGS } from './dom.js';
import { MAX_LINK_DENSITY, MIN_LIST_ITEM_CHARS, MIN_LOOSE_TEXT_CHARS, POST_ATTACHMENT_LINK } from './patterns.js';
import { dropBoilerplateParagraphs, dropRepeatedParagraphs, normalizeWhitespace, paragraphKey } from './text.js';

/** A run of text between block boundaries, with how much of it is link text. */
interface TextBlock {
  text: string;
  /** The element the text sits in directly: `p`, `li`, `h2`, `div`… */
  tag: string;
  linkDensity: number;
}

/** Blocks whose text counts whatever its length (a one-line quote is still a paragraph). */
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Items of lists and tables: menus and tag lists unless long. */
const LIST_ITEM_TAGS: ReadonlySet<string> = new Set(['li', 'dt', 'dd', 'td', 'th']);

/** Stage 4. Walks the containers in document order and keeps blocks that read as body text. */
export function collectParagraphs(containers: Element[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const container of containers) collectBlocks(container, blocks);
  return blocks.filter(isBodyBlock);
}

function isBodyBlock(block: TextBlock): boolean {
  if (!/\p{L}/u.test(block.text) || block.linkDensity > MAX_LINK_DENSITY) return false;
  if (PARAGRAPH_TAGS.has(block.tag)) return true;
  if (LIST_ITEM_TAGS.has(block.tag)) return block.text.length >= MIN_LIST_ITEM_CHARS;
  return block.text.length >= MIN_LOOSE_TEXT_CHARS;
}

/**
 * Splits an element's text into blocks: a nested block element starts a new one, a double `<br>` too.
 * Inline markup (links, emphasis, spans) stays inside its paragraph.
 */
function collectBlocks(block: Element, out: TextBlock[]): void {
  let run: RunPart[] = [];
  const flush = () => {
    if (run.length) out.push(...splitRun(run, block.name));
    run = [];
  };
  const visit = (node: AnyNode, inLink: boolean): void => {
    if (isText(node)) run.push({ text: node.data, inLink });
    else if (isTag(node)) {
      if (node.name === 'br') run.push(LINE_BREAK);
      else if (BLOCK_TAGS.has(node.name)) {
        flush();
        collectBlocks(node, out);
      } else node.children.forEach((child) => visit(child, inLink || node.name === 'a'));
    }
  };
  block.children.forEach((child) => visit(child, false));
  flush();
}

/** A text node's text, or a `<br>` (`LINE_BREAK`). */
interface RunPart {
  text: string;
  inLink: boolean;
}

const LINE_BREAK: RunPart = { text: '\n', inLink: false };
const PARAGRAPH_BREAK = /\n[ \t]*\n/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Two line breaks in a row end a paragraph (`<br><br>` layouts); a single one is a space. Link density
 * is each paragraph's own, so a line of links between `<br><br>` is dropped even beside long prose.
 */
function splitRun(parts: RunPart[], tag: string): TextBlock[] {
  // Without a <br> the run is one paragraph (most runs): no need to find breaks or place the links.
  if (!parts.includes(LINE_BREAK)) {
    const text = normalizeWhitespace(parts.map((part) => part.text).join(''));
    const linkChars = parts.reduce((sum, part) => (part.inLink ? sum + linkTextLength(part.text) : sum), 0);
    return text ? [{ text, tag, linkDensity: linkChars / text.length }] : [];
  }
  // Text nodes' own line breaks are spaces: only a <br> leaves a `\n`.
  const collapsed = parts.map((part) => (part === LINE_BREAK ? part : { ...part, text: part.text.replace(WHITESPACE_RUN, ' ') }));
  const raw = collapsed.map((part) => part.text).join('');
  const breaks = [...raw.matchAll(PARAGRAPH_BREAK)].map((match) => [match.index, match.index + match[0].length] as const);
  const pieces: Array<{ start: number; end: number; linkChars: number }> = [];
  let start = 0;
  for (const [breakStart, breakEnd] of [...breaks, [raw.length, raw.length] as const]) {
    pieces.push({ start, end: breakStart, linkChars: 0 });
    start = breakEnd;
  }
  let offset = 0;
  let current = 0;
  for (const part of collapsed) {
    // A text part holds no line break, so it lies wholly inside one piece; parts and pieces both run in order.
    while (current < pieces.length - 1 && offset >= pieces[current].end) current += 1;
    const piece = pieces[current];
    if (part.inLink && offset >= piece.start && offset < piece.end) piece.linkChars += part.text.trim().length;
    offset += part.text.length;
  }
  return pieces.flatMap(({ start: from, end, linkChars }) => {
    const text = normalizeWhitespace(raw.slice(from, end));
    return text ? [{ text, tag, linkDensity: linkChars / text.length }] : [];
  });
}

/** The length a link's text counts for: whitespace collapsed, ends trimmed. */
function linkTextLength(text: string): number {
  return text.replace(WHITESPACE_RUN, ' ').trim().length;
}

/**
 * Stage 5. Text-level cleaning: posts' attachment links (`POST_ATTACHMENT_LINK`), `BOILERPLATE_PATTERNS` (and the
 * paywall blocks they open), captions repeated verbatim, the headline repeated as the first paragraph, and headings
 * left with nothing under them once their list or teaser was removed.
 */
export function dropBoilerplateText(blocks: TextBlock[], title: string | undefined): string[] {
  const titleKey = title ? paragraphKey(title) : undefined;
  const kept = dropBoilerplateParagraphs(blocks.flatMap(withoutAttachmentLinks));
  const keys = kept.map((block) => paragraphKey(block.text));
  const keyOf = new Map(kept.map((block, index) => [block, keys[index]]));
  const cleaned = dropRepeatedParagraphs(kept, keys).filter((block) => keyOf.get(block) !== titleKey);
  return dropDanglingHeadings(cleaned).map((block) => block.text);
}

/** The block without the attachment links in its text; none when that was all it held. */
function withoutAttachmentLinks(block: TextBlock): TextBlock[] {
  const text = block.text.replace(POST_ATTACHMENT_LINK, '').trim();
  return text === block.text ? [block] : text ? [{ ...block, text }] : [];
}

function dropDanglingHeadings(blocks: TextBlock[]): TextBlock[] {
  return blocks.filter((block, index) => {
    if (!HEADING_TAGS.has(block.tag)) return true;
    const next = blocks[index + 1];
    return next !== undefined && !HEADING_TAGS.has(next.tag);
  });
}
