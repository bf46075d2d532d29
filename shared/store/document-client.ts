import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb';

/**
 * How every item is marshalled: optional fields left undefined (an article without a site name, a copy's
 * outlet) are dropped instead of failing the write.
 */
export const TRANSLATE_CONFIG: TranslateConfig = { marshallOptions: { removeUndefinedValues: true } };

const documentClients = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();

/**
 * The one document client of a DynamoDB client; the only place that calls `DynamoDBDocumentClient.from`
 * (a test keeps it so). `from` does not copy: it writes its translate config onto the client's own config,
 * so a second `from(client)` without options silently took `removeUndefinedValues` away from every
 * document client made earlier on that client, and articles with sparse metadata failed on every run.
 */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  let doc = documentClients.get(client);
  if (!doc) {
    doc = DynamoDBDocumentClient.from(client, TRANSLATE_CONFIG);
    documentClients.set(client, doc);
  }
  return doc;
}
