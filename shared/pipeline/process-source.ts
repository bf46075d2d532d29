import type { Watch } from '../config/index.js';
import { readSource } from '../fetch/index.js';
import type { SourceItem } from '../fetch/types.js';
import type { SourceDeps } from './deps.js';
import { ArticleFailures } from './article-failures.js';
import { readItem, type ItemResult } from './read-item.js';
import { botWallBehind, judgeFailure, judgeRun, recordHealth, SourceFailedError } from './source-health.js';
import { emptyOutcome, failureReason, SourceTally } from './source-tally.js';
import type { SourceMessage, SourceOutcome, StuckArticleReport } from './types.js';
import { readWithState, saveUrlState, stateKeyOf } from './url-state.js';

export type { SourceOutcome } from './types.js';

/**
 * Reads one source of one watch and takes each of its items through the pipeline (`readItem`: fetch, extract, skip
 * or dedupe, record statements), then judges the source's health. One bad article is recorded as a failure and the
 * others go on; a source that cannot be read at all throws, so the caller (an SQS retry, the CLI's report) sees it.
 *
 * Validators (ETag, Last-Modified) are saved only once everything they cover is done: a source's
 * after all its items succeeded, a page's after its statements are stored. A crash or a failed item
 * therefore never turns into a 304 that hides work still to do.
 */
export async function processSource(message: SourceMessage, deps: SourceDeps): Promise<SourceOutcome> {
  const watch = deps.config.watches.find((candidate) => candidate.id === message.watchId);
  if (!watch) {
    // A watch removed by a redeploy while its messages were queued: nothing to retry, nothing for the DLQ.
    deps.log.warn(`No watch "${message.watchId}" in the config any more; message for ${message.sourceUrl} skipped`);
    return emptyOutcome();
  }
  const source = await readSourceOf(watch, message.sourceUrl, deps);
  const reading = source.result;
  const via = reading.via ? ` via ${reading.via}` : '';
  deps.log.info(`${message.sourceUrl}: ${reading.kind}${via}, ${reading.items.length} item(s)`, { watch: watch.id });

  const tally = new SourceTally(watch, deps.log, { notModified: reading.kind === 'not-modified', items: reading.items.length });
  // Oldest first, so the ledger learns a speaker's statements in the order they were made.
  const items = [...reading.items].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  const streaks = items.length > 0 ? await ArticleFailures.load(watch, message.runId, deps) : undefined;
  for (const item of items) {
    const read = await readItem(item, watch, deps);
    tally.add(item, read);
    // A page read whose state cannot be saved still counts as read; it also fails, and is retried next run.
    const saveFailure = await savePage(read, deps);
    if (saveFailure) tally.add(item, saveFailure);
    const stuck = await countStreak(streaks, item, saveFailure ?? read, deps);
    if (stuck) tally.addStuck(stuck);
  }
  const { emptyRuns, verdict } = judgeRun(tally.facts, source.previous);
  await saveUrlState(source, tally.outcome.articles.failed === 0, deps, { emptyRuns });
  const change = await recordHealth(watch, message.sourceUrl, verdict, deps);
  if (change) tally.outcome.health.push(change);
  return tally.outcome;
}

/**
 * The one place an item's page state is saved: its new validators once its work is done, and why it was skipped. A
 * failed item saves nothing, so the next run fetches the whole page again. Answers the failure to save, if any.
 */
async function savePage(result: ItemResult, deps: SourceDeps): Promise<ItemResult | undefined> {
  if (result.kind === 'failed' || !result.page) return undefined;
  try {
    await saveUrlState(result.page, true, deps, result.kind === 'skipped' ? { lastSkipReason: result.reason } : undefined);
    return undefined;
  } catch (error) {
    return { kind: 'failed', stage: 'save', error };
  }
}

/** Extends or ends the item's run of failures; answers the article when it is now stuck. */
async function countStreak(
  streaks: ArticleFailures | undefined,
  item: SourceItem,
  result: ItemResult,
  deps: SourceDeps,
): Promise<StuckArticleReport | undefined> {
  try {
    if (result.kind === 'failed') return await streaks?.failed(item.url, result.error, failureReason(result.error));
    await streaks?.succeeded(item.url);
    return undefined;
  } catch (error) {
    // Failure streak bookkeeping must not turn an article's outcome around: a store error here is logged, not thrown.
    deps.log.warn(`${item.url}: its run of failures not recorded: ${(error as Error).message}`);
    return undefined;
  }
}

/** Reads the source; when it cannot be read, judges its health and throws what failed, with the change. */
async function readSourceOf(watch: Watch, url: string, deps: SourceDeps) {
  try {
    return await readWithState(watch, url, deps, (validators) => readSource(url, deps.fetchOptions, validators, deps.now()));
  } catch (error) {
    const failures = (await deps.store.getUrlState(stateKeyOf(watch, url)))?.consecutiveFailures ?? 1;
    const change = await recordHealth(watch, url, judgeFailure(failures, error as Error, botWallBehind(error)), deps);
    throw new SourceFailedError(error as Error, change);
  }
}
