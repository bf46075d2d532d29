/**
 * Stage 2 of the HTML path: page chrome removed (navigation, share bars, cookie banners, paywalls, ads…), by tag,
 * ARIA role, aria-label or class/id words, unless it wraps the article.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { hasChildren, isTag, type AnyNode, type Element } from 'domhandler';
import { measureText, pageBody } from './dom.js';
import {
  ARTICLE_BODY_HINT,
  CHROME_TAGS,
  EMBEDDED_POST_CLASSES,
  MIN_SCORED_PARAGRAPH_CHARS,
  NEVER_CONTENT_TAGS,
  PROTECTED_MIN_PARAGRAPHS,
  PROTECTED_TEXT_SHARE,
  UNLIKELY_ARIA_LABEL,
  UNLIKELY_NODE_HINTS,
  UNLIKELY_ROLES,
} from './patterns.js';

/** Inline styles of hidden elements. */
const HIDDEN_STYLE = /display:\s*none|visibility:\s*hidden/i;

/**
 * Stage 2. Removes what is never content, then page chrome recognized by tag, ARIA role, aria-label or
 * class/id tokens (`UNLIKELY_NODE_HINTS`). Chrome that wraps the article is kept: see `isProtected`.
 * One measuring pass and one removing pass over the tree: per-node selector queries made this stage
 * quadratic in the page size.
 */
export function removeUnlikelyNodes($: CheerioAPI): void {
  $(findNeverContent($.root()[0])).remove();
  const root = pageBody($)[0];
  if (!root || !hasChildren(root)) return;
  const stats = new Map<Element, NodeStats>();
  const hints = new ClassHintCache();
  const pageProse = measureTree(root, stats, hints);
  const doomed: Element[] = [];
  const visit = (node: AnyNode): void => {
    if (!isTag(node)) return;
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
    if (!hasChildren(node)) continue;
    // domhandler's `isTag` takes <script> and <style> too, which htmlparser2 types apart from other elements.
    if (isTag(node) && NEVER_CONTENT_TAG_SET.has(node.name)) {
      found.push(node);
      continue;
    }
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]);
  }
  return found;
}

/** Per element: its prose, whether it is or wraps the article markup, and how much of its prose is embedded posts. */
interface NodeStats extends ProseMeasure {
  holdsArticle: boolean;
  holdsPost: boolean;
  postParagraphs: number;
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
  const total: NodeStats = { paragraphs: 0, chars: 0, holdsArticle: false, holdsPost: false, postParagraphs: 0 };
  if (!hasChildren(node)) return total;
  for (const child of node.children) {
    if (!isTag(child)) continue;
    const childStats = measureTree(child, stats, hints);
    total.paragraphs += childStats.paragraphs;
    total.chars += childStats.chars;
    total.holdsArticle ||= childStats.holdsArticle || isArticleMarkup(child, hints);
    total.holdsPost ||= childStats.holdsPost;
    total.postParagraphs += childStats.postParagraphs;
  }
  if (isTag(node)) {
    if (node.name === 'p') {
      const { length } = measureText(node);
      if (length >= MIN_SCORED_PARAGRAPH_CHARS) {
        total.paragraphs += 1;
        total.chars += length;
      }
    }
    if (isEmbeddedPost(node)) {
      total.holdsPost = true;
      total.postParagraphs = total.paragraphs;
    }
    stats.set(node, total);
  }
  return total;
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
 * An element is kept, whatever it looks like, when it is (or wraps) the article markup, when it holds
 * most of the page's prose (ASP.NET pages wrap everything in one `<form>`, some themes tag the body's
 * wrapper with "tag-…" classes), or when it is an embedded post or its wrapper ("social-embed") with no
 * prose besides: what a speaker posted, quoted in the article.
 */
function isProtected(element: Element, prose: NodeStats | undefined, pageProse: ProseMeasure, hints: ClassHintCache): boolean {
  if (PROTECTED_TAGS.has(element.name) || isArticleMarkup(element, hints)) return true;
  if (!prose) return false;
  if (prose.holdsArticle) return true;
  // Not an <aside> of the site's latest posts: a tag that is always chrome.
  if (prose.holdsPost && prose.paragraphs === prose.postParagraphs && !CHROME_TAG_SET.has(element.name)) return true;
  return prose.paragraphs >= PROTECTED_MIN_PARAGRAPHS && prose.chars >= pageProse.chars * PROTECTED_TEXT_SHARE;
}

/** The blockquote of a social network's embed code (`EMBEDDED_POST_CLASSES`). */
function isEmbeddedPost(element: Element): boolean {
  return element.name === 'blockquote' && (element.attribs.class ?? '').split(/\s+/).some((name) => EMBEDDED_POST_CLASSES.has(name));
}

/** Paragraphs long enough to be prose (not labels or buttons) and their total length. */
interface ProseMeasure {
  paragraphs: number;
  chars: number;
}
