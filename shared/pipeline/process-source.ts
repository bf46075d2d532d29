import type { Watch } from '../config/index.js';
import { dedupeArticle, normalizeText } from '../dedupe/index.js';
import { ConfigError } from '../errors/index.js';
import { dropHostBoilerplate, extractArticle } from '../extract/index.js';
import type { ExtractedArticle } from '../extract/types.js';
import { fetchDocument, readSource } from '../fetch/index.js';
import type { FetchedDocument, SourceItem } from '../fetch/types.js';
import { compareWithLedger, extractStatements } from '../stances/index.js';
import { hashKey, speakerKey, type ArchivedArticle, type StoredStatement } from '../store/index.js';
import type { SourceDeps } from './deps.js';
import type { ArticleCounts, SourceMessage, SourceOutcome, StanceReport } from './types.js';

export type { SourceOutcome } from './types.js';

export function emptyCounts(): ArticleCounts {
  return { fetched: 0, new: 0, duplicates: 0, revised: 0, failed: 0, skipped: 0 };
}

/**
 * Reads one source of one watch and takes each of its articles through the pipeline:
 * readSource → fetchItem → extractArticle → isRelevant → dedupeArticle → recordStatements.
 * One bad article is recorded as a failure and the others go on; a source that cannot be read
 * at all throws, so the caller (an SQS retry, the CLI's report) sees it.
 */
export async function processSource(message: SourceMessage, deps: SourceDeps): Promise<SourceOutcome> {
  const watch = findWatch(deps, message.watchId);
  const outcome: SourceOutcome = { articles: emptyCounts(), stances: [], failures: [] };
  const reading = await readSourceWithState(message.sourceUrl, deps);
  deps.log.info(`${message.sourceUrl}: ${reading.kind}, ${reading.items.length} item(s)`, { watch: watch.id });

  // Oldest first, so the ledger learns a speaker's statements in the order they were made.
  const items = [...reading.items].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  for (const item of items) {
    try {
      await processItem(item, watch, deps, outcome);
    } catch (error) {
      outcome.articles.failed += 1;
      const reason = error instanceof Error ? error.message : String(error);
      outcome.failures.push({ watch: watch.id, url: item.url, error: reason });
      deps.log.warn(`${item.url}: failed, will be retried next run: ${reason}`, { watch: watch.id });
      await recordFailure(item.url, reason, deps);
    }
  }
  return outcome;
}

function findWatch(deps: SourceDeps, watchId: string): Watch {
  const watch = deps.config.watches.find((candidate) => candidate.id === watchId);
  if (!watch) throw new ConfigError(`No watch "${watchId}" in the config (have: ${deps.config.watches.map((w) => w.id).join(', ')})`);
  return watch;
}

async function readSourceWithState(sourceUrl: string, deps: SourceDeps) {
  const previous = await deps.store.getUrlState(sourceUrl);
  try {
    const reading = await readSource(sourceUrl, deps.fetchOptions, previous?.validators);
    await deps.store.putUrlState(sourceUrl, {
      validators: reading.kind === 'not-modified' ? (previous?.validators ?? {}) : reading.validators,
      lastFetchedAt: deps.now().toISOString(),
      consecutiveFailures: 0,
    });
    return reading;
  } catch (error) {
    await recordFailure(sourceUrl, (error as Error).message, deps);
    throw error;
  }
}

async function recordFailure(url: string, reason: string, deps: SourceDeps): Promise<void> {
  const previous = await deps.store.getUrlState(url);
  await deps.store.putUrlState(url, {
    validators: previous?.validators ?? {},
    lastFetchedAt: deps.now().toISOString(),
    lastError: reason,
    consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
  });
}

async function processItem(item: SourceItem, watch: Watch, deps: SourceDeps, outcome: SourceOutcome): Promise<void> {
  const document = item.document ?? (await fetchItem(item.url, deps));
  if (!document) {
    // 304: the page is as we archived it.
    outcome.articles.duplicates += 1;
    return;
  }
  outcome.articles.fetched += 1;
  const extracted = withFeedMetadata(extractArticle({ url: document.url, body: document.body, contentType: document.contentType }), item);
  const article = deps.boilerplate && !extracted.noArticleReason ? await dropHostBoilerplate(extracted, deps.boilerplate) : extracted;
  if (article.noArticleReason || !isRelevant(article, watch)) {
    outcome.articles.skipped += 1;
    deps.log.debug(`${item.url}: skipped (${article.noArticleReason ?? 'no watch keyword'})`);
    return;
  }
  const verdict = await dedupeArticle(article, deps.store, deps.now().toISOString());
  if (verdict.kind === 'duplicate') {
    outcome.articles.duplicates += 1;
    return;
  }
  if (verdict.kind === 'new') outcome.articles.new += 1;
  else outcome.articles.revised += 1;
  const archived = verdict.article;
  await deps.store.linkArticle({
    watchId: watch.id,
    urlKey: archived.urlKey,
    url: archived.canonicalUrl,
    title: archived.title,
    siteName: archived.siteName,
    publishedAt: archived.publishedAt,
    linkedAt: deps.now().toISOString(),
  });
  // A revision is read for what it adds: statements in unchanged paragraphs were judged before.
  const paragraphs = verdict.kind === 'new' ? article.paragraphs : verdict.changedParagraphs;
  const revisedAt = verdict.kind === 'revision' ? verdict.revision.seenAt : undefined;
  outcome.stances.push(...(await recordStatements(paragraphs, archived, watch, deps, revisedAt)));
}

async function fetchItem(url: string, deps: SourceDeps): Promise<FetchedDocument | undefined> {
  const previous = await deps.store.getUrlState(url);
  const document = await fetchDocument(url, deps.fetchOptions, previous?.validators);
  await deps.store.putUrlState(url, {
    validators: document.notModified ? (previous?.validators ?? {}) : document.validators,
    lastFetchedAt: deps.now().toISOString(),
    consecutiveFailures: 0,
  });
  return document.notModified ? undefined : document;
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

/** An article belongs to a watch when a keyword appears in its title or body, case-insensitively. */
export function isRelevant(article: Pick<ExtractedArticle, 'title' | 'text'>, watch: Pick<Watch, 'keywords'>): boolean {
  const haystack = `${article.title}\n${article.text}`.toLowerCase();
  return watch.keywords.some((keyword) => haystack.includes(keyword.toLowerCase()));
}

function isWatchedSpeaker(speaker: string | null, watch: Watch): boolean {
  if (!watch.speakers?.length) return true;
  return speaker !== null && watch.speakers.some((name) => speakerKey(name) === speakerKey(speaker));
}

/** Judges each statement against the watch's ledger and stores it; a retried article adds nothing twice. */
async function recordStatements(
  paragraphs: string[],
  article: ArchivedArticle,
  watch: Watch,
  deps: SourceDeps,
  revisedAt?: string,
): Promise<StanceReport[]> {
  const statements = extractStatements(paragraphs, { speakers: watch.speakers }).filter((statement) =>
    isWatchedSpeaker(statement.speaker, watch),
  );
  if (statements.length === 0) return [];
  const ledger = await deps.store.listStatements(watch.id);
  const reports: StanceReport[] = [];
  for (const statement of statements) {
    const verdict = compareWithLedger(statement, ledger);
    const closest = verdict.closest as StoredStatement | undefined;
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
      url: article.canonicalUrl,
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
