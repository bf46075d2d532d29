/**
 * Taking an article into a watch: the link, the statements judged against the watch's ledger, and the mark that says
 * the watch has read this text. Runs reach it through `readItem`, `reprocess` with archived text.
 */
import type { Watch } from '../config/index.js';
import { linkOf, type ArchivedArticle } from '../dedupe/index.js';
import type { StoredStatement } from '../stances/index.js';
import { claimNormOf, refreshStaleClaims, statementId } from './claim-refresh.js';
import type { SourceDeps } from './deps.js';
import { toStanceReport } from './statement-views.js';
import type { StanceReport } from './types.js';
import { judgeStatement, readArticleLedger, recordInLedger, speakersLearned, watchedStatements } from './watch-statements.js';

/** What a watch still has to read of an article: all of it, or a revision's changed paragraphs. */
export interface Reading {
  archived: ArchivedArticle;
  paragraphs: string[];
  revisedAt?: string;
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

/** Judges each statement against the watch's ledger and stores it; a retried article adds nothing twice. */
async function recordStatements(
  paragraphs: string[],
  article: ArchivedArticle,
  watch: Watch,
  deps: SourceDeps,
  revisedAt?: string,
): Promise<StanceReport[]> {
  // Read before the statements are found: an article may name a speaker earlier ones gave a role or a principal.
  const known = await deps.store.listKnownSpeakers(watch.id);
  const statements = watchedStatements(paragraphs, watch, known, article.byline);
  if (statements.length === 0) return [];
  // The speakers' partitions, their sides' and the ledger summary: what judging needs, not the watch's whole history.
  const ledger = await readArticleLedger(statements, watch, deps.store);
  await refreshStaleClaims(ledger, watch, deps.store, known);
  const claimNorm = claimNormOf(watch);
  const reports: StanceReport[] = [];
  for (const statement of statements) {
    const id = statementId(watch.id, article.urlKey, statement.text);
    // A retried article meets its own statements in the ledger; one is not a repeat of itself.
    const verdict = judgeStatement(statement, { ...ledger, entries: ledger.entries.filter((entry) => entry.id !== id) }, watch);
    const { closest } = verdict;
    const stored: StoredStatement = {
      id,
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
      claimNorm,
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
    recordInLedger(ledger, stored);
    reports.push(toStanceReport(stored));
  }
  await deps.store.rememberSpeakers(watch.id, speakersLearned(known, statements));
  return reports;
}
