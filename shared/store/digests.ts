import type { DigestRecord, DigestStore } from '../pipeline/ports.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys, timelineKeys } from './keys.js';
import { TABLE_KEYS } from './table.js';

/** `status` is a DynamoDB reserved word. */
const STATUS = { '#status': 'status' } as const;

/**
 * Digests `WATCH#<id>` / `DIG#<digestKey>` (by date on the GSI, for the feed) and which digest each ledger statement
 * was given to (`digestKey` on the statement item). A digest is claimed with a conditional put before it is sent,
 * and each statement given to one digest by a conditional update, so none goes out twice. `now` dates a delivery.
 */
export function dynamoDigests(table: DynamoTable, now: () => Date): DigestStore {
  return {
    async claimDigest(record) {
      // The record holds the digest's kept copy, made under the item size by digest rendering (`RenderedDigest.kept`).
      const key = itemKeys.digest(record.watchId, record.digestKey);
      if (await table.putIfAbsent({ ...key, type: 'digest', ...timelineKeys.digest(record.watchId, record.createdAt, record.digestKey), ...record })) {
        return { claimed: true };
      }
      const existing = await table.get<DigestRecord>(key);
      return { claimed: false, existing: existing ?? record };
    },

    getDigest: (watchId, digestKey) => table.get<DigestRecord>(itemKeys.digest(watchId, digestKey)),

    listDigests: (watchId, limit) =>
      // Newest first through the GSI; only digests that went out belong in a reader's feed.
      table.queryAll<DigestRecord>(
        {
          IndexName: TABLE_KEYS.gsi1.name,
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: '#status = :delivered',
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: { ':pk': timelineKeys.digests(watchId), ':delivered': 'delivered' },
          ScanIndexForward: false,
        },
        limit,
      ),

    async markDelivered(watchId, digestKey, deliveredTo) {
      await table.update({
        Key: itemKeys.digest(watchId, digestKey),
        UpdateExpression: 'SET #status = :delivered, deliveredTo = :to, deliveredAt = :now',
        ExpressionAttributeNames: STATUS,
        ExpressionAttributeValues: { ':delivered': 'delivered', ':to': deliveredTo, ':now': now().toISOString() },
      });
    },

    markFailed: (watchId, digestKey, sendToken, deliveredBy, error) =>
      // Only the try holding the digest: not a try another worker took it back for, and no item where none was claimed.
      table.updateIf({
        Key: itemKeys.digest(watchId, digestKey),
        UpdateExpression: 'SET #status = :failed, deliveredBy = :by, lastError = :error',
        ConditionExpression: 'sendToken = :token',
        ExpressionAttributeNames: STATUS,
        ExpressionAttributeValues: { ':failed': 'failed', ':by': deliveredBy, ':error': error, ':token': sendToken },
      }),

    async retryDigest(watchId, digestKey, sendToken) {
      // As in putIfAbsent: the token tells our own take-back, retried after its answer was lost, from another worker's.
      const taken = await table.updateIf({
        Key: itemKeys.digest(watchId, digestKey),
        UpdateExpression: 'SET #status = :sending, sendToken = :token',
        ConditionExpression: '#status = :failed',
        ExpressionAttributeNames: STATUS,
        ExpressionAttributeValues: { ':sending': 'sending', ':failed': 'failed', ':token': sendToken },
      });
      return taken || (await table.get<{ sendToken?: string }>(itemKeys.digest(watchId, digestKey)))?.sendToken === sendToken;
    },

    async findDigestOwners(watchId, statements) {
      // One GetItem each, in parallel: the digest function's role has GetItem, not BatchGetItem, and a run's
      // pending statements are a handful.
      const owners = await Promise.all(
        statements.map(async (statement) => {
          const item = await table.get<{ digestKey?: string }>(itemKeys.statement(watchId, statement.speaker, statement.id), 'digestKey');
          return [statement.id, item?.digestKey] as const;
        }),
      );
      return new Map(owners.filter((owner): owner is readonly [string, string] => owner[1] !== undefined));
    },

    async assignToDigest(watchId, statements, digestKey, takeOverFrom) {
      const allowed = [digestKey, ...takeOverFrom];
      const names = allowed.map((_key, index) => `:k${index}`);
      const owned: string[] = [];
      for (const statement of statements) {
        const taken = await table.updateIf({
          Key: itemKeys.statement(watchId, statement.speaker, statement.id),
          UpdateExpression: 'SET digestKey = :k0',
          // Our own key passes too: a retry after a lost answer, or another worker making the same digest.
          ConditionExpression: `attribute_exists(pk) AND (attribute_not_exists(digestKey) OR digestKey IN (${names.join(', ')}))`,
          ExpressionAttributeValues: Object.fromEntries(allowed.map((key, index) => [names[index], key])),
        });
        if (taken) owned.push(statement.id);
      }
      return owned;
    },
  };
}
