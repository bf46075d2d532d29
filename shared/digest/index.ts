/**
 * Digest: the new and changed statements of one watch, as an email subject, a plain-text body that reads well in
 * an SNS email, and a single-column HTML body for SES that reads well on a phone.
 *
 * The only import path others use. labels.ts words what both bodies say, order.ts groups the statements by article and orders them, text.ts and
 * html.ts render the two bodies, kept.ts makes the copy the archive keeps; the word diff is dedupe's.
 */
import { renderHtml, renderLeftOut } from './html.js';
import { joinPage, keptCopy } from './kept.js';
import { attentionOf, renderSubject } from './labels.js';
import { groupByArticle } from './order.js';
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
 * Stages: groupByArticle (each article once, newest day first; within a day the article with the most actionable
 * statement first; within an article, statements in kind order) → renderSubject → renderText (plain, a headline per
 * article, diffs as `[-removed-]{+added+}`) → renderHtml (every piece of user text escaped, inline styles,
 * `<ins>`/`<del>` diffs, a footer counting repeats) → the kept copy (both cut between articles or statements: `keptCopy`).
 *
 * @example
 * renderDigest({ watch: { id: 'ru-jp', name: 'Russia–Japan peace treaty' }, items, repeats: 1, generatedAt })
 * // → { subject: 'Stancewatch: 2 new, 1 changed — Russia–Japan peace treaty', text: '…', html: '<!doctype html>…' }
 */
export function renderDigest(input: DigestInput): RenderedDigest {
  const groups = groupByArticle(input.items);
  const items = groups.flatMap((group) => group.statements);
  const subject = renderSubject(input.watch.name, items, attentionOf(input));
  const text = renderText(input, items, groups);
  const html = renderHtml(input, items, groups, subject);
  return { subject, text: joinPage(text), html: joinPage(html), kept: keptCopy(text, html, renderLeftOut) };
}
