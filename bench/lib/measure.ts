/**
 * Runs one extractor over every page and measures it: pages per second, peak memory above the
 * starting point, and the pages that threw.
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

/** Runs `extract` over the pages once, in order. */
export function runExtractor(pages: readonly BenchmarkPage[], extract: Extractor): RunResult {
  collectGarbage();
  const baseline = usedBytes();
  let peak = baseline;
  let peakRss = process.memoryUsage.rss();
  const texts = new Map<string, string>();
  const errors: RunResult['errors'] = [];
  const started = process.hrtime.bigint();
  pages.forEach((page) => {
    try {
      texts.set(page.id, extract(page));
    } catch (error) {
      texts.set(page.id, '');
      errors.push({ id: page.id, message: error instanceof Error ? error.message.slice(0, 200) : String(error) });
    }
    // Sampled after every page: a few µs against the ~2 ms of even the fastest row.
    peak = Math.max(peak, usedBytes());
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  });
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
