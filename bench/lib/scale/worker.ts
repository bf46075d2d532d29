/**
 * One processor of the scale bench, in a child process of its own (`fork` with tsx), as one Lambda execution
 * environment is one process: its own DynamoDB client, and the host pacer every fetch shares (shared/fetch/host-pacer.ts),
 * which reserves each start in the table's host slots, so the limit holds for the fleet. It takes batches of queue messages over IPC and runs each batch's records at once, as
 * the processor's BatchProcessor does, with `processSource` of the real pipeline.
 */
import { parseConfig } from '../../../shared/config/index.js';
import { defaultFetchOptions } from '../../../shared/fetch/index.js';
import { processSource, stderrLog, type SourceDeps, type SourceMessage } from '../../../shared/pipeline/index.js';
import { createDynamoClient, dynamoArchive } from '../../../shared/store/index.js';
import { dynamoHostBoilerplate } from '../../../shared/store/host-boilerplate.js';
import { dynamoFleetHostPacer } from '../../../shared/store/host-slots.js';
import type { WatchInput } from './corpus.js';

export interface WorkerSetup {
  endpoint: string;
  tableName: string;
  watches: WatchInput[];
}

/** Main → worker. */
export type ToWorker = { kind: 'setup'; setup: WorkerSetup } | { kind: 'batch'; clock: string; messages: SourceMessage[] } | { kind: 'stop' };

/** What one message came to. */
export interface MessageResult {
  newArticles: number;
  articlesRead: number;
  statements: number;
  failed: boolean;
  error?: string;
}

/** Worker → main: ready for a batch, or a batch done (its wall and CPU time, and each message's result). */
export type FromWorker = { kind: 'ready' } | { kind: 'done'; wallMs: number; cpuMs: number; results: MessageResult[] };

let deps: SourceDeps | undefined;
let clock = new Date(0);

function wire(setup: WorkerSetup): SourceDeps {
  const client = createDynamoClient({ endpoint: setup.endpoint });
  const log = stderrLog('silent');
  return {
    config: parseConfig({ watches: setup.watches }, 'scale bench coverage'),
    store: dynamoArchive(client, setup.tableName),
    boilerplate: dynamoHostBoilerplate(client, setup.tableName, () => clock),
    // Production politeness, loopback paced as a real host would be, held for the fleet through the table's host
    // slots as the Lambda processor holds it (lambdas/lib/aws-deps.ts): the limit the fleet's host rates are held to.
    fetchOptions: defaultFetchOptions({
      allowPrivateNetwork: true,
      politeness: { paceLoopback: true },
      hostPacer: dynamoFleetHostPacer(client, setup.tableName, log),
    }),
    log,
    now: () => clock,
  };
}

async function runOne(message: SourceMessage, sourceDeps: SourceDeps): Promise<MessageResult> {
  try {
    const outcome = await processSource(message, sourceDeps);
    const { articles } = outcome;
    return { newArticles: articles.new, articlesRead: articles.new + articles.revised, statements: outcome.stances.length, failed: outcome.failures.length > 0, error: outcome.failures[0]?.error };
  } catch (error) {
    return { newArticles: 0, articlesRead: 0, statements: 0, failed: true, error: (error as Error).message.slice(0, 200) };
  }
}

async function runBatch(messages: SourceMessage[]): Promise<FromWorker> {
  if (!deps) throw new Error('scale worker: a batch came before its setup');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const results = await Promise.all(messages.map((message) => runOne(message, deps as SourceDeps)));
  const used = process.cpuUsage(cpu);
  return { kind: 'done', wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, results };
}

const send = (message: FromWorker) => process.send?.(message);

process.on('message', (message: ToWorker) => {
  if (message.kind === 'setup') {
    deps = wire(message.setup);
    send({ kind: 'ready' });
  } else if (message.kind === 'batch') {
    clock = new Date(message.clock);
    void runBatch(message.messages).then(send);
  } else {
    process.exit(0);
  }
});
