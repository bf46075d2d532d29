/**
 * Digest: the new and changed statements of one watch, as an email subject, a plain-text body that reads well in
 * an SNS email, and a single-column HTML body for SES that reads well on a phone.
 *
 * The only import path others use. labels.ts words what both bodies say, order.ts sorts the statements, text.ts and
 * html.ts render the two bodies, kept.ts makes the copy the archive keeps; the word diff is dedupe's.
 */
import { renderHtml, renderLeftOut } from './html.js';
import { joinPage, keptCopy } from './kept.js';
import { attentionOf, renderSubject } from './labels.js';
import { sortNewestFirst } from './order.js';
import { renderText } from './text.js';
import type { DigestInput, RenderedDigest } from './types.js';

export type { DigestInput, DigestItem, DigestSource, DigestStuckArticle, RenderedDigest } from './types.js';
export { renderAtomFeed, type DigestFeedEntry } from './atom-feed.js';
export { MAX_STORED_DIGEST_TEXT_BYTES, MAX_STORED_HTML_BYTES } from './kept.js';
export { escapeHtml } from './html.js';
export { boundedWordDiff, formatTextDiff, wordDiff, type DiffPart } from '../dedupe/index.js';

/**
 * Renders a watch's digest, and the copy of it the archive keeps.
 *
 * Stages: sortNewestFirst → renderSubject → renderText (plain, diffs as `[-removed-]{+added+}`) → renderHtml
 * (every piece of user text escaped, inline styles, `<ins>`/`<del>` diffs, a footer counting repeats) → the kept
 * copy (the text cut at a paragraph, the HTML to whole statements: `keptCopy`).
 *
 * @example
 * renderDigest({ watch: { id: 'ru-jp', name: 'Russia–Japan peace treaty' }, items, repeats: 1, generatedAt })
 * // → { subject: 'Stancewatch: 2 new, 1 changed — Russia–Japan peace treaty', text: '…', html: '<!doctype html>…' }
 */
export function renderDigest(input: DigestInput): RenderedDigest {
  const items = sortNewestFirst(input.items);
  const subject = renderSubject(input.watch.name, items, attentionOf(input));
  const text = renderText(input, items);
  const page = renderHtml(input, items, subject);
  return { subject, text, html: joinPage(page), kept: keptCopy(text, page, renderLeftOut) };
}
