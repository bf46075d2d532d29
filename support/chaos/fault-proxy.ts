/**
 * A fault-injecting HTTP proxy in front of a DynamoDB endpoint (dynalite): each request is forwarded,
 * or, at `rate`, meets one fault drawn from `weights`:
 *
 * - `throttle`: 400 ProvisionedThroughputExceededException or ThrottlingException (the SDK backs off and retries);
 * - `internal`: 500 InternalServerError (retried as transient);
 * - `dropBefore`: the connection is cut before the request reaches the store (nothing happened);
 * - `dropAfter`: the request is applied, then the connection is cut before the answer: the write happened
 *   and the client never hears. Its retry then meets its own write, the case that fools a naive
 *   conditional put into reporting another writer;
 * - `latency`: the request is held for a while, then forwarded.
 *
 * Every fault is counted by kind and by DynamoDB operation (from `X-Amz-Target`).
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { between, pickWeighted, seededRandom } from '../prng.js';

export const DYNAMO_FAULTS = ['throttle', 'internal', 'dropBefore', 'dropAfter', 'latency'] as const;
export type DynamoFault = (typeof DYNAMO_FAULTS)[number];

export interface FaultProxyOptions {
  /** The store behind the proxy, e.g. `http://127.0.0.1:4567`. */
  target: string;
  seed: number;
  /** Share of requests that meet a fault (0..1); `setRate` changes it later. */
  rate: number;
  weights?: Partial<Record<DynamoFault, number>>;
  /** Added by a `latency` fault; long enough to reorder concurrent requests, short of any SDK timeout. */
  latencyMs?: [number, number];
}

export interface FaultProxy {
  endpoint: string;
  /** Faults injected so far, by kind. */
  counts(): Record<DynamoFault, number>;
  /** Faults by DynamoDB operation (`PutItem`, `UpdateItem`, …) and kind. */
  countsByOperation(): Record<string, Partial<Record<DynamoFault, number>>>;
  requests(): number;
  setRate(rate: number): void;
  /**
   * Scripts one fault for the next request of `operation` whose body contains `bodyIncludes` (tests that
   * need one lost answer at one exact write); scripted faults come before random ones.
   */
  injectOnce(fault: ScriptedFault): void;
  /** Drops the scripted faults no request has met yet. */
  cancelScripted(): void;
  /** Stops taking requests, waits until the store has answered those it forwarded, then cuts every connection. */
  close(): Promise<void>;
}

export interface ScriptedFault {
  operation: string;
  kind: DynamoFault;
  bodyIncludes?: string;
}

/**
 * Lost answers are the case that breaks idempotency, throttles the one that drains the SDK's retry
 * quota fastest (each costs a backoff); latency is weighted low as it is only a nuisance.
 */
const DEFAULT_WEIGHTS: Record<DynamoFault, number> = { throttle: 2, internal: 2, dropBefore: 2, dropAfter: 3, latency: 1 };
const DEFAULT_LATENCY_MS: [number, number] = [20, 250];
const AMZ_JSON = 'application/x-amz-json-1.0';
const ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = seededRandom(options.seed);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const latency = options.latencyMs ?? DEFAULT_LATENCY_MS;
  const agent = new Agent({ keepAlive: true });
  const counts = Object.fromEntries(DYNAMO_FAULTS.map((kind) => [kind, 0])) as Record<DynamoFault, number>;
  const byOperation: Record<string, Partial<Record<DynamoFault, number>>> = {};
  let rate = options.rate;
  let requests = 0;
  const scripted: ScriptedFault[] = [];
  const takeScripted = (operation: string, body: Buffer): DynamoFault | undefined => {
    const index = scripted.findIndex((fault) => fault.operation === operation && (!fault.bodyIncludes || body.includes(fault.bodyIncludes)));
    return index < 0 ? undefined : scripted.splice(index, 1)[0].kind;
  };

  const count = (kind: DynamoFault, operation: string) => {
    counts[kind] += 1;
    const row = (byOperation[operation] ??= {});
    row[kind] = (row[kind] ?? 0) + 1;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const operation = String(request.headers['x-amz-target'] ?? '').split('.').pop() || 'unknown';
    requests += 1;
    // Drawn in arrival order: with one client at a time a seed replays the same faults.
    const drawn = random() < rate ? pickWeighted(random, weights) : undefined;
    const fault = takeScripted(operation, body) ?? drawn;
    const delayMs = between(random, latency[0], latency[1]);
    if (fault) count(fault, operation);
    switch (fault) {
      case 'throttle': {
        const type = random() < 0.5 ? 'ProvisionedThroughputExceededException' : 'ThrottlingException';
        return sendError(response, 400, type, 'Injected by the chaos proxy: rate of requests exceeds the allowed throughput');
      }
      case 'internal':
        return sendError(response, 500, 'InternalServerError', 'Injected by the chaos proxy: internal server error');
      case 'dropBefore':
        return void request.socket.destroy();
      case 'latency':
        await sleep(delayMs);
        break;
    }
    const answer = await forward(target, agent, request, body);
    if (fault === 'dropAfter') return void request.socket.destroy();
    response.writeHead(answer.status, answer.headers).end(answer.body);
  };

  // Requests being handled, each until the store has answered it: `close` waits for them, or a write whose answer is
  // being dropped could still reach the store after the test that made it has closed the store ("Database is closed").
  const inFlight = new Set<Promise<void>>();
  const server: Server = createServer((request, response) => {
    const handled: Promise<void> = handle(request, response)
      .catch(() => void request.socket.destroy())
      .finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ ...counts }),
    countsByOperation: () => structuredClone(byOperation),
    requests: () => requests,
    setRate(next) {
      rate = next;
    },
    injectOnce(fault) {
      scripted.push(fault);
    },
    cancelScripted() {
      scripted.length = 0;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve())); // no new connections from here
      await Promise.allSettled([...inFlight]);
      agent.destroy();
      server.closeAllConnections();
      await closed;
    },
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends the request on to the store and reads its whole answer, so `dropAfter` can withhold it. */
function forward(target: URL, agent: Agent, request: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...request.headers, host: target.host }, agent },
      (answer) => {
        readBody(answer).then((payload) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: payload }), reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: `${ERROR_PREFIX}${type}`, message });
  response.writeHead(status, { 'content-type': AMZ_JSON, 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': 'chaos' }).end(body);
}
