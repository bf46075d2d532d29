/**
 * `npm run bench:lambda`: builds each Lambda handler with the stack's own esbuild settings (infra/bundling.ts)
 * and measures what a cold start pays for it:
 *   1. bundle size — `index.mjs` as deployed (a source map, when the bundling makes one, is listed apart);
 *   2. cold import — a fresh `node` process imports the bundle with a Lambda-like environment (the handler
 *      module builds its deps at import, as on a cold start); the time from `import()` to its resolution,
 *      several runs, median.
 *   3. deferred NLP load (the processor only) — the NLP libraries load on the first article with new text, not at
 *      import (shared/stances/nlp-models.ts): a fresh process imports the bundle, then the time to load them the
 *      way the bundle does, median. Paid once per warm container by an invocation that reads new text.
 * The reference row of the same run is the same handler with every dependency inlined (no layer), so the
 * gain of the layer split is measured, not remembered. Layer modules resolve from the repository's
 * node_modules, as they resolve from /opt/nodejs/node_modules in Lambda: their load time counts.
 * Prints a table, writes bench/results/lambda.json, exits 1 when a bar is missed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions, LAMBDA_ENTRIES, REPO_ROOT, RUNTIME_PROVIDED_MODULES, type LambdaName } from '../infra/bundling.js';
import { median, round } from './lib/report.js';

const RESULTS_FILE = fileURLToPath(new URL('./results/lambda.json', import.meta.url));
/** Inside the repository (cdk.out is git-ignored) so external modules resolve from node_modules. */
const BUILD_DIR = join(REPO_ROOT, 'cdk.out', 'bench-lambda');
/** Fresh processes per bundle; the median is reported. */
const COLD_RUNS = 7;
/** The issue's bars: 1 MB = 1,000,000 bytes, the stricter reading. */
const BARS = { maxBundleBytes: 1_000_000, maxColdImportMs: 300 } as const;
/** Inputs listed per bundle, largest first, to see what the bytes are. */
const LARGEST_INPUTS_LISTED = 8;

/** What the deployed functions have in their environment (values are placeholders: nothing is called). */
const LAMBDA_ENV = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'stancewatch-bench',
  QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/stancewatch-sources',
  DIGEST_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/stancewatch-digests',
  TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:stancewatch-digests',
  FEED_SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:StancewatchFeedSecret-AbCdEf',
  ALLOW_PRIVATE_NETWORK: 'false',
  POWERTOOLS_SERVICE_NAME: 'stancewatch',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  POWERTOOLS_METRICS_NAMESPACE: 'Stancewatch',
};

interface Timings {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** What `winkNlp()` and `compromiseNlp()` load on first use, in the same way (CommonJS require from the bundle). */
const DEFERRED_NLP_LOAD = `r('wink-nlp')(r('wink-eng-lite-web-model')); r('compromise');`;

interface Measured {
  bundleBytes: number;
  sourceMapBytes: number;
  externalImports: string[];
  coldImportMs: Timings;
  /** Only for bundles that defer the NLP libraries. */
  deferredNlpLoadMs?: Timings;
  largestInputs: Array<{ path: string; bytes: number }>;
}

async function measure(name: LambdaName, variant: 'deployed' | 'inlined'): Promise<Measured> {
  const outdir = join(BUILD_DIR, variant, name);
  rmSync(outdir, { recursive: true, force: true });
  const options = esbuildOptions(name, outdir);
  if (variant === 'inlined') options.external = [...RUNTIME_PROVIDED_MODULES];
  const result = await build(options);
  const bundle = join(outdir, 'index.mjs');
  return {
    bundleBytes: statSync(bundle).size,
    // The deployed bundles have none since the maps were dropped (infra/bundling.ts).
    sourceMapBytes: existsSync(`${bundle}.map`) ? statSync(`${bundle}.map`).size : 0,
    externalImports: listExternalImports(result.metafile!),
    coldImportMs: timeColdImports(bundle),
    ...(name === 'processSource' ? { deferredNlpLoadMs: timeDeferredNlpLoad(bundle) } : {}),
    largestInputs: listLargestInputs(result.metafile!),
  };
}

function timeColdImports(bundle: string): Timings {
  return timeFreshRuns(`const t0 = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
if (typeof m.handler !== 'function') throw new Error('no handler export');
console.log(performance.now() - t0);`);
}

function timeDeferredNlpLoad(bundle: string): Timings {
  return timeFreshRuns(`import { createRequire } from 'node:module';
await import(${JSON.stringify(pathToFileURL(bundle).href)});
const r = createRequire(${JSON.stringify(pathToFileURL(bundle).href)});
const t0 = performance.now(); ${DEFERRED_NLP_LOAD}
console.log(performance.now() - t0);`);
}

/** Runs a script that prints milliseconds in COLD_RUNS fresh processes. */
function timeFreshRuns(script: string): Timings {
  const runs = Array.from({ length: COLD_RUNS }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: LAMBDA_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).trim()),
  );
  const tenths = (ms: number) => round(ms, 1);
  return { median: tenths(median(runs)), min: tenths(Math.min(...runs)), max: tenths(Math.max(...runs)), runs: runs.map(tenths) };
}

function listExternalImports(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs).find((entry) => entry.entryPoint);
  return [...new Set((output?.imports ?? []).filter((entry) => entry.external).map((entry) => entry.path))].sort();
}

function listLargestInputs(metafile: Metafile): Measured['largestInputs'] {
  const output = Object.values(metafile.outputs).find((entry) => entry.entryPoint);
  return Object.entries(output?.inputs ?? {})
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, LARGEST_INPUTS_LISTED);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  mkdirSync(BUILD_DIR, { recursive: true });
  const functions: Record<string, { deployed: Measured; inlined: Measured; meetsBars: boolean }> = {};
  for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
    const deployed = await measure(name, 'deployed');
    const inlined = await measure(name, 'inlined');
    const meetsBars = deployed.bundleBytes < BARS.maxBundleBytes && deployed.coldImportMs.median < BARS.maxColdImportMs;
    functions[name] = { deployed, inlined, meetsBars };
  }

  console.log('function       bundle    cold import (median of %d)   inlined reference: bundle, cold import', COLD_RUNS);
  for (const [name, row] of Object.entries(functions)) {
    console.log(
      `${name.padEnd(14)} ${kb(row.deployed.bundleBytes).padStart(8)}  ${`${row.deployed.coldImportMs.median} ms`.padStart(10)}` +
        `                    ${kb(row.inlined.bundleBytes).padStart(8)}, ${row.inlined.coldImportMs.median} ms  ${row.meetsBars ? 'ok' : 'MISSES A BAR'}`,
    );
  }
  for (const [name, row] of Object.entries(functions)) {
    const deferred = row.deployed.deferredNlpLoadMs;
    if (deferred) console.log(`${name}: NLP libraries load on first use, ${deferred.median} ms (median of ${COLD_RUNS}), paid by the first invocation with new text`);
  }

  mkdirSync(join(RESULTS_FILE, '..'), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        coldRuns: COLD_RUNS,
        bars: BARS,
        note: 'deployed = the stack\'s bundle (layer modules external, resolved from node_modules and timed); inlined = the same handler with every non-SDK dependency in the bundle; deferredNlpLoadMs = loading the NLP libraries after the import, on the first article with new text',
        functions,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${RESULTS_FILE}`);
  if (!Object.values(functions).every((row) => row.meetsBars)) process.exitCode = 1;
}

await main();
