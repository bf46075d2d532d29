/**
 * Several processors at once: `count` worker processes (worker.ts) pulling batches of queue messages from one queue
 * held here, as concurrent Lambda invocations pull from the source queue. A pass ends when the queue is empty and
 * every batch has come back.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SourceMessage } from '../../../shared/pipeline/index.js';
import type { FromWorker, MessageResult, ToWorker, WorkerSetup } from './worker.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface PassStats {
  messages: number;
  /** Wall time of the pass, first batch sent to last batch back. */
  wallMs: number;
  /** Sum over batches of their wall time: the processor time a Lambda bills (GB-s follow it). */
  processorMs: number;
  /** Sum over batches of the worker's CPU time. */
  cpuMs: number;
  batches: number;
  newArticles: number;
  articlesRead: number;
  statements: number;
  failedMessages: number;
  failureSamples: string[];
}

export interface Fleet {
  runPass(messages: SourceMessage[], clock: Date): Promise<PassStats>;
  close(): Promise<void>;
}

export async function startFleet(count: number, batchSize: number, setup: WorkerSetup): Promise<Fleet> {
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(setup)));
  return {
    runPass: (messages, clock) => runPass(workers, batchSize, [...messages], clock),
    async close() {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.exitCode !== null) return resolve();
              worker.once('exit', () => resolve());
              worker.send({ kind: 'stop' } satisfies ToWorker);
            }),
        ),
      );
    },
  };
}

function startWorker(setup: WorkerSetup): Promise<ChildProcess> {
  const child = fork(WORKER, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`scale worker exited (${code}) before it was ready`)));
    child.once('message', (message: FromWorker) => {
      child.removeAllListeners('exit');
      if (message.kind === 'ready') resolve(child);
    });
    child.send({ kind: 'setup', setup } satisfies ToWorker);
  });
}

function runPass(workers: ChildProcess[], batchSize: number, queue: SourceMessage[], clock: Date): Promise<PassStats> {
  const stats: PassStats = { messages: queue.length, wallMs: 0, processorMs: 0, cpuMs: 0, batches: 0, newArticles: 0, articlesRead: 0, statements: 0, failedMessages: 0, failureSamples: [] };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let busy = 0;
    const feed = (worker: ChildProcess) => {
      const messages = queue.splice(0, batchSize);
      if (messages.length === 0) {
        if (busy === 0) {
          stats.wallMs = performance.now() - started;
          resolve(stats);
        }
        return;
      }
      busy += 1;
      worker.send({ kind: 'batch', clock: clock.toISOString(), messages } satisfies ToWorker);
    };
    for (const worker of workers) {
      const onMessage = (message: FromWorker) => {
        if (message.kind !== 'done') return;
        busy -= 1;
        addBatch(stats, message.wallMs, message.cpuMs, message.results);
        feed(worker);
      };
      worker.on('message', onMessage);
      worker.once('exit', (code) => reject(new Error(`scale worker exited (${code}) mid-pass`)));
    }
    for (const worker of workers) feed(worker);
  }).finally(() => {
    for (const worker of workers) {
      worker.removeAllListeners('message');
      worker.removeAllListeners('exit');
    }
  }) as Promise<PassStats>;
}

function addBatch(stats: PassStats, wallMs: number, cpuMs: number, results: MessageResult[]): void {
  stats.batches += 1;
  stats.processorMs += wallMs;
  stats.cpuMs += cpuMs;
  for (const result of results) {
    stats.newArticles += result.newArticles;
    stats.articlesRead += result.articlesRead;
    stats.statements += result.statements;
    if (result.failed) {
      stats.failedMessages += 1;
      if (stats.failureSamples.length < 5 && result.error) stats.failureSamples.push(result.error);
    }
  }
}
