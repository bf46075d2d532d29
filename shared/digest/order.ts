/**
 * The order a digest reads in: one article at a time, its headline once, then its statements. Newest day first;
 * within a day the article whose most actionable statement comes first in `KIND_ORDER` (conditions and refusals
 * before demands, offers, concerns and plain positions); within an article, statements in kind order.
 */
import { KIND_ORDER } from '../stances/index.js';
import { formatDate, timeOf } from './labels.js';
import type { DigestItem } from './types.js';

/** One article of a digest: its headline, and its statements in the order they are shown. */
export interface ArticleGroup {
  url: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  /** Set when every statement shown came from one later revision of the article: when it was seen. */
  revisedAt?: string;
  statements: DigestItem[];
}

const kindRank = (kind: DigestItem['kind']) => KIND_ORDER.indexOf(kind);

interface Indexed {
  item: DigestItem;
  index: number;
}

/**
 * Groups statements by the article they come from (its URL) and orders the articles and their statements.
 *
 * @example
 * groupByArticle([positionOfA, conditionOfB, conditionOfA]) // same day → [A: condition, position], [B: condition]
 */
export function groupByArticle(items: DigestItem[]): ArticleGroup[] {
  const byUrl = new Map<string, Indexed[]>();
  items.forEach((item, index) => byUrl.set(item.url, [...(byUrl.get(item.url) ?? []), { item, index }]));
  return [...byUrl.values()]
    .map((members) => ({ group: toGroup([...members].sort(byKindThenGiven).map(({ item }) => item)), first: members[0].index }))
    .sort(byArticleOrder)
    .map(({ group }) => group);
}

function byKindThenGiven(a: Indexed, b: Indexed): number {
  return kindRank(a.item.kind) - kindRank(b.item.kind) || a.index - b.index;
}

/** Newest day first, undated last; then the most actionable statement; then the later time; then given order. */
function byArticleOrder(a: { group: ArticleGroup; first: number }, b: { group: ArticleGroup; first: number }): number {
  return (
    compareDays(formatDate(a.group.publishedAt), formatDate(b.group.publishedAt)) ||
    kindRank(a.group.statements[0].kind) - kindRank(b.group.statements[0].kind) ||
    (timeOf(b.group.publishedAt) ?? -Infinity) - (timeOf(a.group.publishedAt) ?? -Infinity) ||
    a.first - b.first
  );
}

/** Calendar days as published (YYYY-MM-DD sorts as text), newest first; an undated article after every dated one. */
function compareDays(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}

function toGroup(statements: DigestItem[]): ArticleGroup {
  const find = <K extends 'title' | 'outlet' | 'publishedAt'>(key: K) => statements.find((item) => item[key])?.[key];
  const revisions = new Set(statements.map((item) => item.revisedAt));
  const [shared] = revisions;
  return {
    url: statements[0].url,
    title: find('title'),
    outlet: find('outlet'),
    publishedAt: find('publishedAt'),
    revisedAt: revisions.size === 1 ? shared : undefined,
    statements,
  };
}

/** A statement's own revision note: only when it differs from what its article's headline already says. */
export function ownRevision(group: ArticleGroup, item: DigestItem): string | undefined {
  return item.revisedAt && item.revisedAt !== group.revisedAt ? item.revisedAt : undefined;
}
