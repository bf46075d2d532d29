import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, dynamoArchive, ensureTable, startEmbeddedDynamo, type ArchiveStore } from '../../shared/store/index.js';

export interface TestTable {
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
  store: ArchiveStore;
  close(): Promise<void>;
}

/** A real dynalite server over HTTP, in memory, with a uniquely named archive table. */
export async function startTestTable(): Promise<TestTable> {
  const dynamo = await startEmbeddedDynamo();
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  return {
    client,
    tableName,
    endpoint: dynamo.endpoint,
    store: dynamoArchive(client, tableName),
    async close() {
      client.destroy();
      await dynamo.close();
    },
  };
}
