/**
 * How every Lambda bundle is built, in one place: the stack's `NodejsFunction`s and `npm run bench:lambda`
 * both read these settings, so the benchmark measures exactly what `cdk deploy` ships.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** Repository root: the bundler's project root, where `lambdas/` and `package-lock.json` live. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The functions and their entry files under `lambdas/`. */
export const LAMBDA_ENTRIES = {
  schedule: 'schedule.ts',
  processSource: 'process-source.ts',
  digest: 'digest.ts',
  feed: 'feed.ts',
} as const;
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/** The Node.js 22 runtime ships SDK v3; bundling it again only adds cold-start weight. */
export const RUNTIME_PROVIDED_MODULES = ['@aws-sdk/*'] as const;

/**
 * Third-party packages too heavy for a function bundle, shipped instead in a Lambda layer that the functions
 * importing them get (infra/constructs/dependency-layer.ts). Bytes each would add to the processor's bundle:
 * the English NLP model 3.6 MB (mostly JSON), iconv-lite's charset tables 0.5 MB, compromise's lexicon 0.36 MB,
 * wink-nlp 40 KB (kept beside its model). Only the processor imports them.
 */
export const NLP_LAYER_MODULES = ['wink-eng-lite-web-model', 'wink-nlp', 'compromise', 'iconv-lite'] as const;
/**
 * Powertools Tracer and the X-Ray SDK under it: 125 KB in every bundle, which took the processor's over 1 MB
 * (1,036 KB), so every function gets them from a small layer of their own instead.
 */
export const TRACING_LAYER_MODULES = ['@aws-lambda-powertools/tracer'] as const;
/**
 * zod is imported as a namespace everywhere (`import * as z from 'zod'`): esbuild then keeps only what is used, while
 * `import { z }` kept all of its locales, 264 KB in every bundle (the processor's went over 1 MB).
 */

/** Every package a bundle leaves for a layer to provide. */
export const LAYER_MODULES = [...NLP_LAYER_MODULES, ...TRACING_LAYER_MODULES] as const;

// ESM output has no `require`; CommonJS dependencies bundled into it call it, so the banner provides one.
const ESM_REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
const ESBUILD_TARGET = 'node22';
const MAIN_FIELDS = ['module', 'main'];

/**
 * `NodejsFunction` bundling options for one function. No config is baked in: the functions read the watches from
 * the table (`stancewatch watches push`), so a bundle is the same whatever the watches, and a watch change is no
 * redeploy.
 */
export function nodejsBundling(): BundlingOptions {
  return {
    minify: true,
    // No source maps: they were three quarters of every zip, and Node only reads them with --enable-source-maps,
    // which costs every cold start a parse of the map. Errors carry messages that name the input instead.
    sourceMap: false,
    format: OutputFormat.ESM,
    target: ESBUILD_TARGET,
    mainFields: MAIN_FIELDS,
    externalModules: [...RUNTIME_PROVIDED_MODULES, ...LAYER_MODULES],
    banner: ESM_REQUIRE_SHIM,
    // Local esbuild only: no Docker in CI or on laptops.
    forceDockerBundling: false,
  };
}

/**
 * The same settings as esbuild's own options, for building a bundle outside CDK (the benchmark).
 * `NodejsFunction` runs `esbuild --bundle --platform=node --outfile=index.mjs` plus the options above.
 */
export function esbuildOptions(name: LambdaName, outdir: string): BuildOptions {
  const bundling = nodejsBundling();
  return {
    entryPoints: { index: join(REPO_ROOT, 'lambdas', LAMBDA_ENTRIES[name]) },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: bundling.target,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    mainFields: bundling.mainFields,
    external: bundling.externalModules,
    banner: { js: bundling.banner ?? '' },
    absWorkingDir: REPO_ROOT,
    metafile: true,
    logLevel: 'warning',
  };
}
