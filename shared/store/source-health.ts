import type { SourceHealthRecord, SourceHealthStore } from '../pipeline/ports.js';
import type { DynamoTable, ItemKey } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';

/** `status` and `type` are DynamoDB reserved words. */
const STATUS = { '#status': 'status' } as const;
const STATUS_AND_TYPE = { ...STATUS, '#type': 'type' } as const;

/**
 * Source health items, `WATCH#<id>` / `HEALTH#<hash of url>`: written only when a source turns unhealthy or
 * recovers, so a healthy pipeline never writes one. Each write is an UpdateItem whose condition tells a change
 * from a restatement. The return values only feed metrics and logs: what a digest reports is decided by
 * `changedAt` against `reportedStatus`, so a retried write whose first response was lost reports nothing twice.
 */
export function dynamoSourceHealth(table: DynamoTable): SourceHealthStore {
  const update = (
    key: ItemKey,
    input: { set: string; condition: string; values: Record<string, unknown>; names?: Record<string, string> },
  ) =>
    table.updateIf({
      Key: key,
      UpdateExpression: `SET ${input.set}`,
      ConditionExpression: input.condition,
      ExpressionAttributeNames: input.names,
      ExpressionAttributeValues: input.values,
    });

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

    listSourceHealth: (watchId) => table.queryPrefix<SourceHealthRecord>(partitionKeys.watch(watchId), sortKeyPrefixes.sourceHealth),

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
