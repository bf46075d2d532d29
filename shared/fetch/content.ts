import { decodeEntities } from './entities.js';
import type { FetchedDocument } from './types.js';

/** Sniffing looks only at the start of a body: roots and declarations come first. */
const SNIFF_CHARS = 4096;
/** Where an XML declaration or `<meta charset>` must appear to count (HTML's prescan reads 1024 bytes). */
const CHARSET_PRESCAN_BYTES = 1024;
const DEFAULT_CHARSET = 'utf-8';

const FEED_ROOT = /<(rss|feed|rdf:RDF)[\s>/]/;
const HTML_MARKER = /<!doctype\s+html|<html[\s>]/i;
const XML_OR_JSON_MEDIA_TYPE = /^(application|text)\/([\w.-]+\+)?(xml|json)$/;
const HTML_MEDIA_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);
const PLAIN_TEXT_MEDIA_TYPE = 'text/plain';
const CHARSET_PARAMETER = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i;
const MARKUP_CHARSET = /<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']|<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i;
const HTML_TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const WHITESPACE_RUN = /\s+/g;

const BYTE_ORDER_MARKS: readonly { bytes: readonly number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

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
  if (head.startsWith('{') || head.startsWith('\ufeff{')) return true;
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
 * Decodes a document's bytes: byte-order mark first, then the Content-Type charset, then an XML
 * declaration or `<meta charset>`, else UTF-8. An unknown charset name falls back to UTF-8.
 */
export function decodeDocumentText(document: Pick<FetchedDocument, 'body' | 'contentType'>): string {
  const charset =
    charsetFromByteOrderMark(document.body) ?? charsetFromContentType(document.contentType) ?? charsetFromMarkup(document.body);
  return decodeBytes(document.body, charset ?? DEFAULT_CHARSET);
}

/** The text of an HTML page's `<title>`, for logs and source health. */
export function readHtmlTitle(html: string): string | undefined {
  const match = HTML_TITLE.exec(html);
  const title = match?.[1] ? decodeEntities(match[1]).replace(WHITESPACE_RUN, ' ').trim() : '';
  return title || undefined;
}

function decodeBytes(body: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder(DEFAULT_CHARSET).decode(body);
  }
}

function charsetFromByteOrderMark(body: Buffer): string | undefined {
  return BYTE_ORDER_MARKS.find(({ bytes }) => bytes.every((byte, index) => body[index] === byte))?.charset;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType ? CHARSET_PARAMETER.exec(contentType)?.[1] : undefined;
}

function charsetFromMarkup(body: Buffer): string | undefined {
  const head = body.subarray(0, CHARSET_PRESCAN_BYTES).toString('latin1');
  const match = MARKUP_CHARSET.exec(head);
  return match?.[1] ?? match?.[2];
}
