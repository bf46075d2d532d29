import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createDynamoClient, dynamoArchive, ensureTable, startEmbeddedDynamo, type ArchiveStore } from '../../shared/store/index.js';
import { lazyHandle } from './lazy.js';

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
  const table = await createTestTable(client, dynamo.endpoint);
  return {
    ...table,
    async close() {
      client.destroy();
      await dynamo.close();
    },
  };
}

export interface UseTestTableOptions {
  /** `'test'`: an empty table before every test (on the one dynalite server of the file); `'file'` by default. */
  freshTable?: 'file' | 'test';
}

/**
 * A dynalite server started before the tests of the enclosing file or `describe` and closed after them,
 * with a fresh archive table for the file, or for every test with `{ freshTable: 'test' }`. Its fields
 * can be read once the tests run.
 *
 * @example
 * const table = useTestTable();
 * it('stores an article', async () => expect(await table.store.putIfAbsent(article)).toBe('stored'));
 */
export function useTestTable(options: UseTestTableOptions = {}): Omit<TestTable, 'close'> {
  let server: TestTable | undefined;
  let current: Omit<TestTable, 'close'> | undefined;
  beforeAll(async () => {
    server = await startTestTable();
    current = server;
  });
  if (options.freshTable === 'test') {
    beforeEach(async () => {
      if (server) current = await createTestTable(server.client, server.endpoint);
    });
  }
  afterAll(async () => server?.close());
  return lazyHandle(() => current, 'useTestTable(): the table is created in beforeAll; read it inside a test or hook');
}

async function createTestTable(client: DynamoDBClient, endpoint: string): Promise<Omit<TestTable, 'close'>> {
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  return { client, tableName, endpoint, store: dynamoArchive(client, tableName) };
}

/**
 * The environment a Lambda composition root reads, pointed at a test table: a region, dummy credentials, the SDK's
 * DynamoDB endpoint override and `TABLE_NAME`. Tests add their function's own variables.
 */
export function lambdaTableEnv(table: Pick<TestTable, 'endpoint' | 'tableName'>): NodeJS.ProcessEnv {
  return {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    TABLE_NAME: table.tableName,
  };
}
