import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { NearDuplicateIndex } from '../dedupe/ports.js';
import type { ArchiveStore } from '../pipeline/ports.js';
import { dynamoArticleFailures } from './article-failures.js';
import { dynamoArticles } from './articles.js';
import { dynamoDigests } from './digests.js';
import { dynamoTable } from './dynamo-table.js';
import { dynamoLedger } from './ledger.js';
import { dynamoNearDuplicateIndex } from './near-duplicates.js';
import { dynamoSourceHealth } from './source-health.js';
import { dynamoUrlState } from './url-state.js';
import { dynamoWatchArticles } from './watch-articles.js';

/**
 * The archive on DynamoDB (or dynalite locally): one adapter per port, all on one table (see keys.ts). Every write
 * that could race or be retried is conditional, so reruns and duplicate deliveries store each item once. `now`
 * stamps what the store dates itself (a delivery, a repeat of an undated article).
 */
export function dynamoArchive(client: DynamoDBClient, tableName: string, now: () => Date = () => new Date()): ArchiveStore & NearDuplicateIndex {
  const table = dynamoTable(client, tableName);
  return {
    ...dynamoArticles(table, now),
    ...dynamoNearDuplicateIndex(table, now),
    ...dynamoUrlState(table, now),
    ...dynamoWatchArticles(table),
    ...dynamoLedger(table, now),
    ...dynamoDigests(table, now),
    ...dynamoSourceHealth(table),
    ...dynamoArticleFailures(table),
  };
}

/** A DynamoDB client for a table; `endpoint` points it at dynalite for local runs and tests. */
export function createDynamoClient(options: { endpoint?: string; region?: string } = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = { region: options.region ?? process.env.AWS_REGION ?? 'us-east-1' };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    // dynalite accepts any credentials; fixed dummies keep local runs free of the AWS credential chain.
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return new DynamoDBClient(config);
}
