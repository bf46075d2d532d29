/**
 * What the text and HTML digests both say, worded once: dates, status and speaker labels, the summary line, the
 * repeats line and the lines of sources and articles needing attention.
 */
import type { DigestInput, DigestItem, DigestSource, DigestStuckArticle } from './types.js';

export const SOURCES_HEADING = 'Sources needing attention';

export const ARTICLES_HEADING = 'Articles needing attention';

const STATUS_LABELS = { new: 'NEW', changed: 'CHANGED', repeat: 'REPEAT' } as const;

/**
 * The word a reader sees for an item: a dropped condition is WITHDRAWN, as the timeline and `statements --watch` call
 * it, whatever the ledger's status; one thing, one word.
 */
export function statusLabel(item: DigestItem): string {
  return item.withdrawn && item.status !== 'repeat' ? 'WITHDRAWN' : STATUS_LABELS[item.status];
}

/**
 * The earlier statement to diff an item against: a changed item's, or a new item's (which has one only when it is
 * genuinely related, see `MIN_SHOWN_SIMILARITY` in stances). A repeat is counted, not diffed.
 */
export function diffBase(item: DigestItem): DigestItem['closest'] {
  return item.status === 'changed' || item.status === 'new' ? item.closest : undefined;
}

export function timeOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : time;
}

/** YYYY-MM-DD of an ISO date; the calendar date as published, not shifted to another zone. */
export function formatDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const calendar = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  if (calendar) return calendar[1];
  const time = timeOf(date);
  return time === undefined ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** What a digest lists after its statements: sources and articles needing attention. */
export interface Attention {
  sources: DigestSource[];
  articles: DigestStuckArticle[];
}

export function attentionOf(input: DigestInput): Attention {
  return { sources: input.sources ?? [], articles: input.articles ?? [] };
}

export function renderSubject(watchName: string, items: DigestItem[], attention: Attention): string {
  return `Stancewatch: ${digestSummary(items, attention)} — ${singleLine(watchName)}`;
}

/** "2 new, 1 changed; 1 source unhealthy, 1 article failing"; a digest of those changes alone says only them. */
export function digestSummary(items: DigestItem[], attention: Attention): string {
  const health = [summarizeHealth(attention.sources), summarizeStuck(attention.articles)].filter(Boolean).join(', ');
  return items.length === 0 && health ? health : [summarize(items), health].filter(Boolean).join('; ');
}

/** "1 article failing" for the stuck articles a digest first reports; '' without any. */
function summarizeStuck(articles: DigestStuckArticle[]): string {
  const changed = articles.filter((article) => article.changed).length;
  return changed > 0 ? `${changed} article${changed === 1 ? '' : 's'} failing` : '';
}

/** One line per stuck article: how long it has failed, and how. */
export function stuckArticleLine(article: DigestStuckArticle): string {
  const since = formatDate(article.since);
  return `${singleLine(article.url)} failed ${article.runs} runs in a row${since ? ` (since ${since})` : ''}: ${singleLine(article.reason)}`;
}

export function stuckArticleLabel(article: DigestStuckArticle): string {
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
export function sourceHealthLine(source: DigestSource): string {
  if (source.status === 'recovered') return `${singleLine(source.url)} is read again.`;
  const since = formatDate(source.since);
  return `${singleLine(source.url)} ${singleLine(source.reason)}${since ? ` (since ${since})` : ''}.`;
}

export function sourceHealthLabel(source: DigestSource): string {
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

export function singleLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

export function speakerLabel(item: DigestItem): string {
  return item.speaker ?? 'Unattributed';
}

/** Outlet, date and headline; for a statement added to an article later, when the revision was seen. */
export function sourceParts(source: { outlet?: string; publishedAt?: string; title?: string; revisedAt?: string }): string[] {
  const revision = source.revisedAt && revisionNote(source.revisedAt);
  return [source.outlet, formatDate(source.publishedAt), source.title && `“${source.title}”`, revision].filter(
    (part): part is string => Boolean(part),
  );
}

/** "added in a revision seen 2026-11-23": a statement the article gained after it was first read. */
export function revisionNote(revisedAt: string): string {
  return `added in a revision seen ${formatDate(revisedAt) ?? revisedAt}`;
}

export function repeatsLine(repeats: number): string {
  if (repeats === 0) return 'No repeats of earlier statements in this period.';
  return repeats === 1
    ? '1 repeat of an earlier statement is not listed.'
    : `${repeats} repeats of earlier statements are not listed.`;
}
