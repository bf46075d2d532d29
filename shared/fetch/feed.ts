import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cutOnWord, toIsoDate } from '../text/index.js';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from './constants.js';
import { decodeEntities, createSafeEntityDecoder } from './entities.js';
import type { ParsedFeed } from './types.js';

export type FeedEntry = ParsedFeed['entries'][number];

/** Reading text as a feed gives the feed, or the reason it is not one (for error messages). */
export type FeedAnalysis = { feed: ParsedFeed; problem?: undefined } | { feed?: undefined; problem: string };

type XmlNode = Record<string, unknown>;

/** The JSON Feed versions we understand; later versions may change item semantics. */
const JSON_FEED_VERSIONS: ReadonlySet<string> = new Set(['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1']);

/** A list of a few names; longer is not an author line. */
const MAX_AUTHOR_CHARS = 200;

/** Elements that may repeat; always arrays so one entry and many read the same way. */
const REPEATABLE_ELEMENTS: ReadonlySet<string> = new Set(['item', 'entry', 'link', 'author', 'dc:creator']);

/** Entry links we keep: web pages, and files only when the feed itself is a local file. */
const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

const ATTRIBUTE_PREFIX = '@_';
const TEXT_NODE = '#text';
const HTML_TAG = /<[^>]*>/g;
const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
/** An `&` that starts no entity or character reference: invalid XML, but common in feed links' query strings. */
const BARE_AMPERSAND = /&(?!#?\w+;)/g;
/**
 * Atom text constructs we read, kept as raw markup: the parser groups an element's children by name,
 * which scrambles `type="xhtml"` text ("A <b>bold</b> claim" → "bold A claim").
 */
const ATOM_TEXT_CONSTRUCTS = ['feed.title', 'feed.entry.title'];
const WHITESPACE_RUN = /\s+/g;
/** fast-xml-parser's message for elements left open at the end: `Invalid '["rss","channel"]' found.` */
const UNCLOSED_AT_END = /^Invalid '\[(.*)\]' found\.$/;
const BYTE_ORDER_MARK = '\ufeff';

/**
 * Entity handling is the security boundary: the custom decoder drops every DOCTYPE-declared
 * entity, and the limits below bound what the DOCTYPE reader itself will accept.
 */
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_NODE,
  // Titles like "2024" or "1e3" must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: {
    enabled: true,
    // A feed needs no DTD entities; these caps only bound the work of reading a hostile DOCTYPE.
    maxEntitySize: 1024,
    maxEntityCount: 64,
  },
  entityDecoder: createSafeEntityDecoder(),
  isArray: (name) => REPEATABLE_ELEMENTS.has(name),
  stopNodes: ATOM_TEXT_CONSTRUCTS,
});

/**
 * Parses RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed text; `undefined` when the text is not a feed
 * (HTML, malformed XML, another XML vocabulary, JSON that is not a JSON Feed).
 * Entry links resolve against `baseUrl` (and Atom's `xml:base`); dates become ISO strings.
 *
 * @example
 * parseFeed(await response.text(), 'https://example.com/feed.xml')?.entries[0]?.url;
 */
export function parseFeed(text: string, baseUrl: string): ParsedFeed | undefined {
  return analyzeFeed(text, baseUrl).feed;
}

/** Like {@link parseFeed}, but says why text is not a feed. */
export function analyzeFeed(text: string, baseUrl: string): FeedAnalysis {
  const content = stripByteOrderMark(text).trimStart();
  if (content.startsWith('{')) return analyzeJsonFeed(content, baseUrl);
  if (content.startsWith('<')) return analyzeXmlFeed(content, baseUrl);
  return { problem: 'the text is neither XML nor JSON' };
}

function analyzeXmlFeed(original: string, baseUrl: string): FeedAnalysis {
  // The parser is lenient about unclosed tags; validate first so broken XML is reported, not guessed at.
  // One bare `&` (a link's query string) would reject every entry, so that one slip is repaired first.
  let text = original;
  let validation = XMLValidator.validate(text);
  if (validation !== true) {
    const repaired = original.replace(BARE_AMPERSAND, '&amp;');
    if (repaired !== original && XMLValidator.validate(repaired) === true) [text, validation] = [repaired, true];
  }
  if (validation !== true) return { problem: `it is not well-formed XML (${describeXmlError(validation.err)})` };
  let document: XmlNode;
  try {
    document = asNode(xmlParser.parse(text));
  } catch (cause) {
    return { problem: `the XML parser refused it (${(cause as Error).message})` };
  }
  if ('rss' in document) return { feed: readRss(asNode(document.rss), baseUrl) };
  if ('rdf:RDF' in document) return { feed: readRdf(asNode(document['rdf:RDF']), baseUrl) };
  if ('feed' in document) return { feed: readAtom(asNode(document.feed), baseUrl) };
  const root = Object.keys(document)[0];
  return { problem: root ? `its root element <${root}> is not <rss>, <rdf:RDF> or <feed>` : 'it has no root element' };
}

/**
 * The validator's error as a reader wants it. A document that ends with elements still open (a truncated
 * download, a generator that crashed) is reported as a JSON list of their names at line 1: name them instead.
 */
function describeXmlError({ msg, line, col }: { msg: string; line: number; col: number }): string {
  const open = UNCLOSED_AT_END.exec(msg)?.[1];
  if (open === undefined) return `${msg} at line ${line}, column ${col}`;
  const names = [...open.matchAll(/"([^"]*)"/g)].map(([, name]) => `<${name}>`);
  return `the document ends with ${names.join(', ')} still open: cut off or never finished`;
}

/** RSS 0.9x/2.0: `<rss><channel><item>`. */
function readRss(rss: XmlNode, baseUrl: string): ParsedFeed {
  const channel = asNode(rss.channel);
  return compact({
    format: 'rss' as const,
    title: feedTitle(plainText(channel.title)),
    entries: readEntries(channel.item, (item) => readRssItem(item, baseUrl)),
  });
}

/** RSS 1.0: `<rdf:RDF>` holds `<channel>` and, beside it, the `<item>`s. */
function readRdf(rdf: XmlNode, baseUrl: string): ParsedFeed {
  return compact({
    format: 'rss' as const,
    title: feedTitle(plainText(asNode(rdf.channel).title)),
    entries: readEntries(rdf.item, (item) => readRssItem(item, baseUrl)),
  });
}

function readRssItem(item: XmlNode, baseUrl: string): FeedEntry | undefined {
  const url =
    resolveLink(plainText(first(item.link)), baseUrl) ??
    readGuidPermalink(item.guid, baseUrl) ??
    resolveLink(attribute(item, 'rdf:about'), baseUrl);
  if (!url) return undefined;
  return compact({
    url,
    title: plainText(item.title),
    publishedAt: toIsoDate(plainText(item.pubDate) ?? plainText(item['dc:date'])),
    author: plainText(first(item['dc:creator'])) ?? plainText(first(item.author)),
    guid: plainText(first(item.guid)),
    updatedAt: toIsoDate(plainText(first(item['atom:updated'])) ?? plainText(first(item['dcterms:modified']))),
  });
}

/** A `<guid>` is the item's permalink unless it says `isPermaLink="false"`. */
function readGuidPermalink(guid: unknown, baseUrl: string): string | undefined {
  if (attribute(guid, 'isPermaLink') === 'false') return undefined;
  return resolveLink(plainText(guid), baseUrl);
}

/** Atom: `<feed><entry>`, with `xml:base` on any element changing how relative links resolve. */
function readAtom(feed: XmlNode, baseUrl: string): ParsedFeed {
  const feedBase = applyXmlBase(feed, baseUrl);
  return compact({
    format: 'atom' as const,
    title: feedTitle(readAtomText(feed.title)),
    entries: readEntries(feed.entry, (entry) => readAtomEntry(entry, feedBase)),
  });
}

function readAtomEntry(entry: XmlNode, feedBase: string): FeedEntry | undefined {
  const entryBase = applyXmlBase(entry, feedBase);
  const url = pickAtomLink(entry.link, entryBase) ?? resolveLink(plainText(entry.id), entryBase);
  if (!url) return undefined;
  return compact({
    url,
    title: readAtomText(entry.title),
    publishedAt: toIsoDate(plainText(entry.published) ?? plainText(entry.updated)),
    author: plainText(asNode(first(entry.author)).name),
    guid: plainText(first(entry.id)),
    updatedAt: toIsoDate(plainText(first(entry.updated))),
  });
}

/** The entry's page: the first `rel="alternate"` link, or a link without `rel` (which means alternate). */
function pickAtomLink(links: unknown, base: string): string | undefined {
  const alternate = asArray(links)
    .filter(isNode)
    .find((link) => {
      const rel = attribute(link, 'rel');
      return rel === undefined || rel === 'alternate';
    });
  if (!alternate) return undefined;
  return resolveLink(attribute(alternate, 'href'), applyXmlBase(alternate, base));
}

/**
 * Atom text constructs, which arrive as raw markup (see {@link ATOM_TEXT_CONSTRUCTS}): `type="text"`
 * is escaped text, `type="html"` escaped markup, `type="xhtml"` a `<div>` of inline markup.
 */
function readAtomText(node: unknown): string | undefined {
  const raw = collectText(node);
  const type = attribute(node, 'type');
  // CDATA content is literal; elsewhere, xhtml's tags go and references are decoded.
  const unescape = (xml: string) => decodeEntities(type === 'xhtml' ? xml.replace(HTML_TAG, ' ') : xml);
  let text = raw
    .split(CDATA_SECTION)
    .map((part, index) => (index % 2 === 1 ? part : unescape(part)))
    .join('');
  if (type === 'html') text = decodeEntities(text.replace(HTML_TAG, ' '));
  return collapseWhitespace(text) || undefined;
}

function applyXmlBase(node: unknown, base: string): string {
  const xmlBase = attribute(node, 'xml:base');
  if (xmlBase === undefined) return base;
  return resolveUrl(xmlBase, base) ?? base;
}

function analyzeJsonFeed(text: string, baseUrl: string): FeedAnalysis {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    return { problem: `it is not valid JSON (${(cause as Error).message})` };
  }
  if (!isNode(data) || typeof data.version !== 'string' || !JSON_FEED_VERSIONS.has(data.version)) {
    return { problem: 'it is JSON without a JSON Feed version (https://jsonfeed.org/version/1 or 1.1)' };
  }
  return {
    feed: compact({
      format: 'json' as const,
      title: feedTitle(stringField(data.title)),
      entries: readEntries(data.items, (item) => readJsonFeedItem(item, baseUrl)),
    }),
  };
}

function readJsonFeedItem(item: XmlNode, baseUrl: string): FeedEntry | undefined {
  // `url` is the item's own page; `external_url` is what a link-blog item points at.
  const url = resolveLink(stringField(item.url), baseUrl) ?? resolveLink(stringField(item.external_url), baseUrl);
  if (!url) return undefined;
  return compact({
    url,
    title: stringField(item.title),
    publishedAt: toIsoDate(stringField(item.date_published) ?? stringField(item.date_modified)),
    author: readJsonFeedAuthors(item),
    guid: stringField(item.id),
    updatedAt: toIsoDate(stringField(item.date_modified)),
  });
}

/** JSON Feed 1.1 lists `authors`; 1.0 had a single `author`. */
function readJsonFeedAuthors(item: XmlNode): string | undefined {
  const names = [...asArray(item.authors), item.author]
    .filter(isNode)
    .map((author) => stringField(author.name))
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

function readEntries(items: unknown, readItem: (item: XmlNode) => FeedEntry | undefined): FeedEntry[] {
  return asArray(items)
    .filter(isNode)
    .map(readItem)
    .map((entry) => entry && boundEntry(entry))
    .filter((entry): entry is FeedEntry => entry !== undefined);
}

/**
 * Entry fields travel into logs, fetch state and every statement's item: a feed's 1 MB "title" must not. A link
 * too long to request is dropped with its entry; a title is cut; an author that long is not a name.
 */
function boundEntry(entry: FeedEntry): FeedEntry | undefined {
  if (entry.url.length > MAX_URL_CHARS) return undefined;
  const bounded = { ...entry, title: entry.title && cutOnWord(entry.title, MAX_TITLE_CHARS) };
  if (entry.author && entry.author.length > MAX_AUTHOR_CHARS) delete bounded.author;
  return compact(bounded);
}

/** A feed's title, cut as entry titles are (the page's own title usually wins anyway). */
function feedTitle(title: string | undefined): string | undefined {
  return title && cutOnWord(title, MAX_TITLE_CHARS);
}

/** Resolves an entry link; drops `javascript:`, `data:` and the like, and file:// links from a web feed. */
function resolveLink(reference: string | undefined, baseUrl: string): string | undefined {
  if (!reference) return undefined;
  const resolved = resolveUrl(reference, baseUrl);
  if (!resolved) return undefined;
  const protocol = new URL(resolved).protocol;
  const localFeed = baseUrl.startsWith('file:');
  return WEB_PROTOCOLS.has(protocol) || (localFeed && protocol === 'file:') ? resolved : undefined;
}

function resolveUrl(reference: string, base: string): string | undefined {
  try {
    return new URL(reference.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** The text of an element: its string, its `#text`, or the text of its children in order. */
function plainText(node: unknown): string | undefined {
  const text = collectText(node);
  return text ? collapseWhitespace(text) || undefined : undefined;
}

function collectText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(collectText).join(' ');
  if (!isNode(node)) return '';
  return Object.entries(node)
    .filter(([key]) => !key.startsWith(ATTRIBUTE_PREFIX))
    .map(([, child]) => collectText(child))
    .join(' ');
}

function attribute(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[`${ATTRIBUTE_PREFIX}${name}`];
  return typeof value === 'string' ? value : undefined;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNode(value: unknown): XmlNode {
  return isNode(value) ? value : {};
}

/** Drops `undefined` fields so results compare and serialize cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
