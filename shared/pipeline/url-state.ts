/**
 * The state kept of each URL a pass reads (a source, an article page): the validators of a conditional GET, failures
 * in a row, empty runs, why the page was last skipped, a feed item's revisit marks. It is the URL's, shared by every
 * watch that reads it, so a URL is fetched once whatever the number of watches (issue 16 §2). What is a watch's own
 * stays per watch elsewhere: its read marks, its statements, its source health, its failing articles.
 *
 * A 304 earned for one watch must not hide a source from a watch that never read it: the source's state lists the
 * watches it was read for (`readBy`), and a watch not in it is new, so the pass reads the source and its pages whole,
 * without validators or skipped items, and the archive's duplicate check with each watch's read marks fans out to the
 * new watch only what it has not read.
 */
import type { ConditionalState } from '../fetch/types.js';
import type { SourceDeps } from './deps.js';
import type { UrlState } from './ports.js';

/** What a read answers that its state keeps: new validators, or word that nothing changed. */
interface Revalidated {
  validators: ConditionalState;
  notModified?: boolean;
  kind?: string;
}

/** A URL read with the validators stored for it; its state is saved once the work the read covers is done. */
export interface StatefulRead<T extends Revalidated> {
  url: string;
  result: T;
  /** The state before this read. */
  previous?: UrlState;
}

/** What else a run learned of a URL: a skip reason for a page, empty runs and readers for a source, a feed entry's marks. */
export type UrlStateExtra = Pick<UrlState, 'emptyRuns' | 'lastSkipReason' | 'readBy' | 'itemGuid' | 'itemUpdated'>;

/**
 * The key each watch kept its own state of a URL under, before URLs were read once for all watches. Still read when a
 * URL has no state of its own yet, so a deploy neither forgets validators and failure counts nor reads everything
 * whole; these items expire by themselves (`URL_STATE_TTL_DAYS` after their last write), and this with them.
 */
export function legacyStateKeyOf(watchId: string, url: string): string {
  return `${watchId} ${url}`;
}

/**
 * The state of a URL: its own, or else one taken over from the watches' older per-watch states (`legacyStateKeyOf`).
 * Those are taken whole, readers and validators, only when every watch has one with the same validators: a 304 is
 * then true for each of them. Otherwise only the counters carry over, and the URL is read whole once.
 */
export async function loadUrlState(url: string, watchIds: readonly string[], deps: Pick<SourceDeps, 'store'>): Promise<UrlState | undefined> {
  const own = await deps.store.getUrlState(url);
  if (own || watchIds.length === 0) return own;
  // One read for a URL no watch has read (a new item): the first watch's older state is missing too.
  const first = await deps.store.getUrlState(legacyStateKeyOf(watchIds[0], url));
  if (!first) return undefined;
  for (const watchId of watchIds.slice(1)) {
    const other = await deps.store.getUrlState(legacyStateKeyOf(watchId, url));
    if (!other || !sameValidators(other.validators, first.validators)) return { ...first, validators: {}, readBy: undefined };
  }
  return { ...first, readBy: [...watchIds] };
}

/**
 * Reads a URL with the validators stored for it (none when `whole`: see the module's doc). A read that throws is
 * recorded on the URL's state at once (its failures in a row, its error) and thrown again; a read that answers is
 * saved later with `saveUrlState`. `previous` may be given when the caller loaded the state already.
 */
export async function readWithState<T extends Revalidated>(
  url: string,
  watchIds: readonly string[],
  deps: SourceDeps,
  read: (validators?: ConditionalState) => Promise<T>,
  options: { whole?: boolean; previous?: UrlState | null } = {},
): Promise<StatefulRead<T>> {
  const previous = options.previous === undefined ? await loadUrlState(url, watchIds, deps) : (options.previous ?? undefined);
  try {
    return { url, previous, result: await read(options.whole ? undefined : previous?.validators) };
  } catch (error) {
    const failed: UrlState = {
      ...carriedOver(previous),
      validators: previous?.validators ?? {},
      emptyRuns: previous?.emptyRuns,
      lastFetchedAt: deps.now().toISOString(),
      lastError: (error as Error).message,
      consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
    };
    // The read's error is what the run must report; a store that also fails only costs the failure count.
    await deps.store.putUrlState(url, failed).catch((stateError: Error) => deps.log.warn(`${url}: failure not recorded: ${stateError.message}`));
    throw error;
  }
}

/**
 * Saves the state of a URL that answered. `succeeded` stores its new validators; otherwise the old ones stay, so the
 * next run asks for the whole document again and the work it covers is not hidden behind a 304.
 */
export async function saveUrlState(read: StatefulRead<Revalidated>, succeeded: boolean, deps: SourceDeps, extra?: UrlStateExtra): Promise<void> {
  const unchanged = read.result.notModified || read.result.kind === 'not-modified';
  await deps.store.putUrlState(read.url, {
    ...carriedOver(read.previous),
    firstSeenAt: read.previous?.firstSeenAt ?? deps.now().toISOString(),
    validators: succeeded && !unchanged ? read.result.validators : (read.previous?.validators ?? {}),
    lastFetchedAt: deps.now().toISOString(),
    consecutiveFailures: 0,
    ...extra,
  });
}

/** What a write keeps of the state before it: a feed item's marks, unless the write brings new ones. */
function carriedOver(previous: UrlState | undefined): Pick<UrlState, 'firstSeenAt' | 'itemGuid' | 'itemUpdated'> {
  return { firstSeenAt: previous?.firstSeenAt, itemGuid: previous?.itemGuid, itemUpdated: previous?.itemUpdated };
}

function sameValidators(a: ConditionalState, b: ConditionalState): boolean {
  return a.etag === b.etag && a.lastModified === b.lastModified;
}
