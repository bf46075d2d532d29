import type { Watch } from '../config/index.js';
import { canonicalizeUrl, contentHash, dedupeArticle, linkOf, normalizeText, pageUrlOf, type ArchivedArticle, type DedupeVerdict } from '../dedupe/index.js';
import { dropHostBoilerplate, extractArticle } from '../extract/index.js';
import type { ExtractedArticle } from '../extract/types.js';
import { FetchError, StancewatchError } from '../errors/index.js';
import { detectBotWall } from '../extract/bot-wall.js';
import { detectLanguage } from '../extract/language.js';
import { articleContentProblem, fetchDocument, readSource } from '../fetch/index.js';
import { decodeDocumentHead } from '../fetch/content.js';
import type { ConditionalState, FetchedDocument, SourceItem } from '../fetch/types.js';
import type { StoredStatement } from '../stances/index.js';
import { hashKey } from '../text/index.js';
import type { SourceDeps } from './deps.js';
import type { UrlState } from './ports.js';
import { ArticleFailures } from './article-failures.js';
import { keywordMismatch } from './keywords.js';
import { judgeStatement, watchedStatements } from './watch-statements.js';
import { judgeFailure, judgeRun, recordHealth, SourceFailedError, type SourceRunFacts } from './source-health.js';
import type { ArticleCounts, SourceMessage, SourceOutcome, StanceReport } from './types.js';

export type { SourceOutcome } from './types.js';

/** How a skip for want of the watch's keywords begins; the CLI counts those instead of listing them. */
export const OFF_TOPIC = 'not about the watch';
/** How a skip for the article's language begins: `language not supported (ru)`. */
export const LANGUAGE_NOT_SUPPORTED = 'language not supported';

export function emptyCounts(): ArticleCounts {
  return { fetched: 0, new: 0, duplicates: 0, revised: 0, failed: 0, skipped: 0, stuck: 0 };
}

/**
 * Reads one source of one watch and takes each of its articles through the pipeline:
 * readSource → fetchItem → extractArticle → unreadableReason (not English) → isRelevant → dedupeArticle → recordStatements.
 * One bad article is recorded as a failure and the others go on; a source that cannot be read
 * at all throws, so the caller (an SQS retry, the CLI's report) sees it.
 *
 * Validators (ETag, Last-Modified) are saved only once everything they cover is done: a source's
 * after all its items succeeded, a page's after its statements are stored. A crash or a failed item
 * therefore never turns into a 304 that hides work still to do.
 */
export async function processSource(message: SourceMessage, deps: SourceDeps): Promise<SourceOutcome> {
  const outcome: SourceOutcome = { articles: emptyCounts(), stances: [], failures: [], skips: [], health: [], stuck: [] };
  const watch = deps.config.watches.find((candidate) => candidate.id === message.watchId);
  if (!watch) {
    // A watch removed by a redeploy while its messages were queued: nothing to retry, nothing for the DLQ.
    deps.log.warn(`No watch "${message.watchId}" in the config any more; message for ${message.sourceUrl} skipped`);
    return outcome;
  }
  const source = await readSourceOf(watch, message.sourceUrl, deps);
  const reading = source.result;
  const via = reading.via ? ` via ${reading.via}` : '';
  deps.log.info(`${message.sourceUrl}: ${reading.kind}${via}, ${reading.items.length} item(s)`, { watch: watch.id });

  const facts: SourceRunFacts = { notModified: reading.kind === 'not-modified', items: reading.items.length, articles: 0, failed: 0 };
  // Oldest first, so the ledger learns a speaker's statements in the order they were made.
  const items = [...reading.items].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  const streaks = items.length > 0 ? await ArticleFailures.load(watch, message.runId, deps) : undefined;
  for (const item of items) {
    try {
      await processItem(item, watch, deps, outcome, facts);
    } catch (error) {
      outcome.articles.failed += 1;
      const reason = error instanceof Error ? error.message : String(error);
      facts.failed += 1;
      facts.lastError = reason;
      facts.botWall ??= botWallBehind(error);
      outcome.failures.push({ watch: watch.id, url: item.url, error: reason });
      deps.log.warn(`${item.url}: failed, will be retried next run: ${reason}`, { watch: watch.id });
      const stuck = await bookkeeping(streaks?.failed(item.url, error, reason), item.url, deps);
      if (stuck) {
        outcome.articles.stuck += 1;
        outcome.stuck.push(stuck);
      }
      continue;
    }
    await bookkeeping(streaks?.succeeded(item.url), item.url, deps);
  }
  const { emptyRuns, verdict } = judgeRun(facts, source.previous);
  await source.save(outcome.articles.failed === 0, { emptyRuns });
  const change = await recordHealth(watch, message.sourceUrl, verdict, deps);
  if (change) outcome.health.push(change);
  return outcome;
}

/** Failure streak bookkeeping must not turn an article's outcome around: a store error here is logged, not thrown. */
async function bookkeeping<T>(work: Promise<T> | undefined, url: string, deps: SourceDeps): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    deps.log.warn(`${url}: its run of failures not recorded: ${(error as Error).message}`);
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

/** The bot wall a 403, 429 or 503 answered with, if its body was one (see `FetchError.bodyHead`). */
function botWallBehind(error: unknown): string | undefined {
  return error instanceof FetchError && error.bodyHead ? detectBotWall(error.bodyHead) : undefined;
}

function stateKeyOf(watch: Watch, url: string): string {
  return `${watch.id} ${url}`;
}

interface Revalidated {
  validators: ConditionalState;
  notModified?: boolean;
  kind?: string;
}

interface StatefulRead<T> {
  result: T;
  /** The state before this read. */
  previous?: UrlState;
  /** `extra`: what else this run learned of the URL (a skip reason, a source's empty runs). */
  save: (succeeded: boolean, extra?: Pick<UrlState, 'emptyRuns' | 'lastSkipReason'>) => Promise<void>;
}

/**
 * Reads a URL with the validators stored for it, records a failure on its state, and hands back
 * `save(succeeded)`: succeeded stores the new validators; otherwise the old ones stay, so the next
 * run asks for the whole document again. The state is the watch's own: a 304 earned by one watch
 * must not hide a shared source from another.
 */
async function readWithState<T extends Revalidated>(
  watch: Watch,
  url: string,
  deps: SourceDeps,
  read: (validators?: ConditionalState) => Promise<T>,
): Promise<StatefulRead<T>> {
  const stateKey = stateKeyOf(watch, url);
  const previous = await deps.store.getUrlState(stateKey);
  let result: T;
  try {
    result = await read(previous?.validators);
  } catch (error) {
    const failed = {
      validators: previous?.validators ?? {},
      emptyRuns: previous?.emptyRuns,
      lastFetchedAt: deps.now().toISOString(),
      lastError: (error as Error).message,
      consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
    };
    // The fetch error is what the run must report; a store that also fails only costs the failure count.
    await deps.store.putUrlState(stateKey, failed).catch((stateError: Error) => deps.log.warn(`${url}: failure not recorded: ${stateError.message}`));
    throw error;
  }
  const unchanged = result.notModified || result.kind === 'not-modified';
  const save = async (succeeded: boolean, extra?: Pick<UrlState, 'emptyRuns' | 'lastSkipReason'>) => {
    await deps.store.putUrlState(stateKey, {
      validators: succeeded && !unchanged ? result.validators : (previous?.validators ?? {}),
      lastFetchedAt: deps.now().toISOString(),
      consecutiveFailures: 0,
      ...extra,
    });
  };
  return { result, previous, save };
}

async function processItem(item: SourceItem, watch: Watch, deps: SourceDeps, outcome: SourceOutcome, facts: SourceRunFacts): Promise<void> {
  const page: Pick<StatefulRead<FetchedDocument>, 'result' | 'save'> = item.document
    ? { result: item.document, save: async () => undefined }
    : await readWithState(watch, item.url, deps, (validators) => fetchDocument(item.url, deps.fetchOptions, validators));
  const document = page.result;
  if (document.notModified) {
    // 304: the page is as we archived it.
    outcome.articles.duplicates += 1;
    facts.articles += 1;
    return page.save(true);
  }
  outcome.articles.fetched += 1;
  const notAPage = articleContentProblem(document);
  if (notAPage) return skipPage(item, notAPage, watch, deps, outcome, page);
  const botWall = detectBotWall(decodeDocumentHead(document));
  if (botWall) {
    facts.botWall = botWall;
    // Not a skip: the article may be behind it, so the page is retried next run.
    throw new StancewatchError(`${item.url} answered with a bot wall (${botWall}) instead of the page; retried next run`);
  }
  const extracted = withFeedMetadata(extractArticle({ url: document.url, body: document.body, contentType: document.contentType }), item);
  const article = deps.boilerplate && !extracted.noArticleReason ? await dropHostBoilerplate(extracted, deps.boilerplate) : extracted;
  if (!article.noArticleReason) facts.articles += 1;
  const skipReason = skipReasonOf(article, watch);
  if (skipReason) return skipPage(item, skipReason, watch, deps, outcome, page);
  const verdict = await dedupeArticle(article, deps.store, deps.now().toISOString());
  const reading = await planReading(verdict, article, watch, deps);
  if (!reading) {
    outcome.articles.duplicates += 1;
    return page.save(true);
  }
  if (verdict.kind === 'revision') outcome.articles.revised += 1;
  else outcome.articles.new += 1;
  outcome.stances.push(...(await recordReading(reading, watch, deps)));
  await page.save(true);
}

/**
 * Takes an article into a watch: links it, records its statements, and marks it read for its text. Also how
 * `reprocess` reads archived text again (shared/pipeline/reprocess.ts).
 */
export async function recordReading(reading: Reading, watch: Watch, deps: SourceDeps): Promise<StanceReport[]> {
  const { archived, paragraphs, revisedAt } = reading;
  await deps.store.linkArticle({
    watchId: watch.id,
    urlKey: archived.urlKey,
    url: linkOf(archived),
    title: archived.title,
    siteName: archived.siteName,
    publishedAt: archived.publishedAt,
    linkedAt: deps.now().toISOString(),
  });
  const stances = await recordStatements(paragraphs, archived, watch, deps, revisedAt);
  // Last: until this mark exists, a retry reads the article again (statements are idempotent).
  await deps.store.putWatchMark(watch.id, archived.urlKey, archived.contentHash);
  return stances;
}

/** A page read but not kept, with the reason on the run's report and on the page's state; done, not retried. */
async function skipPage(
  item: SourceItem,
  reason: string,
  watch: Watch,
  deps: SourceDeps,
  outcome: SourceOutcome,
  page: Pick<StatefulRead<FetchedDocument>, 'save'>,
): Promise<void> {
  outcome.articles.skipped += 1;
  outcome.skips.push({ watch: watch.id, url: item.url, reason });
  deps.log.debug(`${item.url}: skipped (${reason})`);
  await page.save(true, { lastSkipReason: reason });
}

export interface Reading {
  archived: ArchivedArticle;
  paragraphs: string[];
  revisedAt?: string;
}

/**
 * What this watch still has to read of an article, or nothing. The archive is shared by all
 * watches, so "duplicate" only means another reading stored it first: this watch reads it unless
 * its own mark says it already did, for this text.
 */
async function planReading(verdict: DedupeVerdict, article: ExtractedArticle, watch: Watch, deps: SourceDeps): Promise<Reading | undefined> {
  if (verdict.kind === 'new') return { archived: verdict.article, paragraphs: article.paragraphs };
  if (verdict.kind === 'revision') {
    // A revision is read for what it adds: statements in unchanged paragraphs were judged before.
    return { archived: verdict.article, paragraphs: verdict.changedParagraphs, revisedAt: verdict.revision.seenAt };
  }
  const hash = contentHash(article.text);
  const canonicalUrl = canonicalizeUrl(article.canonicalUrl || article.url);
  const mark = await deps.store.getWatchMark(watch.id, verdict.of);
  // Under a mark only this URL's own text can have moved on (a revision read halfway); a copy at
  // another URL counts as read once its first-seen article is.
  if (mark && (verdict.of !== hashKey(canonicalUrl) || mark.contentHash === hash)) return undefined;
  // First reading by this watch, or a retry after a crash: statement ids make re-reading harmless.
  const archived: ArchivedArticle = {
    urlKey: verdict.of,
    canonicalUrl,
    url: article.url,
    pageUrl: pageUrlOf(article),
    title: article.title,
    publishedAt: article.publishedAt,
    siteName: article.siteName,
    contentHash: hash,
    text: article.text,
    firstSeenAt: deps.now().toISOString(),
    lastSeenAt: deps.now().toISOString(),
  };
  return { archived, paragraphs: article.paragraphs };
}

/** Pages often lack what their feed entry states (date, headline); the page wins where it has both. */
function withFeedMetadata(article: ExtractedArticle, item: SourceItem): ExtractedArticle {
  return {
    ...article,
    title: article.title || item.title || article.url,
    publishedAt: article.publishedAt ?? item.publishedAt,
    byline: article.byline ?? item.author,
  };
}

/** Why a watch does not read an extracted article (no article on the page, not English, off its topic), or nothing. */
export function skipReasonOf(article: Pick<ExtractedArticle, 'title' | 'text' | 'noArticleReason'>, watch: Pick<Watch, 'keywords'>): string | undefined {
  return (
    article.noArticleReason ??
    unreadableReason(article) ??
    offTopicReason(article, watch)
  );
}

/** The stance reader reads English; an article in another language is named as such, not read for nothing. */
function unreadableReason(article: Pick<ExtractedArticle, 'text'>): string | undefined {
  const language = detectLanguage(article.text);
  return language === 'en' || language === 'und' ? undefined : `${LANGUAGE_NOT_SUPPORTED} (${language})`;
}

/**
 * An article belongs to a watch when its title or body passes the watch's keyword groups (`any`, `all`, `none`): whole
 * words, case-insensitive, a phrase's words in order (see shared/pipeline/keywords.ts).
 */
export function isRelevant(article: Pick<ExtractedArticle, 'title' | 'text'>, watch: Pick<Watch, 'keywords'>): boolean {
  return offTopicReason(article, watch) === undefined;
}

function offTopicReason(article: Pick<ExtractedArticle, 'title' | 'text'>, watch: Pick<Watch, 'keywords'>): string | undefined {
  const mismatch = keywordMismatch([article.title, article.text], watch.keywords);
  return mismatch && `${OFF_TOPIC} (${mismatch})`;
}

/** Judges each statement against the watch's ledger and stores it; a retried article adds nothing twice. */
async function recordStatements(
  paragraphs: string[],
  article: ArchivedArticle,
  watch: Watch,
  deps: SourceDeps,
  revisedAt?: string,
): Promise<StanceReport[]> {
  const statements = watchedStatements(paragraphs, watch);
  if (statements.length === 0) return [];
  const ledger = await deps.store.listStatements(watch.id);
  const reports: StanceReport[] = [];
  for (const statement of statements) {
    const verdict = judgeStatement(statement, ledger, watch);
    const { closest } = verdict;
    const stored: StoredStatement = {
      id: hashKey(`${watch.id}\n${article.urlKey}\n${normalizeText(statement.text)}`),
      watchId: watch.id,
      speaker: statement.speaker,
      role: statement.role,
      kind: statement.kind,
      polarity: statement.polarity,
      withdrawn: statement.withdrawn,
      paragraphIndex: statement.paragraphIndex,
      revisedAt,
      text: statement.text,
      claim: statement.claim,
      publishedAt: article.publishedAt,
      url: linkOf(article),
      outlet: article.siteName,
      title: article.title,
      urlKey: article.urlKey,
      status: verdict.status,
      closestId: closest?.id,
      closest: closest && { text: closest.text, url: closest.url, outlet: closest.outlet, publishedAt: closest.publishedAt },
      similarity: verdict.similarity,
      foundAt: deps.now().toISOString(),
    };
    if (!(await deps.store.addStatement(stored))) continue;
    if (verdict.status === 'repeat' && closest) {
      await deps.store.countRepeat(watch.id, closest, { url: stored.url, publishedAt: stored.publishedAt });
    }
    ledger.push(stored);
    reports.push({
      watch: watch.id,
      status: stored.status,
      speaker: stored.speaker,
      kind: stored.kind,
      text: stored.text,
      url: stored.url,
      outlet: stored.outlet,
      publishedAt: stored.publishedAt,
    });
  }
  return reports;
}
