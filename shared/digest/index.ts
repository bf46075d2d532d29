/**
 * Digest: the new and changed statements of one watch, as an email subject, a plain-text body that reads well in
 * an SNS email, and a single-column HTML body for SES that reads well on a phone.
 */
import { diffWords } from 'diff';
import { KIND_ORDER } from '../stances/index.js';
import { joinPage, keptCopy, PAGE_END, type HtmlPage } from './kept.js';
import type { DigestInput, DigestItem, DigestSource, DigestStuckArticle, RenderedDigest } from './types.js';

export type { DigestInput, DigestItem, DigestSource, DigestStuckArticle, RenderedDigest } from './types.js';
export { renderAtomFeed, type DigestFeedEntry } from './atom-feed.js';
export { MAX_STORED_DIGEST_TEXT_BYTES, MAX_STORED_HTML_BYTES } from './kept.js';

/** One run of a word diff: unchanged text, or text added or removed. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** Column width of the plain-text rule lines; 60 keeps them on one line in a phone's mail app. */
const TEXT_RULE_WIDTH = 60;

/** Body width in the HTML version: single column, the usual width of a mobile-friendly email. */
const HTML_MAX_WIDTH_PX = 640;

/** Links only to web pages: a stored URL is user data, and `javascript:` must never become a link. */
const LINKABLE_URL = /^https?:\/\//i;

/** Inline styles (mail clients drop <style> blocks), named so the markup stays readable. */
const STYLES = {
  body: 'margin:0;padding:0;background:#f4f4f5;',
  column: `max-width:${HTML_MAX_WIDTH_PX}px;margin:0 auto;padding:16px;background:#ffffff;color:#18181b;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;`,
  title: 'margin:0 0 4px;font-size:20px;line-height:1.3;',
  summary: 'margin:0 0 16px;color:#52525b;font-size:14px;',
  item: 'border-top:1px solid #e4e4e7;padding:14px 0;',
  header: 'margin:0 0 6px;font-size:14px;',
  badgeNew: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#dbeafe;color:#1e40af;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
  badgeChanged: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#fef3c7;color:#92400e;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
  badgeRepeat: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#e4e4e7;color:#3f3f46;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
  quote: 'margin:0 0 6px;padding:0 0 0 10px;border-left:3px solid #a1a1aa;',
  source: 'margin:0;color:#52525b;font-size:13px;',
  link: 'color:#1d4ed8;word-break:break-word;',
  diffLabel: 'margin:10px 0 4px;color:#52525b;font-size:13px;',
  diff: 'margin:0;padding:8px;background:#fafafa;border-radius:4px;font-size:14px;',
  ins: 'background:#dcfce7;color:#166534;text-decoration:none;',
  del: 'background:#fee2e2;color:#991b1b;text-decoration:line-through;',
  footer: 'margin:16px 0 0;padding-top:12px;border-top:1px solid #e4e4e7;color:#71717a;font-size:13px;',
  sourcesTitle: 'margin:16px 0 6px;font-size:15px;',
  sourceHealth: 'margin:0 0 8px;font-size:14px;',
  badgeUnhealthy: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#fee2e2;color:#991b1b;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
  badgeRecovered: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#dcfce7;color:#166534;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
} as const;

const SOURCES_HEADING = 'Sources needing attention';

const ARTICLES_HEADING = 'Articles needing attention';

const STATUS_LABELS = { new: 'NEW', changed: 'CHANGED', repeat: 'REPEAT' } as const;

/**
 * The word a reader sees for an item: a dropped condition is WITHDRAWN, as the timeline and `statements --watch` call
 * it, whatever the ledger's status; one thing, one word.
 */
function statusLabel(item: DigestItem): string {
  return item.withdrawn && item.status !== 'repeat' ? 'WITHDRAWN' : STATUS_LABELS[item.status];
}

/**
 * The earlier statement to diff an item against: a changed item's, or a new item's (which has one only when it is
 * genuinely related, see `MIN_SHOWN_SIMILARITY` in stances). A repeat is counted, not diffed.
 */
function diffBase(item: DigestItem): DigestItem['closest'] {
  return item.status === 'changed' || item.status === 'new' ? item.closest : undefined;
}

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

/**
 * Word-level diff of two statements, from `diff`'s `diffWords`.
 *
 * @example
 * wordDiff('The union insists on volumes', 'The union no longer insists on volumes')
 * // → [{ value: 'The union ' }, { value: 'no longer ', added: true }, { value: 'insists on volumes' }]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map(toDiffPart);
}

/**
 * `wordDiff`, or undefined when the texts differ by more than `maxEdits` tokens (words and the spaces between them).
 * The diff's cost grows with the text length times the edit distance: two different 5,000-word articles take
 * seconds, and their diff is no use to a reader anyway.
 */
export function boundedWordDiff(before: string, after: string, maxEdits: number): DiffPart[] | undefined {
  return diffWords(before, after, { maxEditLength: maxEdits })?.map(toDiffPart);
}

function toDiffPart(change: { value: string; added?: boolean; removed?: boolean }): DiffPart {
  const part: DiffPart = { value: change.value };
  if (change.added) part.added = true;
  if (change.removed) part.removed = true;
  return part;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Within one article's date, what a reader acts on comes first: conditions and refusals before demands,
 * offers, concerns and plain positions (the stances' own priority, `KIND_ORDER`).
 */
const kindRank = (kind: DigestItem['kind']) => KIND_ORDER.indexOf(kind);

/** Newest first by publishedAt; undated items last, in their given order. */
function sortNewestFirst(items: DigestItem[]): DigestItem[] {
  return items
    .map((item, index) => ({ item, index, time: timeOf(item.publishedAt) }))
    .sort(
      (a, b) =>
        (b.time ?? -Infinity) - (a.time ?? -Infinity) || kindRank(a.item.kind) - kindRank(b.item.kind) || a.index - b.index,
    )
    .map(({ item }) => item);
}

function timeOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : time;
}

/** YYYY-MM-DD of an ISO date; the calendar date as published, not shifted to another zone. */
function formatDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const calendar = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  if (calendar) return calendar[1];
  const time = timeOf(date);
  return time === undefined ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** What a digest lists after its statements: sources and articles needing attention. */
interface Attention {
  sources: DigestSource[];
  articles: DigestStuckArticle[];
}

function attentionOf(input: DigestInput): Attention {
  return { sources: input.sources ?? [], articles: input.articles ?? [] };
}

function renderSubject(watchName: string, items: DigestItem[], attention: Attention): string {
  return `Stancewatch: ${digestSummary(items, attention)} — ${singleLine(watchName)}`;
}

/** "2 new, 1 changed; 1 source unhealthy, 1 article failing"; a digest of those changes alone says only them. */
function digestSummary(items: DigestItem[], attention: Attention): string {
  const health = [summarizeHealth(attention.sources), summarizeStuck(attention.articles)].filter(Boolean).join(', ');
  return items.length === 0 && health ? health : [summarize(items), health].filter(Boolean).join('; ');
}

/** "1 article failing" for the stuck articles a digest first reports; '' without any. */
function summarizeStuck(articles: DigestStuckArticle[]): string {
  const changed = articles.filter((article) => article.changed).length;
  return changed > 0 ? `${changed} article${changed === 1 ? '' : 's'} failing` : '';
}

/** One line per stuck article: how long it has failed, and how. */
function stuckArticleLine(article: DigestStuckArticle): string {
  const since = formatDate(article.since);
  return `${singleLine(article.url)} failed ${article.runs} runs in a row${since ? ` (since ${since})` : ''}: ${singleLine(article.reason)}`;
}

function stuckArticleLabel(article: DigestStuckArticle): string {
  return article.changed ? 'FAILING · new' : 'FAILING';
}

/** "1 source unhealthy, 1 recovered" for the changes a digest first reports; '' without any. */
function summarizeHealth(sources: DigestSource[]): string {
  const changed = sources.filter((source) => source.changed);
  const unhealthy = changed.filter((source) => source.status === 'unhealthy').length;
  const recovered = changed.length - unhealthy;
  const parts = [
    unhealthy > 0 && `${unhealthy} source${unhealthy === 1 ? '' : 's'} unhealthy`,
    recovered > 0 && `${recovered} source${recovered === 1 ? '' : 's'} recovered`,
  ];
  return parts.filter(Boolean).join(', ');
}

/** One line per source: what is wrong and since when, or that it is read again. */
function sourceHealthLine(source: DigestSource): string {
  if (source.status === 'recovered') return `${singleLine(source.url)} is read again.`;
  const since = formatDate(source.since);
  return `${singleLine(source.url)} ${singleLine(source.reason)}${since ? ` (since ${since})` : ''}.`;
}

function sourceHealthLabel(source: DigestSource): string {
  if (source.status === 'recovered') return 'RECOVERED';
  return source.changed ? 'UNHEALTHY · new' : 'UNHEALTHY';
}

/** "2 new, 1 changed, 1 withdrawn"; a zero count is left out. */
function summarize(items: DigestItem[]): string {
  const withdrawn = items.filter((item) => statusLabel(item) === 'WITHDRAWN');
  const counts = [
    [items.filter((item) => item.status === 'new' && !withdrawn.includes(item)).length, 'new'],
    [items.filter((item) => item.status === 'changed' && !withdrawn.includes(item)).length, 'changed'],
    [withdrawn.length, 'withdrawn'],
  ] as const;
  const parts = counts.filter(([count]) => count > 0).map(([count, label]) => `${count} ${label}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

function singleLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function speakerLabel(item: DigestItem): string {
  return item.speaker ?? 'Unattributed';
}

/** Outlet, date and headline; for a statement added to an article later, when the revision was seen. */
function sourceParts(source: { outlet?: string; publishedAt?: string; title?: string; revisedAt?: string }): string[] {
  const revision = source.revisedAt && `added in a revision seen ${formatDate(source.revisedAt)}`;
  return [source.outlet, formatDate(source.publishedAt), source.title && `“${source.title}”`, revision].filter(
    (part): part is string => Boolean(part),
  );
}

function repeatsLine(repeats: number): string {
  if (repeats === 0) return 'No repeats of earlier statements in this period.';
  return repeats === 1
    ? '1 repeat of an earlier statement is not listed.'
    : `${repeats} repeats of earlier statements are not listed.`;
}

function renderText(input: DigestInput, items: DigestItem[]): string {
  const rule = '-'.repeat(TEXT_RULE_WIDTH);
  const lines = [
    `Stancewatch — ${singleLine(input.watch.name)}`,
    `${digestSummary(items, attentionOf(input))} · ${formatDate(input.generatedAt) ?? input.generatedAt}`,
  ];
  for (const item of items) {
    lines.push('', rule, `${statusLabel(item)} · ${item.kind} · ${singleLine(speakerLabel(item))}`, '');
    lines.push(`“${singleLine(item.text)}”`, '');
    const source = sourceParts(item);
    if (source.length > 0) lines.push(source.map(singleLine).join(' · '));
    lines.push(item.url);
    const closest = diffBase(item);
    if (closest) {
      const earlier = sourceParts(closest);
      lines.push('', `Compared with the earlier statement${earlier.length ? ` (${earlier.map(singleLine).join(', ')})` : ''}:`);
      lines.push(formatTextDiff(wordDiff(singleLine(closest.text), singleLine(item.text))));
      lines.push(closest.url);
    }
  }
  lines.push('', rule, repeatsLine(input.repeats), '');
  const sources = input.sources ?? [];
  if (sources.length > 0) {
    lines.push(`${SOURCES_HEADING}:`, ...sources.map((source) => `- ${sourceHealthLabel(source)}: ${sourceHealthLine(source)}`), '');
  }
  const articles = input.articles ?? [];
  if (articles.length > 0) {
    lines.push(`${ARTICLES_HEADING}:`, ...articles.map((article) => `- ${stuckArticleLabel(article)}: ${stuckArticleLine(article)}`), '');
  }
  return lines.join('\n');
}

/**
 * `[-removed-]{+added+}` (git's word-diff notation), whitespace kept outside the markers. The one plain-text diff
 * format: digests and stored article revisions both use it.
 *
 * @example
 * formatTextDiff(wordDiff('talks will resume', 'talks will stall')) // → 'talks will [-resume-]{+stall+}'
 */
export function formatTextDiff(parts: DiffPart[]): string {
  return parts
    .map((part) => {
      if (!part.added && !part.removed) return part.value;
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.value) ?? ['', '', part.value, ''];
      if (!core) return part.value;
      return part.added ? `${lead}{+${core}+}${trail}` : `${lead}[-${core}-]${trail}`;
    })
    .join('');
}

function renderHtml(input: DigestInput, items: DigestItem[], subject: string): HtmlPage {
  const head = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    `<body style="${STYLES.body}">`,
    `<div style="${STYLES.column}">`,
    `<h1 style="${STYLES.title}">${escapeHtml(singleLine(input.watch.name))}</h1>`,
    `<p style="${STYLES.summary}">${escapeHtml(digestSummary(items, attentionOf(input)))} · ${escapeHtml(formatDate(input.generatedAt) ?? input.generatedAt)}</p>`,
  ];
  const end = [
    `<p style="${STYLES.footer}">${escapeHtml(repeatsLine(input.repeats))}</p>`,
    ...renderHtmlSources(input.sources ?? []),
    ...renderHtmlStuckArticles(input.articles ?? []),
    ...PAGE_END,
  ];
  return { head, items: items.map(renderHtmlItem), end };
}

/** Closes a kept copy that left statements out, in place of the page's end. */
function renderLeftOut(left: number): string {
  return `<p style="${STYLES.footer}">${left} more ${left === 1 ? 'statement was' : 'statements were'} too long to keep here; the e-mail had ${left === 1 ? 'it' : 'them all'}.</p>`;
}

function renderHtmlItem(item: DigestItem): string {
  const badgeStyle = item.status === 'new' ? STYLES.badgeNew : item.status === 'changed' ? STYLES.badgeChanged : STYLES.badgeRepeat;
  const source = sourceParts(item).map(escapeHtml);
  source.push(renderLink(item.url, 'Read the article'));
  const parts = [
    `<div style="${STYLES.item}">`,
    `<p style="${STYLES.header}"><span style="${badgeStyle}">${statusLabel(item)}</span> <strong>${escapeHtml(item.kind)}</strong> · ${escapeHtml(speakerLabel(item))}</p>`,
    `<blockquote style="${STYLES.quote}">${escapeHtml(item.text)}</blockquote>`,
    `<p style="${STYLES.source}">${source.join(' · ')}</p>`,
  ];
  const closest = diffBase(item);
  if (closest) {
    const earlier = sourceParts(closest).map(escapeHtml);
    earlier.push(renderLink(closest.url, 'earlier article'));
    parts.push(
      `<p style="${STYLES.diffLabel}">Compared with the earlier statement (${earlier.join(', ')}):</p>`,
      `<p style="${STYLES.diff}">${formatHtmlDiff(wordDiff(closest.text, item.text))}</p>`,
    );
  }
  parts.push('</div>');
  return parts.join('\n');
}

/** After the footer: part of the page's end, which the kept copy drops when it must leave statements out. */
function renderHtmlSources(sources: DigestSource[]): string[] {
  if (sources.length === 0) return [];
  return [
    `<h2 style="${STYLES.sourcesTitle}">${SOURCES_HEADING}</h2>`,
    ...sources.map((source) => {
      const badge = source.status === 'recovered' ? STYLES.badgeRecovered : STYLES.badgeUnhealthy;
      return `<p style="${STYLES.sourceHealth}"><span style="${badge}">${escapeHtml(sourceHealthLabel(source))}</span> ${escapeHtml(sourceHealthLine(source))}</p>`;
    }),
  ];
}

/** After the sources, also part of the page's end. */
function renderHtmlStuckArticles(articles: DigestStuckArticle[]): string[] {
  if (articles.length === 0) return [];
  return [
    `<h2 style="${STYLES.sourcesTitle}">${ARTICLES_HEADING}</h2>`,
    ...articles.map(
      (article) =>
        `<p style="${STYLES.sourceHealth}"><span style="${STYLES.badgeUnhealthy}">${escapeHtml(stuckArticleLabel(article))}</span> ${escapeHtml(stuckArticleLine(article))}</p>`,
    ),
  ];
}

function renderLink(url: string, label: string): string {
  if (!LINKABLE_URL.test(url)) return escapeHtml(url);
  return `<a href="${escapeHtml(url)}" style="${STYLES.link}">${escapeHtml(label)}</a>`;
}

function formatHtmlDiff(parts: DiffPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.value);
      if (part.added) return `<ins style="${STYLES.ins}">${text}</ins>`;
      if (part.removed) return `<del style="${STYLES.del}">${text}</del>`;
      return text;
    })
    .join('');
}
