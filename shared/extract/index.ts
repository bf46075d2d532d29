/**
 * Extraction: one fetched page (HTML or a plain-text capture, any charset) in, one normalized article
 * out. A page without an article is a value with `noArticleReason`, never an exception.
 */
import { decodeBody } from '../text/index.js';
import { extractHtml } from './html.js';
import { extractPlainText } from './plain-text.js';
import type { ExtractedArticle, PageInput } from './types.js';

export type { ExtractedArticle, PageInput } from './types.js';
export { extractPlainText } from './plain-text.js';
export { BOILERPLATE_PATTERNS, type BoilerplateKind } from './patterns.js';
export {
  dropHostBoilerplate,
  hashBlock,
  inMemoryHostBoilerplate,
  HOST_BOILERPLATE_MIN_PAGES,
  type HostBoilerplateMemory,
} from './host-boilerplate.js';

/** How far into a document to look for markup before calling it plain text. */
const MARKUP_SNIFF_CHARS = 2048;

const PLAIN_TEXT_TYPE = /^\s*text\/plain\b/i;
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/** Tags that make a document HTML; a capture quoting "a < b" or "<3" stays plain text. */
const HTML_MARKER = /<(?:!doctype\s+html|html|head|body|p|div|article|main|section|meta|title)\b/i;

/**
 * Extracts the article of one page: decodes the bytes (see `decodeBody`), then runs the HTML stages
 * (`readMetadata → removeUnlikelyNodes → pickBodyContainers → collectParagraphs → dropBoilerplateText`),
 * or `extractPlainText` when the document is not HTML.
 *
 * @example
 * const article = extractArticle({ url, body: document.body, contentType: document.contentType });
 * if (article.noArticleReason) skip(article.noArticleReason); else compare(article.paragraphs);
 */
export function extractArticle(input: PageInput): ExtractedArticle {
  const text = decodeBody(input.body, input.contentType);
  if (!text.trim()) return emptyPage(input);
  return isPlainTextCapture(text, input.contentType) ? extractPlainText(text, input.url) : extractHtml(text, input.url);
}

/** A server that answers 200 with nothing (a crashed renderer, a cache of an error) gets a reason that says so. */
function emptyPage(input: PageInput): ExtractedArticle {
  const size = typeof input.body === 'string' ? `${input.body.length} characters` : `${input.body.length} bytes`;
  return {
    url: input.url,
    canonicalUrl: input.url,
    title: '',
    paragraphs: [],
    text: '',
    noArticleReason: `No article on this page: it is empty (${size}, no text)`,
  };
}

/**
 * A declared type is trusted: `text/plain` is a capture, `text/html` and XHTML are pages (even one that
 * opens with a long comment). Otherwise a document is HTML when a structural tag shows up near its start.
 */
function isPlainTextCapture(text: string, contentType: string | undefined): boolean {
  if (contentType && PLAIN_TEXT_TYPE.test(contentType)) return true;
  if (contentType && HTML_TYPE.test(contentType)) return false;
  return !HTML_MARKER.test(text.slice(0, MARKUP_SNIFF_CHARS));
}
