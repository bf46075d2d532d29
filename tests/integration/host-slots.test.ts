import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openLocalRuntime, SHARED_PACING_ENV } from '../../bin/local-runtime.js';
import { createSourceDeps } from '../../lambdas/lib/aws-deps.js';
import { CLAIM_LEAD_MS, HostPacer, MAX_LATE_MS, systemPacerClock } from '../../shared/fetch/index.js';
import { stderrLog } from '../../shared/pipeline/index.js';
import { documentClient, itemKeys, TABLE_KEYS } from '../../shared/store/index.js';
import { dynamoHostSlots } from '../../shared/store/host-slots.js';
import { fakeClock } from '../helpers/clock.js';
import { lambdaTableEnv, useTestTable } from '../helpers/dynamo.js';
import { runProcessors, startArrivalHost, type HostArrival, type ProcessorResult } from '../helpers/pacing-fleet.js';

const INTERVAL_MS = 200;
const PROCESSES = 3;
const URLS_PER_PROCESS = 5;
/**
 * Arrivals are stamped when the host reads a request, some ms after the process sent it, and that lag varies with the
 * machine's load (two cores, five processes, other test files): two requests sent one interval apart were seen to
 * arrive up to ~35 ms closer. Without shared slots the processes' first requests arrive within a few ms of each other.
 */
const ARRIVAL_TOLERANCE_MS = 50;
/** What the pacing itself holds, read from when each process sent each request: a start is at most this late. */
const START_TOLERANCE_MS = MAX_LATE_MS + 1;
const HOST = 'news.example:443';

/** Gaps between consecutive arrivals at the server, in arrival order. */
function gapsBetween(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => time - times[index]);
}

/** The least gap between two arrivals at the host, and between two sends by the processes. */
function leastGaps(arrivals: readonly HostArrival[]): { arrived: number; sent: number } {
  const sent = arrivals.map((arrival) => arrival.startedAt).sort((a, b) => a - b);
  return { arrived: Math.min(...gapsBetween(arrivals.map((arrival) => arrival.at))), sent: Math.min(...gapsBetween(sent)) };
}

describe('host slots in the archive table (dynalite)', () => {
  const table = useTestTable({ freshTable: 'test' });

  it('reserves one start per interval for a host, with conditional writes that hold under concurrent reservations', async () => {
    const clock = fakeClock();
    const slots = dynamoHostSlots(table.client, table.tableName, clock);
    const t = clock.now();
    const starts = await Promise.all(Array.from({ length: 8 }, () => slots.reserve(HOST, INTERVAL_MS)));
    const expected = Array.from({ length: 8 }, (_, k) => t + CLAIM_LEAD_MS + k * INTERVAL_MS);
    expect([...starts].sort((a, b) => a - b)).toEqual(expected);
  });

  it('claims the host afresh once its next free start has passed, and dates the item for TTL', async () => {
    const clock = fakeClock();
    const slots = dynamoHostSlots(table.client, table.tableName, clock);
    await slots.reserve(HOST, INTERVAL_MS);
    clock.advance(5_000);
    const t = clock.now();
    expect(await slots.reserve(HOST, INTERVAL_MS)).toBe(t + CLAIM_LEAD_MS);
    const { Item } = await documentClient(table.client).send(new GetCommand({ TableName: table.tableName, Key: itemKeys.hostSlot(HOST) }));
    expect(Item?.nextAt).toBe(t + CLAIM_LEAD_MS + INTERVAL_MS);
    const expiresInHours = ((Item?.[TABLE_KEYS.ttlAttribute] as number) * 1000 - t) / 3_600_000;
    expect(Math.round(expiresInHours)).toBe(24);
  });

  it('fails a reservation when the table cannot be reached, for the pacer to fall back on', async () => {
    const unreachable = new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
    onTestFinished(() => unreachable.destroy());
    await expect(dynamoHostSlots(unreachable, table.tableName, systemPacerClock).reserve(HOST, INTERVAL_MS)).rejects.toThrow();
  });
});

describe('politeness across processes: three child processes against one loopback host', () => {
  const table = useTestTable({ freshTable: 'test' });

  /** Each processor fetches its URLs of the one host at once, as a batch of SQS records runs; answers the arrivals. */
  async function fetchFromProcessors(fleet: boolean): Promise<{ arrivals: HostArrival[]; results: ProcessorResult[] }> {
    const host = await startArrivalHost();
    onTestFinished(host.close);
    const setups = Array.from({ length: PROCESSES }, (_, p) => ({
      endpoint: table.endpoint,
      tableName: table.tableName,
      urls: Array.from({ length: URLS_PER_PROCESS }, (_, u) => `${host.origin}/page?p=${p}&u=${u}`),
      intervalMs: INTERVAL_MS,
      fleet,
    }));
    const results = await runProcessors(setups);
    return { arrivals: await host.arrivals(), results };
  }

  it(`serves all ${PROCESSES * URLS_PER_PROCESS} requests of ${PROCESSES} processors at least one interval apart`, async () => {
    const { arrivals, results } = await fetchFromProcessors(true);
    expect(results.flatMap((result) => result.statuses)).toEqual(Array(PROCESSES * URLS_PER_PROCESS).fill(200));
    expect(new Set(arrivals.map((arrival) => arrival.target)).size).toBe(PROCESSES * URLS_PER_PROCESS);
    expect(results.flatMap((result) => result.slotErrors)).toEqual([]);
    const least = leastGaps(arrivals);
    expect(least.sent).toBeGreaterThanOrEqual(INTERVAL_MS - START_TOLERANCE_MS);
    expect(least.arrived).toBeGreaterThanOrEqual(INTERVAL_MS - ARRIVAL_TOLERANCE_MS);
  });

  it('without shared slots, the same processors crowd the host (the rate this multiplies)', async () => {
    const { arrivals, results } = await fetchFromProcessors(false);
    expect(results.flatMap((result) => result.statuses)).toEqual(Array(PROCESSES * URLS_PER_PROCESS).fill(200));
    const least = leastGaps(arrivals);
    expect(least.sent).toBeLessThan(INTERVAL_MS - ARRIVAL_TOLERANCE_MS);
    expect(least.arrived).toBeLessThan(INTERVAL_MS - ARRIVAL_TOLERANCE_MS);
  });
});

describe('wired by the composition roots', () => {
  const table = useTestTable();
  const NEWS = new URL('https://news.example/a');
  const LIMITS = { perHostConcurrency: 1, perHostDelayMs: INTERVAL_MS };

  it('the processing Lambda reserves its starts in the table (createSourceDeps)', async () => {
    const saved = { ...process.env };
    onTestFinished(() => void (process.env = saved));
    Object.assign(process.env, lambdaTableEnv(table));
    const { fetchOptions } = createSourceDeps(process.env, stderrLog('silent'));
    await fetchOptions.hostPacer?.run(NEWS, LIMITS, undefined, async () => undefined);
    const { Item } = await documentClient(table.client).send(new GetCommand({ TableName: table.tableName, Key: itemKeys.hostSlot(HOST) }));
    expect(Item?.nextAt).toEqual(expect.any(Number));
  });

  it(`the CLI paces by its own process unless ${SHARED_PACING_ENV}=1 (or sharedPacing) asks for the table's slots`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'stancewatch-pacing-'));
    const saved = process.env[SHARED_PACING_ENV];
    onTestFinished(async () => {
      process.env[SHARED_PACING_ENV] = saved;
      await rm(dataDir, { recursive: true, force: true });
    });
    delete process.env[SHARED_PACING_ENV];
    const open = async (sharedPacing?: boolean) => {
      const runtime = await openLocalRuntime({ dataDir, readsSources: false, printDigests: false, log: stderrLog('silent'), sharedPacing });
      await runtime.close();
      return runtime.deps.fetchOptions.hostPacer;
    };
    expect(await open()).toBeUndefined();
    expect(await open(true)).toBeInstanceOf(HostPacer);
    process.env[SHARED_PACING_ENV] = '1';
    expect(await open()).toBeInstanceOf(HostPacer);
  });
});
