import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, LOCAL_TABLE_NAME, startEmbeddedDynamo } from '../../shared/store/index.js';

/**
 * Every item of the embedded archive in `dataDir`, in key order: read by the test process once the CLI has let go of
 * it, to check what a command stored (or that it stored nothing).
 */
export async function archiveItems(dataDir: string): Promise<Array<Record<string, AttributeValue>>> {
  const dynamo = await startEmbeddedDynamo(dataDir);
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  try {
    const items: Array<Record<string, AttributeValue>> = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: LOCAL_TABLE_NAME, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items.sort((a, b) => `${a.pk.S} ${a.sk.S}`.localeCompare(`${b.pk.S} ${b.sk.S}`));
  } finally {
    client.destroy();
    await dynamo.close();
  }
}
