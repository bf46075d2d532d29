import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Runs a Query to the end (DynamoDB pages at 1 MB) or until `limit` items, and returns at most `limit`.
 * `Limit` in the input still caps each page, as DynamoDB defines it.
 */
export async function queryAll<T>(
  doc: DynamoDBDocumentClient,
  tableName: string,
  input: Omit<QueryCommandInput, 'TableName'>,
  limit = input.Limit,
): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as T[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && (limit === undefined || items.length < limit));
  return limit === undefined ? items : items.slice(0, limit);
}
