/**
 * Several real processes fetching from one loopback host, for the politeness-across-processes test: processors as
 * child processes (pacing-processor.ts), and the host on a worker thread of its own, so the times it stamps arrivals
 * with are not held up by the test's own event loop (dynalite runs there, and its writes take tens of ms of CPU).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const PROCESSOR = fileURLToPath(new URL('./pacing-processor.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A request each process sends before `go`; the host leaves it out of its arrivals. */
export const WARM_UP_PATH = '/warm-up';
/** When the process sent a request (epoch ms), as a request header. */
export const STARTED_AT_HEADER = 'x-started-at';

export interface ProcessorSetup {
  endpoint: string;
  tableName: string;
  urls: string[];
  intervalMs: number;
  /** Reserve starts in the table's host slots; off, the process paces only itself. */
  fleet: boolean;
}

/** The parent's messages to a processor, and its answers. */
export type ToProcessor = { kind: 'setup'; setup: ProcessorSetup } | { kind: 'go' };
export type FromProcessor = { kind: 'ready' } | { kind: 'done'; statuses: number[]; slotErrors: string[] };

/** A request the host received: its target (path and query) and when (epoch ms, the host thread's clock). */
export interface HostArrival {
  target: string;
  at: number;
  /** When the processor sent it (its `x-started-at`). */
  startedAt: number;
}

export interface ArrivalHost {
  origin: string;
  arrivals(): Promise<HostArrival[]>;
  close(): Promise<void>;
}

/** Plain JavaScript: an eval'd worker gets no TypeScript loader. */
const HOST_THREAD = `
const { parentPort } = require('node:worker_threads');
const { createServer } = require('node:http');
const arrivals = [];
const server = createServer((request, response) => {
  const at = Date.now();
  if (request.url !== ${JSON.stringify(WARM_UP_PATH)}) arrivals.push({ target: request.url, at, startedAt: Number(request.headers[${JSON.stringify(STARTED_AT_HEADER)}]) });
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Page</title><p>Hello</p>');
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'arrivals') parentPort.postMessage({ arrivals });
  if (message === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); }
});
`;

/** A loopback host on its own thread that records every request's arrival. */
export async function startArrivalHost(): Promise<ArrivalHost> {
  const worker = new Worker(HOST_THREAD, { eval: true });
  const next = <T>() => new Promise<T>((resolve) => worker.once('message', resolve));
  const { port } = await next<{ port: number }>();
  return {
    origin: `http://127.0.0.1:${port}`,
    async arrivals() {
      const answer = next<{ arrivals: HostArrival[] }>();
      worker.postMessage('arrivals');
      return (await answer).arrivals;
    },
    async close() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}

export type ProcessorResult = Extract<FromProcessor, { kind: 'done' }>;

/** Starts one child process per setup, and once all are ready tells them to go together; answers what each got. */
export async function runProcessors(setups: ProcessorSetup[]): Promise<ProcessorResult[]> {
  const children = await Promise.all(setups.map(startProcessor));
  try {
    const results = children.map((child) => nextMessage(child));
    for (const child of children) child.send({ kind: 'go' } satisfies ToProcessor);
    return (await Promise.all(results)) as ProcessorResult[];
  } finally {
    for (const child of children) child.kill();
  }
}

async function startProcessor(setup: ProcessorSetup): Promise<ChildProcess> {
  const child = fork(PROCESSOR, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = nextMessage(child);
  child.send({ kind: 'setup', setup } satisfies ToProcessor);
  await ready;
  return child;
}

/** The child's next message; fails if it exits first. */
function nextMessage(child: ChildProcess): Promise<FromProcessor> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`pacing processor exited (${code}) before it answered`));
    child.once('exit', onExit);
    child.once('message', (message: FromProcessor) => {
      child.off('exit', onExit);
      resolve(message);
    });
  });
}
