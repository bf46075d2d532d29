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
 * The parts live in bench/lib/dedupe/: corpus (texts), pairs, quality, schemes and cost.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEAR_DUPLICATE } from '../shared/dedupe/index.js';
import { loadBases } from './lib/dedupe/corpus.js';
import { runCost } from './lib/dedupe/cost.js';
import { buildPairs } from './lib/dedupe/pairs.js';
import { measureQuality } from './lib/dedupe/quality.js';
import { compareSchemes } from './lib/dedupe/schemes.js';
import { numberOption, option } from './lib/report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'bench/results/dedupe.json');

async function main() {
  const sizes = option('sizes', '1000,10000,100000').split(',').map(Number);
  const fillBudget = numberOption('fill-budget-s', 600);
  const bases = loadBases();
  const pairs = buildPairs(bases);
  process.stderr.write(`${bases.length} base texts, ${pairs.length} pairs\n`);

  const schemes = compareSchemes(pairs);

  const quality = await measureQuality(pairs);

  const cost = await runCost(loadBases(), sizes, fillBudget);

  const result = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length },
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
