/**
 * One processor of the politeness-across-processes test (tests/integration/host-slots.test.ts), run as a child process
 * (`node --import tsx`) so that it has its own event loop, module state and DynamoDB client, as a Lambda does. It is
 * told its URLs, waits for `go`, fetches them all at once through its own pacer, and answers what it got.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { defaultFetchOptions, fetchDocument, HostPacer, systemPacerClock, type FetchOptions } from '../../shared/fetch/index.js';
import { createDynamoClient } from '../../shared/store/index.js';
import { dynamoHostSlots } from '../../shared/store/host-slots.js';
import { STARTED_AT_HEADER, WARM_UP_PATH, type FromProcessor, type ProcessorSetup, type ToProcessor } from './pacing-fleet.js';

interface Processor {
  setup: ProcessorSetup;
  client: DynamoDBClient;
  options: FetchOptions;
  slotErrors: string[];
}

let ready: Promise<Processor> | undefined;

process.on('message', (message: ToProcessor) => {
  if (message.kind === 'setup') {
    ready = prepare(message.setup);
    void ready.then(() => send({ kind: 'ready' }), exitWith);
  } else {
    void ready?.then(fetchAll).then(send, exitWith);
  }
});

function send(message: FromProcessor): void {
  process.send?.(message);
}

function exitWith(error: unknown): void {
  console.error(error);
  process.exit(1);
}

/**
 * Builds the processor's client and pacer. The client's first call resolves its endpoint and credentials and
 * connects; made here, before `go`, so that the test paces warm processes, as a warm Lambda is (a cold one's late
 * first answers miss their starts and reserve others).
 */
async function prepare(setup: ProcessorSetup): Promise<Processor> {
  const client = createDynamoClient({ endpoint: setup.endpoint });
  await client.send(new DescribeTableCommand({ TableName: setup.tableName }));
  const slotErrors: string[] = [];
  const fleet = { slots: dynamoHostSlots(client, setup.tableName, systemPacerClock), onSlotError: (error: unknown) => slotErrors.push(String(error)) };
  const options = defaultFetchOptions({
    allowPrivateNetwork: true,
    respectRobots: false,
    politeness: { perHostConcurrency: 2, perHostDelayMs: setup.intervalMs, paceLoopback: true },
    fetchImpl: stampedFetch,
    hostPacer: new HostPacer(systemPacerClock, setup.fleet ? fleet : undefined),
  });
  return { setup, client, options, slotErrors };
}

/** Stamps each request with when this process sent it, so the host can tell pacing from delivery. */
const stampedFetch: typeof fetch = (input, init) =>
  fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), [STARTED_AT_HEADER]: String(Date.now()) } });

async function fetchAll({ setup, client, options, slotErrors }: Processor): Promise<FromProcessor> {
  await warmUpHost(setup);
  const documents = await Promise.all(setup.urls.map((url) => fetchDocument(url, options)));
  client.destroy();
  return { kind: 'done', statuses: documents.map((document) => document.status), slotErrors };
}

/**
 * A process's first fetch loads undici and connects, which on a busy machine holds that request up for tens of ms
 * after its pacer started it; warmed up (and connected just before), the host sees requests when they were started.
 * Not paced: loopback is exempt by default.
 */
async function warmUpHost(setup: ProcessorSetup): Promise<void> {
  await fetchDocument(new URL(WARM_UP_PATH, setup.urls[0]).href, defaultFetchOptions({ allowPrivateNetwork: true, respectRobots: false }));
}
