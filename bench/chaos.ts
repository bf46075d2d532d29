/**
 * `npm run bench:chaos`: the pipeline under injected faults, compared with a fault-free pass.
 *
 * 1. reference — one fault-free pass over the chaos corpus (support/chaos/corpus.ts) on a fresh archive;
 * 2. trials — each on a fresh archive behind the fault proxy (throttles, 500s, connections dropped before
 *    and after the store applied a request, latency), the flaky site (503s, 500s, resets, stalls) and a
 *    notifier that refuses some digests,
 *    with its own seed: passes SIGKILLed at a random moment in a child process, a pass where every SQS
 *    message and the digest run are delivered twice at once, faulty passes until one ends clean, and
 *    fault-free passes only if the faulty ones did not get there (liveness; counted per trial);
 * 3. comparison — each trial's archive and deliveries against the reference (see support/chaos/archive.ts).
 *
 * Bars: zero articles lost, zero duplicates, zero digests sent twice, over at least 1,000 injected faults.
 * Options: `--trials N` (default 12), `--seed S` (first seed, default 1), `--concurrency C` (trials at once, default 4:
 * a trial mostly waits, on SDK backoffs and the kill timer, so four share two cores well).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DYNAMO_FAULTS, type DynamoFault } from '../support/chaos/fault-proxy.js';
import { WEB_FAULTS, type WebFault } from '../support/chaos/flaky-web.js';
import { seededRandom } from '../support/prng.js';
import { numberOption, round } from './lib/report.js';
import { runReference, runTrial, type TrialOptions, type TrialResult } from '../support/chaos/trial.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'bench/results/chaos.json');

const BARS = { lost: 0, duplicates: 0, digestsTwice: 0, minFaults: 1_000 } as const;

/** Fault rates drawn per trial: low ones look like a bad day, high ones run the SDK's retry quota dry. */
const DYNAMO_RATE: [number, number] = [0.1, 0.4];
const WEB_RATE: [number, number] = [0.05, 0.3];
/** Share of digests the notifier refuses (a mail service saying no): failed digests, retried next pass. */
const NOTIFIER_REFUSE_RATE: [number, number] = [0, 0.3];
/** A pass over the corpus takes 10–25 s under faults: kills land anywhere from the first request to the digests. */
const KILL_WINDOW_MS = 20_000;

function trialOptions(seed: number): TrialOptions {
  const random = seededRandom(seed);
  const within = ([low, high]: [number, number]) => round(low + random() * (high - low), 2);
  return {
    seed,
    dynamoRate: within(DYNAMO_RATE),
    webRate: within(WEB_RATE),
    notifierRefuseRate: within(NOTIFIER_REFUSE_RATE),
    killedPasses: 1 + Math.floor(random() * 2),
    killWindowMs: KILL_WINDOW_MS,
    maxFaultyPasses: 4,
  };
}

async function main(): Promise<void> {
  const trials = numberOption('trials', 12);
  const firstSeed = numberOption('seed', 1);
  const concurrency = numberOption('concurrency', 4);
  const started = Date.now();
  const reference = await runReference();
  console.log(`reference: ${reference.snapshot.items.length} items in ${(reference.ms / 1000).toFixed(1)} s`);

  const results: TrialResult[] = [];
  const seeds = Array.from({ length: trials }, (_, index) => firstSeed + index);
  const next = async (): Promise<void> => {
    const seed = seeds.shift();
    if (seed === undefined) return;
    const result = await runTrial(trialOptions(seed), reference.snapshot);
    results.push(result);
    printTrial(result);
    return next();
  };
  await Promise.all(Array.from({ length: concurrency }, next));
  results.sort((a, b) => a.seed - b.seed);

  const totals = summarize(results);
  const passed = totals.lost <= BARS.lost && totals.duplicates <= BARS.duplicates && totals.digestsTwice <= BARS.digestsTwice && totals.faults >= BARS.minFaults;
  const wallSeconds = round((Date.now() - started) / 1000, 1);
  printTotals(totals, wallSeconds, passed);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(
    OUTPUT,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        bars: BARS,
        passed,
        trials: results.length,
        wallSeconds,
        ...totals,
        results: results.map((result) => ({ ...result, comparison: { ...result.comparison, details: result.comparison.details.slice(0, 20) } })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written to ${OUTPUT}`);
  process.exitCode = passed ? 0 : 1;
}

function summarize(results: TrialResult[]) {
  const dynamoFaults = Object.fromEntries(DYNAMO_FAULTS.map((kind) => [kind, sum(results, (result) => result.dynamoFaults[kind])])) as Record<DynamoFault, number>;
  const webFaults = Object.fromEntries(WEB_FAULTS.map((kind) => [kind, sum(results, (result) => result.webFaults[kind])])) as Record<WebFault, number>;
  const passes = results.flatMap((result) => result.passes);
  const notifierRefusals = sum(results, (result) => result.notifierRefusals);
  return {
    faults: sum(Object.values(dynamoFaults), (count) => count) + sum(Object.values(webFaults), (count) => count) + notifierRefusals,
    dynamoFaults,
    webFaults,
    notifierRefusals,
    dynamoRequests: sum(results, (result) => result.dynamoRequests),
    killsLanded: passes.filter((pass) => pass.kind === 'killed' && pass.killed).length,
    passesWithFailures: passes.filter((pass) => pass.failures > 0).length,
    trialsNeedingFaultFreePasses: results.filter((result) => result.faultFreePasses > 0).length,
    lost: sum(results, (result) => result.comparison.lost),
    duplicates: sum(results, (result) => result.comparison.duplicates),
    digestsTwice: sum(results, (result) => result.comparison.digestsTwice),
    undelivered: sum(results, (result) => result.comparison.undelivered),
    /** Digests a kill mid-delivery left `sending`: at most once withholds them (they may have gone out). */
    withheldDigests: sum(results, (result) => result.comparison.withheld.length),
  };
}

function sum<T>(values: T[], of: (value: T) => number): number {
  return values.reduce((total, value) => total + of(value), 0);
}

function printTrial(result: TrialResult): void {
  const faults = sum(Object.values(result.dynamoFaults), (count) => count) + sum(Object.values(result.webFaults), (count) => count) + result.notifierRefusals;
  const kills = result.passes.filter((pass) => pass.kind === 'killed').map((pass) => (pass.killed ? 'killed' : 'finished')).join('+');
  const failing = result.passes.filter((pass) => pass.kind !== 'killed').map((pass) => pass.failures).join(',');
  const { lost, duplicates, digestsTwice, undelivered } = result.comparison;
  console.log(
    `seed ${String(result.seed).padStart(3)}  faults ${String(faults).padStart(4)}  child ${kills.padEnd(15)} failures/pass ${failing.padEnd(10)} fault-free ${result.faultFreePasses}  ` +
      `lost ${lost}  dup ${duplicates}  twice ${digestsTwice}  undelivered ${undelivered}  ${(result.ms / 1000).toFixed(1)} s`,
  );
  for (const detail of result.comparison.details.slice(0, 8)) console.log(`    ${detail}`);
  for (const digest of result.comparison.withheld) console.log(`    withheld (killed mid-delivery, at most once): ${digest}`);
}

function printTotals(totals: ReturnType<typeof summarize>, wallSeconds: number, passed: boolean): void {
  console.log('');
  console.log(
    `faults injected: ${totals.faults} (DynamoDB ${JSON.stringify(totals.dynamoFaults)}, web ${JSON.stringify(totals.webFaults)}, notifier refusals ${totals.notifierRefusals})`,
  );
  console.log(`DynamoDB requests: ${totals.dynamoRequests}; kills landed mid-pass: ${totals.killsLanded}; passes with failures: ${totals.passesWithFailures}; trials needing fault-free passes: ${totals.trialsNeedingFaultFreePasses}`);
  console.log(
    `lost (articles, statements, links, read marks): ${totals.lost}; duplicates: ${totals.duplicates}; digests sent twice: ${totals.digestsTwice}; ` +
      `statements left undelivered: ${totals.undelivered}; digests withheld after a kill mid-delivery (at most once): ${totals.withheldDigests}`,
  );
  console.log(`${passed ? 'PASS' : 'FAIL'} (bars: 0 lost, 0 duplicates, 0 digests twice, ≥ ${BARS.minFaults} faults) in ${wallSeconds} s`);
}

await main();
