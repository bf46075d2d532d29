import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.js';

/** DynamoDB's BatchWriteItem limit. */
const BATCH_WRITE_LIMIT = 25;

export type ItemKey = Record<string, string>;

/** An item to write: its key (`pk`, `sk`) and any attributes. */
export type Item = { pk: string; sk: string } & Record<string, unknown>;

/** One BatchWriteItem request: a put of an item or a delete by key. */
export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: ItemKey } };

/**
 * The archive table as each port's adapter uses it: the reads and writes they all need, with the table name filled
 * in. `doc` is there for the odd request none of these covers (a BatchGetItem, a single-page Query).
 */
export interface DynamoTable {
  readonly doc: DynamoDBDocumentClient;
  readonly name: string;
  /** A consistent read of one item. */
  get<T>(key: ItemKey, projection?: string): Promise<T | undefined>;
  /**
   * Creates an item unless its key exists; true when this call created it. Each call stamps its item with a fresh
   * `writeToken`: when the answer to our put is lost, the SDK's retry fails the condition on our own item, and only
   * the token tells that from another writer's.
   */
  putIfAbsent(item: Item): Promise<boolean>;
  /** An unconditional put: for items whose key is their whole identity, rewritten as they are. */
  put(item: Item): Promise<void>;
  /** An UpdateItem; a failed condition throws (see `isConditionFailure`). */
  update(input: Omit<UpdateCommandInput, 'TableName'>): Promise<void>;
  /** An UpdateItem whose condition may fail: false when it did, and nothing was written. */
  updateIf(input: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean>;
  /**
   * `updateIf` answering the attributes the update set (`UPDATED_NEW`), or the item as it was before (`ALL_OLD`), or
   * undefined when the condition failed.
   */
  updateIfReturning<T>(input: Omit<UpdateCommandInput, 'TableName' | 'ReturnValues'>, returning?: 'UPDATED_NEW' | 'ALL_OLD'): Promise<T | undefined>;
  /**
   * Runs a Query to the end (DynamoDB pages at 1 MB) or until `limit` items, and returns at most `limit`.
   * `Limit` in the input still caps each page, as DynamoDB defines it.
   */
  queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>, limit?: number): Promise<T[]>;
  /** Every item of partition `pk` whose sort key begins with `prefix`. */
  queryPrefix<T>(pk: string, prefix: string): Promise<T[]>;
  /** BatchWriteItem in chunks of 25, sending unprocessed requests again until none is left. */
  batchWriteAll(requests: WriteRequest[]): Promise<void>;
}

/** The archive table `tableName` through the client's one document client. */
export function dynamoTable(client: DynamoDBClient, tableName: string): DynamoTable {
  const doc = documentClient(client);

  const get: DynamoTable['get'] = async <T>(key: ItemKey, projection?: string) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true, ProjectionExpression: projection }))).Item as
      | T
      | undefined;

  const update: DynamoTable['update'] = async (input) => {
    await doc.send(new UpdateCommand({ TableName: tableName, ...input }));
  };

  const queryAll: DynamoTable['queryAll'] = async <T>(input: Omit<QueryCommandInput, 'TableName'>, limit = input.Limit) => {
    const items: T[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey }));
      items.push(...((page.Items ?? []) as T[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && (limit === undefined || items.length < limit));
    return limit === undefined ? items : items.slice(0, limit);
  };

  return {
    doc,
    name: tableName,
    get,

    async putIfAbsent(item) {
      const writeToken = randomUUID();
      try {
        await doc.send(new PutCommand({ TableName: tableName, Item: { ...item, writeToken }, ConditionExpression: 'attribute_not_exists(pk)' }));
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = await get<{ writeToken?: string }>({ pk: item.pk, sk: item.sk });
        return existing?.writeToken === writeToken;
      }
    },

    async put(item) {
      await doc.send(new PutCommand({ TableName: tableName, Item: item }));
    },

    update,

    async updateIf(input) {
      try {
        await update(input);
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async updateIfReturning<T>(input: Omit<UpdateCommandInput, 'TableName' | 'ReturnValues'>, returning: 'UPDATED_NEW' | 'ALL_OLD' = 'UPDATED_NEW') {
      try {
        const result = await doc.send(new UpdateCommand({ TableName: tableName, ...input, ReturnValues: returning }));
        return (result.Attributes ?? {}) as T;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    queryAll,

    queryPrefix: <T>(pk: string, prefix: string) =>
      queryAll<T>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      }),

    async batchWriteAll(requests) {
      for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
        let pending: Record<string, unknown[]> | undefined = { [tableName]: requests.slice(start, start + BATCH_WRITE_LIMIT) };
        while (pending && Object.keys(pending).length > 0) {
          const result = await doc.send(new BatchWriteCommand({ RequestItems: pending as never }));
          pending = result.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    },
  };
}

/** True for DynamoDB's answer to a write whose condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}
