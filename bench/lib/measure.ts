/**
 * Measures extractors over the benchmark's pages, in two kinds of pass kept apart:
 * - timed rounds (`timeInterleavedRounds`): the extractor over every page and nothing else in the loop, so
 *   the figure is the extractor's own cost, not ours;
 * - one instrumented pass (`runExtractor`): the texts to score, the pages that threw and peak memory, sampled
 *   after every page (`process.memoryUsage()` costs about as much as parsing a small page, so it stays out of
 *   the timed rounds).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchmarkPage } from './dataset.js';

/** An extractor under test: the article body of one page as text ('' when it found none). */
export type Extractor = (page: BenchmarkPage) => string;

export interface RunResult {
  /** Body text per page id; a page that threw has ''. */
  texts: Map<string, string>;
  errors: Array<{ id: string; message: string }>;
  /** Wall time of the pass, sampling included: only meaningful for an extractor far slower than the sampling. */
  seconds: number;
  pagesPerSecond: number;
  /** Highest heap + external + array buffers seen during the run, above the level after a GC at its start. */
  peakMemoryMB: number;
  /** Highest resident set size seen during the run (the process's, so it includes earlier rows' leftovers). */
  peakRssMB: number;
}

const BYTES_PER_MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
/** `gc()` without needing `node --expose-gc` on the command line. */
const collectGarbage = runInNewContext('gc') as () => void;

function usedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external + usage.arrayBuffers;
}

/** The instrumented pass: runs `extract` over the pages once, in order, keeping texts, errors and peak memory. */
export function runExtractor(pages: readonly BenchmarkPage[], extract: Extractor): RunResult {
  collectGarbage();
  const baseline = usedBytes();
  let peak = baseline;
  let peakRss = process.memoryUsage.rss();
  const texts = new Map<string, string>();
  const errors: RunResult['errors'] = [];
  const started = process.hrtime.bigint();
  for (const page of pages) {
    try {
      texts.set(page.id, extract(page));
    } catch (error) {
      texts.set(page.id, '');
      errors.push({ id: page.id, message: error instanceof Error ? error.message.slice(0, 200) : String(error) });
    }
    peak = Math.max(peak, usedBytes());
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peak = Math.max(peak, usedBytes());
  return {
    texts,
    errors,
    seconds,
    pagesPerSecond: pages.length / seconds,
    peakMemoryMB: (peak - baseline) / BYTES_PER_MB,
    peakRssMB: peakRss / BYTES_PER_MB,
  };
}

/** Guards the timed loop's results from being optimized away; read by nobody. */
let checksum = 0;

/**
 * One timed round: `extract` over every page, in order, with nothing else in the loop (a page that throws
 * still costs what it cost until it threw; `runExtractor` reports it). A GC before the round, outside the
 * timing, so no round pays for the garbage of the one before. Returns seconds.
 */
export function timeRound(pages: readonly BenchmarkPage[], extract: Extractor): number {
  collectGarbage();
  const started = process.hrtime.bigint();
  for (const page of pages) {
    try {
      checksum += extract(page).length;
    } catch {
      checksum += 1;
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * `rounds` timed rounds of every extractor, interleaved (round 1: A then B, round 2: B then A…) so machine
 * noise and a warming JIT hit all of them alike. Returns each extractor's seconds per round.
 */
export function timeInterleavedRounds<K extends string>(
  pages: readonly BenchmarkPage[],
  extractors: Readonly<Record<K, Extractor>>,
  rounds: number,
): Record<K, number[]> {
  const names = Object.keys(extractors) as K[];
  const seconds = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) seconds[name].push(timeRound(pages, extractors[name]));
  }
  return seconds;
}
