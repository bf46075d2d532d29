import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { BandCandidate, CandidateText, NearDuplicateIndex } from '../dedupe/ports.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys } from './keys.js';
import { decodeArticleText, type StoredArticleText } from './limits.js';
import { TTL_ATTRIBUTE, expiryAfter, isExpired } from './ttl.js';

/** DynamoDB's BatchGetItem limit. */
const BATCH_GET_LIMIT = 100;

/** Items read per band Query: a bucket holds the copies of one story, not the archive. */
const BAND_QUERY_LIMIT = 50;

/**
 * How long an article's bands find its copies: syndicated copies and rewrites run within days of the original, and a
 * copy found later is archived as an article of its own, whose statements the ledger then judges as repeats. Bands
 * are written again with each revision, which starts the window again.
 */
export const NEAR_DUPLICATE_WINDOW_DAYS = 90;

/**
 * The near-duplicate index: MinHash LSH band items `BAND#<band>#<bandHash>` / `<urlKey>`. Finding candidates is one
 * Query per band and one BatchGetItem, whatever the archive size. Bands expire after `NEAR_DUPLICATE_WINDOW_DAYS`
 * (TTL, see ttl.ts) and an expired band is no candidate.
 */
export function dynamoNearDuplicateIndex(table: DynamoTable, now: () => Date): NearDuplicateIndex {
  return {
    async findBandCandidates(bandKeys) {
      const buckets = await Promise.all(
        bandKeys.map(async (bandKey) => {
          const page = await table.doc.send(
            new QueryCommand({
              TableName: table.name,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': partitionKeys.band(bandKey) },
              ProjectionExpression: `sk, ${TTL_ATTRIBUTE}`,
              Limit: BAND_QUERY_LIMIT,
            }),
          );
          return (page.Items ?? []).filter((item) => !isExpired(item, now())).map((item) => item.sk as string);
        }),
      );
      const counts = new Map<string, number>();
      for (const urlKey of buckets.flat()) counts.set(urlKey, (counts.get(urlKey) ?? 0) + 1);
      return [...counts].map(([urlKey, bands]): BandCandidate => ({ urlKey, bands }));
    },

    getArticleTexts: (urlKeys) => getArticleTexts(table, urlKeys),

    async putBands(urlKey, bandKeys, seenAt) {
      // Plain puts: a band item's key is its whole content, so a rerun rewrites the same item.
      // Dated by the store's clock, which also judges expiry on reading (`seenAt` is the pipeline's).
      const expiresAt = expiryAfter(now(), NEAR_DUPLICATE_WINDOW_DAYS);
      await table.batchWriteAll(
        bandKeys.map((bandKey) => ({ PutRequest: { Item: { ...itemKeys.band(bandKey, urlKey), type: 'band', seenAt, [TTL_ATTRIBUTE]: expiresAt } } })),
      );
    },

    async repointContentHash(contentHash, fromUrlKey, toUrlKey) {
      await table.updateIf({
        Key: itemKeys.contentHash(contentHash),
        UpdateExpression: 'SET urlKey = :to, repointedFrom = :from',
        ConditionExpression: 'urlKey = :from',
        ExpressionAttributeValues: { ':to': toUrlKey, ':from': fromUrlKey },
      });
    },
  };
}

/** The candidates' text, `BATCH_GET_LIMIT` keys a request, retrying unprocessed keys. */
async function getArticleTexts(table: DynamoTable, urlKeys: string[]): Promise<CandidateText[]> {
  const found: CandidateText[] = [];
  for (let start = 0; start < urlKeys.length; start += BATCH_GET_LIMIT) {
    let keys: Record<string, unknown>[] | undefined = urlKeys.slice(start, start + BATCH_GET_LIMIT).map(itemKeys.article);
    while (keys && keys.length > 0) {
      const result: BatchGetCommandOutput = await table.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [table.name]: {
              Keys: keys,
              ConsistentRead: true,
              ProjectionExpression: 'urlKey, #text, textGz, firstSeenAt',
              ExpressionAttributeNames: { '#text': 'text' },
            },
          },
        }),
      );
      found.push(...((result.Responses?.[table.name] ?? []) as Array<Omit<CandidateText, 'text'> & StoredArticleText>).map(decodeArticleText));
      keys = result.UnprocessedKeys?.[table.name]?.Keys;
    }
  }
  return found;
}
