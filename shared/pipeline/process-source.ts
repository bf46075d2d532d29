import type { Watch } from '../config/index.js';
import { readSource } from '../fetch/index.js';
import type { SourceItem } from '../fetch/types.js';
import type { SourceDeps } from './deps.js';
import { ArticleFailures } from './article-failures.js';
import type { UrlState } from './ports.js';
import { readItem, type ItemReading, type ItemResult } from './read-item.js';
import { entryStamp } from './revisit.js';
import { botWallBehind, judgeFailure, judgeRun, recordHealth, SourceFailedError } from './source-health.js';
import { watchIdsOf } from './source-message.js';
import { addOutcome, emptyOutcome, failureReason, SourceTally } from './source-tally.js';
import type { SingleWatchSourceMessage, SourceHealthChange, SourceMessage, SourceOutcome, StuckArticleReport } from './types.js';
import { loadUrlState, readWithState, saveUrlState } from './url-state.js';

export type { SourceOutcome } from './types.js';

/**
 * Reads one source once for every watch of the message and takes each of its items through the pipeline (`readItem`:
 * fetch once, extract once, then each watch's keywords, dedupe and statements), then judges the source's health for
 * each watch. One bad article is recorded as a failure and the others go on; a source that cannot be read at all
 * throws, so the caller (an SQS retry, the CLI's report) sees it. The outcome adds up every watch's.
 *
 * Validators (ETag, Last-Modified) are saved only once everything they cover is done: a source's after all its items
 * succeeded for every watch, a page's after every watch's statements are stored. A crash or a failed item therefore
 * never turns into a 304 that hides work still to do.
 */
export async function processSource(message: SourceMessage | SingleWatchSourceMessage, deps: SourceDeps): Promise<SourceOutcome> {
  const watches = configuredWatches(message, deps);
  if (watches.length === 0) return emptyOutcome();
  const url = message.sourceUrl;
  const watchIds = watches.map((watch) => watch.id);
  const previous = await loadUrlState(url, watchIds, deps);
  // A watch the source was never read for must see what it lists now, not a 304 the others earned.
  const whole = watchIds.some((id) => !previous?.readBy?.includes(id));
  const source = await readSourceOf(watches, url, deps, { whole, previous });
  const reading = source.result;
  const via = reading.via ? ` via ${reading.via}` : '';
  deps.log.info(`${url}: ${reading.kind}${via}, ${reading.items.length} item(s)`, { watches: watchIds.length === 1 ? watchIds[0] : watchIds.length });

  const facts = { notModified: reading.kind === 'not-modified', items: reading.items.length };
  const tallies = watches.map((watch) => new SourceTally(watch, deps.log, facts));
  await readItems(reading.items, watches, tallies, { runId: message.runId, whole }, deps);
  await judgeHealth(watches, tallies, source, deps);
  return tallies.reduce((outcome, tally) => addOutcome(outcome, tally.outcome), emptyOutcome());
}

/** Reads each item once for all the watches, counting each watch's result on its own tally and failure streaks. */
async function readItems(
  listed: SourceItem[],
  watches: Watch[],
  tallies: SourceTally[],
  pass: { runId: string; whole: boolean },
  deps: SourceDeps,
): Promise<void> {
  // Oldest first, so the ledger learns a speaker's statements in the order they were made.
  const items = [...listed].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  const streaks = items.length > 0 ? await Promise.all(watches.map((watch) => ArticleFailures.load(watch, pass.runId, deps))) : [];
  for (const item of items) {
    const read = await readItem(item, watches, deps, { whole: pass.whole });
    // A page read whose state cannot be saved still counts as read; it also fails, and is retried next run.
    const saveFailure = await savePage(item, read, deps);
    for (const [index, tally] of tallies.entries()) {
      const result = read.results[index];
      tally.add(item, result);
      if (saveFailure) tally.add(item, saveFailure);
      const stuck = await countStreak(streaks[index], item, saveFailure ?? result, deps);
      if (stuck) tally.addStuck(stuck);
    }
  }
}

/** The watches of the message the config still has; one removed by a redeploy while its message was queued is passed over. */
function configuredWatches(message: SourceMessage | SingleWatchSourceMessage, deps: SourceDeps): Watch[] {
  return watchIdsOf(message).flatMap((id) => {
    const watch = deps.config.watches.find((candidate) => candidate.id === id);
    // Nothing to retry, nothing for the DLQ: the others of the message are read as usual.
    if (!watch) deps.log.warn(`No watch "${id}" in the config any more; ${message.sourceUrl} not read for it`);
    return watch ? [watch] : [];
  });
}

/**
 * Saves the source's state (validators once every item succeeded for every watch; its empty runs; its readers) and
 * records each watch's health verdict. The run's facts are the source's, alike for every watch but for failures one
 * watch had alone, so the empty-run count is the same for all.
 */
async function judgeHealth(
  watches: Watch[],
  tallies: SourceTally[],
  source: Awaited<ReturnType<typeof readSourceOf>>,
  deps: SourceDeps,
): Promise<void> {
  const judged = tallies.map((tally) => judgeRun(tally.facts, source.previous));
  const succeeded = tallies.every((tally) => tally.outcome.articles.failed === 0);
  await saveUrlState(source, succeeded, deps, { emptyRuns: judged[0].emptyRuns, readBy: watches.map((watch) => watch.id) });
  for (const [index, watch] of watches.entries()) {
    const change = await recordHealth(watch, source.url, judged[index].verdict, deps);
    if (change) tallies[index].outcome.health.push(change);
  }
}

/**
 * The one place an item's page state is saved: its new validators once every watch's work is done, why it was
 * skipped, and the feed entry's GUID and stamp it was read at. A failure for any watch saves nothing, so the next
 * run fetches the whole page again (the watches that read it have their marks). Answers the failure to save, if any.
 */
async function savePage(item: SourceItem, read: ItemReading, deps: SourceDeps): Promise<ItemResult | undefined> {
  if (!read.page || read.results.some((result) => result.kind === 'failed')) return undefined;
  const skipped = read.results.find((result) => result.kind === 'skipped');
  const lastSkipReason = skipped && read.results.every((result) => result.kind === 'skipped') ? skipped.reason : undefined;
  try {
    await saveUrlState(read.page, true, deps, { lastSkipReason, itemGuid: item.guid, itemUpdated: entryStamp(item) });
    return undefined;
  } catch (error) {
    return { kind: 'failed', stage: 'save', error };
  }
}

/** Extends or ends the item's run of failures for one watch; answers the article when it is now stuck. */
async function countStreak(streaks: ArticleFailures | undefined, item: SourceItem, result: ItemResult, deps: SourceDeps): Promise<StuckArticleReport | undefined> {
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

/**
 * Reads the source (whole, without validators, when a watch is new to it); when it cannot be read, judges each
 * watch's view of its health and throws what failed, with the changes.
 */
async function readSourceOf(watches: Watch[], url: string, deps: SourceDeps, options: { whole: boolean; previous?: UrlState }) {
  const watchIds = watches.map((watch) => watch.id);
  try {
    const read = (validators?: Parameters<typeof readSource>[2]) => readSource(url, deps.fetchOptions, validators, deps.now());
    return await readWithState(url, watchIds, deps, read, { whole: options.whole, previous: options.previous ?? null });
  } catch (error) {
    const failures = (await deps.store.getUrlState(url))?.consecutiveFailures ?? 1;
    const verdict = judgeFailure(failures, error as Error, botWallBehind(error));
    const changes: SourceHealthChange[] = [];
    for (const watch of watches) {
      const change = await recordHealth(watch, url, verdict, deps);
      if (change) changes.push(change);
    }
    throw new SourceFailedError(error as Error, changes);
  }
}
