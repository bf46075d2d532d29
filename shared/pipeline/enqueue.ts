import type { PipelineDeps, ScheduleDeps } from './deps.js';
import type { SourceMessage } from './types.js';

/** One message per (watch, source): the unit of work of a pass. */
export function planSourceMessages(deps: Pick<PipelineDeps, 'config'>, runId: string, watchIds?: string[]): SourceMessage[] {
  return deps.config.watches
    .filter((watch) => !watchIds || watchIds.includes(watch.id))
    .flatMap((watch) => watch.sources.map((source) => ({ watchId: watch.id, sourceUrl: source.url, runId })));
}

/** In AWS a schedule only fans the pass out; the processing function does the work. */
export async function enqueueSources(
  deps: ScheduleDeps,
  runId: string,
  watchIds?: string[],
): Promise<{ enqueued: number }> {
  return { enqueued: await deps.queue.enqueue(planSourceMessages(deps, runId, watchIds)) };
}
