import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { clearRobotsCache, defaultFetchOptions } from '../../shared/fetch/index.js';
import type { OutgoingDigest } from '../../shared/notify/types.js';
import { runPass, stderrLog } from '../../shared/pipeline/index.js';
import { useTestTable } from '../helpers/dynamo.js';
import { useSite } from '../helpers/web.js';

/** The mayor's own op-ed, her byline in the page's metadata: its writer's voice is hers. */
const OP_ED = `<html><head><title>Why Norvale will not sign yet</title><meta name="author" content="Ana Lima"></head><body><article>
<h1>Why Norvale will not sign yet</h1>
<p>The port of Norvale has waited ten years for its expansion, and the harbour can wait a few months more.</p>
<p>We will not sign off on the port expansion unless Brevolt pays for the new sea wall.</p>
<p>Tom Reyes, who chairs the harbour board, has said the board would vote on the plan in June.</p>
</article></body></html>`;

/** A report by a reporter that embeds a post of the mayor's (X's embed code), naming her nowhere else. */
const REPORT = `<html><head><title>Port talks stall</title><meta name="author" content="Ivo Karsk"></head><body><article>
<h1>Port talks stall</h1>
<p>Talks on the port expansion stalled on Tuesday after the city posted its terms for the harbour online.</p>
<div class="social-embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Brevolt must first publish the full costs of the port expansion. <a href="https://t.co/x1">pic.twitter.com/x1Ab</a></p>&mdash; Ana Lima (@analima) <a href="https://x.com/analima/status/1">March 3, 2025</a></blockquote></div>
<p>Brevolt did not respond to a request for comment on the port.</p>
</article></body></html>`;

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Norvale</title><link>/</link>
<item><title>Why Norvale will not sign yet</title><link>/opinion/port</link><pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate></item>
<item><title>Port talks stall</title><link>/news/port-talks</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>
</channel></rss>`;

describe('a whole pass over an op-ed and a report that embeds a post', () => {
  const site = useSite({
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nAllow: /\n' },
    '/feed.xml': { type: 'application/rss+xml', body: FEED },
    '/opinion/port': OP_ED,
    '/news/port-talks': REPORT,
  });
  const table = useTestTable();

  it('gives the op-ed’s stance to the watched speaker its byline names, and the embedded post to its author', async () => {
    clearRobotsCache();
    const sent: OutgoingDigest[] = [];
    const report = await runPass(
      {
        config: parseConfig({ watches: [{ id: 'port', name: 'Norvale port', keywords: ['port'], speakers: ['Ana Lima'], sources: [{ url: site.url('/feed.xml') }] }] }, 'test'),
        store: table.store,
        notifiers: [{ name: 'recording', deliver: async (digest) => (sent.push(digest), [`recorded:${digest.digestKey}`]) }],
        fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true, retry: { maxAttempts: 1 } }),
        log: stderrLog('silent'),
        now: () => new Date('2025-03-05T12:00:00Z'),
      },
      'run-1',
    );
    expect(report.articles).toMatchObject({ fetched: 2, new: 2, failed: 0 });
    expect(sent).toHaveLength(1);
    const { text } = sent[0];
    expect(text).toMatch(/condition · Ana Lima\n“We will not sign off on the port expansion unless Brevolt pays for the new sea wall\.”/);
    expect(text).toMatch(/condition · Ana Lima\n“Brevolt must first publish the full costs of the port expansion\.”/);
    expect(text).not.toContain('pic.twitter.com');
    expect(text).not.toContain('Karsk');
  });
});
