import { StancewatchError } from '../../shared/errors/index.js';
import { stderrLog } from '../../shared/pipeline/index.js';
import type { LocalRuntime } from '../local-runtime.js';
import { openArchive } from '../open-archive.js';
import { formatRows, type OutputFormat } from './output.js';

export interface QueryOptions {
  config?: string;
  dataDir?: string;
  wait?: boolean;
  table?: string;
  region?: string;
  stances?: boolean;
  since?: string;
  until?: string;
  outlet?: string;
  speaker?: string;
  kind?: string;
  status?: string;
  text?: string;
  limit?: number;
  json?: boolean;
  csv?: boolean;
  /** Table cells whole on one line instead of wrapped. */
  wide?: boolean;
}

const ARTICLE_COLUMNS = ['watch', 'date', 'outlet', 'title', 'url'];
const STANCE_COLUMNS = ['watch', 'date', 'status', 'kind', 'speaker', 'text', 'outlet', 'url'];

/** Lists articles (default) or stances of one watch or all, filtered; each watch costs one Query. */
export async function queryCommand(watchId: string | undefined, options: QueryOptions): Promise<number> {
  // Compared on their common precision: `--since 2019-06 --until 2019` is June to December.
  const precision = Math.min(options.since?.length ?? 0, options.until?.length ?? 0);
  if (options.since && options.until && options.since.slice(0, precision) > options.until.slice(0, precision)) {
    throw new StancewatchError(`--since ${options.since} is after --until ${options.until}: nothing can match`);
  }
  const runtime = await openArchive({ ...options, command: 'query', use: 'read', readsSources: false, printDigests: false, log: stderrLog('warn') });
  try {
    const watches = runtime.deps.config.watches.filter((watch) => !watchId || watch.id === watchId);
    if (watches.length === 0) throw new StancewatchError(`no watch "${watchId}" in the config`);
    const rows: Array<Record<string, unknown>> = [];
    for (const watch of watches) rows.push(...(await queryWatch(runtime, watch.id, options)));
    const format: OutputFormat = options.json ? 'json' : options.csv ? 'csv' : 'table';
    if (rows.length === 0 && format === 'table') {
      process.stdout.write('Nothing archived matches: widen the filters, or run `stancewatch run` first.\n');
    } else {
      process.stdout.write(formatRows(rows, options.stances ? STANCE_COLUMNS : ARTICLE_COLUMNS, format, { wide: options.wide }));
    }
    return 0;
  } finally {
    await runtime.close();
  }
}

async function queryWatch(runtime: LocalRuntime, watchId: string, options: QueryOptions) {
  const range = { watchId, since: options.since, until: options.until, text: options.text, limit: options.limit };
  if (options.stances) {
    const statements = await runtime.queries.statements({ ...range, speaker: options.speaker, kind: options.kind, status: options.status });
    return statements.map((statement) => ({
      watch: watchId,
      date: statement.publishedAt?.slice(0, 10),
      status: statement.status,
      kind: statement.kind,
      speaker: statement.speaker,
      text: statement.text,
      outlet: statement.outlet,
      url: statement.url,
      publishedAt: statement.publishedAt,
      repeatCount: statement.repeatCount ?? 0,
    }));
  }
  const articles = await runtime.queries.articles({ ...range, outlet: options.outlet });
  return articles.map((article) => ({
    watch: watchId,
    date: article.publishedAt?.slice(0, 10),
    outlet: article.siteName,
    title: article.title,
    url: article.url,
    publishedAt: article.publishedAt,
    urlKey: article.urlKey,
  }));
}
