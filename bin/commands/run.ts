import { OFF_TOPIC, runPass, stderrLog, type DigestReport, type PassReport } from '../../shared/pipeline/index.js';
import { displayPath } from '../data-dir.js';
import { openArchive } from '../open-archive.js';
import { isAlertable } from '../../shared/stances/index.js';

interface RunOptions {
  config?: string;
  dataDir?: string;
  wait?: boolean;
  json?: boolean;
  quiet?: boolean;
  ssrfGuard?: boolean;
  baseline?: boolean;
}

export async function runCommand(options: RunOptions): Promise<number> {
  // --json is for scripts: only warnings and errors reach stderr.
  const log = stderrLog(options.quiet || options.json ? 'warn' : 'info');
  const runtime = await openArchive({
    command: 'run',
    use: 'create',
    wait: options.wait,
    readsSources: true,
    config: options.config,
    dataDir: options.dataDir,
    ssrfGuard: options.ssrfGuard,
    printDigests: !options.json,
    log,
  });
  try {
    const report = await runPass(runtime.deps, new Date().toISOString(), (message, index, total) =>
      log.info(`[${index + 1}/${total}] ${message.watchIds.join(', ')}: reading ${message.sourceUrl}`),
      { baseline: options.baseline },
    );
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : summarize(report));
    return report.failures.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

function summarize(report: PassReport): string {
  const { fetched, new: fresh, duplicates, revised, failed, skipped } = report.articles;
  const lines = [
    `Articles: ${fetched} fetched, ${fresh} new, ${revised} revised, ${duplicates} already archived, ${skipped} skipped, ${failed} failed.`,
  ];
  // Claims are on the record but alert nobody: the summary counts stances, as the digest does.
  const stances = report.stances.filter(isAlertable);
  const changes = stances.filter((stance) => stance.status !== 'repeat').length;
  const claims = report.stances.length - stances.length;
  const recorded = claims > 0 ? ` ${claims} claim(s) recorded.` : '';
  lines.push(
    changes === 0
      ? `Nothing new: no new or changed stances since the last run${stances.length ? ` (${stances.length} repeated)` : ''}.${recorded}`
      : `Stances: ${changes} new or changed, ${stances.length - changes} repeated.${recorded}`,
  );
  for (const article of report.stuck ?? []) {
    lines.push(`Stuck: ${article.url} (${article.watch}) failed ${article.runs} runs in a row: ${article.reason}`);
  }
  if (report.digests.length > 0) lines.push(`${report.digests.length} digest(s) sent.`);
  for (const { watch, statements } of report.baselined ?? []) {
    lines.push(`Baseline: ${watch}: ${statements} statement(s) recorded as the ledger, no digest sent; later runs send what is new.`);
  }
  for (const digest of report.digests) lines.push(...whereWritten(digest));
  // Off-topic articles are the normal case on a busy feed: counted above, not listed.
  for (const skip of report.skips.filter((entry) => !entry.reason.startsWith(OFF_TOPIC))) lines.push(`Skipped: ${skip.url}: ${skip.reason}`);
  for (const failure of report.failures) lines.push(`Failed: ${failure.url}: ${failure.error}`);
  for (const { watch, speaker } of report.unmatchedSpeakers) {
    lines.push(`Speaker not found: "${speaker}" (${watch}) is quoted in none of the watch's articles; check the spelling the coverage uses (the surname is enough), or, if the speaker was just added, run \`stancewatch reprocess ${watch}\` to read the archived articles again`);
  }
  for (const change of report.health) {
    lines.push(change.status === 'unhealthy' ? `Source unhealthy: ${change.url} ${change.reason}` : `Source recovered: ${change.url}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Local copies of a digest worth opening: the HTML e-mail in a browser, the watch's Atom feed in a reader. */
function whereWritten(digest: DigestReport): string[] {
  return digest.deliveredTo.flatMap((place) => {
    const label = place.endsWith('.html') ? 'HTML digest' : place.endsWith('.xml') ? 'Atom feed' : undefined;
    return label ? [`  ${label} (${digest.watch}): ${displayPath(place)}`] : [];
  });
}
