/**
 * DynamoDB cost per new article against ledgers of several sizes. For each size: a watch whose ledger holds that many
 * statements (ledger-seed.ts), and a feed of `articles` new articles quoting three of the ledger's speakers each; one
 * `processSource` of that feed through the meter, divided by the articles it stored. The other costs of an article
 * (dedupe, the article itself, its marks) are in the figure too, the same at every size: what changes between sizes is
 * what the ledger costs.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseConfig } from '../../../shared/config/index.js';
import { defaultFetchOptions } from '../../../shared/fetch/index.js';
import { planSourceMessages, processSource, stderrLog, type SourceDeps } from '../../../shared/pipeline/index.js';
import { createDynamoClient, dynamoArchive } from '../../../shared/store/index.js';
import { dynamoHostBoilerplate } from '../../../shared/store/host-boilerplate.js';
import { round } from '../report.js';
import { articlePage, rssFeed, type WatchInput } from './corpus.js';
import { meterDelta, meterTotals, type DynamoMeter, type MeterSnapshot } from './dynamo-meter.js';
import type { Hosts, ServedPage } from './hosts.js';
import { LEDGER_SPEAKER_OFFSET, ledgerSpeakers, seededStatements, seedLedger } from './ledger-seed.js';
import { speakerName } from './words.js';

export interface LedgerRow {
  ledger: number;
  speakers: number;
  summaryTerms: number;
  seedSeconds: number;
  /** Wall time of reading the feed's articles, in this process, unpaced. */
  readSeconds?: number;
  newArticles: number;
  statements: number;
  perArticle: { requests: number; readRequests: number; readKB: number; readUnits: number; writeUnits: number };
  /** Per new article, by operation: requests and KB answered. */
  byOperation: Record<string, { requests: number; responseKB: number }>;
}

export interface LedgerSetup {
  dynamo: DynamoDBClient;
  meter: DynamoMeter;
  tableName: string;
  hosts: Hosts;
  /** The host the ledger feeds are served from (none of the fleet's). */
  host: number;
  articles: number;
  vocabulary: number;
  now: Date;
}

/** The watch and the pages of one ledger size: a feed of new articles by the ledger's own speakers. */
function ledgerCoverage(setup: LedgerSetup, size: number): { watch: WatchInput; pages: Map<string, ServedPage> } {
  const baseUrl = setup.hosts.baseUrls[setup.host];
  const speakers = ledgerSpeakers(size);
  const pages = new Map<string, ServedPage>();
  const entries = Array.from({ length: setup.articles }, (_, index) => {
    const path = `/ledger-${size}/a${index}.html`;
    const publishedAt = new Date(setup.now.getTime() - (setup.articles - index) * 60_000);
    const quoted = [0, 1, 2].map((offset) => speakerName(LEDGER_SPEAKER_OFFSET + ((index * 3 + offset) % speakers)));
    pages.set(path, articlePage(size * 7_919 + index, size + index, 'Ledger Desk', publishedAt, quoted));
    return { title: `Ledger article ${index}`, link: `${baseUrl}${path}`, publishedAt };
  });
  pages.set(`/ledger-${size}/feed.xml`, rssFeed(`Ledger ${size}`, baseUrl, entries.reverse()));
  const watch = { id: `ledger-${size}`, name: `Ledger of ${size}`, keywords: ['talks'], sources: [{ url: `${baseUrl}/ledger-${size}/feed.xml` }] };
  return { watch, pages };
}

function ledgerDeps(setup: LedgerSetup, watches: WatchInput[]): { deps: SourceDeps; close(): void } {
  const client = createDynamoClient({ endpoint: setup.meter.endpoint });
  const deps: SourceDeps = {
    config: parseConfig({ watches }, 'scale bench ledgers'),
    store: dynamoArchive(client, setup.tableName),
    boilerplate: dynamoHostBoilerplate(client, setup.tableName, () => setup.now),
    // Pacing is not what this part measures: the articles are read as fast as the store answers.
    fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true }),
    log: stderrLog('silent'),
    now: () => setup.now,
  };
  return { deps, close: () => client.destroy() };
}

/** Seeds each ledger, then reads its feed of new articles through the meter. */
export async function measureLedgers(setup: LedgerSetup, sizes: number[], onRow: (row: LedgerRow) => void): Promise<LedgerRow[]> {
  const coverage = sizes.map((size) => ledgerCoverage(setup, size));
  await setup.hosts.serve(setup.host, new Map(coverage.flatMap(({ pages }) => [...pages])));
  const { deps, close } = ledgerDeps(setup, coverage.map(({ watch }) => watch));
  const rows: LedgerRow[] = [];
  try {
    for (const [index, size] of sizes.entries()) {
      const seedStarted = performance.now();
      const watch = coverage[index].watch;
      const { terms } = await seedLedger(setup.dynamo, setup.tableName, watch.id, seededStatements(watch.id, size, setup.vocabulary, setup.now));
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      const before = setup.meter.snapshot();
      const readStarted = performance.now();
      const [message] = planSourceMessages(deps, `ledger-${size}`, [watch.id]);
      const outcome = await processSource(message, deps);
      if (outcome.failures.length > 0) throw new Error(`ledger ${size}: ${outcome.failures.length} article(s) failed, first: ${outcome.failures[0].error}`);
      const readSeconds = (performance.now() - readStarted) / 1000;
      const row = { ...ledgerRow(size, terms, seedSeconds, outcome.articles.new, outcome.stances.length, meterDelta(before, setup.meter.snapshot())), readSeconds: round(readSeconds, 2) };
      rows.push(row);
      onRow(row);
    }
  } finally {
    close();
  }
  return rows;
}

function ledgerRow(size: number, terms: number, seedSeconds: number, newArticles: number, statements: number, delta: MeterSnapshot): LedgerRow {
  const per = (value: number, digits = 1) => round(value / Math.max(1, newArticles), digits);
  const totals = meterTotals(delta);
  return {
    ledger: size,
    speakers: ledgerSpeakers(size),
    summaryTerms: terms,
    seedSeconds: round(seedSeconds, 1),
    newArticles,
    statements,
    perArticle: {
      requests: per(totals.requests),
      readRequests: per(totals.readRequests),
      readKB: per(totals.readKB),
      readUnits: per(totals.readUnits),
      writeUnits: per(totals.writeUnits),
    },
    byOperation: Object.fromEntries(
      Object.entries(delta)
        .filter(([, count]) => count.requests > 0)
        .map(([operation, count]) => [operation, { requests: per(count.requests), responseKB: per(count.responseBytes / 1024) }]),
    ),
  };
}
