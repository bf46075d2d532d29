import { StancewatchError } from '../../shared/errors/index.js';
import { stderrLog } from '../../shared/pipeline/index.js';
import { buildTimeline, formatTimeline } from '../../shared/pipeline/timeline.js';
import { openArchive } from '../open-archive.js';

export interface TimelineOptions {
  config?: string;
  dataDir?: string;
  wait?: boolean;
  table?: string;
  region?: string;
  json?: boolean;
}

/** Each speaker's stances and conditions over time: first stated, restated, changed, withdrawn. */
export async function timelineCommand(watchId: string, options: TimelineOptions): Promise<number> {
  const runtime = await openArchive({ ...options, command: 'timeline', use: 'read', readsSources: false, printDigests: false, log: stderrLog('warn') });
  try {
    const watch = runtime.deps.config.watches.find((candidate) => candidate.id === watchId);
    if (!watch) throw new StancewatchError(`no watch "${watchId}" in the config`);
    const timeline = buildTimeline(await runtime.deps.store.listTimeline(watch.id));
    process.stdout.write(options.json ? `${JSON.stringify(timeline, null, 2)}\n` : formatTimeline(watch.name, timeline));
    return 0;
  } finally {
    await runtime.close();
  }
}
