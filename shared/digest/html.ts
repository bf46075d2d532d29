/** The HTML digest: one column for SES that reads well on a phone, inline styles, every piece of user text escaped. */
import { wordDiff, type DiffPart } from '../dedupe/index.js';
import { PAGE_END, type DigestPage, type PageGroup } from './kept.js';
import {
  ARTICLES_HEADING,
  attentionOf,
  diffBase,
  digestSummary,
  formatDate,
  repeatsLine,
  revisionNote,
  singleLine,
  sourceHealthLabel,
  sourceHealthLine,
  sourceParts,
  SOURCES_HEADING,
  speakerLabel,
  statusLabel,
  stuckArticleLabel,
  stuckArticleLine,
} from './labels.js';
import { ownRevision, type ArticleGroup } from './order.js';
import type { DigestInput, DigestItem, DigestSource, DigestStuckArticle } from './types.js';

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
  article: 'border-top:1px solid #e4e4e7;padding:14px 0;',
  headline: 'margin:0 0 4px;font-size:17px;line-height:1.35;overflow-wrap:anywhere;',
  statement: 'margin:12px 0 0;',
  header: 'margin:0 0 6px;font-size:14px;',
  badgeNew: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#dbeafe;color:#1e40af;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
  badgeChanged: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#fef3c7;color:#92400e;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
  badgeRepeat: 'display:inline-block;padding:1px 6px;border-radius:3px;background:#e4e4e7;color:#3f3f46;font-size:12px;font-weight:bold;letter-spacing:0.04em;',
  quote: 'margin:0;padding:0 0 0 10px;border-left:3px solid #a1a1aa;',
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

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The HTML body as a page (see `DigestPage`), so the kept copy can cut it between articles or statements. */
export function renderHtml(input: DigestInput, items: DigestItem[], groups: ArticleGroup[], subject: string): DigestPage {
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
  return { head, groups: groups.map(renderHtmlGroup), end };
}

/** Closes a kept copy that left statements out, in place of the page's end. */
export function renderLeftOut(left: number): string {
  return `<p style="${STYLES.footer}">${left} more ${left === 1 ? 'statement was' : 'statements were'} too long to keep here; the e-mail had ${left === 1 ? 'it' : 'them all'}.</p>`;
}

/** An article: a rule, its headline, outlet · date (· revision) · link, then its statements. */
function renderHtmlGroup(group: ArticleGroup): PageGroup {
  const source = sourceParts({ outlet: group.outlet, publishedAt: group.publishedAt, revisedAt: group.revisedAt }).map(escapeHtml);
  source.push(renderLink(group.url, 'Read the article'));
  const open = [`<div style="${STYLES.article}">`];
  if (group.title) open.push(`<h2 style="${STYLES.headline}">${escapeHtml(singleLine(group.title))}</h2>`);
  open.push(`<p style="${STYLES.source}">${source.join(' · ')}</p>`);
  return { open: open.join('\n'), statements: group.statements.map((item) => renderHtmlStatement(group, item)), close: '</div>' };
}

function renderHtmlStatement(group: ArticleGroup, item: DigestItem): string {
  const badgeStyle = item.status === 'new' ? STYLES.badgeNew : item.status === 'changed' ? STYLES.badgeChanged : STYLES.badgeRepeat;
  const revision = ownRevision(group, item);
  const note = revision ? ` · ${escapeHtml(revisionNote(revision))}` : '';
  const parts = [
    `<div style="${STYLES.statement}">`,
    `<p style="${STYLES.header}"><span style="${badgeStyle}">${statusLabel(item)}</span> <strong>${escapeHtml(item.kind)}</strong> · ${escapeHtml(speakerLabel(item))}${note}</p>`,
    `<blockquote style="${STYLES.quote}">${escapeHtml(item.text)}</blockquote>`,
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
