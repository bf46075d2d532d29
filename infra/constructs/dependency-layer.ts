import { createHash } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { REPO_ROOT } from '../bundling.js';

/** Where the Node.js runtimes look for a layer's packages: `/opt/nodejs/node_modules`. */
const LAYER_PREFIX = 'nodejs';
/**
 * Dependencies a layer leaves out: type declarations, which nothing loads at run time (the X-Ray SDK declares
 * `@types/cls-hooked`, and through it `@types/node`), and the AWS SDK, which the runtime provides (the X-Ray SDK
 * lists `@aws-sdk/types`, declarations too). A copy in `/opt/nodejs` would shadow the runtime's own.
 */
const NOT_IN_LAYER = /(^|\/)node_modules\/(@types|@aws-sdk)\/[^/]+$/;

interface LockPackage {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optional?: boolean;
  dev?: boolean;
}

export interface DependencyLayerProps {
  /** Packages (with their dependencies) copied from node_modules: `NLP_LAYER_MODULES` or `TRACING_LAYER_MODULES`. */
  modules: readonly string[];
  compatibleRuntimes: lambda.Runtime[];
  compatibleArchitectures: lambda.Architecture[];
}

/**
 * A layer with third-party packages the bundles leave external (infra/bundling.ts: the NLP model and its kin, the tracer),
 * copied as installed from node_modules with every package they depend on. Pure JavaScript and JSON, so the
 * x64 or arm64 machine that synthesizes builds a layer that runs on arm64. Its asset hash is the lock file's
 * integrity of those packages: a dependency bump makes a new layer version, nothing else does.
 */
export class DependencyLayer extends Construct {
  readonly layer: lambda.LayerVersion;
  /** Lock-file paths (`node_modules/...`) of every package in the layer. */
  readonly packagePaths: string[];

  constructor(scope: Construct, id: string, props: DependencyLayerProps) {
    super(scope, id);
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
    this.packagePaths = collectPackagePaths(lock.packages, props.modules);
    const fingerprint = createHash('sha256');
    for (const path of this.packagePaths) fingerprint.update(`${path}@${lock.packages[path].version}#${lock.packages[path].integrity}\n`);

    const packagePaths = this.packagePaths;
    this.layer = new lambda.LayerVersion(this, 'Layer', {
      description: `Stancewatch dependencies kept out of the function bundles: ${props.modules.join(', ')}`,
      compatibleRuntimes: props.compatibleRuntimes,
      compatibleArchitectures: props.compatibleArchitectures,
      code: lambda.Code.fromAsset(join(REPO_ROOT, 'node_modules'), {
        assetHash: fingerprint.digest('hex'),
        bundling: {
          // Never pulled: local bundling below always succeeds (a plain copy), so no Docker is needed.
          image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
          local: {
            tryBundle(outputDir: string): boolean {
              for (const path of packagePaths) {
                cpSync(join(REPO_ROOT, path), join(outputDir, LAYER_PREFIX, path), { recursive: true, dereference: true });
              }
              return true;
            },
          },
        },
      }),
    });
  }
}

/**
 * The lock-file paths of `modules` and everything they depend on at run time, resolved the way Node does:
 * a nested `node_modules` of the dependent first, then the hoisted copy.
 */
export function collectPackagePaths(packages: Record<string, LockPackage>, modules: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (path: string) => {
    if (found.has(path)) return;
    const entry = packages[path];
    if (!entry) throw new Error(`package-lock.json has no ${path}; run npm install`);
    found.add(path);
    for (const dependency of Object.keys(entry.dependencies ?? {})) {
      const nested = `${path}/node_modules/${dependency}`;
      const resolved = packages[nested] ? nested : `node_modules/${dependency}`;
      if (NOT_IN_LAYER.test(resolved)) continue;
      if (!packages[resolved] && entry.optional) continue;
      visit(resolved);
    }
  };
  for (const module of modules) visit(`node_modules/${module}`);
  return [...found].sort();
}
