import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAtomFeed, type DigestFeedEntry } from '../digest/index.js';
import type { DigestNotifier } from './types.js';

/** Feed readers show the recent past; older digests stay in the archive table. */
const MAX_FEED_ENTRIES = 50;

/**
 * Keeps each watch's digests as an Atom feed file (`<dir>/<watch>.xml`, each entry linking to its
 * page `<dir>/<watch>/<key>.html`), for readers who prefer a feed reader to e-mail. Entries are kept in a JSON sidecar so the feed is rewritten whole each time.
 */
export function atomFeedNotifier(dir: string, now: () => Date = () => new Date()): DigestNotifier {
  return {
    name: 'atom-feed',
    async deliver(digest) {
      mkdirSync(join(dir, digest.watchId), { recursive: true });
      // Each entry links to its digest page beside the feed, so a reader can open it whole.
      writeFileSync(join(dir, digest.watchId, `${digest.digestKey}.html`), digest.html);
      const entriesPath = join(dir, `${digest.watchId}.entries.json`);
      const entries = readEntries(entriesPath).filter((entry) => entry.id !== digest.digestKey);
      entries.unshift({ id: digest.digestKey, title: digest.subject, updated: now().toISOString(), html: digest.html });
      const kept = entries.slice(0, MAX_FEED_ENTRIES);
      writeFileSync(entriesPath, JSON.stringify(kept));
      const feedPath = join(dir, `${digest.watchId}.xml`);
      writeFileSync(feedPath, renderAtomFeed(digest, kept));
      return [feedPath];
    },
  };
}

function readEntries(path: string): DigestFeedEntry[] {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DigestFeedEntry[];
  } catch {
    return [];
  }
}
