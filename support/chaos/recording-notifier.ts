import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { DigestNotifier } from '../../shared/notify/types.js';
import { seededRandom } from '../prng.js';

/** One digest as a recording notifier saw it go out, or refuse it (an injected fault). */
export interface RecordedDelivery {
  watchId: string;
  digestKey: string;
  /** The subject that went out: a digest sent under another's record (a fence) shows as a subject its record does not have. */
  subject?: string;
  pid: number;
  refused?: boolean;
}

/**
 * A way out that records each delivery as one line of a file, and refuses a share `refuseRate` of them
 * (a mail service saying no). A file, not memory: the passes the bench kills run in child processes, and
 * one synchronous append either happened or did not when the kill lands.
 */
export function recordingNotifier(logPath: string, refuseRate = 0, seed = 1): DigestNotifier {
  const random = seededRandom(seed);
  return {
    name: 'recorder',
    async deliver(digest) {
      const line: RecordedDelivery = { watchId: digest.watchId, digestKey: digest.digestKey, subject: digest.subject, pid: process.pid };
      if (random() < refuseRate) {
        appendFileSync(logPath, `${JSON.stringify({ ...line, refused: true })}\n`);
        throw new Error('Injected by the chaos bench: the notifier refused the digest');
      }
      appendFileSync(logPath, `${JSON.stringify(line)}\n`);
      return ['recorded'];
    },
  };
}

/** Deliveries that went out, and how many the notifier refused. */
export function readDeliveries(logPath: string): { delivered: RecordedDelivery[]; refused: number } {
  if (!existsSync(logPath)) return { delivered: [], refused: 0 };
  const lines = readFileSync(logPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedDelivery);
  return { delivered: lines.filter((line) => !line.refused), refused: lines.filter((line) => line.refused).length };
}
