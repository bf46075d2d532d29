import { decodeBody } from '../text/index.js';
import { decodeEntities } from './entities.js';
import type { FetchedDocument } from './types.js';

/** Sniffing looks only at the start of a body: roots and declarations come first. */
const SNIFF_CHARS = 4096;
/** How much of a document `decodeDocumentHead` decodes: sniffing reads 4096 chars, a `<title>` sits early in `<head>`. */
const HEAD_BYTES = 64 * 1024;

const FEED_ROOT = /<(rss|feed|rdf:RDF)[\s>/]/;
const HTML_MARKER = /<!doctype\s+html|<html[\s>]/i;
const XML_OR_JSON_MEDIA_TYPE = /^(application|text)\/([\w.-]+\+)?(xml|json)$/;
const HTML_MEDIA_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);
const PLAIN_TEXT_MEDIA_TYPE = 'text/plain';
const HTML_TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const WHITESPACE_RUN = /\s+/g;

/** `text/html; charset=utf-8` → `text/html`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType || undefined;
}

/**
 * True for content types a feed is served as: any XML or JSON type (`application/rss+xml`,
 * `application/atom+xml`, `text/xml`, `application/feed+json`, …) except XHTML, which is a page.
 */
export function isFeedContentType(contentType: string | undefined): boolean {
  const mediaType = mediaTypeOf(contentType);
  return mediaType !== undefined && !HTML_MEDIA_TYPES.has(mediaType) && XML_OR_JSON_MEDIA_TYPE.test(mediaType);
}

/** True for HTML and XHTML. */
export function isHtmlContentType(contentType: string | undefined): boolean {
  const mediaType = mediaTypeOf(contentType);
  return mediaType !== undefined && HTML_MEDIA_TYPES.has(mediaType);
}

/** True for `text/plain`, which a page or directory source reads as a document. */
export function isPlainTextContentType(contentType: string | undefined): boolean {
  return mediaTypeOf(contentType) === PLAIN_TEXT_MEDIA_TYPE;
}

/**
 * True when the start of a body is an RSS, RDF or Atom root, or a JSON object; for servers that
 * label feeds `text/plain`, `text/html` or nothing at all.
 */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS).trimStart();
  if (head.startsWith('{')) return true;
  const root = FEED_ROOT.exec(head);
  if (!root) return false;
  const html = HTML_MARKER.exec(head);
  return !html || html.index > root.index;
}

/** True when the start of a body declares an HTML document. */
export function looksLikeHtml(text: string): boolean {
  return HTML_MARKER.test(text.slice(0, SNIFF_CHARS));
}

/**
 * Decodes a document's bytes with the decoder extraction uses too (see `decodeBody`), so a source reading and
 * the article extracted from it never disagree about a page's charset.
 */
export function decodeDocumentText(document: Pick<FetchedDocument, 'body' | 'contentType'>): string {
  return decodeBody(document.body, document.contentType);
}

/**
 * Decodes only the first {@link HEAD_BYTES} of a document, for sniffing and `<title>`: a page body is
 * decoded in full once, by extraction. The charset is the one the whole body gets, since every
 * declaration sits well inside the head.
 */
export function decodeDocumentHead(document: Pick<FetchedDocument, 'body' | 'contentType'>): string {
  return decodeBody(document.body.subarray(0, HEAD_BYTES), document.contentType);
}

/** The text of an HTML page's `<title>`, for logs and source health. */
export function readHtmlTitle(html: string): string | undefined {
  const match = HTML_TITLE.exec(html);
  const title = match?.[1] ? decodeEntities(match[1]).replace(WHITESPACE_RUN, ' ').trim() : '';
  return title || undefined;
}
