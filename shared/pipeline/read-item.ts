/**
 * One item of a source, read once for the watches that share the source: fetchPage (passed over unless new, updated,
 * failing or due a revisit: revisit.ts) → articleContentProblem → detectBotWall → extractArticle, then for each watch
 * skipReasonOf (its keywords) → dedupeArticle (once, shared) → planReading → recordReading. It throws nothing and
 * changes nothing it is given: it answers what came of the item for each watch, and `processSource` counts that and
 * saves the page's state.
 */
import type { Watch } from '../config/index.js';
import { dedupeArticle, type DedupeVerdict } from '../dedupe/index.js';
import { StancewatchError } from '../errors/index.js';
import { detectBotWall } from '../extract/bot-wall.js';
import { dropHostBoilerplate, extractArticle } from '../extract/index.js';
import type { ExtractedArticle } from '../extract/types.js';
import { articleContentProblem, fetchDocument } from '../fetch/index.js';
import { decodeDocumentHead } from '../fetch/content.js';
import type { FetchedDocument, SourceItem } from '../fetch/types.js';
import { hashKey } from '../text/index.js';
import type { SourceDeps } from './deps.js';
import { recordReading, type Reading } from './record-reading.js';
import { visitReason } from './revisit.js';
import { skipReasonOf } from './skip-reasons.js';
import { botWallBehind } from './source-health.js';
import type { StanceReport } from './types.js';
import { loadUrlState, readWithState, type StatefulRead } from './url-state.js';

/** A fetched page's state, saved once the item is done; absent when the source's reading carried the document or no request was made. */
export type PageRead = StatefulRead<FetchedDocument> | undefined;

/**
 * Where an item failed. What it got to before still counts: `extract`, a page fetched; `read`, an article found too
 * (the source yields articles: healthy). `save`: read through, but its page's state could not be saved.
 */
export type FailedStage = 'fetch' | 'extract' | 'read' | 'save';

/** What came of one item for one watch. */
export type ItemResult =
  /** 304: the page is as we archived it; or passed over without a request, its revisit not due (revisit.ts). */
  | { kind: 'not-modified' }
  /** Fetched but not read (not an article page, no article on it, not for this watch): done, not retried. */
  | { kind: 'skipped'; reason: string; hadArticle: boolean }
  /** An article taken in: `countsAs` new, a revision, or a duplicate (one this watch had read yields no stances). */
  | { kind: 'read'; countsAs: 'new' | 'revised' | 'duplicates'; stances: StanceReport[] }
  /** Retried next run. `botWall`: the vendor of a bot-protection page met instead of the page, for the source's health. */
  | { kind: 'failed'; stage: FailedStage; error: unknown; botWall?: string };

type ReadResult = Extract<ItemResult, { kind: 'read' }>;

/** What came of one item: each watch's result, in the order of the watches given, and the page's state to save. */
export interface ItemReading {
  page: PageRead;
  results: ItemResult[];
}

/**
 * Reads one item of a source for every watch given; see the module's doc for the stages. `whole`: a watch is new to
 * the source, so the page is fetched whatever its revisit schedule, without validators (see url-state.ts).
 */
export async function readItem(item: SourceItem, watches: readonly Watch[], deps: SourceDeps, options: { whole?: boolean } = {}): Promise<ItemReading> {
  let stage: FailedStage = 'fetch';
  let page: PageRead;
  const forEach = (result: ItemResult): ItemReading => ({ page, results: watches.map(() => result) });
  try {
    const fetched = await fetchPage(item, watches, deps, options.whole ?? false);
    if (!fetched) return forEach({ kind: 'not-modified' });
    page = fetched.page;
    const { document } = fetched;
    if (document.notModified) return forEach({ kind: 'not-modified' });
    stage = 'extract';
    const notAPage = articleContentProblem(document);
    if (notAPage) return forEach({ kind: 'skipped', reason: notAPage, hadArticle: false });
    const botWall = detectBotWall(decodeDocumentHead(document));
    if (botWall) {
      // Not a skip: the article may be behind it, so the page is retried next run.
      const error = new StancewatchError(`${item.url} answered with a bot wall (${botWall}) instead of the page; retried next run`);
      return forEach({ kind: 'failed', stage, error, botWall });
    }
    const article = await extractItem(document, item, deps);
    return { page, results: await readForWatches(article, watches, deps) };
  } catch (error) {
    return forEach({ kind: 'failed', stage, error, botWall: botWallBehind(error) });
  }
}

/**
 * The item's page: carried by the source's reading (a page source, a file), fetched with its stored validators, or
 * nothing when its feed entry is known and unchanged and no revisit is due.
 */
async function fetchPage(
  item: SourceItem,
  watches: readonly Watch[],
  deps: SourceDeps,
  whole: boolean,
): Promise<{ document: FetchedDocument; page: PageRead } | undefined> {
  if (item.document) return { document: item.document, page: undefined };
  const watchIds = watches.map((watch) => watch.id);
  const previous = await loadUrlState(item.url, watchIds, deps);
  const reason = whole ? 'whole' : visitReason(item, previous, deps.now());
  if (!reason) return undefined;
  deps.log.debug(`${item.url}: fetched (${reason})`);
  const read = (validators?: FetchedDocument['validators']) => fetchDocument(item.url, deps.fetchOptions, validators);
  const page = await readWithState(item.url, watchIds, deps, read, { whole, previous: previous ?? null });
  return { document: page.result, page };
}

async function extractItem(document: FetchedDocument, item: SourceItem, deps: SourceDeps): Promise<ExtractedArticle> {
  const extracted = withFeedMetadata(extractArticle({ url: document.url, body: document.body, contentType: document.contentType }), item);
  return deps.boilerplate && !extracted.noArticleReason ? dropHostBoilerplate(extracted, deps.boilerplate) : extracted;
}

/**
 * The article fanned out: each watch whose keywords take it in reads it, judged against its own ledger. The
 * article is archived (deduplicated) once, by the first watch that takes it; one watch that fails does not stop the
 * others, and a retry adds nothing twice (statement ids and the watch's read mark, record-reading.ts).
 */
async function readForWatches(article: ExtractedArticle, watches: readonly Watch[], deps: SourceDeps): Promise<ItemResult[]> {
  const hadArticle = !article.noArticleReason;
  let verdict: Promise<DedupeVerdict> | undefined;
  const results: ItemResult[] = [];
  for (const watch of watches) {
    const skipReason = skipReasonOf(article, watch);
    if (skipReason) {
      results.push({ kind: 'skipped', reason: skipReason, hadArticle });
      continue;
    }
    try {
      verdict ??= dedupeArticle(article, deps.store, deps.now().toISOString());
      results.push(await readArticle(await verdict, article.paragraphs, watch, deps));
    } catch (error) {
      results.push({ kind: 'failed', stage: 'read', error, botWall: botWallBehind(error) });
    }
  }
  return results;
}

/** Records what this watch has not read yet of the article the verdict names. */
async function readArticle(verdict: DedupeVerdict, paragraphs: string[], watch: Watch, deps: SourceDeps): Promise<ReadResult> {
  const reading = await planReading(verdict, paragraphs, watch, deps);
  if (!reading) return { kind: 'read', countsAs: 'duplicates', stances: [] };
  const countsAs = verdict.kind === 'revision' ? 'revised' : 'new';
  return { kind: 'read', countsAs, stances: await recordReading(reading, watch, deps) };
}

/**
 * What this watch still has to read of an article, or nothing. The archive is shared by all
 * watches, so "duplicate" only means another reading stored it first: this watch reads it unless
 * its own mark says it already did, for this text.
 */
async function planReading(verdict: DedupeVerdict, paragraphs: string[], watch: Watch, deps: SourceDeps): Promise<Reading | undefined> {
  if (verdict.kind === 'new') return { archived: verdict.article, paragraphs };
  if (verdict.kind === 'revision') {
    // A revision is read for what it adds: statements in unchanged paragraphs were judged before.
    return { archived: verdict.article, paragraphs: verdict.changedParagraphs, revisedAt: verdict.revision.seenAt };
  }
  const { article } = verdict;
  const mark = await deps.store.getWatchMark(watch.id, verdict.of);
  // Under a mark only this URL's own text can have moved on (a revision read halfway); a copy at
  // another URL counts as read once its first-seen article is.
  if (mark && (verdict.of !== hashKey(article.canonicalUrl) || mark.contentHash === article.contentHash)) return undefined;
  // First reading by this watch, or a retry after a crash: statement ids make re-reading harmless.
  return { archived: article, paragraphs };
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
