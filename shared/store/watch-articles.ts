import type { WatchArticleLink, WatchStore } from '../pipeline/ports.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';

/**
 * The articles of a watch: links `WATCH#<id>` / `ART#<publishedAt>#<urlKey>` (newest first), the guard that keeps
 * one link per article (`LINKED#<urlKey>`), and the mark of the text the watch has read for statements (`DONE#`).
 */
export function dynamoWatchArticles(table: DynamoTable): WatchStore {
  return {
    getWatchMark: (watchId, urlKey) => table.get<{ contentHash: string }>(itemKeys.watchMark(watchId, urlKey)),

    async putWatchMark(watchId, urlKey, contentHash) {
      await table.put({ ...itemKeys.watchMark(watchId, urlKey), type: 'watch-mark', contentHash });
    },

    async linkArticle(given: WatchArticleLink) {
      // One link per watch and article. Its sort key carries a date, which a syndicated copy or a revision read
      // after a crash may state differently from the first reading: a guard item keeps the date linked first.
      const guardKey = itemKeys.watchLink(given.watchId, given.urlKey);
      const first = await table.putIfAbsent({ ...guardKey, type: 'watch-link', publishedAt: given.publishedAt });
      const link = first ? given : { ...given, publishedAt: (await table.get<{ publishedAt?: string }>(guardKey))?.publishedAt };
      await table.putIfAbsent({
        ...itemKeys.watchArticle(link.watchId, link.publishedAt, link.urlKey),
        type: 'watch-article',
        ...link,
        // Lower-case copies for the case-insensitive filters of `query` (see queries.ts).
        titleLc: link.title.toLowerCase(),
        siteNameLc: link.siteName?.toLowerCase(),
      });
    },

    listArticles: (watchId, options) =>
      // Newest first: the sort key starts with the publication date.
      table.queryAll<WatchArticleLink>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partitionKeys.watch(watchId), ':prefix': sortKeyPrefixes.watchArticle },
        ScanIndexForward: false,
        Limit: options?.limit,
      }),
  };
}
