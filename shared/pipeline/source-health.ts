import { FetchError, StancewatchError } from '../errors/index.js';
import { detectBotWall } from '../extract/bot-wall.js';
import type { Watch } from '../config/index.js';
import type { SourceDeps } from './deps.js';
import type { UrlState } from './ports.js';
import type { SourceHealthChange } from './types.js';

/** Runs in a row a source may fail, or yield nothing, before readers hear of it: one bad hour is not news, three are. */
export const UNHEALTHY_AFTER_RUNS = 3;

/** What one run of a source showed about its health. */
export interface SourceRunFacts {
  /** The source answered 304: it works, but says nothing about its articles. */
  notModified: boolean;
  /** Items the source listed this run. */
  items: number;
  /** Items whose page had an article, whether or not it was about the watch. */
  articles: number;
  /** Items that failed, and the last one's error. */
  failed: number;
  lastError?: string;
  /** A bot-protection page (vendor) met on the source or one of its pages. */
  botWall?: string;
}

type Verdict = { status: 'unhealthy'; reason: string } | { status: 'healthy' } | undefined;

/** A source that could not be read at all, carrying the health changes it caused, one per watch (for the caller's metrics). */
export class SourceFailedError extends StancewatchError {
  constructor(
    cause: Error,
    readonly healthChanges: SourceHealthChange[] = [],
  ) {
    super(cause.message, { cause });
  }

  /** The first watch's change: the change, for a source of one watch. */
  get health(): SourceHealthChange | undefined {
    return this.healthChanges[0];
  }
}

/**
 * Counts a readable run into the source's state (`emptyRuns`) and judges it: a bot wall at once, no articles
 * for {@link UNHEALTHY_AFTER_RUNS} runs in a row, or healthy again once an article comes through.
 */
export function judgeRun(facts: SourceRunFacts, previous: UrlState | undefined): { emptyRuns: number; verdict: Verdict } {
  if (facts.botWall) return { emptyRuns: previous?.emptyRuns ?? 0, verdict: { status: 'unhealthy', reason: botWallReason(facts.botWall) } };
  if (facts.notModified) {
    // Answering again after failing is recovery; an unchanged feed is no news about its articles.
    const wasFailing = (previous?.consecutiveFailures ?? 0) > 0;
    return { emptyRuns: previous?.emptyRuns ?? 0, verdict: wasFailing ? { status: 'healthy' } : undefined };
  }
  if (facts.articles > 0) return { emptyRuns: 0, verdict: { status: 'healthy' } };
  const emptyRuns = (previous?.emptyRuns ?? 0) + 1;
  if (emptyRuns < UNHEALTHY_AFTER_RUNS) return { emptyRuns, verdict: undefined };
  const detail = emptyRunDetail(facts);
  return { emptyRuns, verdict: { status: 'unhealthy', reason: `has yielded no articles for ${emptyRuns} runs in a row: ${detail}` } };
}

/** Judges a run whose source could not be read: unhealthy after {@link UNHEALTHY_AFTER_RUNS} failures in a row. */
export function judgeFailure(consecutiveFailures: number, error: Error, botWall?: string): Verdict {
  if (botWall) return { status: 'unhealthy', reason: botWallReason(botWall) };
  if (consecutiveFailures < UNHEALTHY_AFTER_RUNS) return undefined;
  return { status: 'unhealthy', reason: `failed ${consecutiveFailures} runs in a row; last error: ${error.message}` };
}

/** The bot wall a 403, 429 or 503 answered with, if its body was one (see `FetchError.bodyHead`). */
export function botWallBehind(error: unknown): string | undefined {
  return error instanceof FetchError && error.bodyHead ? detectBotWall(error.bodyHead) : undefined;
}

/** Records a verdict on the source's health item; returns the change when there was one. */
export async function recordHealth(watch: Watch, sourceUrl: string, verdict: Verdict, deps: SourceDeps): Promise<SourceHealthChange | undefined> {
  if (!verdict) return undefined;
  const at = deps.now().toISOString();
  if (verdict.status === 'unhealthy') {
    if (!(await deps.store.markSourceUnhealthy(watch.id, sourceUrl, verdict.reason, at))) return undefined;
    deps.log.warn(`${sourceUrl}: source unhealthy: ${verdict.reason}`, { watch: watch.id });
    return { watch: watch.id, url: sourceUrl, status: 'unhealthy', reason: verdict.reason };
  }
  if (!(await deps.store.markSourceRecovered(watch.id, sourceUrl, at))) return undefined;
  deps.log.info(`${sourceUrl}: source healthy again`, { watch: watch.id });
  return { watch: watch.id, url: sourceUrl, status: 'recovered' };
}

function emptyRunDetail(facts: SourceRunFacts): string {
  if (facts.items === 0) return 'it lists no entries';
  if (facts.failed === facts.items) return `all ${facts.items} of its page(s) failed; last error: ${facts.lastError}`;
  return `none of its ${facts.items} page(s) had an article`;
}

function botWallReason(vendor: string): string {
  return `answers with a bot wall (${vendor}) instead of its pages`;
}
