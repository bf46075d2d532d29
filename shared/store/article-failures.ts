import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemKeys } from './keys.js';
import { queryAll } from './query-all.js';
import { isConditionFailure } from './source-health.js';
import type { ArticleFailureRecord, ArticleFailureStore } from './types.js';

/**
 * Failing articles of a watch, `WATCH#<id>` / `FAIL#<hash of url>`: written only when an article fails and
 * deleted once it goes through, so a healthy pipeline keeps none. A watch's are one Query, read once per
 * source run, never once per article.
 */
export function dynamoArticleFailures(doc: DynamoDBDocumentClient, tableName: string): ArticleFailureStore {
  return {
    listArticleFailures: (watchId) =>
      queryAll<ArticleFailureRecord>(doc, tableName, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}`, ':prefix': 'FAIL#' },
      }),

    async putArticleFailure(record) {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { ...itemKeys.articleFailure(record.watchId, record.url), type: 'article-failure', ...record } }),
      );
    },

    async clearArticleFailure(watchId, url) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: itemKeys.articleFailure(watchId, url) }));
    },

    async markArticleFailuresReported(watchId, stuck) {
      for (const article of stuck) {
        try {
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: itemKeys.articleFailure(watchId, article.url),
              UpdateExpression: 'SET reportedStuckAt = :at',
              // Gone through since, or stuck again another way: nothing to mark.
              ConditionExpression: 'stuckAt = :at',
              ExpressionAttributeValues: { ':at': article.stuckAt },
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
    },
  };
}
