import { fileURLToPath } from 'node:url';
import {
  decodeDocumentHead,
  decodeDocumentText,
  isFeedContentType,
  isHtmlContentType,
  isPlainTextContentType,
  looksLikeFeed,
  looksLikeHtml,
  mediaTypeOf,
  readHtmlTitle,
} from './content.js';
import { discoverPage } from './discover.js';
import { fetchDocument, parseSourceUrl } from './document.js';
import { causeText, fetchFailure } from './errors.js';
import { analyzeFeed } from './feed.js';
import { isDirectoryUrl, readDirectoryDocuments } from './file.js';
import { analyzeSitemap, childSitemapsToRead, isGzipBody, looksLikeSitemap, recentSitemapItems, sitemapText, type Sitemap, type SitemapUrl } from './sitemap.js';
import { MIN_LISTING_LINKS } from './discover-patterns.js';
import type { ConditionalState, FetchedDocument, FetchOptions, ParsedFeed, SourceItem, SourceReading } from './types.js';

/** Media types with no declared type that we still read as a page when the body is HTML. */
const UNTYPED_MEDIA_TYPES: ReadonlySet<string | undefined> = new Set([undefined, 'application/octet-stream']);
/** Pages of the web are looked into for feeds and listings; a local capture is read as it is. */
const DISCOVERY_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * Reads a watched source and lists the items it points at:
 * `fetchDocument → notModified? → sitemap → feed (content type or sniffed) → page (discovery) → unsupported`.
 *
 * - a 304 (or unchanged file) → `not-modified`, no items;
 * - a sitemap → `sitemap`, its recent URLs (see sitemap.ts); an index → the recent URLs of its recent children;
 * - RSS, Atom or JSON Feed → `feed`, one item per entry, no documents fetched yet;
 * - an article page, HTML or text → `page`, one item carrying the fetched `document`;
 * - a web page that is no article (see discover.ts): the feed it advertises → `feed` (`via` says so); else the
 *   article links of its main listing → `index`, one item per link, fetched later as feed entries are;
 * - a file:// directory → `directory`, one item per `.html/.htm/.txt/.xml` file, sorted by name.
 *
 * `now` dates a sitemap's recent URLs.
 *
 * @throws FetchError as {@link fetchDocument} does, and `unsupported-content` for anything else.
 *
 * @example
 * const reading = await readSource(source.url, deps.fetchOptions, source.validators, deps.now());
 * if (reading.kind !== 'not-modified') source.validators = reading.validators;
 */
export async function readSource(
  url: string,
  options: FetchOptions,
  validators?: ConditionalState,
  now: Date = new Date(),
): Promise<SourceReading> {
  const target = parseSourceUrl(url);
  if (target.protocol === 'file:' && (await isDirectoryUrl(url, target, options))) {
    return readDirectorySource(url, target, options);
  }
  return interpretDocument(await fetchDocument(url, options, validators), options, now);
}

/** Decides what a fetched source document is and turns it into a reading. */
async function interpretDocument(document: FetchedDocument, options: FetchOptions, now: Date): Promise<SourceReading> {
  if (document.notModified) return { kind: 'not-modified', items: [], validators: document.validators };
  // A page is decoded in full later, by extraction; here its head is enough to sniff it and read its title.
  const head = decodeDocumentHead(document);
  if (isGzipBody(document.body) || looksLikeSitemap(head)) return readSitemapSource(document, options, now);
  const declaredFeed = isFeedContentType(document.contentType);
  if (declaredFeed || looksLikeFeed(head)) {
    const analysis = analyzeFeed(decodeDocumentText(document), document.url);
    if (analysis.feed) return feedReading(analysis.feed, document);
    if (declaredFeed) {
      throw fetchFailure(
        document.requestedUrl,
        'unsupported-content',
        `${document.url} is served as ${document.contentType} but is not an RSS, Atom or JSON feed: ${analysis.problem}; source skipped this run`,
      );
    }
  }
  if (isPageDocument(document, head)) return readPageSource(document, head, options);
  throw fetchFailure(
    document.requestedUrl,
    'unsupported-content',
    `${document.url} is ${document.contentType ?? 'of unknown type'}, neither a feed nor an HTML or text page; source skipped`,
  );
}

/**
 * A page is read as the article it is; a web page that is none is followed to the feed it advertises, or read
 * for the article links of its listing (`readPageSource → discoverPage → followFeed | index | page`). The page's
 * validators stand for what it led to: a section front changes whenever its feed or listing does.
 */
async function readPageSource(document: FetchedDocument, head: string, options: FetchOptions): Promise<SourceReading> {
  if (!DISCOVERY_PROTOCOLS.has(new URL(document.url).protocol) || !isHtmlPage(document, head)) return pageReading(document, head);
  const page = discoverPage(decodeDocumentText(document), document.url);
  if (page.isArticle) return pageReading(document, head);
  const [feedUrl] = page.feeds;
  let feedProblem: string | undefined;
  if (feedUrl) {
    try {
      return { ...(await followFeed(feedUrl, options)), validators: document.validators, via: `the feed ${feedUrl} the page advertises` };
    } catch (error) {
      feedProblem = causeText(error);
    }
  }
  if (page.links.length >= MIN_LISTING_LINKS) {
    const via = feedProblem ? `its links, since the feed it advertises failed: ${feedProblem}` : undefined;
    return withTitle<SourceReading>({ kind: 'index', items: page.links, validators: document.validators, ...(via && { via }) }, readHtmlTitle(head));
  }
  if (feedProblem) {
    const message = `${document.url} has no article and no listing, and the feed it advertises failed: ${feedProblem}`;
    throw fetchFailure(document.requestedUrl, 'unsupported-content', message);
  }
  return pageReading(document, head);
}

/** An advertised feed is read as a feed and nothing else: a page there is not looked into again (no loops). */
async function followFeed(feedUrl: string, options: FetchOptions): Promise<SourceReading> {
  const document = await fetchDocument(feedUrl, options);
  const analysis = analyzeFeed(decodeDocumentText(document), document.url);
  if (!analysis.feed) throw fetchFailure(feedUrl, 'unsupported-content', `${document.url} is not an RSS, Atom or JSON feed: ${analysis.problem}`);
  return feedReading(analysis.feed, document);
}

/**
 * A `<urlset>` gives its recent URLs; a `<sitemapindex>` the recent URLs of its recent children (one level: a
 * child index is not followed). A child that fails is left out while another answers. An index's own validators
 * are not kept: its children change while it stays the same.
 */
async function readSitemapSource(document: FetchedDocument, options: FetchOptions, now: Date): Promise<SourceReading> {
  const sitemap = parseSitemapDocument(document, options);
  if (sitemap.kind === 'urlset') return { kind: 'sitemap', items: recentSitemapItems(sitemap.urls, now), validators: document.validators };
  const children = childSitemapsToRead(sitemap.sitemaps, now);
  const urls: SitemapUrl[] = [];
  const problems: string[] = [];
  for (const child of children) {
    try {
      const childMap = parseSitemapDocument(await fetchDocument(child, options), options);
      if (childMap.kind === 'urlset') urls.push(...childMap.urls);
    } catch (error) {
      problems.push(causeText(error));
    }
  }
  if (children.length > 0 && problems.length === children.length) {
    throw fetchFailure(document.requestedUrl, 'unsupported-content', `no sitemap listed by ${document.url} could be read: ${problems.join('; ')}`);
  }
  const via = problems.length ? `${problems.length} of its sitemaps failed: ${problems.join('; ')}` : undefined;
  return { kind: 'sitemap', items: recentSitemapItems(urls, now), validators: {}, ...(via && { via }) };
}

function parseSitemapDocument(document: FetchedDocument, options: FetchOptions): Sitemap {
  let text: string;
  try {
    text = sitemapText(document, options.maxBytes);
  } catch (cause) {
    const message = `${document.url} is gzip that does not inflate within ${options.maxBytes} bytes: ${causeText(cause)}`;
    throw fetchFailure(document.requestedUrl, 'unsupported-content', message, { cause });
  }
  const analysis = analyzeSitemap(text, document.url);
  if (!analysis.sitemap) {
    throw fetchFailure(document.requestedUrl, 'unsupported-content', `${document.url} is not a sitemap: ${analysis.problem}; source skipped this run`);
  }
  return analysis.sitemap;
}

function isPageDocument(document: FetchedDocument, head: string): boolean {
  if (isHtmlContentType(document.contentType) || isPlainTextContentType(document.contentType)) return true;
  return UNTYPED_MEDIA_TYPES.has(mediaTypeOf(document.contentType)) && looksLikeHtml(head);
}

function isHtmlPage(document: FetchedDocument, head: string): boolean {
  return isHtmlContentType(document.contentType) || (!isPlainTextContentType(document.contentType) && looksLikeHtml(head));
}

function feedReading(feed: ParsedFeed, document: FetchedDocument): SourceReading {
  return withTitle<SourceReading>({ kind: 'feed', items: feed.entries, validators: document.validators }, feed.title);
}

function pageReading(document: FetchedDocument, head: string): SourceReading {
  const title = readHtmlTitle(head);
  const item = withTitle<SourceItem>({ url: document.url, document }, title);
  return withTitle<SourceReading>({ kind: 'page', items: [item], validators: document.validators }, title);
}

async function readDirectorySource(url: string, target: URL, options: FetchOptions): Promise<SourceReading> {
  const files = await readDirectoryDocuments(url, target, options);
  const items = files.map((file) => (file.document ? withTitle<SourceItem>(file, titleOfFile(file.document)) : file));
  // Each file carries its own Last-Modified; the directory as a whole has no validator.
  return { kind: 'directory', title: fileURLToPath(target), items, validators: {} };
}

function titleOfFile(document: FetchedDocument): string | undefined {
  return isHtmlContentType(document.contentType) ? readHtmlTitle(decodeDocumentHead(document)) : undefined;
}

/** Sets `title` only when there is one, so readings carry no `title: undefined`. */
function withTitle<T extends { title?: string }>(value: T, title: string | undefined): T {
  return title === undefined ? value : { ...value, title };
}
