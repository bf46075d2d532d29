/**
 * Discovery on an HTML page a user gave as a source: the feeds it advertises, the article links of its main
 * listing, and whether it is an article itself. The rules live in discover-patterns.ts.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { cutOnWord, toIsoDate } from '../text/index.js';
import { parseBoundedPage } from './bounded-page.js';
import { MAX_TITLE_CHARS } from './constants.js';
import {
  ARTICLE_EXTENSIONS,
  ARTICLE_JSON_LD_TYPES,
  ARTICLE_MARKUP,
  ARTICLE_URL_SHAPES,
  ASIDE_BOX_HEADING,
  BLOCK_TAGS,
  CHROME_ROLES,
  CHROME_TAGS,
  FEED_LINK_TYPES,
  HEADING_TAGS,
  MAX_BOX_TEXT_SHARE,
  MAX_CARD_CHARS,
  MAX_LINKS_PER_INDEX_PAGE,
  MIN_ARTICLE_PROSE_CHARS,
  MIN_HEADLINE_CHARS,
  MIN_PROSE_BLOCK_CHARS,
  MIN_SLUG_WORDS,
  MIN_STANDALONE_LINK_SHARE,
  NON_ARTICLE_SEGMENTS,
  PAGE_EDGE_HINTS,
  PAGE_EDGE_TAGS,
  PROTECTED_LINK_SHARE,
  REGION_HINTS,
  SLUG_WORD,
  SLUG_WORD_SEPARATOR,
} from './discover-patterns.js';
import type { SourceItem } from './types.js';

export interface PageDiscovery {
  /** The page is an article itself: article markup, or prose left once its chrome and listing cards are gone. */
  isArticle: boolean;
  /** Feeds the page advertises, resolved; the one to follow first comes first. */
  feeds: string[];
  /** Article links of the page's main listing, in page order, at most `MAX_LINKS_PER_INDEX_PAGE`. */
  links: SourceItem[];
}

/** The anchors of one same-site, article-shaped URL of the page. */
interface Candidate {
  url: string;
  anchors: Element[];
  /** Anchors that read as a headline standing on its own (see `isHeadlineAnchor`). */
  headlines: Element[];
}

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
const WHITESPACE_RUN = /\s+/g;
const PAGE_ROOTS: ReadonlySet<string> = new Set(['html', 'body', 'main']);
/** Sectioning elements: a header or footer inside one belongs to it, not to the page. */
const SECTIONING_TAGS: ReadonlySet<string> = new Set(['article', 'section', 'aside', 'nav', 'main']);
/** Elements whose text is code or data. */
const NON_TEXT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'head']);

/**
 * Reads an HTML page for what it links to. Stages:
 * `parseBoundedPage → readAdvertisedFeeds → collectCandidates (same site, article-shaped URL, headline anchor)
 * → findChrome (landmarks, region hints, labelled boxes) → listing links → cardsOf → isArticle`.
 *
 * @example
 * const page = discoverPage(html, 'https://news.example/world/');
 * if (!page.isArticle && page.feeds[0]) follow(page.feeds[0]); else if (!page.isArticle) read(page.links);
 */
export function discoverPage(html: string, pageUrl: string): PageDiscovery {
  const $ = parseBoundedPage(html);
  const base = baseUrlOf($, pageUrl);
  const feeds = readAdvertisedFeeds($, base, pageUrl);
  const candidates = collectCandidates($, base, pageUrl);
  const urlsUnder = indexUrlsUnder(candidates);
  const chrome = findChrome($, candidates.length, urlsUnder);
  const inChrome = (node: Element) => hasAncestorIn(node, chrome);
  const listing = candidates.filter((candidate) => candidate.headlines.some((anchor) => !inChrome(anchor)));
  const cards = new Map(listing.map((candidate) => [candidate.url, cardsOf(candidate, $, urlsUnder).filter((card) => !inChrome(card))]));
  const removed = new Set([...chrome, ...[...cards.values()].flat()]);
  const isArticle = hasArticleMarkup($) || leftoverProseChars($, removed) >= MIN_ARTICLE_PROSE_CHARS;
  const links = listing.slice(0, MAX_LINKS_PER_INDEX_PAGE).map((candidate) => listingItem(candidate, cards.get(candidate.url) ?? [], $));
  return { isArticle, feeds, links };
}

/** `<base href>` changes how every relative link resolves. */
function baseUrlOf($: CheerioAPI, pageUrl: string): string {
  return resolveUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
}

/**
 * `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>`, in page order, except that a
 * feed under the page's own path (a section's feed on the section front) comes first.
 */
function readAdvertisedFeeds($: CheerioAPI, base: string, pageUrl: string): string[] {
  const feeds = new Set<string>();
  for (const link of $('link[href]').toArray()) {
    const rel = (link.attribs.rel ?? '').toLowerCase().split(WHITESPACE_RUN);
    const type = (link.attribs.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!rel.includes('alternate') || !FEED_LINK_TYPES.has(type)) continue;
    const url = resolveUrl(link.attribs.href, base);
    if (url && WEB_PROTOCOLS.has(new URL(url).protocol) && !isSamePage(url, pageUrl)) feeds.add(url);
  }
  const section = new URL(pageUrl).pathname.replace(/\/?$/, '/');
  const underSection = (url: string) => section !== '/' && new URL(url).pathname.startsWith(section);
  return [...feeds].sort((a, b) => Number(underSection(b)) - Number(underSection(a)));
}

/** Same-site, article-shaped URLs of the page's links, in page order, each with its anchors. */
function collectCandidates($: CheerioAPI, base: string, pageUrl: string): Candidate[] {
  const byUrl = new Map<string, Candidate>();
  const site = siteOf(pageUrl);
  for (const anchor of $('a[href]').toArray()) {
    const url = resolveUrl(anchor.attribs.href, base);
    if (!url) continue;
    const target = new URL(url);
    target.hash = '';
    if (!WEB_PROTOCOLS.has(target.protocol) || siteOf(target.href) !== site || isSamePage(target.href, pageUrl)) continue;
    if (!isArticleShaped(target)) continue;
    const candidate = byUrl.get(target.href) ?? { url: target.href, anchors: [], headlines: [] };
    byUrl.set(target.href, candidate);
    candidate.anchors.push(anchor);
    if (isHeadlineAnchor(anchor, $)) candidate.headlines.push(anchor);
  }
  return [...byUrl.values()].filter((candidate) => candidate.headlines.length > 0);
}

/** A host without its `www.`: `www.news.example` and `news.example` are one site. */
function siteOf(url: string): string {
  return new URL(url).host.replace(/^www\./, '');
}

function isSamePage(url: string, pageUrl: string): boolean {
  const bare = (value: string) => {
    const parsed = new URL(value);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  };
  return bare(url) === bare(pageUrl);
}

/** A story's URL: a date in its path, a numeric story id, or a slug of several words; never a tag, author or service page. */
export function isArticleShaped(url: URL): boolean {
  const segments = url.pathname.split('/').filter(Boolean).map((segment) => safeDecode(segment).toLowerCase());
  if (segments.length === 0 || segments.some((segment) => NON_ARTICLE_SEGMENTS.has(segment))) return false;
  const extension = /\.([a-z0-9]+)$/.exec(segments[segments.length - 1] ?? '')?.[1];
  if (extension && !ARTICLE_EXTENSIONS.has(extension)) return false;
  if (ARTICLE_URL_SHAPES.datePath.test(url.pathname) || ARTICLE_URL_SHAPES.dateInSlug.test(url.pathname)) return true;
  if (ARTICLE_URL_SHAPES.storyId.test(`${url.pathname}${url.search}`)) return true;
  return segments.some((segment) => slugWords(segment) >= MIN_SLUG_WORDS);
}

/** Words of a path segment: `putin-says-no-talks.html` → 4. */
function slugWords(segment: string): number {
  return segment
    .replace(/\.[a-z0-9]+$/, '')
    .split(SLUG_WORD_SEPARATOR)
    .filter((word) => SLUG_WORD.test(word)).length;
}

/**
 * A headline: long enough, and most of its line (see `BLOCK_TAGS`). An inline link in a paragraph of prose is
 * not one; an image link has no text (its card's headline link stands for it).
 */
function isHeadlineAnchor(anchor: Element, $: CheerioAPI): boolean {
  const text = textOf($, anchor);
  if (text.length < MIN_HEADLINE_CHARS) return false;
  const block = closest(anchor, (node) => BLOCK_TAGS.has(node.name));
  if (!block) return true;
  return text.length >= lineTextOf(block, $).length * MIN_STANDALONE_LINK_SHARE;
}

/** The text of a block without the blocks inside it. */
function lineTextOf(block: Element, $: CheerioAPI): string {
  const parts: string[] = [];
  for (const child of block.children) {
    if (isText(child)) parts.push(child.data);
    else if (isTag(child) && !BLOCK_TAGS.has(child.name)) parts.push($(child).text());
  }
  return parts.join('').replace(WHITESPACE_RUN, ' ').trim();
}

/** For every element, the candidate URLs linked inside it. */
function indexUrlsUnder(candidates: Candidate[]): Map<Element, Set<string>> {
  const under = new Map<Element, Set<string>>();
  for (const candidate of candidates) {
    for (const anchor of candidate.anchors) {
      for (let node: Element | null = anchor; node; node = parentElement(node)) {
        const urls = under.get(node) ?? new Set<string>();
        if (urls.has(candidate.url)) break;
        urls.add(candidate.url);
        under.set(node, urls);
      }
    }
  }
  return under;
}

/**
 * Regions that are not the main listing: chrome by tag, ARIA role or class/id hint (top-down, so a region
 * inside one is not visited), and boxes labelled by a heading such as "Most read". An element holding most of
 * the page's article links is its wrapper, whatever its class says (`layout-with-sidebar`).
 */
function findChrome($: CheerioAPI, candidateCount: number, urlsUnder: Map<Element, Set<string>>): Set<Element> {
  const chrome = new Set<Element>();
  const isProtected = (element: Element) =>
    PAGE_ROOTS.has(element.name) ||
    element.attribs.role === 'main' ||
    (urlsUnder.get(element)?.size ?? 0) > candidateCount * PROTECTED_LINK_SHARE;
  const visit = (element: Element, within: Within) => {
    if (isChromeElement(element, within, urlsUnder.get(element)?.size ?? 0) && !isProtected(element)) {
      chrome.add(element);
      return;
    }
    const inner = {
      article: within.article || element.name === 'article',
      section: within.section || SECTIONING_TAGS.has(element.name),
    };
    for (const child of element.children) if (isTag(child)) visit(child, inner);
  };
  for (const root of $.root().children().toArray()) visit(root, { article: false, section: false });
  for (const box of labelledBoxes($)) chrome.add(box);
  return chrome;
}

/** Where an element stands: inside an `<article>`, inside any sectioning element. */
interface Within {
  article: boolean;
  section: boolean;
}

function isChromeElement(element: Element, within: Within, linkedUrls: number): boolean {
  if (CHROME_TAGS.has(element.name)) return true;
  const role = (element.attribs.role ?? '').toLowerCase();
  if (CHROME_ROLES.has(role)) return true;
  const words = hintWords(element);
  if (words && Object.values(REGION_HINTS).some((hint) => hint.test(words))) return true;
  // As HTML has it: a <header> or <footer> is the page's own outside any sectioning element, a card's inside one.
  if (PAGE_EDGE_TAGS.has(element.name)) return !within.section;
  // A class says less than a tag: `entry-header` holds an article's headline, a card's `teaser-footer` its date.
  return words !== '' && PAGE_EDGE_HINTS.test(words) && !within.article && linkedUrls !== 1;
}

/**
 * The words of an element's class blocks and id: `c-most-read__list js-x` → "c most read js x". What follows
 * a BEM `__` is a part of the block (`card__header`), not a region of the page.
 */
function hintWords(element: Element): string {
  const { class: className = '', id = '' } = element.attribs;
  const blocks = `${className} ${id}`
    .split(WHITESPACE_RUN)
    .map((name) => name.split('__')[0] ?? '')
    .join(' ');
  return blocks
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

/**
 * Boxes whose heading says what they are (`ASIDE_BOX_HEADING`): the element the heading opens (its first child),
 * unless that is most of the page; otherwise the heading and its siblings up to the next heading.
 */
function labelledBoxes($: CheerioAPI): Element[] {
  const pageChars = textOf($, $('body')[0] ?? $.root()[0]).length;
  const boxes: Element[] = [];
  for (const heading of $([...HEADING_TAGS].join(', ')).toArray().filter(isTag)) {
    if (!ASIDE_BOX_HEADING.test(textOf($, heading))) continue;
    const parent = parentElement(heading);
    const opensParent = parent !== null && firstElementChild(parent) === heading;
    if (parent && opensParent && !PAGE_ROOTS.has(parent.name) && textOf($, parent).length <= pageChars * MAX_BOX_TEXT_SHARE) {
      boxes.push(parent);
      continue;
    }
    boxes.push(heading);
    for (let sibling = nextElement(heading); sibling && !HEADING_TAGS.has(sibling.name); sibling = nextElement(sibling)) boxes.push(sibling);
  }
  return boxes;
}

/**
 * The card around each anchor of a listed URL: the largest element holding that URL and no other listed one,
 * within `MAX_CARD_CHARS` (headline, teaser, byline and date, not the column around them).
 */
function cardsOf(candidate: Candidate, $: CheerioAPI, urlsUnder: Map<Element, Set<string>>): Element[] {
  return candidate.anchors.map((anchor) => {
    let card = anchor;
    for (let parent = parentElement(card); parent && !PAGE_ROOTS.has(parent.name); parent = parentElement(parent)) {
      if ((urlsUnder.get(parent)?.size ?? 0) > 1 || textOf($, parent).length > MAX_CARD_CHARS) break;
      card = parent;
    }
    return card;
  });
}

/** Article markup: an `articleBody`, an `article:published_time`, or a JSON-LD article describing the page. */
function hasArticleMarkup($: CheerioAPI): boolean {
  if ($(ARTICLE_MARKUP.body).length > 0 || $(ARTICLE_MARKUP.publishedTime).length > 0) return true;
  return $(ARTICLE_MARKUP.jsonLd)
    .toArray()
    .some((script) => jsonLdTypes($(script).text()).some((type) => ARTICLE_JSON_LD_TYPES.test(type)));
}

/** The `@type`s of a JSON-LD block's top-level objects and its `@graph`; not those nested in lists of other things. */
function jsonLdTypes(json: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const nodes = (Array.isArray(data) ? data : [data]).filter(isObject);
  const graph = nodes.flatMap((node) => (Array.isArray(node['@graph']) ? node['@graph'].filter(isObject) : []));
  return [...nodes, ...graph].flatMap((node) => [node['@type']].flat()).filter((type): type is string => typeof type === 'string');
}

/**
 * Characters of prose outside chrome and listing cards: the text of each block (without the blocks inside it)
 * that is long enough to be a paragraph. Counted from text nodes, since old pages set a body as loose text
 * and `<br>`s, with no `<p>` at all.
 */
function leftoverProseChars($: CheerioAPI, removed: Set<Element>): number {
  const perBlock = new Map<Element, number>();
  const visit = (node: AnyNode, block: Element | undefined) => {
    if (isText(node) && block) perBlock.set(block, (perBlock.get(block) ?? 0) + node.data.replace(WHITESPACE_RUN, ' ').length);
    if (!isTag(node) || removed.has(node) || NON_TEXT_TAGS.has(node.name)) return;
    const own = BLOCK_TAGS.has(node.name) ? node : block;
    for (const child of node.children) visit(child, own);
  };
  for (const root of $.root().contents().toArray()) visit(root, undefined);
  return [...perBlock.values()].filter((chars) => chars >= MIN_PROSE_BLOCK_CHARS).reduce((sum, chars) => sum + chars, 0);
}

function listingItem(candidate: Candidate, cards: Element[], $: CheerioAPI): SourceItem {
  const title = candidate.headlines.map((anchor) => textOf($, anchor)).reduce((longest, text) => (text.length > longest.length ? text : longest), '');
  const datetime = cards.map((card) => $(card).find('time[datetime]').first().attr('datetime')).find(Boolean);
  const publishedAt = toIsoDate(datetime);
  const item: SourceItem = { url: candidate.url, title: cutOnWord(title, MAX_TITLE_CHARS) };
  return publishedAt ? { ...item, publishedAt } : item;
}

function textOf($: CheerioAPI, node: AnyNode): string {
  return $(node).text().replace(WHITESPACE_RUN, ' ').trim();
}

function hasAncestorIn(node: Element, set: Set<Element>): boolean {
  if (set.size === 0) return false;
  for (let current: Element | null = node; current; current = parentElement(current)) if (set.has(current)) return true;
  return false;
}

function closest(node: Element, test: (element: Element) => boolean): Element | undefined {
  for (let current = parentElement(node); current; current = parentElement(current)) if (test(current)) return current;
  return undefined;
}

function parentElement(node: AnyNode): Element | null {
  const parent = node.parent;
  return parent && isTag(parent) ? parent : null;
}

function firstElementChild(node: Element): Element | undefined {
  return node.children.find(isTag);
}

function nextElement(node: Element): Element | null {
  for (let sibling = node.next; sibling; sibling = sibling.next) if (isTag(sibling)) return sibling;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveUrl(reference: string | undefined, base: string): string | undefined {
  if (!reference?.trim()) return undefined;
  try {
    return new URL(reference.trim(), base).href;
  } catch {
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
