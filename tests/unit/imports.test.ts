import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The adapters: the only stages under shared/ that may build AWS clients or be imported for them. */
const ADAPTER_STAGES = ['store', 'notify'];

/**
 * The stages in the one direction they may depend on each other: a stage imports those before it, never one after
 * it (fetch never loads extraction; the base module `text` loads no stage at all).
 */
const STAGE_ORDER = ['text', 'fetch', 'extract', 'dedupe', 'stances', 'digest', 'pipeline'];

/** Packages that load AWS clients: an import of one outside the adapters loads it into every caller of the core. */
const AWS_PACKAGES = /^@aws-sdk\/|^@aws-lambda-powertools\//;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** The stage a repository path under shared/ belongs to (`shared/store/keys.ts` → `store`). */
function stageOf(path: string): string | undefined {
  const [top, stage] = path.split('/');
  return top === 'shared' ? stage : undefined;
}

/**
 * Every module a source file imports or re-exports: static and type-only imports, `export … from`, and dynamic
 * `import()`, read by TypeScript's own pre-processor (comments and strings that look like imports do not count).
 */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** Why `path` (a file under shared/, repository-relative) may not import what it does; empty when it may. */
export function forbiddenImports(path: string, source: string): string[] {
  const stage = stageOf(path);
  if (stage === undefined || ADAPTER_STAGES.includes(stage)) return [];
  return importsOf(source).flatMap((specifier) => {
    if (AWS_PACKAGES.test(specifier)) return [`${path} imports ${specifier}`];
    if (!specifier.startsWith('.')) return [];
    const target = posix.normalize(posix.join(dirname(path), specifier));
    const targetStage = stageOf(target);
    if (targetStage && ADAPTER_STAGES.includes(targetStage)) return [`${path} imports ${target} (the ${targetStage} adapter)`];
    return targetStage && comesAfter(targetStage, stage) ? [`${path} imports ${target} (${targetStage} comes after ${stage})`] : [];
  });
}

/** Whether `later` is a stage after `stage` in `STAGE_ORDER` (stages outside the order are not compared). */
function comesAfter(later: string, stage: string): boolean {
  const from = STAGE_ORDER.indexOf(stage);
  return from >= 0 && STAGE_ORDER.indexOf(later) > from;
}

describe('the core owns its ports; AWS is wired at the edges', () => {
  it('flags a stage importing an adapter, by any form of import, and an AWS SDK package', () => {
    const source = [
      "import type { ArchiveStore } from '../store/types.js';",
      "export { snsNotifier } from '../notify/index.js';",
      "const sqs = await import('@aws-sdk/client-sqs');",
      "import { getSecret } from '@aws-lambda-powertools/parameters/secrets';",
      '// import { hashKey } from "../store/keys.js"; a comment is not an import',
      "import { hashKey } from '../text/index.js';",
    ].join('\n');
    expect(forbiddenImports('shared/pipeline/example.ts', source)).toEqual([
      'shared/pipeline/example.ts imports shared/store/types.js (the store adapter)',
      'shared/pipeline/example.ts imports shared/notify/index.js (the notify adapter)',
      'shared/pipeline/example.ts imports @aws-sdk/client-sqs',
      'shared/pipeline/example.ts imports @aws-lambda-powertools/parameters/secrets',
    ]);
    expect(forbiddenImports('shared/store/example.ts', source)).toEqual([]);
  });

  it('flags a stage importing a later stage, and lets it import an earlier one', () => {
    const source = [
      "import { extractArticle } from '../extract/index.js';",
      "import { parseBoundedPage } from '../fetch/index.js';",
      "import { cutOnWord } from '../text/index.js';",
      "import { loadConfig } from '../config/index.js';",
    ].join('\n');
    expect(forbiddenImports('shared/fetch/example.ts', source)).toEqual([
      'shared/fetch/example.ts imports shared/extract/index.js (extract comes after fetch)',
    ]);
    expect(forbiddenImports('shared/text/example.ts', source)).toEqual([
      'shared/text/example.ts imports shared/extract/index.js (extract comes after text)',
      'shared/text/example.ts imports shared/fetch/index.js (fetch comes after text)',
    ]);
    expect(forbiddenImports('shared/dedupe/example.ts', source)).toEqual([]);
  });

  it('no stage under shared/ but store/ and notify/ imports store/, notify/ or an AWS package, nor a later stage', () => {
    const files = sourceFiles('shared');
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((path) => forbiddenImports(path, readFileSync(join(ROOT, path), 'utf8')));
    expect(problems).toEqual([]);
  });
});
