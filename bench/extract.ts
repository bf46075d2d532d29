/**
 * `npm run bench:extract`: the article-extraction benchmark (181 real pages with a human-marked body),
 * three rows measured in the same run — Stancewatch, @mozilla/readability on jsdom (what users would
 * otherwise pick) and a bare htmlparser2 parse (the floor: no extractor that parses the page is faster).
 * Prints a table and writes bench/results/extract.json.
 *
 * Timing: every row is warmed up first; the two fast rows then run in alternating rounds and keep their
 * median round, so machine noise hits both alike; Readability (≈100× slower) runs one round.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseDocument } from 'htmlparser2';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../shared/extract/index.js';
import { loadBenchmark, type BenchmarkPage } from './lib/dataset.js';
import { runExtractor, type Extractor, type RunResult } from './lib/measure.js';
import { scoreDocument, scoreSet, type SetScore } from './lib/score.js';

const DATASET_DIR = fileURLToPath(new URL('../../shared/datasets/article-extraction-benchmark/', import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL('./results/extract.json', import.meta.url));

/** Alternating timed rounds of the fast rows; the median round is reported. */
const FAST_ROUNDS = 5;
/** Pages of warm-up for the slow row (JIT and jsdom's lazy modules), not the whole set. */
const SLOW_WARMUP_PAGES = 10;
/** The bars. */
const BARS = { minF1: 0.96, minShareOfBareParse: 0.3 } as const;
/** Pages listed in the JSON as Stancewatch's weakest, to look at failure kinds (never to tune rules per page). */
const WORST_PAGES_LISTED = 15;

interface Row {
  name: string;
  scored: boolean;
  extract: Extractor;
}

const ROWS = {
  stancewatch: {
    name: 'Stancewatch',
    scored: true,
    extract: (page) => extractArticle({ url: page.url, body: page.html, contentType: 'text/html; charset=utf-8' }).text,
  },
  readability: {
    name: '@mozilla/readability on jsdom',
    scored: true,
    extract: (page) => {
      // jsdom reports every CSS it cannot parse on the console; that is noise here.
      const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
      try {
        return new Readability(dom.window.document).parse()?.textContent ?? '';
      } finally {
        dom.window.close();
      }
    },
  },
  bareParse: {
    name: 'bare htmlparser2 parse',
    scored: false,
    extract: (page) => {
      parseDocument(page.html);
      return '';
    },
  },
} satisfies Record<string, Row>;

interface RowResult {
  name: string;
  score?: SetScore;
  pagesPerSecond: number;
  seconds: number;
  peakMemoryMB: number;
  peakRssMB: number;
  errors: RunResult['errors'];
}

function summarize(row: Row, runs: RunResult[], pages: readonly BenchmarkPage[]): RowResult {
  const median = [...runs].sort((a, b) => a.pagesPerSecond - b.pagesPerSecond)[Math.floor(runs.length / 2)];
  const first = runs[0];
  const score = row.scored ? scoreSet(pages.map((page) => scoreDocument(first.texts.get(page.id) ?? '', page.truth))) : undefined;
  return {
    name: row.name,
    score,
    pagesPerSecond: median.pagesPerSecond,
    seconds: median.seconds,
    peakMemoryMB: Math.max(...runs.map((run) => run.peakMemoryMB)),
    peakRssMB: Math.max(...runs.map((run) => run.peakRssMB)),
    errors: first.errors,
  };
}

function worstPages(run: RunResult, pages: readonly BenchmarkPage[]) {
  return pages
    .map((page) => {
      const { precision, recall } = scoreDocument(run.texts.get(page.id) ?? '', page.truth);
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { id: page.id, url: page.url, f1: round(f1), precision: round(precision), recall: round(recall) };
    })
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, WORST_PAGES_LISTED);
}

function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function printTable(results: RowResult[]): void {
  const cell = (value: number | undefined, digits = 3) => (value === undefined ? '—' : value.toFixed(digits));
  console.log(`\n${'row'.padEnd(32)}${['F1', 'P', 'R', 'exact', 'pages/s', 'peak MB', 'rss MB', 'errors'].map((h) => h.padStart(9)).join('')}`);
  for (const row of results) {
    const cells = [
      cell(row.score?.f1),
      cell(row.score?.precision),
      cell(row.score?.recall),
      cell(row.score?.accuracy),
      cell(row.pagesPerSecond, 1),
      cell(row.peakMemoryMB, 1),
      cell(row.peakRssMB, 0),
      String(row.errors.length),
    ];
    console.log(`${row.name.padEnd(32)}${cells.map((c) => c.padStart(9)).join('')}`);
  }
}

function main(): void {
  const pages = loadBenchmark(DATASET_DIR);
  console.log(`article-extraction-benchmark: ${pages.length} pages, node ${process.version}`);

  runExtractor(pages, ROWS.bareParse.extract);
  runExtractor(pages, ROWS.stancewatch.extract);
  runExtractor(pages.slice(0, SLOW_WARMUP_PAGES), ROWS.readability.extract);

  const fastRuns: { stancewatch: RunResult[]; bareParse: RunResult[] } = { stancewatch: [], bareParse: [] };
  for (let round = 0; round < FAST_ROUNDS; round += 1) {
    fastRuns.bareParse.push(runExtractor(pages, ROWS.bareParse.extract));
    fastRuns.stancewatch.push(runExtractor(pages, ROWS.stancewatch.extract));
  }
  const readabilityRun = runExtractor(pages, ROWS.readability.extract);

  const stancewatch = summarize(ROWS.stancewatch, fastRuns.stancewatch, pages);
  const readability = summarize(ROWS.readability, [readabilityRun], pages);
  const bareParse = summarize(ROWS.bareParse, fastRuns.bareParse, pages);
  const results = [stancewatch, readability, bareParse];
  printTable(results);

  const shareOfBareParse = stancewatch.pagesPerSecond / bareParse.pagesPerSecond;
  const timesReadability = stancewatch.pagesPerSecond / readability.pagesPerSecond;
  const bars = {
    f1: { required: BARS.minF1, actual: round(stancewatch.score?.f1 ?? 0, 4), pass: (stancewatch.score?.f1 ?? 0) >= BARS.minF1 },
    speed: { required: BARS.minShareOfBareParse, actual: round(shareOfBareParse), pass: shareOfBareParse >= BARS.minShareOfBareParse },
    noCrash: { pass: stancewatch.errors.length === 0 },
  };
  console.log(`\nStancewatch: ${(shareOfBareParse * 100).toFixed(0)}% of the bare parse's pages/s, ${timesReadability.toFixed(1)}× Readability on jsdom`);
  console.log(`bars: F1 ≥ ${BARS.minF1} ${bars.f1.pass ? 'pass' : 'FAIL'}; ≥ ${BARS.minShareOfBareParse * 100}% of bare parse ${bars.speed.pass ? 'pass' : 'FAIL'}; no crash ${bars.noCrash.pass ? 'pass' : 'FAIL'}`);
  for (const row of results) for (const error of row.errors) console.log(`  ${row.name} threw on ${error.id}: ${error.message}`);

  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  const json = {
    benchmark: 'article-extraction-benchmark',
    pages: pages.length,
    node: process.version,
    measuredAt: new Date().toISOString(),
    method: `warm-up, then ${FAST_ROUNDS} alternating rounds of the fast rows (median reported) and one round of Readability; peak memory is heap + external above the level after a GC at the start of a round`,
    rows: results.map((row) => ({
      name: row.name,
      f1: row.score ? round(row.score.f1, 4) : null,
      precision: row.score ? round(row.score.precision, 4) : null,
      recall: row.score ? round(row.score.recall, 4) : null,
      exactShare: row.score ? round(row.score.accuracy, 4) : null,
      pagesPerSecond: round(row.pagesPerSecond, 1),
      peakMemoryMB: round(row.peakMemoryMB, 1),
      peakRssMB: round(row.peakRssMB, 0),
      errors: row.errors,
    })),
    ratios: { stancewatchShareOfBareParse: round(shareOfBareParse), stancewatchTimesReadability: round(timesReadability, 1) },
    bars,
    stancewatchWeakestPages: worstPages(fastRuns.stancewatch[0], pages),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${RESULTS_FILE}`);
}

main();
