import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../digest/index.js';
import type { DigestNotifier, OutgoingDigest } from './types.js';

/** Feed readers show the recent past; older digests stay in the archive table. */
const MAX_FEED_ENTRIES = 50;

export interface FeedEntry {
  id: string;
  title: string;
  updated: string;
  html: string;
}

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

function readEntries(path: string): FeedEntry[] {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FeedEntry[];
  } catch {
    return [];
  }
}

/**
 * An Atom feed of a watch's digests, newest first; each entry links to `<watch>/<key>.html` beside the
 * feed, with `linkQuery` appended (a served feed passes its access token on to the pages).
 */
export function renderAtomFeed(digest: Pick<OutgoingDigest, 'watchId' | 'watchName'>, entries: FeedEntry[], linkQuery = ''): string {
  const items = entries.map(
    (entry) => `  <entry>
    <id>urn:stancewatch:${escapeHtml(digest.watchId)}:digest:${escapeHtml(entry.id)}</id>
    <title>${escapeHtml(entry.title)}</title>
    <updated>${entry.updated}</updated>
    <link rel="alternate" type="text/html" href="${escapeHtml(`${digest.watchId}/${entry.id}.html${linkQuery}`)}"/>
    <content type="html">${escapeHtml(entry.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:stancewatch:${escapeHtml(digest.watchId)}</id>
  <title>Stancewatch: ${escapeHtml(digest.watchName)}</title>
  <updated>${entries[0]?.updated ?? new Date(0).toISOString()}</updated>
  <author><name>Stancewatch</name></author>
${items.join('\n')}
</feed>
`;
}
