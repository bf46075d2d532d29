import type { Watch } from '../config/index.js';
import { StancewatchError } from '../errors/index.js';
import type { ArchivedArticle } from '../dedupe/index.js';
import type { SourceDeps } from './deps.js';
import type { WatchArticleLink } from './ports.js';
import { PARAGRAPH_BREAK } from './claim-refresh.js';
import { recordReading } from './record-reading.js';
import { skipReasonOf } from './skip-reasons.js';
import type { FailureReport, SkipReport, StanceReport } from './types.js';

export interface ReprocessOptions {
  /** Only articles published on or after this date (`YYYY-MM-DD`, or a prefix such as `2019`); undated ones are left out. */
  since?: string;
}

/** What reading a watch's archive again found; `stances` are the statements stored now, judged against the ledger. */
export interface ReprocessReport {
  watch: string;
  articles: {
    /** Archived articles read again (of the watch, and of its sites that it now takes in). */
    read: number;
    /** Of `read`: articles other watches archived from this watch's sites that its keywords now take in. */
    linked: number;
    /** Articles of the watch that its keywords no longer take in: left as they are, listed in `skips`. */
    skipped: number;
    failed: number;
  };
  stances: StanceReport[];
  skips: SkipReport[];
  failures: FailureReport[];
}

/**
 * Reads the archived text of a watch's articles again with the watch as the config now defines it (its speakers, its
 * keywords), without fetching, and records what the pipeline would record: statements judged against the ledger,
 * pending for the next digest. Statement ids are content keys, so a second reprocess adds nothing.
 *
 * The articles: those linked to the watch, and those other watches archived from its sites (the host of one of its
 * sources, or a file source's folder) that its keywords now take in. The archive keeps only articles some watch kept;
 * a page every watch skipped as off-topic was never stored, so it cannot be read again here.
 *
 * findArticles → readArchived (oldest first, so the ledger learns in the order things were said) → recordReading.
 */
export async function reprocessWatch(watchId: string, deps: SourceDeps, options: ReprocessOptions = {}): Promise<ReprocessReport> {
  const watch = deps.config.watches.find((candidate) => candidate.id === watchId);
  if (!watch) {
    throw new StancewatchError(`no watch "${watchId}" in the config (its watches: ${deps.config.watches.map((known) => known.id).join(', ')})`);
  }
  const report: ReprocessReport = { watch: watch.id, articles: { read: 0, linked: 0, skipped: 0, failed: 0 }, stances: [], skips: [], failures: [] };
  const { own, others } = await findArticles(watch, deps, options);
  for (const link of oldestFirst([...own, ...others])) {
    const isOwn = own.includes(link);
    try {
      await readArchived(link, isOwn, watch, deps, report);
    } catch (error) {
      // One article that cannot be read again must not stop the others.
      report.articles.failed += 1;
      report.failures.push({ watch: watch.id, url: link.url, error: (error as Error).message });
      deps.log.warn(`${link.url}: not read again: ${(error as Error).message}`, { watch: watch.id });
    }
  }
  return report;
}

/** The watch's own articles, and those of other watches not linked to it yet (one link each), within `since`. */
async function findArticles(watch: Watch, deps: SourceDeps, options: ReprocessOptions): Promise<{ own: WatchArticleLink[]; others: WatchArticleLink[] }> {
  const within = (link: WatchArticleLink) => !options.since || (link.publishedAt !== undefined && link.publishedAt >= options.since);
  const own = (await deps.store.listArticles(watch.id)).filter(within);
  const seen = new Set(own.map((link) => link.urlKey));
  const others: WatchArticleLink[] = [];
  for (const other of deps.config.watches.filter((candidate) => candidate.id !== watch.id)) {
    for (const link of (await deps.store.listArticles(other.id)).filter(within)) {
      if (seen.has(link.urlKey)) continue;
      seen.add(link.urlKey);
      others.push(link);
    }
  }
  return { own, others };
}

function oldestFirst(links: WatchArticleLink[]): WatchArticleLink[] {
  return [...links].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
}

/**
 * One archived article read again. Another watch's article is taken in only when it comes from this watch's sites and
 * passes its keywords; one of the watch's own that its keywords no longer take in is reported and left alone (its
 * statements stay in the ledger).
 */
async function readArchived(link: WatchArticleLink, isOwn: boolean, watch: Watch, deps: SourceDeps, report: ReprocessReport): Promise<void> {
  // The store's accessor gives the text whole, whether it was kept plain or gzip-compressed.
  const article = await deps.store.getArticle(link.urlKey);
  if (!article) throw new StancewatchError(`archived article ${link.urlKey} is missing from the archive; its link is kept`);
  if (!isOwn && !isFromSources(article, watch)) return;
  const skipReason = skipReasonOf(article, watch);
  if (skipReason) {
    if (!isOwn) return;
    report.articles.skipped += 1;
    report.skips.push({ watch: watch.id, url: link.url, reason: skipReason });
    return;
  }
  report.articles.read += 1;
  if (!isOwn) report.articles.linked += 1;
  report.stances.push(...(await recordReading({ archived: article, paragraphs: article.text.split(PARAGRAPH_BREAK) }, watch, deps)));
}

/**
 * Whether an archived article comes from one of the watch's sources, as far as the archive can tell (it does not keep
 * which source listed an article): the page is on a source's host (`www.` aside), or in a file source's folder.
 */
function isFromSources(article: Pick<ArchivedArticle, 'url' | 'pageUrl'>, watch: Pick<Watch, 'sources'>): boolean {
  const pages = [article.url, article.pageUrl].flatMap((url) => parseUrl(url) ?? []);
  return watch.sources.some((source) => {
    const from = parseUrl(source.url);
    if (!from) return false;
    if (from.protocol === 'file:') {
      const folder = from.pathname.slice(0, from.pathname.lastIndexOf('/') + 1);
      return pages.some((page) => page.protocol === 'file:' && page.pathname.startsWith(folder));
    }
    return pages.some((page) => page.protocol !== 'file:' && bareHost(page) === bareHost(from));
  });
}

function parseUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}
