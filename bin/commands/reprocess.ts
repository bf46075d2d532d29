import { reprocessWatch, stderrLog, type ReprocessReport } from '../../shared/pipeline/index.js';
import { openArchive } from '../open-archive.js';

export interface ReprocessOptions {
  since?: string;
  config?: string;
  dataDir?: string;
  wait?: boolean;
  json?: boolean;
}

/**
 * Reads a watch's archived articles again with the current config, fetching nothing; the statements it stores wait
 * for the next `run`'s digest. Exit code 1 when an article could not be read again.
 */
export async function reprocessCommand(watchId: string, options: ReprocessOptions): Promise<number> {
  const log = stderrLog(options.json ? 'warn' : 'info');
  // No fetch: the sample sites are not served, and the archive must exist already.
  const runtime = await openArchive({ ...options, command: 'reprocess', use: 'read', readsSources: false, printDigests: false, log });
  try {
    const report = await reprocessWatch(watchId, runtime.deps, { since: options.since });
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : summarize(report));
    return report.failures.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

function summarize(report: ReprocessReport): string {
  const { read, linked, skipped, failed } = report.articles;
  const taken = linked > 0 ? ` (${linked} newly taken in from the watch's sites)` : '';
  const lines = [`Articles read again: ${read}${taken}, ${skipped} no longer matching the keywords, ${failed} failed.`];
  const changes = report.stances.filter((stance) => stance.status !== 'repeat').length;
  lines.push(
    report.stances.length === 0
      ? 'Nothing new: every statement these articles hold for the watch is already in its ledger.'
      : `Stances: ${changes} new or changed, ${report.stances.length - changes} repeated${changes > 0 ? "; the next run's digest sends them" : ''}.`,
  );
  for (const skip of report.skips) lines.push(`No longer matching: ${skip.url}: ${skip.reason}`);
  for (const failure of report.failures) lines.push(`Failed: ${failure.url}: ${failure.error}`);
  return `${lines.join('\n')}\n`;
}
