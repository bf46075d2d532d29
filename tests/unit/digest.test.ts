import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  MAX_STORED_DIGEST_TEXT_BYTES,
  MAX_STORED_HTML_BYTES,
  renderDigest,
  wordDiff,
  type DigestInput,
  type DigestItem,
} from '../../shared/digest/index.js';

const putin2024: DigestItem = {
  status: 'new',
  speaker: 'Vladimir Putin',
  kind: 'condition',
  text: 'Putin said Russia is not refusing to engage in such a dialogue, but for it to occur Japan first needs to change its position on the war in Ukraine.',
  url: 'https://example.org/2024/putin-ukraine',
  outlet: 'Kyodo',
  publishedAt: '2024-06-06T09:30:00+09:00',
};

const putin2019: DigestItem = {
  status: 'changed',
  speaker: 'Vladimir Putin',
  kind: 'condition',
  text: 'Japan would first have to withdraw from its security pact with the U.S., Putin continued.',
  url: 'https://example.org/2019/tempo-lost',
  outlet: 'Nikkei Asian Review',
  publishedAt: '2019-03-15',
  closest: {
    text: 'Japan would have to back out of its security pact with the U.S., Putin reportedly said.',
    url: 'https://example.org/2019/standfirst',
    outlet: 'Nikkei Asian Review',
    publishedAt: '2019-03-14',
  },
};

const putin2017: DigestItem = {
  status: 'new',
  speaker: 'Vladimir Putin',
  kind: 'concern',
  text: 'Concluding a peace treaty with Japan would involve Moscow examining how it could be affected by Tokyo’s security commitments to its allies.',
  url: 'https://example.org/2017/apec',
  outlet: 'The Japan Times',
  publishedAt: '2017-11-10',
};

function digestOf(items: DigestItem[], repeats = 0): DigestInput {
  return { watch: { id: 'ru-jp', name: 'Russia–Japan peace treaty' }, items, repeats, generatedAt: '2024-06-07T06:00:00Z' };
}

describe('renderDigest', () => {
  it('counts new and changed statements in the subject and names the watch', () => {
    const { subject } = renderDigest(digestOf([putin2017, putin2019, putin2024]));
    expect(subject).toBe('Stancewatch: 2 new, 1 changed — Russia–Japan peace treaty');
  });

  it('calls a dropped condition WITHDRAWN in the subject, the text and the HTML, as the timeline does', () => {
    const dropped: DigestItem = { ...putin2019, withdrawn: true, text: 'Putin said Russia no longer insists on the withdrawal of U.S. forces.' };
    const { subject, text, html } = renderDigest(digestOf([putin2024, dropped]));
    expect(subject).toBe('Stancewatch: 1 new, 1 withdrawn — Russia–Japan peace treaty');
    expect(text).toContain('WITHDRAWN · condition · Vladimir Putin');
    expect(text).not.toContain('CHANGED');
    expect(html).toContain('>WITHDRAWN</span>');
  });

  it('leaves a zero count out of the subject', () => {
    expect(renderDigest(digestOf([putin2024])).subject).toBe('Stancewatch: 1 new — Russia–Japan peace treaty');
  });

  it('lists items newest first in text and HTML, whatever order they come in', () => {
    const { text, html } = renderDigest(digestOf([putin2017, putin2024, putin2019]));
    for (const body of [text, html]) {
      const positions = ['Kyodo', 'Nikkei Asian Review', 'The Japan Times'].map((outlet) => body.indexOf(outlet));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('puts undated items after dated ones', () => {
    const undated = { ...putin2017, outlet: 'Undated Wire', publishedAt: undefined };
    const { text } = renderDigest(digestOf([undated, putin2019]));
    expect(text.indexOf('Nikkei Asian Review')).toBeLessThan(text.indexOf('Undated Wire'));
  });

  it('shows status, speaker, kind, quote, outlet, date as YYYY-MM-DD and link in the plain text', () => {
    const { text } = renderDigest(digestOf([putin2024]));
    expect(text).toContain('NEW · condition · Vladimir Putin');
    expect(text).toContain(`“${putin2024.text}”`);
    expect(text).toContain('Kyodo · 2024-06-06');
    expect(text).toContain('https://example.org/2024/putin-ukraine');
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('does not quote again a statement that is a quotation as written', () => {
    const quotation = { ...putin2024, text: '“It does not depend on who is in office,” Putin said.' };
    const { text } = renderDigest(digestOf([quotation]));
    expect(text).toContain('\n“It does not depend on who is in office,” Putin said.\n');
    expect(text).not.toContain('““');
  });

  it('escapes a <script> in a quote, a speaker and a watch name in the HTML, and keeps it verbatim in the text', () => {
    const hostile: DigestItem = { ...putin2024, speaker: 'Eve <b>', text: 'He said <script>alert("x")</script> & left.' };
    const input = { ...digestOf([hostile]), watch: { id: 'w', name: 'Talks <img src=x onerror=alert(1)>' } };
    const { html, text } = renderDigest(input);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('He said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left.');
    expect(text).toContain('He said <script>alert("x")</script> & left.');
  });

  it('links only http(s) URLs in the HTML', () => {
    const { html } = renderDigest(digestOf([{ ...putin2024, url: 'javascript:alert(1)' }]));
    expect(html).not.toContain('href="javascript:');
  });

  it('marks the word diff against the closest earlier statement with [-…-]{+…+} in the text', () => {
    const { text } = renderDigest(digestOf([putin2019]));
    expect(text).toContain('Japan would {+first+} have to [-back out of-]{+withdraw from+} its security pact');
    expect(text).toContain('Putin [-reportedly said-]{+continued+}.');
    expect(text).toContain('Nikkei Asian Review, 2019-03-14');
  });

  it('marks the word diff with <ins> and <del> in the HTML', () => {
    const { html } = renderDigest(digestOf([putin2019]));
    expect(html).toMatch(/<ins style="[^"]*">first <\/ins>/);
    expect(html).toMatch(/<del style="[^"]*">back out of<\/del>/);
    expect(html).toMatch(/<ins style="[^"]*#166534[^"]*">/);
    expect(html).toMatch(/<del style="[^"]*#991b1b[^"]*">/);
  });

  it('shows no diff for an item without a closest statement', () => {
    const { text, html } = renderDigest(digestOf([putin2024]));
    expect(text).not.toContain('{+');
    expect(html).not.toContain('<ins');
  });

  it('shows the diff for a new item that names a related earlier statement, as for a changed one', () => {
    const { text, html } = renderDigest(digestOf([{ ...putin2019, status: 'new' }]));
    expect(text).toContain('Compared with the earlier statement (Nikkei Asian Review, 2019-03-14):');
    expect(text).toContain('[-back out of-]{+withdraw from+}');
    expect(html).toMatch(/<del style="[^"]*">back out of<\/del>/);
  });

  it('shows no diff for a repeat handed to it, and still counts the period’s repeats', () => {
    const { text, html } = renderDigest(digestOf([putin2024, { ...putin2019, status: 'repeat' }], 2));
    expect(text).not.toContain('Compared with the earlier statement');
    expect(text).not.toContain('{+');
    expect(html).not.toContain('<ins');
    expect(html).not.toContain('Compared with the earlier statement');
    expect(text).toContain('2 repeats of earlier statements are not listed.');
    expect(html).toContain('2 repeats of earlier statements are not listed.');
  });

  it('counts repeats in the footer of both bodies', () => {
    const { text, html } = renderDigest(digestOf([putin2024], 3));
    expect(text).toContain('3 repeats of earlier statements are not listed.');
    expect(html).toContain('3 repeats of earlier statements are not listed.');
    expect(renderDigest(digestOf([putin2024], 1)).text).toContain('1 repeat of an earlier statement is not listed.');
  });

  it('renders HTML for a phone: one column of at most 640px with inline styles and a viewport', () => {
    const { html } = renderDigest(digestOf([putin2024, putin2019]));
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('max-width:640px');
    expect(html).not.toMatch(/<style|<table|<script/);
  });

  it('says "Unattributed" for a statement without a speaker', () => {
    const { text } = renderDigest(digestOf([{ ...putin2024, speaker: null }]));
    expect(text).toContain('NEW · condition · Unattributed');
  });
});

describe('wordDiff', () => {
  it('returns unchanged, added and removed runs from diffWords', () => {
    expect(wordDiff('The union insists on volumes', 'The union no longer insists on volumes')).toEqual([
      { value: 'The union ' },
      { value: 'no longer ', added: true },
      { value: 'insists on volumes' },
    ]);
  });

  it('marks a replaced word as removed then added', () => {
    const parts = wordDiff('talks will resume', 'talks will stall');
    expect(parts.filter((part) => part.removed).map((part) => part.value)).toEqual(['resume']);
    expect(parts.filter((part) => part.added).map((part) => part.value)).toEqual(['stall']);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('digest order within one date', () => {
  it('puts conditions before positions said on the same day', () => {
    const position: DigestItem = { ...putin2024, kind: 'position', text: 'Everything that has been done has been done by Japan.' };
    const { text } = renderDigest(digestOf([position, putin2024]));
    expect(text.indexOf(putin2024.text)).toBeLessThan(text.indexOf(position.text));
  });
});

describe('digest grouped by article', () => {
  const headline = { url: 'https://example.org/2024/no-talks', outlet: 'Kyodo', title: 'Putin says no talks unless Japan alters stance', publishedAt: '2024-06-06T09:30:00+09:00' };
  const position: DigestItem = { ...putin2024, ...headline, kind: 'position', text: 'Everything that has been done has been done by Japan.' };
  const condition: DigestItem = { ...putin2024, ...headline };
  const refusal: DigestItem = {
    ...putin2024,
    kind: 'refusal',
    text: 'Putin said Moscow will not discuss the islands while sanctions stay.',
    url: 'https://example.org/2024/islands',
    outlet: 'TASS',
    title: 'Putin rules out island talks',
    publishedAt: '2024-06-06T07:00:00+09:00',
  };
  const concern: DigestItem = { ...refusal, kind: 'concern', text: 'Putin said Japan’s new missiles worry Moscow.', url: 'https://example.org/2024/missiles', outlet: 'Interfax', title: 'Missiles worry Moscow', publishedAt: '2024-06-06T11:00:00+09:00' };

  it('renders two statements of one article under one headline, in kind order', () => {
    const { text, html } = renderDigest(digestOf([position, condition]));
    for (const body of [text, html]) {
      expect(body.split(headline.title).length - 1).toBe(1);
      expect(body.indexOf(headline.title)).toBeLessThan(body.indexOf(condition.text));
      expect(body.indexOf(condition.text)).toBeLessThan(body.indexOf(position.text));
    }
    expect(html.split('Read the article').length - 1).toBe(1);
    const block = text.split(/\n-{20,}\n/).find((part) => part.includes(headline.title));
    expect(block).toContain('NEW · condition · Vladimir Putin');
    expect(block).toContain('NEW · position · Vladimir Putin');
  });

  it('orders two articles of one day by their most actionable statement, not by the hour', () => {
    // The concern is the latest, and the article with a condition also holds a position: the condition leads.
    const { text, html } = renderDigest(digestOf([concern, position, refusal, condition]));
    for (const body of [text, html]) {
      const order = [headline.title, refusal.title!, concern.title!].map((title) => body.indexOf(title));
      expect(order.every((position) => position >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it('still lists an older day after a newer one, whatever its statements', () => {
    const { text } = renderDigest(digestOf([putin2017, { ...position, kind: 'position' }]));
    expect(text.indexOf(headline.title)).toBeLessThan(text.indexOf(putin2017.text));
  });

  it('shows each headline and link once in the text digest', () => {
    const { text } = renderDigest(digestOf([position, refusal, condition, { ...refusal, kind: 'demand', text: 'Putin demanded an apology.' }]));
    for (const item of [condition, refusal]) {
      expect(text.split(item.title!).length - 1).toBe(1);
      expect(text.split(item.url).length - 1).toBe(1);
    }
    expect(text.split(/\n-{20,}\n/)).toHaveLength(4); // the head, two articles, the footer
  });

  it('says on the headline when every statement came from a revision, and on a statement when only it did', () => {
    const seen = '2026-11-23T10:00:00Z';
    const allRevised = renderDigest(digestOf([{ ...condition, revisedAt: seen }, { ...position, revisedAt: seen }])).text;
    expect(allRevised.split('added in a revision seen 2026-11-23').length - 1).toBe(1);
    expect(allRevised).toContain('Kyodo · 2024-06-06 · added in a revision seen 2026-11-23');
    const oneRevised = renderDigest(digestOf([condition, { ...position, revisedAt: seen }])).text;
    expect(oneRevised).toContain('NEW · position · Vladimir Putin · added in a revision seen 2026-11-23');
    expect(oneRevised).toContain('Kyodo · 2024-06-06\n');
  });

  it('escapes a hostile headline in the HTML', () => {
    const { html } = renderDigest(digestOf([{ ...condition, title: 'Talks <script>alert(1)</script>' }]));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Talks &lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderDigest: sources needing attention', () => {
  const walled = {
    url: 'https://news.example/feed?a=1&b=<2>',
    status: 'unhealthy' as const,
    reason: 'answers with a bot wall (<script>alert(1)</script>) instead of its pages',
    since: '2026-11-20T10:00:00Z',
    changed: true,
  };
  const stillFailing = { url: 'https://wire.example/rss', status: 'unhealthy' as const, reason: 'failed 5 runs in a row; last error: 503', since: '2026-11-01T00:00:00Z', changed: false };

  it('sends health changes alone, listed at the end, with their own subject', () => {
    const digest = renderDigest({ ...digestOf([]), sources: [walled, stillFailing] });
    expect(digest.subject).toBe('Stancewatch: 1 source unhealthy — Russia–Japan peace treaty');
    const tail = digest.text.slice(digest.text.indexOf('Sources needing attention:'));
    expect(tail.split('\n').slice(0, 3)).toEqual([
      'Sources needing attention:',
      '- UNHEALTHY · new: https://news.example/feed?a=1&b=<2> answers with a bot wall (<script>alert(1)</script>) instead of its pages (since 2026-11-20).',
      '- UNHEALTHY: https://wire.example/rss failed 5 runs in a row; last error: 503 (since 2026-11-01).',
    ]);
  });

  it('puts the sources after the statements and escapes what they say in HTML', () => {
    const digest = renderDigest({ ...digestOf([putin2024]), sources: [walled] });
    expect(digest.subject).toBe('Stancewatch: 1 new; 1 source unhealthy — Russia–Japan peace treaty');
    expect(digest.html.indexOf('Sources needing attention')).toBeGreaterThan(digest.html.indexOf('Read the article'));
    expect(digest.html).not.toContain('<script>alert');
    expect(digest.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderDigest: the copy the archive keeps', () => {
  const many = (count: number): DigestItem[] =>
    Array.from({ length: count }, (_, index) => ({ ...putin2024, text: `Statement ${index}: ${'Japan first needs to change its position. '.repeat(12)}` }));

  it('keeps a digest that fits as it was sent', () => {
    const digest = renderDigest(digestOf([putin2024, putin2019]));
    expect(digest.kept).toEqual({ text: digest.text, html: digest.html });
  });

  it('keeps the statements that fit, whole, and says how many were left out, under the caps', () => {
    const digest = renderDigest(digestOf(many(600)));
    expect(Buffer.byteLength(digest.html, 'utf8')).toBeGreaterThan(MAX_STORED_HTML_BYTES);
    const { html, text } = digest.kept;
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThanOrEqual(MAX_STORED_HTML_BYTES);
    const kept = html.match(/<blockquote /g)?.length ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(html).toContain(`Statement ${kept - 1}:`);
    expect(html).not.toContain(`Statement ${kept}:`);
    expect(html.endsWith(`${600 - kept} more statements were too long to keep here; the e-mail had them all.</p>\n</div>\n</body>\n</html>\n`)).toBe(true);
    expect(digest.html.startsWith(html.slice(0, html.lastIndexOf('</blockquote>')))).toBe(true);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(MAX_STORED_DIGEST_TEXT_BYTES);
    expect(text.length).toBeLessThan(digest.text.length);
    expect(digest.text.startsWith(text)).toBe(true);
  });

  it('cuts between articles or statements, closing every article it keeps, under both caps', () => {
    // Three statements an article, 200 articles on one day: the cut falls somewhere inside the list.
    const items = Array.from({ length: 600 }, (_, index) => ({
      ...putin2024,
      url: `https://example.org/2024/article-${Math.floor(index / 3)}`,
      title: `Article ${Math.floor(index / 3)}`,
      text: `Statement ${index}: ${'Japan first needs to change its position. '.repeat(12)}`,
    }));
    const digest = renderDigest(digestOf(items));
    const { html, text } = digest.kept;
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThanOrEqual(MAX_STORED_HTML_BYTES);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(MAX_STORED_DIGEST_TEXT_BYTES);
    expect(html.match(/<div /g)?.length).toBe(html.match(/<\/div>/g)?.length);
    const kept = html.match(/<blockquote /g)?.length ?? 0;
    expect(html).toContain(`${600 - kept} more statements were too long to keep here`);
    expect(text.endsWith('.”')).toBe(true); // the last line kept is a whole quote
    expect(digest.text.startsWith(text)).toBe(true);
  });
});
