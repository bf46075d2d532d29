/**
 * A counting proxy in front of dynalite: every DynamoDB request of every process goes through it, so the bench
 * counts what goes over the wire, per operation: requests, bytes sent and bytes answered, and the capacity units
 * consumed. It asks for them itself (`ReturnConsumedCapacity: TOTAL` is added to each request that does not ask):
 * the pipeline's code is not changed to be measured. dynalite counts table units as DynamoDB does (1 read unit per
 * 4 KB read strongly, half that eventually, 1 write unit per KB written); writes to the GSI are not in its count.
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OperationCount {
  requests: number;
  requestBytes: number;
  responseBytes: number;
  capacityUnits: number;
}

export type MeterSnapshot = Record<string, OperationCount>;

export interface DynamoMeter {
  endpoint: string;
  /** Counts so far, by operation (`GetItem`, `Query`, …). */
  snapshot(): MeterSnapshot;
  close(): Promise<void>;
}

/** Operations that read: their answers are the read KB of the bench's figures. */
export const READ_OPERATIONS: ReadonlySet<string> = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

const emptyCount = (): OperationCount => ({ requests: 0, requestBytes: 0, responseBytes: 0, capacityUnits: 0 });

export async function startDynamoMeter(target: string): Promise<DynamoMeter> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const counts = new Map<string, OperationCount>();

  const server: Server = createServer(async (request, response) => {
    const operation = String(request.headers['x-amz-target'] ?? 'unknown').split('.').at(-1) ?? 'unknown';
    const body = withCapacityAsked(await readAll(request));
    const count = counts.get(operation) ?? emptyCount();
    counts.set(operation, count);
    count.requests += 1;
    count.requestBytes += body.length;
    const forwarded = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, agent, headers: { ...request.headers, 'content-length': String(body.length) } },
      async (answer) => {
        const answered = await readAll(answer);
        count.responseBytes += answered.length;
        // A conditional write that fails answers no capacity, but DynamoDB bills it a write unit all the same.
        count.capacityUnits += answer.statusCode === 400 && answered.includes('ConditionalCheckFailed') ? 1 : capacityOf(answered);
        response.writeHead(answer.statusCode ?? 500, answer.headers).end(answered);
      },
    );
    forwarded.on('error', () => response.destroy());
    forwarded.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    snapshot: () => Object.fromEntries([...counts].map(([operation, count]) => [operation, { ...count }])),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** The request with `ReturnConsumedCapacity: TOTAL` unless it asks for capacity already (dynalite checks no signature). */
function withCapacityAsked(body: Buffer): Buffer {
  if (body.length === 0) return body;
  const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (parsed.ReturnConsumedCapacity !== undefined || !('TableName' in parsed || 'RequestItems' in parsed)) return body;
  return Buffer.from(JSON.stringify({ ...parsed, ReturnConsumedCapacity: 'TOTAL' }));
}

/** Capacity units in an answer: one `ConsumedCapacity`, or a list of them (batch operations). */
function capacityOf(body: Buffer): number {
  if (body.length === 0) return 0;
  try {
    const consumed = (JSON.parse(body.toString('utf8')) as { ConsumedCapacity?: unknown }).ConsumedCapacity;
    const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Array<{ CapacityUnits?: number }>;
    return list.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
  } catch {
    return 0;
  }
}

/** What happened between two snapshots, by operation. */
export function meterDelta(before: MeterSnapshot, after: MeterSnapshot): MeterSnapshot {
  return Object.fromEntries(
    Object.entries(after).map(([operation, count]) => {
      const earlier = before[operation] ?? emptyCount();
      return [
        operation,
        {
          requests: count.requests - earlier.requests,
          requestBytes: count.requestBytes - earlier.requestBytes,
          responseBytes: count.responseBytes - earlier.responseBytes,
          capacityUnits: count.capacityUnits - earlier.capacityUnits,
        },
      ];
    }),
  );
}

/** Totals of a snapshot: all requests, reads, read KB answered, read and write units (dynalite's count). */
export function meterTotals(snapshot: MeterSnapshot) {
  const totals = { requests: 0, readRequests: 0, readKB: 0, readUnits: 0, writeUnits: 0 };
  for (const [operation, count] of Object.entries(snapshot)) {
    totals.requests += count.requests;
    if (READ_OPERATIONS.has(operation)) {
      totals.readRequests += count.requests;
      totals.readKB += count.responseBytes / 1024;
      totals.readUnits += count.capacityUnits;
    } else {
      totals.writeUnits += count.capacityUnits;
    }
  }
  return totals;
}
