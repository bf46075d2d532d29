/**
 * The state a watch keeps of each URL it reads (a source, an article page): the validators of a conditional GET,
 * failures in a row, empty runs, why the page was last skipped. It is the watch's own: a 304 earned by one watch must
 * not hide a shared source from another.
 */
import type { Watch } from '../config/index.js';
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
  key: string;
  result: T;
  /** The state before this read. */
  previous?: UrlState;
}

/** What else a run learned of a URL: a skip reason for a page, empty runs for a source. */
export type UrlStateExtra = Pick<UrlState, 'emptyRuns' | 'lastSkipReason'>;

export function stateKeyOf(watch: Pick<Watch, 'id'>, url: string): string {
  return `${watch.id} ${url}`;
}

/**
 * Reads a URL with the validators stored for it. A read that throws is recorded on the URL's state at once (its
 * failures in a row, its error) and thrown again; a read that answers is saved later with `saveUrlState`.
 */
export async function readWithState<T extends Revalidated>(
  watch: Watch,
  url: string,
  deps: SourceDeps,
  read: (validators?: ConditionalState) => Promise<T>,
): Promise<StatefulRead<T>> {
  const key = stateKeyOf(watch, url);
  const previous = await deps.store.getUrlState(key);
  try {
    return { url, key, previous, result: await read(previous?.validators) };
  } catch (error) {
    const failed: UrlState = {
      validators: previous?.validators ?? {},
      emptyRuns: previous?.emptyRuns,
      lastFetchedAt: deps.now().toISOString(),
      lastError: (error as Error).message,
      consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
    };
    // The read's error is what the run must report; a store that also fails only costs the failure count.
    await deps.store.putUrlState(key, failed).catch((stateError: Error) => deps.log.warn(`${url}: failure not recorded: ${stateError.message}`));
    throw error;
  }
}

/**
 * Saves the state of a URL that answered. `succeeded` stores its new validators; otherwise the old ones stay, so the
 * next run asks for the whole document again and the work it covers is not hidden behind a 304.
 */
export async function saveUrlState(read: StatefulRead<Revalidated>, succeeded: boolean, deps: SourceDeps, extra?: UrlStateExtra): Promise<void> {
  const unchanged = read.result.notModified || read.result.kind === 'not-modified';
  await deps.store.putUrlState(read.key, {
    validators: succeeded && !unchanged ? read.result.validators : (read.previous?.validators ?? {}),
    lastFetchedAt: deps.now().toISOString(),
    consecutiveFailures: 0,
    ...extra,
  });
}
