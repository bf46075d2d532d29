import { escapeHtml } from './html.js';

/** A digest as an entry of its watch's Atom feed (not an entry read from a source's feed: that is fetch's). */
export interface DigestFeedEntry {
  id: string;
  title: string;
  updated: string;
  html: string;
}

/**
 * An Atom feed of a watch's digests, newest first; each entry links to `<watch>/<key>.html` beside the
 * feed, with `linkQuery` appended (a served feed passes its access token on to the pages).
 */
export function renderAtomFeed(watch: { watchId: string; watchName: string }, entries: DigestFeedEntry[], linkQuery = ''): string {
  const items = entries.map(
    (entry) => `  <entry>
    <id>urn:stancewatch:${escapeHtml(watch.watchId)}:digest:${escapeHtml(entry.id)}</id>
    <title>${escapeHtml(entry.title)}</title>
    <updated>${entry.updated}</updated>
    <link rel="alternate" type="text/html" href="${escapeHtml(`${watch.watchId}/${entry.id}.html${linkQuery}`)}"/>
    <content type="html">${escapeHtml(entry.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:stancewatch:${escapeHtml(watch.watchId)}</id>
  <title>Stancewatch: ${escapeHtml(watch.watchName)}</title>
  <updated>${entries[0]?.updated ?? new Date(0).toISOString()}</updated>
  <author><name>Stancewatch</name></author>
${items.join('\n')}
</feed>
`;
}
