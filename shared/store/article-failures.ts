import type { ArticleFailureRecord, ArticleFailureStore } from '../pipeline/ports.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';

/**
 * Failing articles of a watch, `WATCH#<id>` / `FAIL#<hash of url>`: written only when an article fails and
 * deleted once it goes through, so a healthy pipeline keeps none. A watch's are one Query, read once per
 * source run, never once per article.
 */
export function dynamoArticleFailures(table: DynamoTable): ArticleFailureStore {
  return {
    listArticleFailures: (watchId) => table.queryPrefix<ArticleFailureRecord>(partitionKeys.watch(watchId), sortKeyPrefixes.articleFailure),

    async putArticleFailure(record) {
      await table.put({ ...itemKeys.articleFailure(record.watchId, record.url), type: 'article-failure', ...record });
    },

    async clearArticleFailure(watchId, url) {
      // A BatchWriteItem delete, as for pending markers: the processor's role has BatchWriteItem, not DeleteItem.
      await table.batchWriteAll([{ DeleteRequest: { Key: itemKeys.articleFailure(watchId, url) } }]);
    },

    async markArticleFailuresReported(watchId, stuck) {
      for (const article of stuck) {
        // Gone through since, or stuck again another way: nothing to mark.
        await table.updateIf({
          Key: itemKeys.articleFailure(watchId, article.url),
          UpdateExpression: 'SET reportedStuckAt = :at',
          ConditionExpression: 'stuckAt = :at',
          ExpressionAttributeValues: { ':at': article.stuckAt },
        });
      }
    },
  };
}
