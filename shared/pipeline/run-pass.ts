import type { PipelineDeps } from './deps.js';
import { processSource } from './process-source.js';
import { addOutcome, emptyCounts } from './source-tally.js';
import { sendDigests } from './send-digests.js';
import { SourceFailedError } from './source-health.js';
import { findUnmatchedSpeakers } from './speaker-coverage.js';
import { planSourceMessages } from './enqueue.js';
import { recordBaseline, watchesToBaseline, withoutWatches } from './baseline.js';
import type { BaselineReport, PassReport, SourceMessage } from './types.js';

export interface PassOptions {
  /** `run --baseline`: watches that never delivered a digest record their backlog as the ledger, sending nothing. */
  baseline?: boolean;
}

/**
 * One whole pass in one process, as the CLI runs it: every source URL in turn, read once for all the watches that
 * list it, then the digests. A source that cannot be read is reported and the pass goes on.
 */
export async function runPass(
  deps: PipelineDeps,
  runId: string,
  onSource?: (message: SourceMessage, index: number, total: number) => void,
  options: PassOptions = {},
): Promise<PassReport> {
  const report: PassReport = { articles: emptyCounts(), stances: [], digests: [], failures: [], skips: [], health: [], stuck: [], unmatchedSpeakers: [] };
  // Decided before reading: which watches are new does not depend on what this pass finds.
  const baseline = options.baseline ? await watchesToBaseline(deps) : new Set<string>();
  const messages = planSourceMessages(deps, runId);
  for (const [index, message] of messages.entries()) {
    onSource?.(message, index, messages.length);
    try {
      addOutcome(report, await processSource(message, deps));
    } catch (error) {
      // The source failed for every watch that shares it: each is told, as each is retried next run.
      for (const watchId of message.watchIds) {
        report.articles.failed += 1;
        report.failures.push({ watch: watchId, url: message.sourceUrl, error: (error as Error).message });
      }
      if (error instanceof SourceFailedError) report.health.push(...error.healthChanges);
      deps.log.warn(`${message.sourceUrl}: source failed, retried next run: ${(error as Error).message}`);
    }
  }
  // A hint for the reader, not part of the pass: a store that cannot answer costs the hint, not the report.
  report.unmatchedSpeakers = await findUnmatchedSpeakers(deps).catch((error: Error) => {
    deps.log.warn(`speakers not checked against the archive: ${error.message}`);
    return [];
  });
  try {
    report.digests = await sendDigests({ ...deps, config: withoutWatches(deps.config, baseline) });
  } catch (error) {
    report.failures.push({ watch: '*', url: 'digest', error: (error as Error).message });
  }
  if (options.baseline) report.baselined = await baselineWatches(deps, baseline, report);
  return report;
}

async function baselineWatches(deps: PipelineDeps, watchIds: ReadonlySet<string>, report: PassReport): Promise<BaselineReport[]> {
  const baselined: BaselineReport[] = [];
  for (const watch of deps.config.watches.filter((candidate) => watchIds.has(candidate.id))) {
    try {
      baselined.push(await recordBaseline(watch, deps));
    } catch (error) {
      // Its statements stay pending: a rerun with --baseline takes them, one without sends them.
      report.failures.push({ watch: watch.id, url: 'baseline', error: (error as Error).message });
    }
  }
  return baselined;
}
