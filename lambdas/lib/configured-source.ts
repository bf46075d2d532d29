import type { Config } from '../../shared/config/index.js';
import type { SourceMessage } from '../../shared/pipeline/index.js';

/** What the processor may do with a queue message: the part it may read, and why the rest was refused. */
export interface SourceMessageCheck {
  /** The message narrowed to the watches that list its URL; absent when none does, and nothing is fetched. */
  accepted?: SourceMessage;
  refusals: string[];
}

/**
 * Keeps of a queue message only the watches that list its URL as a source. The queue is a trust boundary: whoever
 * can send to it could otherwise make the processor fetch any URL with the pipeline's identity, or fan a page out to
 * a watch that never asked for it. URLs compare exactly, as the schedule function enqueues them from the same pushed
 * watches. A message left over from before a push that removed a watch, or the source from a watch, is narrowed
 * (or refused) the same way; the watches that still list the URL are read as usual.
 */
export function checkSourceMessage(message: SourceMessage, config: Config): SourceMessageCheck {
  const refusals: string[] = [];
  const watchIds = message.watchIds.filter((watchId) => {
    const refusal = unlistedReason(watchId, message.sourceUrl, config);
    if (refusal) refusals.push(refusal);
    return !refusal;
  });
  return { accepted: watchIds.length > 0 ? { ...message, watchIds } : undefined, refusals };
}

/** Why a watch may not read a URL: it is gone, or does not list the URL. */
function unlistedReason(watchId: string, sourceUrl: string, config: Config): string | undefined {
  const watch = config.watches.find((candidate) => candidate.id === watchId);
  if (!watch) return `no watch "${watchId}" in the config`;
  if (!watch.sources.some((source) => source.url === sourceUrl)) return `${sourceUrl} is not a source of watch "${watchId}"`;
  return undefined;
}
