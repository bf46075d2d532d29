import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemKeys } from './keys.js';
import { queryAll } from './query-all.js';
import type { SourceHealthRecord, SourceHealthStore } from './types.js';

/** `status` and `type` are DynamoDB reserved words. */
const STATUS = { '#status': 'status' } as const;
const STATUS_AND_TYPE = { ...STATUS, '#type': 'type' } as const;

/**
 * Source health items, `WATCH#<id>` / `HEALTH#<hash of url>`: written only when a source turns unhealthy or
 * recovers, so a healthy pipeline never writes one. Each write is an UpdateItem whose condition tells a change
 * from a restatement. The return values only feed metrics and logs: what a digest reports is decided by
 * `changedAt` against `reportedStatus`, so a retried write whose first response was lost reports nothing twice.
 */
export function dynamoSourceHealth(doc: DynamoDBDocumentClient, tableName: string): SourceHealthStore {
  const update = async (
    key: Record<string, string>,
    input: { set: string; condition: string; values: Record<string, unknown>; names?: Record<string, string> },
  ) => {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: `SET ${input.set}`,
          ConditionExpression: input.condition,
          ExpressionAttributeNames: input.names,
          ExpressionAttributeValues: input.values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };

  return {
    async markSourceUnhealthy(watchId, sourceUrl, reason, at) {
      const key = itemKeys.sourceHealth(watchId, sourceUrl);
      const turned = await update(key, {
        set: '#status = :unhealthy, reason = :reason, since = :at, changedAt = :at, watchId = :watch, sourceUrl = :url, #type = :type',
        condition: 'attribute_not_exists(pk) OR #status <> :unhealthy',
        values: { ':unhealthy': 'unhealthy', ':reason': reason, ':at': at, ':watch': watchId, ':url': sourceUrl, ':type': 'health' },
        names: STATUS_AND_TYPE,
      });
      // Already unhealthy: keep `since`, say what is wrong now.
      if (!turned) {
        await update(key, { set: 'reason = :reason', condition: '#status = :unhealthy', values: { ':reason': reason, ':unhealthy': 'unhealthy' }, names: STATUS });
      }
      return turned;
    },

    markSourceRecovered: (watchId, sourceUrl, at) =>
      update(itemKeys.sourceHealth(watchId, sourceUrl), {
        set: '#status = :recovered, changedAt = :at',
        condition: '#status = :unhealthy',
        values: { ':recovered': 'recovered', ':unhealthy': 'unhealthy', ':at': at },
        names: STATUS,
      }),

    listSourceHealth: (watchId) =>
      queryAll<SourceHealthRecord>(doc, tableName, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}`, ':prefix': 'HEALTH#' },
      }),

    async markHealthReported(watchId, changes) {
      for (const change of changes) {
        await update(itemKeys.sourceHealth(watchId, change.sourceUrl), {
          set: 'reportedStatus = :status',
          condition: 'changedAt = :changedAt',
          values: { ':status': change.status, ':changedAt': change.changedAt },
        });
      }
    },
  };
}

/** True for DynamoDB's answer to a write whose condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}
