/** The order a digest lists its statements in. */
import { KIND_ORDER } from '../stances/index.js';
import { timeOf } from './labels.js';
import type { DigestItem } from './types.js';

/**
 * Within one article's date, what a reader acts on comes first: conditions and refusals before demands,
 * offers, concerns and plain positions (the stances' own priority, `KIND_ORDER`).
 */
const kindRank = (kind: DigestItem['kind']) => KIND_ORDER.indexOf(kind);

/** Newest first by publishedAt; undated items last, in their given order. */
export function sortNewestFirst(items: DigestItem[]): DigestItem[] {
  return items
    .map((item, index) => ({ item, index, time: timeOf(item.publishedAt) }))
    .sort(
      (a, b) =>
        (b.time ?? -Infinity) - (a.time ?? -Infinity) || kindRank(a.item.kind) - kindRank(b.item.kind) || a.index - b.index,
    )
    .map(({ item }) => item);
}
