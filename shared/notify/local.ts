import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DigestNotifier } from './types.js';

/** Writes each digest as `<watch>-<key>.txt` and `.html` into an outbox folder of the data dir. */
export function outboxNotifier(dir: string): DigestNotifier {
  return {
    name: 'outbox',
    async deliver(digest) {
      mkdirSync(dir, { recursive: true });
      const base = join(dir, `${digest.watchId}-${digest.digestKey}`);
      writeFileSync(`${base}.txt`, `Subject: ${digest.subject}\n\n${digest.text}`);
      writeFileSync(`${base}.html`, digest.html);
      return [`${base}.txt`, `${base}.html`];
    },
  };
}

/** Prints the text digest, for a person at a terminal. */
export function streamNotifier(write: (text: string) => void): DigestNotifier {
  return {
    name: 'stdout',
    async deliver(digest) {
      write(`${digest.subject}\n${'='.repeat(Math.min(digest.subject.length, 78))}\n\n${digest.text}\n`);
      return ['stdout'];
    },
  };
}
