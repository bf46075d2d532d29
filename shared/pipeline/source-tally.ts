/**
 * One source's run counted from its items' results: the outcome the caller reports, and the facts its health is
 * judged on. Every count of a source run is made here.
 */
import type { Watch } from '../config/index.js';
import type { SourceItem } from '../fetch/types.js';
import type { Log } from './log.js';
import type { FailedStage, ItemResult } from './read-item.js';
import type { SourceRunFacts } from './source-health.js';
import type { ArticleCounts, SourceOutcome, StuckArticleReport } from './types.js';

export function emptyCounts(): ArticleCounts {
  return { fetched: 0, new: 0, duplicates: 0, revised: 0, failed: 0, skipped: 0, stuck: 0 };
}

export function emptyOutcome(): SourceOutcome {
  return { articles: emptyCounts(), stances: [], failures: [], skips: [], health: [], stuck: [] };
}

/** Adds one outcome to another (a watch's to its source's, a source's to its pass's); answers `into`. */
export function addOutcome(into: SourceOutcome, outcome: SourceOutcome): SourceOutcome {
  for (const key of Object.keys(into.articles) as Array<keyof ArticleCounts>) into.articles[key] += outcome.articles[key];
  into.stances.push(...outcome.stances);
  into.failures.push(...outcome.failures);
  into.skips.push(...outcome.skips);
  into.health.push(...outcome.health);
  into.stuck.push(...outcome.stuck);
  return into;
}

/** What a failed item had got to, by the stage it failed in; a failed save follows a result counted already. */
const REACHED: Record<FailedStage, { fetched: boolean; article: boolean }> = {
  fetch: { fetched: false, article: false },
  extract: { fetched: true, article: false },
  read: { fetched: true, article: true },
  save: { fetched: false, article: false },
};

/** The message a failure is reported and compared by. */
export function failureReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class SourceTally {
  readonly outcome = emptyOutcome();
  readonly facts: SourceRunFacts;

  constructor(
    private readonly watch: Watch,
    private readonly log: Log,
    source: Pick<SourceRunFacts, 'notModified' | 'items'>,
  ) {
    this.facts = { ...source, articles: 0, failed: 0 };
  }

  add(item: SourceItem, result: ItemResult): void {
    const { articles } = this.outcome;
    switch (result.kind) {
      case 'not-modified':
        // The page is as archived (a 304, or a known entry not due a revisit): an article the source still yields, read before.
        articles.duplicates += 1;
        this.facts.articles += 1;
        return;
      case 'skipped':
        articles.fetched += 1;
        articles.skipped += 1;
        if (result.hadArticle) this.facts.articles += 1;
        this.outcome.skips.push({ watch: this.watch.id, url: item.url, reason: result.reason });
        this.log.debug(`${item.url}: skipped (${result.reason})`);
        return;
      case 'read':
        articles.fetched += 1;
        articles[result.countsAs] += 1;
        this.facts.articles += 1;
        this.outcome.stances.push(...result.stances);
        return;
      case 'failed':
        return this.addFailure(item, result);
    }
  }

  /** An item whose failure is now the same, run after run: listed in the watch's next digest. */
  addStuck(report: StuckArticleReport): void {
    this.outcome.articles.stuck += 1;
    this.outcome.stuck.push(report);
  }

  private addFailure(item: SourceItem, failure: Extract<ItemResult, { kind: 'failed' }>): void {
    const reached = REACHED[failure.stage];
    const reason = failureReason(failure.error);
    if (reached.fetched) this.outcome.articles.fetched += 1;
    if (reached.article) this.facts.articles += 1;
    this.outcome.articles.failed += 1;
    this.facts.failed += 1;
    this.facts.lastError = reason;
    this.facts.botWall ??= failure.botWall;
    this.outcome.failures.push({ watch: this.watch.id, url: item.url, error: reason });
    this.log.warn(`${item.url}: failed, will be retried next run: ${reason}`, { watch: this.watch.id });
  }
}
