import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HostPacer, systemPacerClock, type PacerClock } from '../fetch/host-pacer.js';
import { hostSlotsIn, type HostSlotRegister, type HostSlots } from '../fetch/host-slots.js';
import { documentClient } from './document-client.js';
import { isConditionFailure } from './dynamo-table.js';
import { itemKeys } from './keys.js';
import { expiryAfter, TTL_ATTRIBUTE } from './ttl.js';

/**
 * A host's record outlives its last request by a day, then DynamoDB TTL may delete it. Nothing reads the expiry: an
 * idle host's `nextAt` is in the past, which reads the same as no record at all.
 */
const HOST_SLOT_TTL_DAYS = 1;

/**
 * The fleet's host slots in the archive table: one item per host (`HOST#<hostname:port>` / `PACE`) holding `nextAt`, the
 * host's next free start in epoch ms, written only by the two conditional UpdateItems of host-slots.ts (no read, no
 * transaction). Dated by `clock`, the one the pacer sleeps on.
 */
export function dynamoHostSlots(client: DynamoDBClient, tableName: string, clock: Pick<PacerClock, 'now'>): HostSlots {
  return hostSlotsIn(dynamoHostSlotRegister(client, tableName), clock);
}

/** Where a reservation that failed is told: the composition root's log. */
export interface SlotErrorLog {
  warn(message: string, extra?: Record<string, unknown>): void;
}

/**
 * The pacer of a process in a fleet: its own per-host pacing, then a start reserved in the table's host slots, on the
 * wall clock. A composition root builds one per process (per Lambda cold start) and passes it as `hostPacer`.
 */
export function dynamoFleetHostPacer(client: DynamoDBClient, tableName: string, log: SlotErrorLog): HostPacer {
  return new HostPacer(systemPacerClock, {
    slots: dynamoHostSlots(client, tableName, systemPacerClock),
    onSlotError: (error, host) => log.warn('no host slot reserved: this request is paced by its process alone', { host, error: String(error) }),
  });
}

/** The two conditional writes of a reservation, on the host's `PACE` item. */
export function dynamoHostSlotRegister(client: DynamoDBClient, tableName: string): HostSlotRegister {
  const doc = documentClient(client);
  /** A conditional write to the host's item that also dates it for TTL; undefined when the condition failed. */
  const writeIf = (host: string, write: PaceWrite, signal: AbortSignal | undefined) =>
    unlessConditionFails(
      doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: itemKeys.hostSlot(host),
          UpdateExpression: `SET ${write.set}, #ttl = :ttl`,
          ConditionExpression: write.condition,
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ...write.values, ':ttl': expiryAfter(new Date(write.datedAt), HOST_SLOT_TTL_DAYS) },
          ReturnValues: 'UPDATED_OLD',
        }),
        { abortSignal: signal },
      ),
    );

  return {
    async claimIdle(host, startAt, nextAt, signal) {
      const condition = 'attribute_not_exists(nextAt) OR nextAt <= :start';
      const written = await writeIf(host, { set: 'nextAt = :next', condition, values: { ':next': nextAt, ':start': startAt }, datedAt: nextAt }, signal);
      return written !== undefined;
    },

    async extendBusy(host, after, intervalMs, signal) {
      // An atomic add: processes queueing on one host never fail each other's condition.
      const set = 'nextAt = nextAt + :interval';
      const written = await writeIf(host, { set, condition: 'nextAt > :after', values: { ':interval': intervalMs, ':after': after }, datedAt: after }, signal);
      return written?.Attributes?.nextAt as number | undefined;
    },
  };
}

/** One conditional write to a `PACE` item: what it sets, when, and the time its TTL counts from. */
interface PaceWrite {
  set: string;
  condition: string;
  values: Record<string, number>;
  datedAt: number;
}

/** The write's answer, or undefined when its condition did not hold; any other failure is thrown. */
async function unlessConditionFails<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
