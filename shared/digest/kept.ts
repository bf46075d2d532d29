/**
 * The copy of a digest the archive keeps (the feed serves it), made while rendering: the e-mail is sent whole, but a
 * DynamoDB item holds at most 400 KB, attribute names included, and a write over it fails every time it is retried.
 */
import { capText } from '../text/index.js';

/** A digest's HTML kept for the feed. */
export const MAX_STORED_HTML_BYTES = 240_000;

/** A digest's plain text kept beside its HTML; with the HTML and the statement ids, under 400 KB. */
export const MAX_STORED_DIGEST_TEXT_BYTES = 100_000;

/** How every page ends: the column, the body, the document, a final newline. */
export const PAGE_END = ['</div>', '</body>', '</html>', ''];

/** A page as its lines: what comes before the statements, one block per statement, and what comes after. */
export interface HtmlPage {
  head: string[];
  items: string[];
  end: string[];
}

export function joinPage(page: HtmlPage): string {
  return [...page.head, ...page.items, ...page.end].join('\n');
}

/**
 * The text and page as the archive keeps them: the text cut at a paragraph past `MAX_STORED_DIGEST_TEXT_BYTES`;
 * the page whole if it fits in `MAX_STORED_HTML_BYTES`, else with only the statements that fit, whole, and
 * `leftOut(count)` in place of the page's end (the repeats, sources and articles needing attention).
 */
export function keptCopy(text: string, page: HtmlPage, leftOut: (count: number) => string): { text: string; html: string } {
  return { text: capText(text, MAX_STORED_DIGEST_TEXT_BYTES), html: fitPage(page, MAX_STORED_HTML_BYTES, leftOut) };
}

function fitPage(page: HtmlPage, maxBytes: number, leftOut: (count: number) => string): string {
  const whole = joinPage(page);
  if (Buffer.byteLength(whole, 'utf8') <= maxBytes) return whole;
  const end = (left: number) => [leftOut(left), ...PAGE_END];
  // A block after the page's first line costs its bytes and the line break before it.
  const blockBytes = (block: string) => 1 + Buffer.byteLength(block, 'utf8');
  let bytes = Buffer.byteLength(page.head.join('\n'), 'utf8');
  let kept = 0;
  while (kept < page.items.length) {
    const next = blockBytes(page.items[kept]);
    if (bytes + next + blockBytes(end(page.items.length - kept - 1).join('\n')) > maxBytes) break;
    bytes += next;
    kept += 1;
  }
  return joinPage({ head: page.head, items: page.items.slice(0, kept), end: end(page.items.length - kept) });
}
