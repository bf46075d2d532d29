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
import { fetchDocument, parseSourceUrl } from './document.js';
import { fetchFailure } from './errors.js';
import { analyzeFeed } from './feed.js';
import { isDirectoryUrl, readDirectoryDocuments } from './file.js';
import type { ConditionalState, FetchedDocument, FetchOptions, ParsedFeed, SourceItem, SourceReading } from './types.js';

/** Media types with no declared type that we still read as a page when the body is HTML. */
const UNTYPED_MEDIA_TYPES: ReadonlySet<string | undefined> = new Set([undefined, 'application/octet-stream']);

/**
 * Reads a watched source and lists the items it points at:
 * `fetchDocument → notModified? → feed (content type or sniffed) → page → unsupported`.
 *
 * - a 304 (or unchanged file) → `not-modified`, no items;
 * - RSS, Atom or JSON Feed → `feed`, one item per entry, no documents fetched yet;
 * - an HTML or text page → `page`, one item carrying the fetched `document`;
 * - a file:// directory → `directory`, one item per `.html/.htm/.txt/.xml` file, sorted by name.
 *
 * @throws FetchError as {@link fetchDocument} does, and `unsupported-content` for anything else.
 *
 * @example
 * const reading = await readSource(source.url, deps.fetchOptions, source.validators);
 * if (reading.kind !== 'not-modified') source.validators = reading.validators;
 */
export async function readSource(
  url: string,
  options: FetchOptions,
  validators?: ConditionalState,
): Promise<SourceReading> {
  const target = parseSourceUrl(url);
  if (target.protocol === 'file:' && (await isDirectoryUrl(url, target, options))) {
    return readDirectorySource(url, target, options);
  }
  return interpretDocument(await fetchDocument(url, options, validators));
}

/** Decides what a fetched source document is and turns it into a reading. */
function interpretDocument(document: FetchedDocument): SourceReading {
  if (document.notModified) return { kind: 'not-modified', items: [], validators: document.validators };
  // A page is decoded in full later, by extraction; here its head is enough to sniff it and read its title.
  const head = decodeDocumentHead(document);
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
  if (isPageDocument(document, head)) return pageReading(document, head);
  throw fetchFailure(
    document.requestedUrl,
    'unsupported-content',
    `${document.url} is ${document.contentType ?? 'of unknown type'}, neither a feed nor an HTML or text page; source skipped`,
  );
}

function isPageDocument(document: FetchedDocument, head: string): boolean {
  if (isHtmlContentType(document.contentType) || isPlainTextContentType(document.contentType)) return true;
  return UNTYPED_MEDIA_TYPES.has(mediaTypeOf(document.contentType)) && looksLikeHtml(head);
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
