/**
 * `npm run bench:dedupe`: near-duplicate detection quality and DynamoDB cost, against dynalite.
 *
 * 1. quality — near-duplicate pairs made from real article text by realistic edits, and hard
 *    negatives (different articles sharing spliced-in background paragraphs, nearest neighbours,
 *    the five same-topic seeds); each pair runs through `dedupeArticle` on a fresh table.
 *    The same pairs also compare the fingerprint schemes in memory (MinHash LSH vs SimHash).
 * 2. cost — archives of 1,000 / 10,000 / 100,000 articles; DynamoDB requests per new article,
 *    counted by a middleware on the client, and latency per article.
 *
 * Options: `--sizes 1000,10000,100000`, `--fill-budget-s 600` (stop growing the archive after that).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchWriteItemCommand, DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  NEAR_DUPLICATE,
  dedupeArticle,
  fmix32,
  minHashSignature,
  normalizeText,
  shingleHashes,
  shingleSimilarity,
  tokenize,
  type DedupeVerdict,
} from '../shared/dedupe/index.js';
import type { ExtractedArticle } from '../shared/extract/types.js';
import { createDynamoClient, dynamoArchive, ensureTable, hashKey, startEmbeddedDynamo } from '../shared/store/index.js';
import { seededRandom } from './lib/prng.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET = join(ROOT, '../shared/datasets/article-extraction-benchmark/ground-truth.json');
const SEEDS = join(ROOT, '../shared/seeds');
const OUTPUT = join(ROOT, 'bench/results/dedupe.json');

/** Bodies shorter than this are teasers that dedupe does not fingerprint (NEAR_DUPLICATE.minWords). */
const MIN_BASE_WORDS = 150;
/** Pairs evaluated at once (each on its own table). */
const QUALITY_CONCURRENCY = 4;
/** New articles measured per archive size (different texts per size, so none is a copy of the last size's). */
const COST_SAMPLE = 50;
/** BatchWriteItem calls in flight while filling an archive. */
const FILL_CONCURRENCY = 16;

const BOILERPLATE = {
  a: {
    head: ['Home › World › Asia', 'print PRINT', 'Share this article: Facebook Twitter Email'],
    foot: ['In a time of both misinformation and too much information, quality journalism is more crucial than ever. By subscribing, you can help us get the story right.', 'Tags: world, politics, diplomacy'],
  },
  b: {
    head: ['ADVERTISEMENT', 'Listen to this article 4 min'],
    foot: ['Copyright 2024 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.', 'Sign up for our morning newsletter and get the day’s top stories in your inbox.', 'Related: More stories from our correspondents'],
  },
} as const;

// ---------------------------------------------------------------------------------------------
// data

interface Base {
  id: string;
  text: string;
}

function loadBases(): Base[] {
  const truth = JSON.parse(readFileSync(DATASET, 'utf8')) as Record<string, { articleBody: string }>;
  const bases = Object.entries(truth)
    .map(([id, entry]) => ({ id, text: entry.articleBody.replace(/\r\n/g, '\n').trim() }))
    .filter((base) => tokenize(normalizeText(base.text)).length >= MIN_BASE_WORDS);
  return [...bases, ...loadSeeds()];
}

function loadSeeds(): Base[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: `seed-${name.slice(0, 3)}`, text: readFileSync(join(SEEDS, name), 'utf8').replace(/\r\n/g, '\n').trim() }));
}

const paragraphsOf = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
const sentencesOf = (text: string) => text.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function withBoilerplate(text: string, set: keyof typeof BOILERPLATE): string {
  return [...BOILERPLATE[set].head, text, ...BOILERPLATE[set].foot].join('\n\n');
}

type EditKind = 'boilerplate-swapped' | 'sentence-added' | 'sentence-removed' | 'first-paragraph-rewritten' | 'ending-cut-20' | 'combined';

/** A syndicated copy: `edit` applied to `base`; `donor` supplies foreign words (a new lede, an added sentence). */
function editCopy(base: string, donor: string, edit: EditKind, random: () => number): { original: string; copy: string } {
  const paragraphs = paragraphsOf(base);
  switch (edit) {
    case 'boilerplate-swapped':
      return { original: withBoilerplate(base, 'a'), copy: withBoilerplate(base, 'b') };
    case 'sentence-added': {
      const sentences = sentencesOf(donor);
      const added = sentences[Math.floor(random() * sentences.length)];
      const at = 1 + Math.floor(random() * Math.max(1, paragraphs.length - 1));
      return { original: base, copy: [...paragraphs.slice(0, at), added, ...paragraphs.slice(at)].join('\n\n') };
    }
    case 'sentence-removed': {
      const sentences = sentencesOf(paragraphs.join('\n\n'));
      const drop = Math.floor(random() * sentences.length);
      return { original: base, copy: sentences.filter((_, index) => index !== drop).join(' ') };
    }
    case 'first-paragraph-rewritten':
      return { original: base, copy: [rewriteLede(paragraphs[0], donor), ...paragraphs.slice(1)].join('\n\n') };
    case 'ending-cut-20':
      return { original: base, copy: cutEnding(base, 0.2) };
    case 'combined':
      return {
        original: withBoilerplate(base, 'a'),
        copy: withBoilerplate(cutEnding([rewriteLede(paragraphs[0], donor), ...paragraphs.slice(1)].join('\n\n'), 0.2), 'b'),
      };
  }
}

/** The first paragraph replaced by as many words of someone else's prose: a full rewrite, the worst case. */
function rewriteLede(first: string, donor: string): string {
  return donor.split(/\s+/).slice(0, Math.max(12, wordCount(first))).join(' ');
}

function cutEnding(text: string, share: number): string {
  const words = text.split(/(\s+)/);
  const keep = Math.round(wordCount(text) * (1 - share));
  let seen = 0;
  let end = 0;
  while (end < words.length && seen < keep) {
    if (/\S/.test(words[end])) seen += 1;
    end += 1;
  }
  return words.slice(0, end).join('');
}

interface Pair {
  label: 'duplicate' | 'distinct';
  kind: string;
  a: string;
  b: string;
}

function buildPairs(bases: Base[]): Pair[] {
  const random = seededRandom(4);
  const pairs: Pair[] = [];
  const edits: EditKind[] = ['boilerplate-swapped', 'sentence-added', 'sentence-removed', 'first-paragraph-rewritten', 'ending-cut-20', 'combined'];
  bases.forEach((base, index) => {
    const donor = bases[(index + 7) % bases.length].text;
    for (const edit of edits) {
      const { original, copy } = editCopy(base.text, donor, edit, random);
      pairs.push({ label: 'duplicate', kind: edit, a: original, b: copy });
    }
  });
  // Hard negatives 1: two different articles that get the same 2–3 background paragraphs spliced in.
  bases.forEach((base, index) => {
    const other = bases[(index + 1) % bases.length];
    const source = paragraphsOf(bases[(index + 2) % bases.length].text).filter((p) => wordCount(p) >= 20);
    const count = 2 + Math.floor(random() * 2);
    const start = Math.floor(random() * Math.max(1, source.length - count));
    const background = source.slice(start, start + count);
    if (background.length < 2) return;
    const spliceInto = (text: string, at: number) => {
      const paragraphs = paragraphsOf(text);
      const position = Math.min(paragraphs.length, Math.max(1, Math.round(paragraphs.length * at)));
      return [...paragraphs.slice(0, position), ...background, ...paragraphs.slice(position)].join('\n\n');
    };
    pairs.push({ label: 'distinct', kind: 'shared-background', a: spliceInto(base.text, 0.4), b: spliceInto(other.text, 0.7) });
  });
  // Hard negatives 2: each article and its nearest other article by shingle Jaccard (same topic, same site).
  const shingles = bases.map((base) => shingleHashes(tokenize(normalizeText(base.text))));
  const seenPairs = new Set<string>();
  bases.forEach((base, index) => {
    let best = -1;
    let bestScore = -1;
    shingles.forEach((other, otherIndex) => {
      if (otherIndex === index) return;
      const score = shingleSimilarity(shingles[index], other).jaccard;
      if (score > bestScore) [best, bestScore] = [otherIndex, score];
    });
    const key = [index, best].sort().join('-');
    if (seenPairs.has(key)) return;
    seenPairs.add(key);
    pairs.push({ label: 'distinct', kind: 'nearest-neighbour', a: base.text, b: bases[best].text });
  });
  // Hard negatives 3: the five seeds, Putin on the treaty 2017–2024 (Kyodo June/December 2019 among them), raw with boilerplate.
  const seeds = bases.filter((base) => base.id.startsWith('seed-'));
  for (let i = 0; i < seeds.length; i += 1) {
    for (let j = 0; j < seeds.length; j += 1) {
      if (i !== j) pairs.push({ label: 'distinct', kind: 'same-topic-seeds', a: seeds[i].text, b: seeds[j].text });
    }
  }
  return pairs;
}

function extracted(url: string, text: string, siteName: string): ExtractedArticle {
  const paragraphs = paragraphsOf(text);
  return { url, canonicalUrl: url, title: url, siteName, text: paragraphs.join('\n\n'), paragraphs };
}

// ---------------------------------------------------------------------------------------------
// quality

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

const shinglesOf = (text: string) => shingleHashes(tokenize(normalizeText(text)));

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

// ---------------------------------------------------------------------------------------------
// scheme comparison (in memory, on the same pairs)

/** 64-bit SimHash of the shingle set, as two 32-bit halves. */
function simHash(shingles: Set<number>): [number, number] {
  const votes = new Int32Array(64);
  for (const shingle of shingles) {
    const halves = [fmix32(shingle ^ 0x1234567), fmix32(shingle ^ 0x7654321)];
    for (let bit = 0; bit < 64; bit += 1) votes[bit] += (halves[bit >> 5] >>> (bit & 31)) & 1 ? 1 : -1;
  }
  const out: [number, number] = [0, 0];
  for (let bit = 0; bit < 64; bit += 1) if (votes[bit] > 0) out[bit >> 5] |= 1 << (bit & 31);
  return out;
}

function hamming(a: [number, number], b: [number, number]): number {
  const popcount = (value: number) => {
    let v = value >>> 0;
    let count = 0;
    while (v) {
      v &= v - 1;
      count += 1;
    }
    return count;
  };
  return popcount(a[0] ^ b[0]) + popcount(a[1] ^ b[1]);
}

function compareSchemes(pairs: Pair[]) {
  const lshConfigs = [
    { bands: 20, rows: 3 },
    { bands: 16, rows: 4 },
    { bands: 32, rows: 4 },
    { bands: 10, rows: 5 },
    { bands: 12, rows: 2 },
  ];
  const prepared = pairs
    .map((pair) => ({ pair, a: shinglesOf(pair.a), b: shinglesOf(pair.b) }))
    .filter((p) => tokenize(normalizeText(p.pair.b)).length >= NEAR_DUPLICATE.minWords);
  const positives = prepared.filter((p) => p.pair.label === 'duplicate');
  const negatives = prepared.filter((p) => p.pair.label === 'distinct');
  const minhash = lshConfigs.map(({ bands, rows }) => {
    const isCandidate = (p: (typeof prepared)[number]) => {
      const [sa, sb] = [minHashSignature(p.a, bands * rows), minHashSignature(p.b, bands * rows)];
      for (let band = 0; band < bands; band += 1) {
        let same = true;
        for (let row = band * rows; row < (band + 1) * rows && same; row += 1) same = sa[row] === sb[row];
        if (same) return true;
      }
      return false;
    };
    const candidateRecall = ratio(positives.filter(isCandidate).length, positives.length);
    const negativeCandidateRate = ratio(negatives.filter(isCandidate).length, negatives.length);
    return { scheme: `minhash-lsh b=${bands} r=${rows}`, queriesPerLookup: bands, bandItemsPerArticle: bands, candidateRecall, negativeCandidateRate };
  });
  const distances = (set: typeof prepared) => set.map((p) => hamming(simHash(p.a), simHash(p.b)));
  const positiveDistances = distances(positives);
  const negativeDistances = distances(negatives);
  const simhash = [3, 6, 10].map((threshold) => ({
    scheme: `simhash-64 hamming<=${threshold}`,
    // Pigeonhole lookup: threshold+1 blocks, one exact-match Query per block.
    queriesPerLookup: threshold + 1,
    bitsPerBlock: Math.floor(64 / (threshold + 1)),
    candidateRecall: ratio(positiveDistances.filter((d) => d <= threshold).length, positives.length),
    negativeCandidateRate: ratio(negativeDistances.filter((d) => d <= threshold).length, negatives.length),
  }));
  const sorted = [...positiveDistances].sort((a, b) => a - b);
  return {
    pairsCompared: { positives: positives.length, negatives: negatives.length },
    minhash,
    simhash,
    simhashPositiveHamming: { median: sorted[sorted.length >> 1], p90: sorted[Math.floor(sorted.length * 0.9)], max: sorted.at(-1) },
    note: 'candidate recall before the confirming containment check; a SimHash block of b bits puts ~n/2^b articles in every bucket, so only short thresholds keep the lookup cost fixed',
  };
}

// ---------------------------------------------------------------------------------------------
// cost

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

async function runCost(bases: Base[], sizes: number[], fillBudgetSeconds: number) {
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

// ---------------------------------------------------------------------------------------------
// report

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : round(numerator / denominator);
}
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
function averageBy(rows: Array<Record<string, number>>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) for (const [key, value] of Object.entries(row)) sums[key] = (sums[key] ?? 0) + value;
  return Object.fromEntries(Object.entries(sums).map(([key, value]) => [key, round(value / rows.length)]));
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

async function main() {
  const sizes = option('sizes', '1000,10000,100000').split(',').map(Number);
  const fillBudget = Number(option('fill-budget-s', '600'));
  const bases = loadBases();
  const pairs = buildPairs(bases);
  process.stderr.write(`${bases.length} base texts, ${pairs.length} pairs\n`);

  const schemes = compareSchemes(pairs);

  const quality = await (async () => {
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
  })();

  const cost = await runCost(loadBases(), sizes, fillBudget);

  const result = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    scheme: { chosen: 'minhash-lsh', ...NEAR_DUPLICATE },
    quality,
    schemes,
    cost,
  };
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(result, null, 2)}\n`);

  const o = quality.overall;
  console.log(`\nQuality (${o.pairs} pairs, edits named in the issue): precision ${o.precision}  recall ${o.recall}  (tp ${o.tp} fp ${o.fp} fn ${o.fn} tn ${o.tn})`);
  const w = quality.withCombinedEdits;
  console.log(`  incl. combined edits (boilerplate + rewritten lede + cut 20 %): precision ${w.precision}  recall ${w.recall}`);
  console.table(Object.fromEntries(Object.entries(quality.byKind).map(([kind, row]) => [kind, { label: row.label, pairs: row.pairs, flagged: row.flaggedDuplicate, rate: row.rate, 'containment med': row.containment.median }])));
  console.log('Schemes (candidate stage):');
  console.table([...schemes.minhash, ...schemes.simhash].map(({ scheme, queriesPerLookup, candidateRecall, negativeCandidateRate }) => ({ scheme, queriesPerLookup, candidateRecall, negativeCandidateRate })));
  console.log('Cost per article (DynamoDB requests counted on the client):');
  console.table(
    cost.rows.flatMap((row) =>
      [row.newArticles, row.copies].map((m) => ({
        archive: row.archiveSize,
        case: m.label,
        reads: m.readsPerArticle.join('/'),
        writes: m.writesPerArticle.join('/'),
        'mean ms': m.latencyMs.mean,
        'p95 ms': m.latencyMs.p95,
        'fill s': row.fillSeconds,
      })),
    ),
  );
  console.log(`Written to ${OUTPUT}`);
}

await main();
