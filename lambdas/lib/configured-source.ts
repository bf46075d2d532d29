import type { Config } from '../../shared/config/index.js';
import type { SourceMessage } from '../../shared/pipeline/index.js';

/**
 * Why the processor must not fetch what a queue message names, or `undefined` when the message names a source of
 * a configured watch. The queue is a trust boundary: whoever can send to it could otherwise make the processor
 * fetch any URL with the pipeline's identity. URLs compare exactly, as the schedule function enqueues them from
 * the same config. A message left over from before a redeploy that removed its source is refused the same way.
 */
export function unconfiguredSourceReason(message: SourceMessage, config: Config): string | undefined {
  const watch = config.watches.find((candidate) => candidate.id === message.watchId);
  if (!watch) return `no watch "${message.watchId}" in the config`;
  if (!watch.sources.some((source) => source.url === message.sourceUrl)) {
    return `${message.sourceUrl} is not a source of watch "${message.watchId}"`;
  }
  return undefined;
}
