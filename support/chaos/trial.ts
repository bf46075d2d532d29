/**
 * One chaos trial: a fresh archive behind the fault proxy, the flaky site, and a sequence of passes —
 * killed ones in child processes, one where every message and the digest run are delivered twice at
 * once, faulty ones until a pass ends clean — then the archive is compared with a fault-free reference.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { planSourceMessages, processSource, runPass, sendDigests, type FailureReport, type PipelineDeps } from '../../shared/pipeline/index.js';
import { createDynamoClient, ensureTable, startEmbeddedDynamo, type EmbeddedDynamo } from '../../shared/store/index.js';
import { compareArchives, scanArchive, type ArchiveSnapshot, type Comparison } from './archive.js';
import { buildCorpus, type Corpus } from './corpus.js';
import { chaosDeps, CLAIMING_DIGEST, type PassSetup } from './deps.js';
import { startFaultProxy, type DynamoFault, type FaultProxy, type FaultProxyOptions } from './fault-proxy.js';
import { startFlakyWeb, type FlakyWeb, type WebFault } from './flaky-web.js';
import { between, seededRandom } from '../prng.js';
import { readDeliveries } from './recording-notifier.js';

const WORKER = fileURLToPath(new URL('./pass-worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TABLE = 'chaos-archive';
/** Passes of a trial are scheduled an hour apart. */
const PASS_INTERVAL_MS = 3_600_000;
const FIRST_PASS = Date.parse('2026-11-23T08:00:00Z');
/** Failures kept per pass in the results, to see what failed. */
const FAILURE_SAMPLES = 3;

export interface TrialOptions {
  seed: number;
  /** Share of DynamoDB requests that meet a fault. */
  dynamoRate: number;
  /** Mix of DynamoDB faults (the proxy's default when absent); throttles cost the most wall time, in SDK backoff. */
  dynamoWeights?: FaultProxyOptions['weights'];
  /** Share of web requests that meet a fault. */
  webRate: number;
  /** Share of digest deliveries the notifier refuses. */
  notifierRefuseRate: number;
  /** Passes run in a child process and SIGKILLed at a random moment, before anything else. */
  killedPasses: number;
  /** A kill lands uniformly within this long after the child starts its pass. */
  killWindowMs: number;
  /** Faulty in-process passes allowed before faults are switched off for liveness. */
  maxFaultyPasses: number;
}

export type PassKind = 'killed' | 'duplicate-delivery' | 'faulty' | 'fault-free';

export interface PassResult {
  kind: PassKind;
  /** For a killed pass: whether the kill landed before the pass ended. */
  killed?: boolean;
  /**
   * For a killed pass: the pass's clock when the kill landed after it began claiming digests. A digest it left
   * `sending` may have gone out, so at most once never sends it again (send-digests.ts): withheld, not lost.
   */
  killedWhileSendingAt?: string;
  failures: number;
  /** The first few failures, as `url: error`. */
  failureSamples: string[];
  /** (watch, story) pairs neither read nor reported failed by an in-process pass: silent losses. */
  unaccounted: string[];
}

export interface TrialResult {
  seed: number;
  dynamoFaults: Record<DynamoFault, number>;
  webFaults: Record<WebFault, number>;
  dynamoRequests: number;
  /** Digest deliveries the notifier refused. */
  notifierRefusals: number;
  passes: PassResult[];
  /** Fault-free passes needed at the end before a pass ended without failures (0 when faulty ones got there). */
  faultFreePasses: number;
  comparison: Comparison;
  ms: number;
}

interface Rig {
  dynamo: EmbeddedDynamo;
  direct: DynamoDBClient;
  proxy: FaultProxy;
  web: FlakyWeb;
  corpus: Corpus;
  dir: string;
  close(): Promise<void>;
}

async function startRig(seed: number, dynamoRate: number, webRate: number, dynamoWeights?: FaultProxyOptions['weights']): Promise<Rig> {
  const dynamo = await startEmbeddedDynamo();
  const direct = createDynamoClient({ endpoint: dynamo.endpoint });
  await ensureTable(direct, TABLE);
  const proxy = await startFaultProxy({ target: dynamo.endpoint, seed, rate: dynamoRate, weights: dynamoWeights });
  const web = await startFlakyWeb({ seed: seed ^ 0x5eed, rate: webRate });
  const corpus = buildCorpus(web.baseUrl);
  web.serve(corpus.pages);
  const dir = mkdtempSync(join(tmpdir(), 'stancewatch-chaos-'));
  return {
    dynamo,
    direct,
    proxy,
    web,
    corpus,
    dir,
    async close() {
      direct.destroy();
      await Promise.all([proxy.close(), web.close()]);
      await dynamo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function passSetup(rig: Rig, index: number, notifierRefuseRate = 0): PassSetup {
  return {
    endpoint: rig.proxy.endpoint,
    tableName: TABLE,
    watches: rig.corpus.watches,
    deliveriesPath: join(rig.dir, 'deliveries.jsonl'),
    notifierRefuseRate,
    seed: index + 1,
    clock: new Date(FIRST_PASS + index * PASS_INTERVAL_MS).toISOString(),
  };
}

/** The reference: one fault-free pass on a fresh archive, sequential as the CLI runs it. */
export async function runReference(): Promise<{ snapshot: ArchiveSnapshot; ms: number }> {
  const started = Date.now();
  const rig = await startRig(1, 0, 0);
  try {
    const { deps, close } = chaosDeps(passSetup(rig, 0));
    const report = await runPass(deps, 'reference');
    close();
    if (report.failures.length > 0) throw new Error(`The fault-free reference pass failed: ${JSON.stringify(report.failures)}`);
    return { snapshot: await scanArchive(rig.direct, TABLE), ms: Date.now() - started };
  } finally {
    await rig.close();
  }
}

export async function runTrial(options: TrialOptions, reference: ArchiveSnapshot): Promise<TrialResult> {
  const started = Date.now();
  const random = seededRandom(options.seed ^ 0x7a11);
  const rig = await startRig(options.seed, options.dynamoRate, options.webRate, options.dynamoWeights);
  const expectedReads = readPairs(reference, rig.corpus);
  const passes: PassResult[] = [];
  let faultFreePasses = 0;
  let refuseRate = options.notifierRefuseRate;
  try {
    let index = 0;
    for (let kill = 0; kill < options.killedPasses; kill++) {
      passes.push(await runKilledPass(passSetup(rig, index++, refuseRate), between(random, 0, options.killWindowMs)));
    }
    const inProcess = async (kind: PassKind) => {
      const { deps, close } = chaosDeps(passSetup(rig, index++, refuseRate));
      try {
        const failures = kind === 'duplicate-delivery' ? await runDuplicatedPass(deps) : (await runPass(deps, kind)).failures;
        const unaccounted = await findUnaccounted(rig, expectedReads, failures);
        const failureSamples = failures.slice(0, FAILURE_SAMPLES).map((failure) => `${failure.url}: ${failure.error.slice(0, 160)}`);
        passes.push({ kind, failures: failures.length, failureSamples, unaccounted });
        return failures.length;
      } finally {
        close();
      }
    };
    let failures = await inProcess('duplicate-delivery');
    for (let faulty = 0; failures > 0 && faulty < options.maxFaultyPasses; faulty++) failures = await inProcess('faulty');
    rig.proxy.setRate(0);
    rig.web.setRate(0);
    refuseRate = 0;
    // Liveness: with the faults off, what failed must go through on the next pass.
    while (failures > 0 && faultFreePasses < 3) {
      faultFreePasses += 1;
      failures = await inProcess('fault-free');
    }
    const snapshot = await scanArchive(rig.direct, TABLE);
    const deliveries = readDeliveries(passSetup(rig, 0).deliveriesPath);
    const killedWhileSending = passes.flatMap((pass) => (pass.killedWhileSendingAt ? [pass.killedWhileSendingAt] : []));
    const comparison = compareArchives(reference, snapshot, deliveries.delivered, rig.corpus.storyOf, killedWhileSending);
    const silent = passes.flatMap((pass) => pass.unaccounted.map((pair) => `silently dropped in a ${pass.kind} pass: ${pair}`));
    comparison.lost += silent.length;
    comparison.details.push(...silent);
    if (failures > 0) comparison.details.push(`still failing after ${faultFreePasses} fault-free passes`);
    return {
      seed: options.seed,
      dynamoFaults: rig.proxy.counts(),
      webFaults: rig.web.counts(),
      dynamoRequests: rig.proxy.requests(),
      notifierRefusals: deliveries.refused,
      passes,
      faultFreePasses,
      comparison,
      ms: Date.now() - started,
    };
  } finally {
    await rig.close();
  }
}

/** Every message of the pass delivered twice at once (SQS at-least-once), then two digest runs at once. */
async function runDuplicatedPass(deps: PipelineDeps): Promise<FailureReport[]> {
  const failures: FailureReport[] = [];
  for (const message of planSourceMessages(deps, 'duplicate-delivery')) {
    const outcomes = await Promise.allSettled([processSource(message, deps), processSource(message, deps)]);
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') failures.push(...outcome.value.failures);
      else failures.push(...message.watchIds.map((watch) => ({ watch, url: message.sourceUrl, error: String(outcome.reason) })));
    }
  }
  const digests = await Promise.allSettled([sendDigests(deps), sendDigests(deps)]);
  for (const digest of digests) {
    if (digest.status === 'rejected') failures.push({ watch: '*', url: 'digest', error: String(digest.reason) });
  }
  return failures;
}

/** Runs a pass in a child process and SIGKILLs it `afterMs` after it starts its pass (if still running). */
async function runKilledPass(setup: PassSetup, afterMs: number): Promise<PassResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(setup)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  // 'close', not 'exit': 'exit' may come before the pipe is read to its end, and CLAIMING_DIGEST with it.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let output = '';
  const started = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('started')) resolve();
    });
    child.once('close', () => resolve());
  });
  await started;
  const finished = await Promise.race([exited.then(() => true), sleep(afterMs).then(() => false)]);
  if (!finished) child.kill('SIGKILL');
  await exited;
  // Everything the worker wrote before the kill has been read: 'close' comes after the pipe's end.
  const whileSending = !finished && output.includes(CLAIMING_DIGEST);
  return { kind: 'killed', killed: !finished, ...(whileSending ? { killedWhileSendingAt: setup.clock } : {}), failures: 0, failureSamples: [], unaccounted: [] };
}

/** The (watch, story) pairs the reference read, each with the page URLs it can be read at. */
interface ReadPair {
  watch: string;
  story: string;
  urls: Set<string>;
}

function readPairs(reference: ArchiveSnapshot, corpus: Corpus): ReadPair[] {
  const storyOfKey = storyByUrlKey(reference, corpus);
  const base = new URL(corpus.watches[0].sources[0].url).origin;
  return (reference.byKind['watch-mark'] ?? []).map((mark) => {
    const story = storyOfKey.get(mark.sk.slice('DONE#'.length)) ?? 'unknown';
    const urls = new Set(corpus.articles.filter((article) => article.story === story).map((article) => `${base}${article.path}`));
    return { watch: mark.pk.slice('WATCH#'.length), story, urls };
  });
}

function storyByUrlKey(snapshot: ArchiveSnapshot, corpus: Corpus): Map<string, string> {
  return new Map((snapshot.byKind.article ?? []).map((article) => [article.urlKey as string, corpus.storyOf(article.canonicalUrl as string) ?? 'unknown']));
}

/**
 * After a pass, every article a watch should read is either read (its mark is there) or named in the
 * pass's failures, by its page URL or by a source of the watch that failed as a whole.
 */
async function findUnaccounted(rig: Rig, expected: ReadPair[], failures: FailureReport[]): Promise<string[]> {
  const snapshot = await scanArchive(rig.direct, TABLE);
  const storyOfKey = storyByUrlKey(snapshot, rig.corpus);
  const read = new Set((snapshot.byKind['watch-mark'] ?? []).map((mark) => `${mark.pk.slice('WATCH#'.length)} ${storyOfKey.get(mark.sk.slice('DONE#'.length))}`));
  const sources = new Map(rig.corpus.watches.map((watch) => [watch.id, new Set(watch.sources.map((source) => source.url))]));
  return expected
    .filter((pair) => !read.has(`${pair.watch} ${pair.story}`))
    .filter(
      (pair) =>
        !failures.some(
          (failure) => (failure.watch === pair.watch || failure.watch === '*') && (pair.urls.has(failure.url) || sources.get(pair.watch)?.has(failure.url)),
        ),
    )
    .map((pair) => `${pair.watch} | ${pair.story}`);
}
