/**
 * Quality of bench:dedupe: every pair through `dedupeArticle` on a fresh dynalite table (the first text
 * new, the second judged against it), scored as precision and recall of "duplicate".
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dedupeArticle, normalizeText, shingleHashes, shingleSimilarity, tokenize, type DedupeVerdict } from '../../../shared/dedupe/index.js';
import { createDynamoClient, dynamoArchive, ensureTable, startEmbeddedDynamo } from '../../../shared/store/index.js';
import { round } from '../report.js';
import { extracted, wordCount } from './corpus.js';
import type { Pair } from './pairs.js';
import { ratio } from './tally.js';

/** Pairs evaluated at once (each on its own table). */
const QUALITY_CONCURRENCY = 4;

interface PairOutcome {
  pair: Pair;
  verdict: DedupeVerdict;
  containment: number;
  jaccard: number;
}

async function runQuality(client: DynamoDBClient, pairs: Pair[]): Promise<PairOutcome[]> {
  const outcomes: PairOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pairs.length) {
      const index = next++;
      const pair = pairs[index];
      const tableName = `q-${index}-${randomUUID().slice(0, 6)}`;
      await ensureTable(client, tableName);
      const archive = dynamoArchive(client, tableName);
      const first = await dedupeArticle(extracted(`https://first.example/${index}`, pair.a, 'First'), archive, '2024-01-01T00:00:00Z');
      if (first.kind !== 'new') throw new Error(`pair ${index}: the first article was not new (${first.kind}); the bench is broken`);
      const verdict = await dedupeArticle(extracted(`https://second.example/${index}`, pair.b, 'Second'), archive, '2024-01-02T00:00:00Z');
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      const similarity = shingleSimilarity(shinglesOf(pair.b), shinglesOf(pair.a));
      outcomes[index] = { pair, verdict, ...similarity };
    }
  };
  await Promise.all(Array.from({ length: QUALITY_CONCURRENCY }, worker));
  return outcomes;
}

export const shinglesOf = (text: string) => shingleHashes(tokenize(normalizeText(text)));

function isPredictedDuplicate(verdict: DedupeVerdict): boolean {
  return verdict.kind === 'duplicate';
}

function scoreQuality(outcomes: PairOutcome[], filter: (pair: Pair) => boolean = () => true) {
  const chosen = outcomes.filter((outcome) => filter(outcome.pair));
  const tp = chosen.filter((o) => o.pair.label === 'duplicate' && isPredictedDuplicate(o.verdict)).length;
  const fn = chosen.filter((o) => o.pair.label === 'duplicate' && !isPredictedDuplicate(o.verdict)).length;
  const fp = chosen.filter((o) => o.pair.label === 'distinct' && isPredictedDuplicate(o.verdict)).length;
  const tn = chosen.filter((o) => o.pair.label === 'distinct' && !isPredictedDuplicate(o.verdict)).length;
  return { pairs: chosen.length, tp, fp, fn, tn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

function byKind(outcomes: PairOutcome[]) {
  const kinds = [...new Set(outcomes.map((o) => o.pair.kind))];
  return Object.fromEntries(
    kinds.map((kind) => {
      const chosen = outcomes.filter((o) => o.pair.kind === kind);
      const flagged = chosen.filter((o) => isPredictedDuplicate(o.verdict)).length;
      const containments = chosen.map((o) => o.containment).sort((a, b) => a - b);
      return [
        kind,
        {
          label: chosen[0].pair.label,
          pairs: chosen.length,
          flaggedDuplicate: flagged,
          rate: ratio(flagged, chosen.length),
          containment: { min: round(containments[0]), median: round(containments[containments.length >> 1]), max: round(containments.at(-1)!) },
        },
      ];
    }),
  );
}

/** Every pair judged against one dynalite server (a table per pair), with the scores the results file reports. */
export async function measureQuality(pairs: Pair[]) {
  const dynamo = await startEmbeddedDynamo();
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  const started = performance.now();
  const outcomes = await runQuality(client, pairs);
  client.destroy();
  await dynamo.close();
  const issueEdits = (pair: Pair) => pair.kind !== 'combined';
  return {
    seconds: round((performance.now() - started) / 1000),
    bars: { precision: 0.99, recall: 0.95 },
    overall: scoreQuality(outcomes, issueEdits),
    withCombinedEdits: scoreQuality(outcomes),
    byKind: byKind(outcomes),
    falsePositives: outcomes
      .filter((o) => o.pair.label === 'distinct' && isPredictedDuplicate(o.verdict))
      .map((o) => ({ kind: o.pair.kind, containment: round(o.containment) })),
    missedDuplicates: outcomes
      .filter((o) => o.pair.label === 'duplicate' && !isPredictedDuplicate(o.verdict))
      .map((o) => ({ kind: o.pair.kind, containment: round(o.containment), jaccard: round(o.jaccard), words: wordCount(o.pair.b) })),
  };
}
