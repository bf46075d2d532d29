/**
 * The HTML path of extraction, staged like Readability.js. Each stage is one function below, in the
 * order `extractHtml` runs them.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element, Text } from 'domhandler';
import { parseBoundedPage } from './bounds.js';
import { indexTags } from './dom.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import {
  ARTICLE_BODY_HINT,
  CHROME_TAGS,
  GRANDPARENT_SCORE_SHARE,
  MAX_LENGTH_POINTS,
  MAX_LINK_DENSITY,
  MIN_LIST_ITEM_CHARS,
  MIN_LOOSE_TEXT_CHARS,
  MIN_SCORED_BODY_CHARS,
  MIN_SCORED_PARAGRAPH_CHARS,
  NEVER_CONTENT_TAGS,
  PROTECTED_MIN_PARAGRAPHS,
  PROTECTED_TEXT_SHARE,
  SCORE_CHARS_PER_POINT,
  SIBLING_SCORE_SHARE,
  UNLIKELY_ARIA_LABEL,
  UNLIKELY_NODE_HINTS,
  UNLIKELY_ROLES,
} from './patterns.js';
import {
  dropBoilerplateParagraphs,
  dropRepeatedParagraphs,
  normalizeWhitespace,
  NormalizedTextMeasure,
  paragraphKey,
  titleFromText,
} from './text.js';
import type { ExtractedArticle } from './types.js';

/** A run of text between block boundaries, with how much of it is link text. */
interface TextBlock {
  text: string;
  /** The element the text sits in directly: `p`, `li`, `h2`, `div`… */
  tag: string;
  linkDensity: number;
}

type BodyChoice =
  | { containers: Element[]; via: 'articleBody' | 'article' | 'scored'; winnerIndex?: number }
  | { reason: string };

/** Elements that break text into separate paragraphs; everything else is inline. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Blocks whose text counts whatever its length (a one-line quote is still a paragraph). */
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Items of lists and tables: menus and tag lists unless long. */
const LIST_ITEM_TAGS: ReadonlySet<string> = new Set(['li', 'dt', 'dd', 'td', 'th']);

/** Semantic body markup, most specific first: schema.org's articleBody, then `<article>`. */
const SEMANTIC_CONTAINERS = [
  [(element: Element) => element.attribs.itemprop === 'articleBody', 'articleBody'],
  [(element: Element) => element.name === 'article', 'article'],
] as const;

/** Elements whose text votes for its parent when scoring blocks (divs only when they hold no blocks). */
const SCORED_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'blockquote', 'div', 'section']);

/** Inline styles of hidden elements. */
const HIDDEN_STYLE = /display:\s*none|visibility:\s*hidden/i;

/**
 * Extracts the article of an HTML page. Stages:
 * 0. `parseBoundedPage` — runaway nesting dropped or flattened, runaway text runs and pages cut;
 * 1. `readMetadata` — title, byline, date, site, language, canonical URL (before anything is removed);
 * 2. `removeUnlikelyNodes` — scripts and page chrome (nav, share bars, cookie banners, paywalls, ads…);
 * 3. `pickBodyContainers` — the `[itemprop=articleBody]` or `<article>` that holds the best-scoring block
 *    (see `pickSemanticContainer`), else that block;
 * 4. `collectParagraphs` — paragraphs, headings and substantive list items, whitespace normalized;
 * 5. `dropBoilerplateText` — `BOILERPLATE_PATTERNS`, repeated captions, the headline repeated in the body.
 */
export function extractHtml(html: string, url: string): ExtractedArticle {
  const $ = parseBoundedPage(html);
  const metadata = readMetadata($, url);
  removeUnlikelyNodes($);
  const choices = pickBodyContainers($);
  let body: BodyChoice = choices[0];
  let paragraphs: string[] = [];
  // Semantic markup can wrap teasers only; then the next choice (the best-scoring block) gets its turn.
  for (const choice of choices) {
    body = choice;
    if ('reason' in choice) return noArticle(url, metadata, choice.reason);
    paragraphs = dropBoilerplateText(collectParagraphs(choice.containers), metadata.title);
    if (paragraphs.length) break;
  }
  if ('reason' in body) return noArticle(url, metadata, body.reason);
  if (!paragraphs.length) {
    return noArticle(url, metadata, `the ${describeContainer(body.via)} held only boilerplate (share prompts, paywall copy, link lists)`);
  }
  const chars = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  if (body.via === 'scored' && chars < MIN_SCORED_BODY_CHARS) {
    return noArticle(url, metadata, `the best text block has ${chars} characters; under ${MIN_SCORED_BODY_CHARS} it is a teaser, an index or a footer`);
  }
  return {
    url,
    ...metadata,
    title: metadata.title ?? titleFromText(paragraphs[0]),
    paragraphs,
    text: paragraphs.join('\n\n'),
  };
}

function noArticle(url: string, metadata: PageMetadata, reason: string): ExtractedArticle {
  return { url, ...metadata, title: metadata.title ?? '', paragraphs: [], text: '', noArticleReason: `No article on this page: ${reason}` };
}

function describeContainer(via: 'articleBody' | 'article' | 'scored'): string {
  return { articleBody: '[itemprop=articleBody] element', article: '<article> element', scored: 'best text block' }[via];
}

/**
 * Stage 2. Removes what is never content, then page chrome recognized by tag, ARIA role, aria-label or
 * class/id tokens (`UNLIKELY_NODE_HINTS`). Chrome that wraps the article is kept: see `isProtected`.
 * One measuring pass and one removing pass over the tree: per-node selector queries made this stage
 * quadratic in the page size.
 */
function removeUnlikelyNodes($: CheerioAPI): void {
  $(findNeverContent($.root()[0])).remove();
  const root = pageBody($)[0];
  if (!root || !hasChildNodes(root)) return;
  const stats = new Map<Element, NodeStats>();
  const hints = new ClassHintCache();
  const pageProse = measureTree(root, stats, hints);
  const doomed: Element[] = [];
  const visit = (node: AnyNode): void => {
    if (!isElementNode(node)) return;
    if (isChromeCandidate(node, hints) && !isProtected(node, stats.get(node), pageProse, hints)) {
      doomed.push(node);
      return;
    }
    node.children.forEach(visit);
  };
  root.children.forEach(visit);
  $(doomed).remove();
}

const NEVER_CONTENT_TAG_SET: ReadonlySet<string> = new Set(NEVER_CONTENT_TAGS);

/**
 * The `NEVER_CONTENT_TAGS` elements of the page, outermost only (removing one removes what it holds). A walk,
 * not a selector query: cheerio's `$('script, style, …')` costs a tenth of the extraction.
 */
function findNeverContent(root: AnyNode | undefined): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!hasChildNodes(node)) continue;
    // <script> and <style> are typed apart from other elements by htmlparser2.
    if ('name' in node && NEVER_CONTENT_TAG_SET.has(node.name)) {
      found.push(node as Element);
      continue;
    }
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]);
  }
  return found;
}

/** Per element: its prose and whether it is or wraps the article markup. */
interface NodeStats extends ProseMeasure {
  holdsArticle: boolean;
}

/** Article markup: a node that is or wraps one of these is never removed as chrome. */
const ARTICLE_MARKUP_TAGS: ReadonlySet<string> = new Set(['article', 'main']);

function isArticleMarkup(element: Element, hints: ClassHintCache): boolean {
  const { role, itemprop } = element.attribs;
  if (ARTICLE_MARKUP_TAGS.has(element.name) || role === 'main' || itemprop === 'articleBody') return true;
  // "entry-content", "post-body", "story-body": the CMS's own name for the body (Blogger wraps it in a "widget").
  return hints.of(element).body;
}

/** What an element's class and id say: it names an article body (`ARTICLE_BODY_HINT`), or page chrome. */
interface ClassHints {
  body: boolean;
  chrome: boolean;
}

const NO_CLASS_HINTS: ClassHints = { body: false, chrome: false };

/**
 * Class and id hints of one page, each distinct class string classified once: a page repeats its classes (about
 * half the lookups are repeats). One cache per page, so pages are measured on their own.
 */
class ClassHintCache {
  private readonly byClassAndId = new Map<string, ClassHints>();

  of(element: Element): ClassHints {
    const { class: className, id } = element.attribs;
    if (className === undefined && id === undefined) return NO_CLASS_HINTS;
    // The hints read class and id as one string; without an id, the class alone reads the same.
    const classAndId = id === undefined ? className! : `${className ?? ''} ${id}`;
    let hints = this.byClassAndId.get(classAndId);
    if (!hints) {
      hints = {
        body: ARTICLE_BODY_HINT.test(classAndId),
        chrome: hasChromeToken(classAndId),
      };
      this.byClassAndId.set(classAndId, hints);
    }
    return hints;
  }
}

/** Fills `stats` for every element under `node`, bottom-up, and returns the prose of `node` itself. */
function measureTree(node: AnyNode, stats: Map<Element, NodeStats>, hints: ClassHintCache): NodeStats {
  const total: NodeStats = { paragraphs: 0, chars: 0, holdsArticle: false };
  if (!hasChildNodes(node)) return total;
  for (const child of node.children) {
    if (!isElementNode(child)) continue;
    const childStats = measureTree(child, stats, hints);
    total.paragraphs += childStats.paragraphs;
    total.chars += childStats.chars;
    total.holdsArticle ||= childStats.holdsArticle || isArticleMarkup(child, hints);
  }
  if (isElementNode(node)) {
    if (node.name === 'p') {
      const { length } = measureText(node);
      if (length >= MIN_SCORED_PARAGRAPH_CHARS) {
        total.paragraphs += 1;
        total.chars += length;
      }
    }
    stats.set(node, total);
  }
  return total;
}

/** The text under `node` as `normalizeWhitespace` would leave it, measured (see `NormalizedTextMeasure`). */
function measureText(node: AnyNode, measure = new NormalizedTextMeasure()): NormalizedTextMeasure {
  if (isTextNode(node)) measure.add(node.data);
  else if (hasChildNodes(node)) for (const child of node.children) measureText(child, measure);
  return measure;
}

function hasChildNodes(node: AnyNode): node is AnyNode & { children: AnyNode[] } {
  return Array.isArray((node as { children?: unknown }).children);
}

/** `<body>`, or the whole document for a fragment (htmlparser2 does not invent a `<body>` as parse5 does). */
function pageBody($: CheerioAPI): Cheerio<AnyNode> {
  const body = indexTags($).body[0];
  return body ? $(body) : $.root();
}

const CHROME_TAG_SET: ReadonlySet<string> = new Set(CHROME_TAGS);

function isChromeCandidate(element: Element, hints: ClassHintCache): boolean {
  return CHROME_TAG_SET.has(element.name) || isHidden(element) || looksLikeChrome(element, hints);
}

/** `hidden`, `aria-hidden="true"` or an inline style that hides the element. */
function isHidden(element: Element): boolean {
  const { attribs } = element;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  return attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style);
}

/** Every `UNLIKELY_NODE_HINTS` word in one set. */
const UNLIKELY_NODE_WORDS: ReadonlySet<string> = new Set(Object.values(UNLIKELY_NODE_HINTS).flat());

function looksLikeChrome(element: Element, classHints: ClassHintCache): boolean {
  const { class: className, id, role } = element.attribs;
  const ariaLabel = element.attribs['aria-label'];
  if (!className && !id && !role && !ariaLabel) return false;
  const hints = classHints.of(element);
  if (hints.body) return false;
  if (role && UNLIKELY_ROLES.has(role.toLowerCase())) return true;
  if (UNLIKELY_ARIA_LABEL.test(ariaLabel ?? '')) return true;
  return hints.chrome;
}

/**
 * Whether one of the class and id words (see `hintTokens`) is an `UNLIKELY_NODE_HINTS` word. Read character by
 * character, without building the word list: every distinct class string of every page goes through here.
 */
function hasChromeToken(classAndId: string): boolean {
  let start = -1;
  let previous = 0;
  for (let index = 0; index <= classAndId.length; index += 1) {
    const code = index < classAndId.length ? classAndId.charCodeAt(index) : SPACE;
    // Lowercasing can turn a non-ASCII letter into ASCII ones ("İ" → "i̇"): such strings take the general path.
    if (code > LAST_ASCII) return hintTokens(classAndId).some((token) => UNLIKELY_NODE_WORDS.has(token));
    const upper = code >= 0x41 && code <= 0x5a;
    const lowerOrDigit = isLowerOrDigit(code);
    // A word ends at a character that is no letter or digit, and before a capital after a small letter or digit.
    const endsWord = !(upper || lowerOrDigit) || (upper && isLowerOrDigit(previous));
    if (start >= 0 && endsWord) {
      if (UNLIKELY_NODE_WORDS.has(classAndId.slice(start, index).toLowerCase())) return true;
      start = -1;
    }
    if (start < 0 && (upper || lowerOrDigit)) start = index;
    previous = code;
  }
  return false;
}

const SPACE = 0x20;
const LAST_ASCII = 0x7f;

function isLowerOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Splits class and id into lowercase words: "shareBar jt-social_links" → share, bar, jt, social, links. */
function hintTokens(classAndId: string): string[] {
  return classAndId.replace(CAMEL_CASE_HUMP, '$1 $2').toLowerCase().split(NON_WORD_CHARS).filter(Boolean);
}

const CAMEL_CASE_HUMP = /([a-z0-9])([A-Z])/g;
const NON_WORD_CHARS = /[^a-z0-9]+/;

const PROTECTED_TAGS: ReadonlySet<string> = new Set(['html', 'body', 'main', 'article']);

/**
 * An element is kept, whatever it looks like, when it is (or wraps) the article markup, or when it holds
 * most of the page's prose: ASP.NET pages wrap everything in one `<form>`, some themes tag the body's
 * wrapper with "tag-…" classes.
 */
function isProtected(element: Element, prose: NodeStats | undefined, pageProse: ProseMeasure, hints: ClassHintCache): boolean {
  if (PROTECTED_TAGS.has(element.name) || isArticleMarkup(element, hints)) return true;
  if (!prose) return false;
  if (prose.holdsArticle) return true;
  return prose.paragraphs >= PROTECTED_MIN_PARAGRAPHS && prose.chars >= pageProse.chars * PROTECTED_TEXT_SHARE;
}

/** Paragraphs long enough to be prose (not labels or buttons) and their total length. */
interface ProseMeasure {
  paragraphs: number;
  chars: number;
}

/** Stage 3. Semantic markup first; without it, the block that collects the most paragraph score. */
function pickBodyContainers($: CheerioAPI): BodyChoice[] {
  const scored = pickScoredContainer($);
  const lengths = new TextLengths();
  const semanticElements = findSemanticContainers($.root()[0]);
  for (const [via, elements] of semanticElements) {
    // Any prose paragraph inside makes the element's own text long enough, so one check covers both.
    const candidates = elements.filter((element) => lengths.of(element) >= MIN_SCORED_PARAGRAPH_CHARS);
    const semantic = pickSemanticContainer(candidates, scored, lengths);
    if (semantic) return [{ containers: [semantic], via }, scored];
    // Loose text in an unrelated articleBody (no <p> to score) is still better than a boilerplate-only block.
    if (candidates.length && 'containers' in scored) return [scored, { containers: [lengths.largest(candidates)], via }];
  }
  return [scored];
}

type SemanticVia = (typeof SEMANTIC_CONTAINERS)[number][1];

/** The elements of each `SEMANTIC_CONTAINERS` kind, most specific kind first, each in document order: one walk. */
function findSemanticContainers(root: AnyNode | undefined): Map<SemanticVia, Element[]> {
  const found = new Map<SemanticVia, Element[]>(SEMANTIC_CONTAINERS.map(([, via]) => [via, []]));
  for (const element of findElements(root, (element) => SEMANTIC_CONTAINERS.some(([matches]) => matches(element)))) {
    for (const [matches, via] of SEMANTIC_CONTAINERS) if (matches(element)) found.get(via)!.push(element);
  }
  return found;
}

/** Normalized text lengths of elements, each measured once: several candidates are compared over and over. */
class TextLengths {
  private readonly lengths = new Map<AnyNode, number>();

  of(node: AnyNode): number {
    let length = this.lengths.get(node);
    if (length === undefined) {
      length = measureText(node).length;
      this.lengths.set(node, length);
    }
    return length;
  }

  /** The element with the most text; the first of equals. */
  largest(elements: Element[]): Element {
    return elements.reduce((best, element) => (this.of(element) > this.of(best) ? element : best));
  }
}

/**
 * The semantic container to trust: the largest one that wraps (or sits inside) the best-scoring block,
 * else the largest one if it holds at least as much text as that block. An `<article>` elsewhere on
 * the page is a teaser card or a related story, not the body.
 */
function pickSemanticContainer(candidates: Element[], scored: BodyChoice, lengths: TextLengths): Element | undefined {
  if (!candidates.length) return undefined;
  if ('reason' in scored) return lengths.largest(candidates);
  const winner = scored.containers[scored.winnerIndex ?? 0];
  const related = candidates.filter((candidate) => contains(candidate, winner) || contains(winner, candidate));
  if (related.length) return lengths.largest(related);
  const largest = lengths.largest(candidates);
  const scoredChars = scored.containers.reduce((sum, element) => sum + lengths.of(element), 0);
  return lengths.of(largest) >= scoredChars ? largest : undefined;
}

/** Whether `ancestor` is `node` or one of its ancestors. */
function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/**
 * Readability's scoring: each paragraph gives its parent 1 point, 1 per comma and 1 per 100 characters
 * (at most 3), and its grandparent half that; a block's score is then discounted by its link density.
 * Siblings of the winner that score well are kept with it (bodies split around an ad slot).
 */
function pickScoredContainer($: CheerioAPI): BodyChoice {
  const scores = scoreBlocks(pageBody($)[0]);
  const finalScores = new Map<Element, number>();
  const finalScore = (element: Element): number => {
    let score = finalScores.get(element);
    if (score === undefined) {
      score = (scores.get(element) ?? 0) * (1 - linkDensity(element));
      finalScores.set(element, score);
    }
    return score;
  };
  // The first block with the highest final score. Link density only lowers a score, so a block whose raw score
  // is no higher than the best final score so far cannot win and its links are never counted.
  let best: readonly [Element, number] | undefined;
  for (const [element, score] of scores) {
    if (best && score <= best[1]) continue;
    const final = finalScore(element);
    if (!best || final > best[1]) best = [element, final];
  }
  if (!best || best[1] <= 0) {
    return { reason: `no paragraph of ${MIN_SCORED_PARAGRAPH_CHARS}+ characters left after removing navigation and page chrome` };
  }
  const [winner, winningScore] = best;
  const siblings = (winner.parent?.children ?? [winner])
    .filter(isElementNode)
    .filter((element) => element === winner || (scores.has(element) && finalScore(element) >= winningScore * SIBLING_SCORE_SHARE));
  return { containers: siblings, via: 'scored', winnerIndex: siblings.indexOf(winner) };
}

/** Raw scores (before link density) of the blocks paragraphs vote for, in the order they first got a vote. */
function scoreBlocks(root: AnyNode | undefined): Map<Element, number> {
  const scores = new Map<Element, number>();
  const addScore = (node: AnyNode | null, points: number) => {
    if (node && isElementNode(node)) scores.set(node, (scores.get(node) ?? 0) + points);
  };
  for (const element of findElements(root, (element) => SCORED_TAGS.has(element.name))) {
    // A div mixing loose text with blocks (`text<br>text<div>…</div>`) votes with its loose text for itself.
    const paragraphLike = isParagraphLike(element);
    const text = paragraphLike ? measureText(element) : measureLooseText(element);
    if (text.length < MIN_SCORED_PARAGRAPH_CHARS) continue;
    const points = 1 + text.commas + Math.min(Math.floor(text.length / SCORE_CHARS_PER_POINT), MAX_LENGTH_POINTS);
    const voter = paragraphLike ? element.parent : element;
    addScore(voter, points);
    addScore(voter?.parent ?? null, points * GRANDPARENT_SCORE_SHARE);
  }
  return scores;
}

/** The text of an element outside its block children (text nodes and inline markup; a block counts as a space), measured. */
function measureLooseText(element: Element): NormalizedTextMeasure {
  const measure = new NormalizedTextMeasure();
  for (const child of element.children) {
    if (isElementNode(child) && BLOCK_TAGS.has(child.name)) measure.add(' ');
    else measureText(child, measure);
  }
  return measure;
}

/** Paragraph elements, and divs/sections that hold text but no blocks (div-soup pages without `<p>`). */
function isParagraphLike(element: Element): boolean {
  if (element.name !== 'div' && element.name !== 'section') return true;
  return !element.children.some((child) => isElementNode(child) && BLOCK_TAGS.has(child.name));
}

function linkDensity(element: Element): number {
  const textLength = measureText(element).length;
  if (!textLength) return 0;
  const linkLength = findElements(element, (candidate) => candidate.name === 'a').reduce((sum, link) => sum + measureText(link).length, 0);
  return Math.min(linkLength / textLength, 1);
}

/**
 * The elements under `root` (itself excluded) that `matches`, in document order. Not cheerio's `find`: it
 * dedupes its context (the root's children) pairwise, which made one call on a parent of 20,000 paragraphs
 * cost seconds.
 */
function findElements(root: AnyNode | undefined, matches: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = root && hasChildNodes(root) ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElementNode(node)) continue;
    if (matches(node)) found.push(node);
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]);
  }
  return found;
}

/** Stage 4. Walks the containers in document order and keeps blocks that read as body text. */
function collectParagraphs(containers: Element[]): TextBlock[] {
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
    if (isTextNode(node)) run.push({ text: node.data, inLink });
    else if (isElementNode(node)) {
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

function isTextNode(node: AnyNode): node is Text {
  return (node.type as string) === 'text';
}

function isElementNode(node: AnyNode): node is Element {
  return (node.type as string) === 'tag';
}

/**
 * Stage 5. Text-level cleaning: `BOILERPLATE_PATTERNS` (and the paywall blocks they open), captions
 * repeated verbatim, the headline repeated as the first paragraph, and headings left with nothing under
 * them once their list or teaser was removed.
 */
function dropBoilerplateText(blocks: TextBlock[], title: string | undefined): string[] {
  const titleKey = title ? paragraphKey(title) : undefined;
  const kept = dropBoilerplateParagraphs(blocks);
  const keys = kept.map((block) => paragraphKey(block.text));
  const keyOf = new Map(kept.map((block, index) => [block, keys[index]]));
  const cleaned = dropRepeatedParagraphs(kept, keys).filter((block) => keyOf.get(block) !== titleKey);
  return dropDanglingHeadings(cleaned).map((block) => block.text);
}

function dropDanglingHeadings(blocks: TextBlock[]): TextBlock[] {
  return blocks.filter((block, index) => {
    if (!HEADING_TAGS.has(block.tag)) return true;
    const next = blocks[index + 1];
    return next !== undefined && !HEADING_TAGS.has(next.tag);
  });
}
