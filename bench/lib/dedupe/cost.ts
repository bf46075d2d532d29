/**
 * Cost of bench:dedupe: archives filled to each size with filler articles (their band items), then new
 * articles and near-duplicate copies judged against them, DynamoDB requests counted on the client.
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NEAR_DUPLICATE, dedupeArticle, normalizeText, tokenize } from '../../../shared/dedupe/index.js';
import type { ExtractedArticle } from '../../../shared/extract/types.js';
import { createDynamoClient, dynamoArchive, ensureTable, hashKey, startEmbeddedDynamo } from '../../../shared/store/index.js';
import { seededRandom } from '../../../support/prng.js';
import { mean, round } from '../report.js';
import { cutEnding, extracted, withBoilerplate, type Base } from './corpus.js';
import { averageBy, countBy } from './tally.js';

/** New articles measured per archive size (different texts per size, so none is a copy of the last size's). */
const COST_SAMPLE = 50;
/** BatchWriteItem calls in flight while filling an archive. */
const FILL_CONCURRENCY = 16;

interface RequestCounts {
  reads: number;
  writes: number;
  byCommand: Record<string, number>;
}

const READ_COMMANDS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand']);

function countingClient(endpoint: string): { client: DynamoDBClient; take(): RequestCounts } {
  const client = createDynamoClient({ endpoint });
  let byCommand: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context as { commandName?: string }).commandName ?? 'unknown';
      byCommand[name] = (byCommand[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return {
    client,
    take() {
      const counts = byCommand;
      byCommand = {};
      let reads = 0;
      let writes = 0;
      for (const [name, count] of Object.entries(counts)) {
        if (READ_COMMANDS.has(name)) reads += count;
        else writes += count;
      }
      return { reads, writes, byCommand: counts };
    },
  };
}

/** Filler articles: their band items (random band hashes, as unrelated bodies give) and a minimal article item. */
async function fillArchive(client: DynamoDBClient, tableName: string, from: number, to: number): Promise<void> {
  const items: Array<Record<string, { S: string }>> = [];
  const random = seededRandom(from + 1);
  const hex = () => Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  let next = from;
  const batches = async function* () {
    while (next < to) {
      items.length = 0;
      while (items.length + NEAR_DUPLICATE.bands + 1 <= 25 && next < to) {
        const urlKey = hashKey(`https://filler.example/${next}`);
        next += 1;
        items.push({ pk: { S: `ART#${urlKey}` }, sk: { S: 'A' }, urlKey: { S: urlKey }, text: { S: 'filler' }, firstSeenAt: { S: '2020-01-01T00:00:00Z' } });
        for (let band = 0; band < NEAR_DUPLICATE.bands; band += 1) {
          items.push({ pk: { S: `BAND#${band}#${hex()}${hex()}` }, sk: { S: urlKey } });
        }
      }
      yield items.map((Item) => ({ PutRequest: { Item } }));
    }
  };
  const iterator = batches();
  const worker = async () => {
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) return;
      let requests: typeof value | undefined = value;
      while (requests && requests.length > 0) {
        const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
        requests = result.UnprocessedItems?.[tableName] as typeof value | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker));
}

export async function runCost(bases: Base[], sizes: number[], fillBudgetSeconds: number) {
  const dynamo = await startEmbeddedDynamo();
  const filler = createDynamoClient({ endpoint: dynamo.endpoint });
  const counted = countingClient(dynamo.endpoint);
  const tableName = 'cost';
  await ensureTable(filler, tableName);
  const archive = dynamoArchive(counted.client, tableName);
  const rows = [];
  let filled = 0;
  let fillSeconds = 0;
  const eligible = bases.filter((base) => tokenize(normalizeText(base.text)).length >= NEAR_DUPLICATE.minWords);
  for (const [sizeIndex, size] of sizes.entries()) {
    const sample = eligible.slice(sizeIndex * COST_SAMPLE, (sizeIndex + 1) * COST_SAMPLE);
    const started = performance.now();
    // Fill in steps so a budget overrun still leaves a measured archive size.
    while (filled < size) {
      const step = Math.min(size, filled + 10_000);
      await fillArchive(filler, tableName, filled, step);
      filled = step;
      if (fillSeconds + (performance.now() - started) / 1000 > fillBudgetSeconds) break;
    }
    const stepSeconds = (performance.now() - started) / 1000;
    fillSeconds += stepSeconds;
    const actualSize = filled;
    process.stderr.write(`archive ${actualSize}: filled in ${stepSeconds.toFixed(1)} s\n`);
    counted.take();
    const measure = async (label: string, make: (base: Base, index: number) => ExtractedArticle) => {
      const perArticle: Array<RequestCounts & { ms: number; kind: string }> = [];
      for (const [index, base] of sample.entries()) {
        const article = make(base, index);
        const start = performance.now();
        const verdict = await dedupeArticle(article, archive, '2024-06-01T00:00:00Z');
        const ms = performance.now() - start;
        perArticle.push({ ...counted.take(), ms, kind: verdict.kind === 'duplicate' ? verdict.reason : verdict.kind });
      }
      const latencies = perArticle.map((row) => row.ms).sort((a, b) => a - b);
      const distinct = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
      return {
        label,
        articles: perArticle.length,
        verdicts: countBy(perArticle.map((row) => row.kind)),
        readsPerArticle: distinct(perArticle.map((row) => row.reads)),
        writesPerArticle: distinct(perArticle.map((row) => row.writes)),
        requestsByCommand: averageBy(perArticle.map((row) => row.byCommand)),
        latencyMs: { mean: round(mean(latencies)), p50: round(latencies[latencies.length >> 1]), p95: round(latencies[Math.floor(latencies.length * 0.95)]) },
      };
    };
    const newArticles = await measure('new article', (base, index) => extracted(`https://new.example/${size}/${index}`, base.text, 'New'));
    const copies = await measure('near-duplicate copy', (base, index) =>
      extracted(`https://copy.example/${size}/${index}`, withBoilerplate(cutEnding(base.text, 0.2), 'b'), 'Copy'),
    );
    rows.push({ archiveSize: actualSize, requestedSize: size, fillSeconds: round(stepSeconds), newArticles, copies });
    if (actualSize < size) break;
  }
  filler.destroy();
  counted.client.destroy();
  await dynamo.close();
  return { rows, totalFillSeconds: round(fillSeconds) };
}
