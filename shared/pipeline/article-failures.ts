import type { Watch } from '../config/index.js';
import { FetchError } from '../errors/index.js';
import type { SourceDeps } from './deps.js';
import type { ArticleFailureRecord } from './ports.js';
import { UNHEALTHY_AFTER_RUNS } from './source-health.js';
import type { StuckArticleReport } from './types.js';

/** Runs in a row an article may fail the same way before readers hear of it: as for a source, three. */
export const STUCK_AFTER_RUNS = UNHEALTHY_AFTER_RUNS;

/**
 * What "fails the same way" compares. A fetch failure is its kind and HTTP status (a 404, then a 410, are two
 * ways); any other error is its message with the numbers blanked, since a count, a wait or a port in it
 * changes from run to run while the failure stays the same.
 */
export function failureSignature(error: unknown): string {
  if (error instanceof FetchError) return `fetch ${error.reason}${error.status === undefined ? '' : ` ${error.status}`}`;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/\d+/g, '#');
}

/**
 * The failing articles of one watch, read once per source run (one Query), and how this run changes them:
 * an item that fails extends or starts its streak, one that goes through is forgotten. Nothing is read per
 * article, and nothing written for an article that never failed.
 */
export class ArticleFailures {
  private constructor(
    private readonly watch: Watch,
    private readonly runId: string,
    private readonly deps: SourceDeps,
    private readonly known: Map<string, ArticleFailureRecord>,
  ) {}

  static async load(watch: Watch, runId: string, deps: SourceDeps): Promise<ArticleFailures> {
    const records = await deps.store.listArticleFailures(watch.id);
    return new ArticleFailures(watch, runId, deps, new Map(records.map((record) => [record.url, record])));
  }

  /** Counts a failure; returns the article when it is stuck (failed the same way {@link STUCK_AFTER_RUNS} runs in a row). */
  async failed(url: string, error: unknown, reason: string): Promise<StuckArticleReport | undefined> {
    const record = this.nextRecord(this.known.get(url), url, failureSignature(error), reason);
    if (record !== this.known.get(url)) {
      await this.deps.store.putArticleFailure(record);
      this.known.set(url, record);
      if (record.stuckAt && record.runs === STUCK_AFTER_RUNS) {
        this.deps.log.warn(`${url}: failed the same way ${record.runs} runs in a row; listed in the next digest: ${reason}`, { watch: this.watch.id });
      }
    }
    if (!record.stuckAt) return undefined;
    return { watch: this.watch.id, url, reason: record.reason, runs: record.runs, since: record.since };
  }

  /** The article went through (archived, skipped or unchanged): its streak ends. */
  async succeeded(url: string): Promise<void> {
    if (!this.known.has(url)) return;
    await this.deps.store.clearArticleFailure(this.watch.id, url);
    this.known.delete(url);
  }

  private nextRecord(previous: ArticleFailureRecord | undefined, url: string, signature: string, reason: string): ArticleFailureRecord {
    // This pass counted it already: a redelivered message, or the article listed by two sources of the watch.
    if (previous?.lastRunId === this.runId) return previous;
    const at = this.deps.now().toISOString();
    const sameWay = previous?.signature === signature;
    const runs = sameWay ? previous.runs + 1 : 1;
    const stuckAt = sameWay && previous.stuckAt ? previous.stuckAt : runs >= STUCK_AFTER_RUNS ? at : undefined;
    return {
      watchId: this.watch.id,
      url,
      signature,
      reason,
      runs,
      since: sameWay ? previous.since : at,
      lastRunId: this.runId,
      stuckAt,
      reportedStuckAt: sameWay ? previous.reportedStuckAt : undefined,
    };
  }
}
