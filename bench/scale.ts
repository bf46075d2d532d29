/**
 * `npm run bench:scale`: the pipeline at scale on loopback, as the stack runs it (issue 16 §5).
 *
 * 1. fleet — `--feeds` RSS feeds on `--hosts` loopback hosts (one HTTP server a host, each on its own port: the
 *    pipeline paces per `hostname:port`), `--watches` watches sharing them, and `--processes` processor processes
 *    pulling batches of queue messages (planned by `planSourceMessages`) and running `processSource`, with
 *    production politeness (loopback paced like any host). Two passes an hour apart: a first run, then an hourly
 *    pass where a share of the feeds has one new article. Every request a host sees is timed.
 * 2. ledgers — for each `--ledger` size, a watch whose ledger holds that many statements and a feed of new articles
 *    quoting its speakers: DynamoDB requests and KB read per new article.
 * All DynamoDB traffic goes through a counting proxy in front of dynalite (bench/lib/scale/dynamo-meter.ts).
 *
 * Bars: each URL fetched at most once a pass; no host above the configured rate (one start per `perHostDelayMs`)
 * in any 1 s window; per new article, the largest ledger's requests and read KB within 1.5× of the smallest's.
 * The figures also give sources per processor-minute, the concurrency 10,000 sources an hour need, and a monthly
 * cost (bench/lib/scale/cost.ts). Exit code 1 when a bar fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTION_SIZING, PROCESS_BATCH_SIZE } from '../infra/constructs/pipeline-functions.js';
import { parseConfig } from '../shared/config/index.js';
import { DEFAULT_POLITENESS } from '../shared/fetch/constants.js';
import { planSourceMessages } from '../shared/pipeline/index.js';
import { createDynamoClient, ensureTable, startEmbeddedDynamo } from '../shared/store/index.js';
import { numberOption, option, round } from './lib/report.js';
import { coveragePages, coverageWatches, passClock, type CoverageSizes } from './lib/scale/corpus.js';
import { ASSUMPTIONS, monthlyCost, PRICES_AS_OF, SCENARIOS, type MeasuredPerSource } from './lib/scale/cost.js';
import { meterDelta, meterTotals, startDynamoMeter, type DynamoMeter, type MeterSnapshot } from './lib/scale/dynamo-meter.js';
import { startFleet, type PassStats } from './lib/scale/fleet.js';
import { closestPair, fetchesPerUrl, peakPerWindow, startHosts, type ClosestPair, type HostRequest, type Hosts } from './lib/scale/hosts.js';
import { measureLedgers, type LedgerRow } from './lib/scale/ledger-reads.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'bench/results/scale.json');
const TABLE = 'scale-archive';

/** Requests a host may see in one second: one start per `perHostDelayMs` (shared/fetch/constants.ts). */
const HOST_RATE_LIMIT = 1_000 / DEFAULT_POLITENESS.perHostDelayMs;
const RATE_WINDOW_MS = 1_000;
/**
 * Arrivals lag the pacer's starts: a request is written up to `MAX_LATE_MS` (10 ms) after its start
 * (shared/fetch/turn-dispatcher.ts), and reaches the hosts' thread a few ms later (p90 5-8 ms, at most 21 ms in most
 * runs and once 129 ms, with four processors and the hosts on two cores and another bench running). A window this much
 * shorter does not count one start twice; `closest` in each pass names the pair that came nearest.
 */
const ARRIVAL_JITTER_MS = 100;
/** A longer window, for the sustained rate: jitter hardly moves it. */
const SUSTAINED_WINDOW_MS = 10_000;
const BARS = { fetchesPerUrl: 1, hostRatePerSecond: HOST_RATE_LIMIT, ledgerGrowth: 1.5 } as const;
const TARGET_SOURCES_PER_HOUR = 10_000;

function sizesFromOptions() {
  // Defaults that run in minutes on two cores: dynalite answers a request in ~20 ms, and politeness paces each host.
  const feeds = numberOption('feeds', 120);
  const watches = numberOption('watches', 20);
  const coverage: CoverageSizes = {
    feeds,
    hosts: numberOption('hosts', 40),
    watches,
    sourcesPerWatch: numberOption('sources-per-watch', Math.ceil((2 * feeds) / watches)),
    items: numberOption('items', 2),
    newShare: numberOption('new-share', 0.5),
    seed: numberOption('seed', 1),
  };
  const ledgers = option('ledger', '1000,10000,100000').split(',').map(Number);
  if (ledgers.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--ledger ${option('ledger', '')}: expected sizes such as 1000,10000,100000`);
  return {
    coverage,
    processes: numberOption('processes', 4),
    ledgers,
    ledgerArticles: numberOption('ledger-articles', 5),
    vocabulary: numberOption('vocabulary', 30_000),
  };
}

type Sizes = ReturnType<typeof sizesFromOptions>;

interface PassRow extends Omit<PassStats, 'failureSamples'> {
  pass: number;
  urlsFetched: number;
  maxFetchesPerUrl: number;
  meanFetchesPerUrl: number;
  /** URLs fetched more than once in the pass. */
  urlsRefetched: number;
  /** The URL fetched most often (`<host index>/<path>`). */
  mostFetched: { url: string; fetches: number };
  requests: number;
  /** The busiest host in 1 s and over 10 s, and the two requests any host saw closest together (see `closestPair`). */
  peakHostRate: { host: number; requestsPerSecond: number; sustainedPerSecond: number; closest?: ClosestPair };
  sourcesPerProcessorMinute: number;
  cpuMsPerSource: number;
  dynamo: ReturnType<typeof meterTotals> & { requestKB: number };
  failureSamples: string[];
}

async function runFleet(sizes: Sizes, hosts: Hosts, meter: DynamoMeter): Promise<PassRow[]> {
  const watches = coverageWatches(sizes.coverage, hosts.baseUrls);
  const config = parseConfig({ watches }, 'scale bench coverage');
  const fleet = await startFleet(sizes.processes, PROCESS_BATCH_SIZE, { endpoint: meter.endpoint, tableName: TABLE, watches });
  const rows: PassRow[] = [];
  try {
    for (const pass of [0, 1]) {
      await Promise.all(coveragePages(sizes.coverage, hosts.baseUrls, pass).map((pages, host) => hosts.serve(host, pages)));
      await hosts.take();
      const before = meter.snapshot();
      const stats = await fleet.runPass(planSourceMessages({ config }, `scale-${pass}`), passClock(pass));
      const requests = await hosts.take();
      const row = passRow(pass, stats, requests, meterDelta(before, meter.snapshot()));
      rows.push(row);
      printPass(row);
    }
  } finally {
    await fleet.close();
  }
  return rows;
}

function passRow(pass: number, stats: PassStats, requests: HostRequest[], delta: MeterSnapshot): PassRow {
  const counts = fetchesPerUrl(requests);
  const perUrl = [...counts.values()];
  const mostFetched = [...counts].reduce((most, entry) => (entry[1] > most[1] ? entry : most), ['', 0]);
  const peak = peakPerWindow(requests, RATE_WINDOW_MS, ARRIVAL_JITTER_MS);
  const sustained = peakPerWindow(requests, SUSTAINED_WINDOW_MS, ARRIVAL_JITTER_MS);
  const processorMinutes = stats.processorMs / 60_000;
  const requestKB = Object.values(delta).reduce((sum, count) => sum + count.requestBytes, 0) / 1024;
  return {
    pass,
    ...stats,
    urlsFetched: perUrl.length,
    maxFetchesPerUrl: Math.max(0, ...perUrl),
    meanFetchesPerUrl: round(perUrl.reduce((sum, count) => sum + count, 0) / Math.max(1, perUrl.length), 2),
    urlsRefetched: perUrl.filter((count) => count > 1).length,
    mostFetched: { url: mostFetched[0], fetches: mostFetched[1] },
    requests: requests.length,
    peakHostRate: {
      host: peak.host,
      requestsPerSecond: peak.count,
      sustainedPerSecond: round(sustained.count / (SUSTAINED_WINDOW_MS / 1000), 1),
      closest: closestToTenthMs(closestPair(requests)),
    },
    sourcesPerProcessorMinute: round(stats.messages / Math.max(processorMinutes, 1e-9), 1),
    cpuMsPerSource: round(stats.cpuMs / Math.max(1, stats.messages), 1),
    dynamo: { ...meterTotals(delta), requestKB },
    wallMs: round(stats.wallMs, 0),
    processorMs: round(stats.processorMs, 0),
    cpuMs: round(stats.cpuMs, 0),
  };
}

function closestToTenthMs(pair: ClosestPair | undefined): ClosestPair | undefined {
  return pair && { ...pair, gapMs: round(pair.gapMs, 1) };
}

function printPass(row: PassRow): void {
  const label = row.pass === 0 ? 'first run' : 'hourly pass';
  console.log(
    `pass ${row.pass} (${label}): ${row.messages} sources, ${row.newArticles} new articles, ${row.statements} statements, ${row.failedMessages} failed, ` +
      `${(row.wallMs / 1000).toFixed(1)} s wall, ${row.batches} batches`,
  );
  console.log(
    `  fetches: ${row.requests} requests, ${row.urlsFetched} URLs, max ${row.maxFetchesPerUrl} per URL (mean ${row.meanFetchesPerUrl}, ${row.urlsRefetched} fetched more than once; most: ${row.mostFetched.url} ×${row.mostFetched.fetches}); ` +
      `peak host rate ${row.peakHostRate.requestsPerSecond}/s in 1 s (host ${row.peakHostRate.host}), ${row.peakHostRate.sustainedPerSecond}/s over 10 s`,
  );
  const closest = row.peakHostRate.closest;
  if (closest) console.log(`  closest arrivals: ${closest.gapMs} ms apart at host ${closest.host} (${closest.paths.join(' then ')})`);
  console.log(
    `  processors: ${row.sourcesPerProcessorMinute} sources per processor-minute, ${row.cpuMsPerSource} CPU ms per source; ` +
      `DynamoDB ${row.dynamo.requests} requests, ${round(row.dynamo.readKB, 0)} KB read, ${round(row.dynamo.readUnits, 0)} RRU, ${round(row.dynamo.writeUnits, 0)} WRU`,
  );
  for (const sample of row.failureSamples) console.log(`    failed: ${sample}`);
}

function printLedger(row: LedgerRow): void {
  const per = row.perArticle;
  console.log(
    `ledger ${String(row.ledger).padStart(6)}: ${row.speakers} speakers, ${row.summaryTerms} summary terms, seeded in ${row.seedSeconds} s; ${row.newArticles} new articles read in ${row.readSeconds} s, ` +
      `per article ${per.requests} requests (${per.readRequests} reads), ${per.readKB} KB read, ${per.readUnits} RRU, ${per.writeUnits} WRU`,
  );
}

/** The steady hourly pass, per source, as the cost model reads it. */
function measuredPerSource(hourly: PassRow): MeasuredPerSource {
  const per = (value: number) => value / Math.max(1, hourly.messages);
  return {
    processorMemoryMB: FUNCTION_SIZING.processSource.memorySize,
    processorSecondsPerSource: per(hourly.processorMs / 1000),
    sourcesPerInvocation: PROCESS_BATCH_SIZE,
    // dynalite does not count writes to GSI1: one more unit for each statement stored (its timeline entry).
    readUnitsPerSource: per(hourly.dynamo.readUnits),
    writeUnitsPerSource: per(hourly.dynamo.writeUnits + hourly.statements),
    bytesWrittenPerSource: per(hourly.dynamo.requestKB * 1024),
  };
}

function judge(passes: PassRow[], ledgers: LedgerRow[]) {
  const maxFetches = Math.max(...passes.map((pass) => pass.maxFetchesPerUrl));
  const peakRate = Math.max(...passes.map((pass) => pass.peakHostRate.requestsPerSecond));
  const growth = (of: (row: LedgerRow) => number) => round(Math.max(...ledgers.map(of)) / Math.max(1e-9, Math.min(...ledgers.map(of))), 2);
  const ledgerRequestsGrowth = growth((row) => row.perArticle.requests);
  const ledgerReadKBGrowth = growth((row) => row.perArticle.readKB);
  const bars = {
    fetchesPerUrl: { measured: maxFetches, bar: BARS.fetchesPerUrl, passed: maxFetches <= BARS.fetchesPerUrl },
    hostRate: { measured: peakRate, bar: BARS.hostRatePerSecond, passed: peakRate <= BARS.hostRatePerSecond },
    ledgerRequests: { measured: ledgerRequestsGrowth, bar: BARS.ledgerGrowth, passed: ledgerRequestsGrowth <= BARS.ledgerGrowth },
    ledgerReadKB: { measured: ledgerReadKBGrowth, bar: BARS.ledgerGrowth, passed: ledgerReadKBGrowth <= BARS.ledgerGrowth },
  };
  return { bars, passed: Object.values(bars).every((bar) => bar.passed) };
}

async function main(): Promise<void> {
  const sizes = sizesFromOptions();
  const started = Date.now();
  const { feeds, hosts: hostCount, watches, sourcesPerWatch, items, newShare } = sizes.coverage;
  console.log(
    `sizes: ${feeds} feeds on ${hostCount} hosts, ${items} items each; ${watches} watches of ${sourcesPerWatch} sources; ${sizes.processes} processor processes, ` +
      `batches of ${PROCESS_BATCH_SIZE}; hourly pass: ${newShare * 100}% of feeds with a new article; ledgers ${sizes.ledgers.join(', ')} (${sizes.ledgerArticles} new articles each)`,
  );
  const dynamo = await startEmbeddedDynamo();
  const direct = createDynamoClient({ endpoint: dynamo.endpoint });
  await ensureTable(direct, TABLE);
  const meter = await startDynamoMeter(dynamo.endpoint);
  // One more host than the fleet's: the ledger feeds are served apart.
  const hosts = await startHosts(hostCount + 1);
  try {
    const passes = await runFleet(sizes, hosts, meter);
    const ledgers = await measureLedgers(
      { dynamo: direct, meter, tableName: TABLE, hosts, host: hostCount, articles: sizes.ledgerArticles, vocabulary: sizes.vocabulary, now: passClock(2) },
      sizes.ledgers,
      printLedger,
    );
    const hourly = passes[1];
    const throughput = {
      sourcesPerProcessorMinute: hourly.sourcesPerProcessorMinute,
      firstRunSourcesPerProcessorMinute: passes[0].sourcesPerProcessorMinute,
      concurrencyFor10kSourcesPerHour: Math.ceil(TARGET_SOURCES_PER_HOUR / 60 / Math.max(1e-9, hourly.sourcesPerProcessorMinute)),
    };
    const measured = measuredPerSource(hourly);
    const costs = SCENARIOS.map((scenario) => ({ scenario, monthlyUSD: monthlyCost(scenario, measured) }));
    const { bars, passed } = judge(passes, ledgers);
    const wallSeconds = round((Date.now() - started) / 1000, 1);
    printSummary(throughput, costs, bars, passed, wallSeconds);
    mkdirSync(dirname(OUTPUT), { recursive: true });
    const results = { generatedAt: new Date().toISOString(), sizes, hostRateLimitPerSecond: HOST_RATE_LIMIT, bars, passed, wallSeconds, passes, ledgers, throughput };
    const cost = { pricesAsOf: PRICES_AS_OF, measuredPerSource: measured, assumptions: ASSUMPTIONS, scenarios: costs };
    writeFileSync(OUTPUT, `${JSON.stringify({ ...results, cost }, null, 2)}\n`);
    console.log(`written to ${OUTPUT}`);
    process.exitCode = passed ? 0 : 1;
  } finally {
    direct.destroy();
    await Promise.all([hosts.close(), meter.close()]);
    await dynamo.close();
  }
}

function printSummary(
  throughput: { sourcesPerProcessorMinute: number; concurrencyFor10kSourcesPerHour: number },
  costs: Array<{ scenario: { name: string }; monthlyUSD: Record<string, number> }>,
  bars: ReturnType<typeof judge>['bars'],
  passed: boolean,
  wallSeconds: number,
): void {
  console.log('');
  console.log(
    `throughput (hourly pass): ${throughput.sourcesPerProcessorMinute} sources per processor-minute → ${throughput.concurrencyFor10kSourcesPerHour} processors for ${TARGET_SOURCES_PER_HOUR} sources an hour`,
  );
  for (const { scenario, monthlyUSD } of costs) console.log(`cost ${scenario.name}: $${monthlyUSD.total}/month ${JSON.stringify(monthlyUSD)}`);
  for (const [name, bar] of Object.entries(bars)) console.log(`${bar.passed ? 'pass' : 'FAIL'} ${name}: ${bar.measured} (bar ≤ ${bar.bar})`);
  console.log(`${passed ? 'PASS' : 'FAIL'} in ${wallSeconds} s`);
}

await main();
