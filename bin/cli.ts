import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { StancewatchError } from '../shared/errors/index.js';
import { extractArticle } from '../shared/extract/index.js';
import type { ExtractedArticle } from '../shared/extract/types.js';
import { defaultFetchOptions, fetchDocument } from '../shared/fetch/index.js';
import { runPass, stderrLog, type PassReport } from '../shared/pipeline/index.js';
import { DEFAULT_DATA_DIR, openLocalRuntime } from './local-runtime.js';

const EXTENSION_TYPES: Record<string, string> = { '.txt': 'text/plain', '.html': 'text/html', '.htm': 'text/html' };

/** Runs the CLI; returns the process exit code (0 ok, 1 a run with failures or bad input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('stancewatch')
    .description('Tells you when someone states a new position or condition in the coverage you follow.')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  let exitCode = 0;
  program
    .command('run')
    .description('one monitoring pass over every watch of the config (default: the bundled sample watch)')
    .option('--config <file>', 'watches config (JSON)')
    .option('--data-dir <dir>', 'where the embedded archive and the digest outbox live', DEFAULT_DATA_DIR)
    .option('--json', 'print one JSON report on stdout (logs go to stderr)')
    .option('--quiet', 'print only the digest and the summary')
    .option('--ssrf-guard', 'refuse loopback and private-network sources, as the Lambda functions do')
    .action(async (options) => {
      exitCode = await runCommand(options);
    });

  program
    .command('extract')
    .description('normalize pages (HTML in any charset, or plain-text captures): title, byline, date, body')
    .argument('<inputs...>', 'files or http(s) URLs')
    .option('--json', 'print JSON (JSON Lines for several inputs)')
    .action(async (inputs: string[], options) => {
      exitCode = await extractCommand(inputs, options);
    });

  program
    .command('query')
    .description('list the archived articles of a watch, newest first')
    .argument('[watch]', 'watch id (default: every watch of the config)')
    .option('--config <file>', 'watches config (JSON)')
    .option('--data-dir <dir>', 'data directory of the embedded archive', DEFAULT_DATA_DIR)
    .option('--table <name>', 'read a deployed DynamoDB table instead of the embedded archive')
    .option('--region <region>', 'AWS region of --table')
    .option('--limit <n>', 'at most this many articles per watch', (value) => Number.parseInt(value, 10))
    .option('--json', 'print JSON')
    .action(async (watch: string | undefined, options) => {
      exitCode = await queryCommand(watch, options);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`stancewatch: ${error instanceof StancewatchError ? error.message : (error as Error).stack}\n`);
    return 1;
  }
}

interface RunOptions {
  config?: string;
  dataDir: string;
  json?: boolean;
  quiet?: boolean;
  ssrfGuard?: boolean;
}

async function runCommand(options: RunOptions): Promise<number> {
  const log = stderrLog(options.quiet ? 'warn' : 'info');
  const runtime = await openLocalRuntime({
    config: options.config,
    dataDir: options.dataDir,
    ssrfGuard: options.ssrfGuard,
    printDigests: !options.json,
    log,
  });
  try {
    const report = await runPass(runtime.deps, new Date().toISOString(), (message, index, total) =>
      log.info(`[${index + 1}/${total}] ${message.watchId}: reading ${message.sourceUrl}`),
    );
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : summarize(report));
    return report.failures.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

function summarize(report: PassReport): string {
  const { fetched, new: fresh, duplicates, revised, failed, skipped } = report.articles;
  const lines = [
    `Articles: ${fetched} fetched, ${fresh} new, ${revised} revised, ${duplicates} already archived, ${skipped} skipped, ${failed} failed.`,
  ];
  const changes = report.stances.filter((stance) => stance.status !== 'repeat').length;
  lines.push(
    report.digests.length === 0
      ? `Nothing new: no new or changed stances since the last run${report.stances.length ? ` (${report.stances.length} repeated)` : ''}.`
      : `Stances: ${changes} new or changed, ${report.stances.length - changes} repeated; ${report.digests.length} digest(s) sent.`,
  );
  for (const failure of report.failures) lines.push(`Failed: ${failure.url}: ${failure.error}`);
  return `${lines.join('\n')}\n`;
}

async function extractCommand(inputs: string[], options: { json?: boolean }): Promise<number> {
  let failures = 0;
  for (const input of inputs) {
    try {
      const article = await extractInput(input);
      process.stdout.write(options.json ? `${JSON.stringify(article, null, inputs.length > 1 ? 0 : 2)}\n` : formatArticle(article));
    } catch (error) {
      failures += 1;
      const message = (error as Error).message;
      if (options.json) process.stdout.write(`${JSON.stringify({ input, error: message })}\n`);
      else process.stderr.write(`${input}: ${message}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

async function extractInput(input: string): Promise<ExtractedArticle> {
  if (/^https?:\/\//i.test(input)) {
    const document = await fetchDocument(input, defaultFetchOptions({ allowPrivateNetwork: true }));
    return extractArticle({ url: document.url, body: document.body, contentType: document.contentType });
  }
  const path = resolve(input);
  const body = await readFile(path).catch((cause: NodeJS.ErrnoException) => {
    throw new StancewatchError(`cannot read ${input}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`, { cause });
  });
  return extractArticle({ url: pathToFileURL(path).href, body, contentType: EXTENSION_TYPES[extname(path).toLowerCase()] });
}

function formatArticle(article: ExtractedArticle): string {
  const meta = [article.siteName, article.byline, article.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ');
  const body = article.paragraphs.length ? article.text : `(no article: ${article.noArticleReason ?? 'empty'})`;
  return `${article.title}\n${meta}\n${article.canonicalUrl}\n\n${body}\n`;
}

interface QueryOptions {
  config?: string;
  dataDir: string;
  table?: string;
  region?: string;
  limit?: number;
  json?: boolean;
}

async function queryCommand(watchId: string | undefined, options: QueryOptions): Promise<number> {
  const runtime = await openLocalRuntime({ ...options, printDigests: false, log: stderrLog('warn') });
  try {
    const watches = runtime.deps.config.watches.filter((watch) => !watchId || watch.id === watchId);
    if (watches.length === 0) throw new StancewatchError(`no watch "${watchId}" in the config`);
    const rows = [];
    for (const watch of watches) {
      const articles = await runtime.deps.store.listArticles(watch.id, { limit: options.limit });
      rows.push(...articles.slice(0, options.limit).map((article) => ({ watch: watch.id, ...article })));
    }
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (rows.length === 0) {
      process.stdout.write('No articles archived yet: run `stancewatch run` first.\n');
    } else {
      for (const row of rows) {
        process.stdout.write(`${row.publishedAt?.slice(0, 10) ?? '????-??-??'}  ${row.siteName ?? ''}  ${row.title}\n            ${row.url}\n`);
      }
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
