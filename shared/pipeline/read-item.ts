/**
 * One item of a source, read for a watch: fetchPage → articleContentProblem → detectBotWall → extractArticle →
 * skipReasonOf → dedupeArticle → planReading → recordReading. It throws nothing and changes nothing it is given: it
 * answers what came of the item, and `processSource` counts that and saves the page's state.
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
import { skipReasonOf } from './skip-reasons.js';
import { botWallBehind } from './source-health.js';
import type { StanceReport } from './types.js';
import { readWithState, type StatefulRead } from './url-state.js';

/** A fetched page's state, saved once the item is done; absent when the source's reading carried the document. */
type PageRead = StatefulRead<FetchedDocument> | undefined;

/**
 * Where an item failed. What it got to before still counts: `extract`, a page fetched; `read`, an article found too
 * (the source yields articles: healthy). `save`: read through, but its page's state could not be saved.
 */
export type FailedStage = 'fetch' | 'extract' | 'read' | 'save';

/** What came of one item. */
export type ItemResult =
  /** 304: the page is as we archived it. */
  | { kind: 'not-modified'; page: PageRead }
  /** Fetched but not read (not an article page, no article on it, not for this watch): done, not retried. */
  | { kind: 'skipped'; reason: string; hadArticle: boolean; page: PageRead }
  /** An article taken in: `countsAs` new, a revision, or a duplicate (one this watch had read yields no stances). */
  | { kind: 'read'; countsAs: 'new' | 'revised' | 'duplicates'; stances: StanceReport[]; page: PageRead }
  /** Retried next run. `botWall`: the vendor of a bot-protection page met instead of the page, for the source's health. */
  | { kind: 'failed'; stage: FailedStage; error: unknown; botWall?: string };

type ReadResult = Extract<ItemResult, { kind: 'read' }>;

/** Reads one item of a source for a watch; see the module's doc for the stages. */
export async function readItem(item: SourceItem, watch: Watch, deps: SourceDeps): Promise<ItemResult> {
  let stage: FailedStage = 'fetch';
  try {
    const { document, page } = await fetchPage(item, watch, deps);
    if (document.notModified) return { kind: 'not-modified', page };
    stage = 'extract';
    const notAPage = articleContentProblem(document);
    if (notAPage) return { kind: 'skipped', reason: notAPage, hadArticle: false, page };
    const botWall = detectBotWall(decodeDocumentHead(document));
    if (botWall) {
      // Not a skip: the article may be behind it, so the page is retried next run.
      const error = new StancewatchError(`${item.url} answered with a bot wall (${botWall}) instead of the page; retried next run`);
      return { kind: 'failed', stage, error, botWall };
    }
    const article = await extractItem(document, item, deps);
    if (!article.noArticleReason) stage = 'read';
    const skipReason = skipReasonOf(article, watch);
    if (skipReason) return { kind: 'skipped', reason: skipReason, hadArticle: stage === 'read', page };
    return { ...(await readArticle(article, watch, deps)), page };
  } catch (error) {
    return { kind: 'failed', stage, error, botWall: botWallBehind(error) };
  }
}

/** The item's page: carried by the source's reading (a page source, a file), or fetched with its stored validators. */
async function fetchPage(item: SourceItem, watch: Watch, deps: SourceDeps): Promise<{ document: FetchedDocument; page: PageRead }> {
  if (item.document) return { document: item.document, page: undefined };
  const page = await readWithState(watch, item.url, deps, (validators) => fetchDocument(item.url, deps.fetchOptions, validators));
  return { document: page.result, page };
}

async function extractItem(document: FetchedDocument, item: SourceItem, deps: SourceDeps): Promise<ExtractedArticle> {
  const extracted = withFeedMetadata(extractArticle({ url: document.url, body: document.body, contentType: document.contentType }), item);
  return deps.boilerplate && !extracted.noArticleReason ? dropHostBoilerplate(extracted, deps.boilerplate) : extracted;
}

/** Archives the article (or finds it archived) and records what this watch has not read of it yet. */
async function readArticle(article: ExtractedArticle, watch: Watch, deps: SourceDeps): Promise<Omit<ReadResult, 'page'>> {
  const verdict = await dedupeArticle(article, deps.store, deps.now().toISOString());
  const reading = await planReading(verdict, article.paragraphs, watch, deps);
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
