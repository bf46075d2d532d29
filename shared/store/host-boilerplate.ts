import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { HOST_BOILERPLATE_MIN_PAGES, type HostBoilerplateMemory } from '../extract/host-boilerplate.js';
import { documentClient } from './document-client.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';

/** Pages of a host read to learn its boilerplate: enough to see a footer recur, one Query whatever the site's size. */
const PAGES_SAMPLED = 100;

/** A page's blocks stay evidence for this long; DynamoDB TTL expires them in AWS (dynalite keeps them). */
const PAGE_EVIDENCE_TTL_DAYS = 90;

/**
 * Per-host boilerplate memory in the archive table: one item per page (`HOST#<host>` / `PAGE#<urlKey>`)
 * listing its block hashes. Recording a page again overwrites its own item, so revisions and retries
 * never count twice; learning reads one bounded Query.
 */
export function dynamoHostBoilerplate(client: DynamoDBClient, tableName: string, now: () => Date = () => new Date()): HostBoilerplateMemory {
  const doc = documentClient(client);
  return {
    async get(host) {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :page)',
          ExpressionAttributeValues: { ':pk': partitionKeys.host(host), ':page': sortKeyPrefixes.hostPage },
          ProjectionExpression: 'blocks',
          Limit: PAGES_SAMPLED,
        }),
      );
      const pagesPerBlock = new Map<string, number>();
      for (const item of page.Items ?? []) {
        for (const hash of (item.blocks as string[] | undefined) ?? []) pagesPerBlock.set(hash, (pagesPerBlock.get(hash) ?? 0) + 1);
      }
      return [...pagesPerBlock].filter(([, pages]) => pages >= HOST_BOILERPLATE_MIN_PAGES).map(([hash]) => hash);
    },

    async record(host, pageKey, blockHashes) {
      const expiresAt = Math.floor(now().getTime() / 1000) + PAGE_EVIDENCE_TTL_DAYS * 86_400;
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...itemKeys.hostPage(host, pageKey), type: 'host-page', blocks: [...blockHashes], expiresAt },
        }),
      );
    },
  };
}
