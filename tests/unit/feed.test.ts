import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  analyzeFeed,
  classifyAddress,
  decodeDocumentText,
  isFeedContentType,
  isHtmlContentType,
  isPublicAddress,
  looksLikeFeed,
  parseFeed,
} from '../../shared/fetch/index.js';
import { decodeBody } from '../../shared/text/index.js';

const BASE = 'https://news.example/feeds/world.xml';

describe('parseFeed: RSS 2.0', () => {
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>World &amp; Politics</title>
    <link>https://news.example/</link>
    <item>
      <title><![CDATA[Minister says <em>no</em> to talks]]></title>
      <link>/2024/06/03/minister.html</link>
      <pubDate>Mon, 03 Jun 2024 09:30:00 +0200</pubDate>
      <dc:creator>Ana Ruiz</dc:creator>
    </item>
    <item>
      <title>Summit &#8212; day two &rsquo;s agenda</title>
      <guid>https://news.example/summit-day-two</guid>
      <pubDate>not a date</pubDate>
      <author>desk@news.example (World desk)</author>
    </item>
    <item>
      <title>Opaque guid, no link</title>
      <guid isPermaLink="false">tag:news.example,2024:123</guid>
    </item>
    <item><title>2024</title><link>https://news.example/a?x=1&amp;y=2</link></item>
  </channel>
</rss>`;

  it('reads the channel title and one entry per item with a link, in document order', () => {
    const feed = parseFeed(rss, BASE);
    expect(feed?.format).toBe('rss');
    expect(feed?.title).toBe('World & Politics');
    expect(feed?.entries.map((entry) => entry.url)).toEqual([
      'https://news.example/2024/06/03/minister.html',
      'https://news.example/summit-day-two',
      'https://news.example/a?x=1&y=2',
    ]);
  });

  it('resolves relative links against the feed URL and converts RFC 822 dates to ISO', () => {
    const [first] = parseFeed(rss, BASE)?.entries ?? [];
    expect(first).toEqual({
      url: 'https://news.example/2024/06/03/minister.html',
      title: 'Minister says <em>no</em> to talks',
      publishedAt: '2024-06-03T07:30:00.000Z',
      author: 'Ana Ruiz',
    });
  });

  it('uses a permalink guid when there is no link, decodes character references and skips an invalid date', () => {
    const second = parseFeed(rss, BASE)?.entries[1];
    expect(second).toEqual({
      url: 'https://news.example/summit-day-two',
      title: 'Summit \u2014 day two \u2019s agenda',
      author: 'desk@news.example (World desk)',
      guid: 'https://news.example/summit-day-two',
    });
  });

  it('keeps a numeric-looking title as text', () => {
    expect(parseFeed(rss, BASE)?.entries[2]?.title).toBe('2024');
  });

  it('drops entries whose link is javascript: or data:', () => {
    const hostile = `<rss><channel><item><link>javascript:alert(1)</link></item><item><link>data:text/html,hi</link></item></channel></rss>`;
    expect(parseFeed(hostile, BASE)?.entries).toEqual([]);
  });

  it('does not accept file:// entry links from a web feed', () => {
    const sneaky = `<rss><channel><item><link>file:///etc/passwd</link></item></channel></rss>`;
    expect(parseFeed(sneaky, BASE)?.entries).toEqual([]);
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items that sit beside the channel, with Dublin Core dates and creators', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/"><title>RDF wire</title><link>https://news.example/</link></channel>
  <item rdf:about="https://news.example/rdf-1"><title>RDF one</title><link>https://news.example/rdf-1</link>
    <dc:date>2024-06-01T08:00:00+00:00</dc:date><dc:creator>Wire</dc:creator></item>
  <item rdf:about="https://news.example/rdf-2"><title>RDF two</title></item>
</rdf:RDF>`;
    expect(parseFeed(rdf, BASE)).toEqual({
      format: 'rss',
      title: 'RDF wire',
      entries: [
        { url: 'https://news.example/rdf-1', title: 'RDF one', publishedAt: '2024-06-01T08:00:00.000Z', author: 'Wire' },
        { url: 'https://news.example/rdf-2', title: 'RDF two' },
      ],
    });
  });
});

describe('parseFeed: Atom', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/base/">
  <title type="html">Policy &lt;b&gt;blog&lt;/b&gt; &amp;amp; notes</title>
  <entry xml:base="posts/">
    <title>Relative to two bases</title>
    <link rel="self" href="https://blog.example/api/1"/>
    <link rel="alternate" type="text/html" href="first.html"/>
    <published>2024-06-02T10:00:00Z</published>
    <updated>2024-06-03T10:00:00Z</updated>
    <author><name>Kim Lee</name></author>
  </entry>
  <entry>
    <title type="text">No rel means alternate</title>
    <link rel="enclosure" href="/audio.mp3"/>
    <link href="/absolute-path"/>
    <updated>2024-06-04T10:00:00+02:00</updated>
  </entry>
  <entry>
    <title>Only an id</title>
    <id>https://blog.example/by-id</id>
  </entry>
  <entry>
    <title>Nothing to follow</title>
    <id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
  </entry>
</feed>`;

  it('prefers rel=alternate over self and resolves it through nested xml:base', () => {
    const feed = parseFeed(atom, 'https://elsewhere.example/atom.xml');
    expect(feed?.format).toBe('atom');
    expect(feed?.entries[0]).toEqual({
      url: 'https://blog.example/base/posts/first.html',
      title: 'Relative to two bases',
      publishedAt: '2024-06-02T10:00:00.000Z',
      author: 'Kim Lee',
      updatedAt: '2024-06-03T10:00:00.000Z',
    });
  });

  it('treats a link without rel as the alternate link and falls back to updated for the date', () => {
    expect(parseFeed(atom, BASE)?.entries[1]).toEqual({
      url: 'https://blog.example/absolute-path',
      title: 'No rel means alternate',
      publishedAt: '2024-06-04T08:00:00.000Z',
      updatedAt: '2024-06-04T08:00:00.000Z',
    });
  });

  it('uses an http(s) id when no alternate link exists and skips entries with nothing to follow', () => {
    const entries = parseFeed(atom, BASE)?.entries ?? [];
    expect(entries.map((entry) => entry.url)).toEqual([
      'https://blog.example/base/posts/first.html',
      'https://blog.example/absolute-path',
      'https://blog.example/by-id',
    ]);
  });

  it('reads an html-typed title as text', () => {
    expect(parseFeed(atom, BASE)?.title).toBe('Policy blog & notes');
  });

  it('reads xhtml-typed titles in document order, and text titles with their references and CDATA', () => {
    const xhtml = `<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> claim &amp; <i>a</i> reply</div></title>
  <entry><title>Q&amp;A: <![CDATA[<tags> stay]]></title><link href="/qa"/></entry>
</feed>`;
    const feed = parseFeed(xhtml, BASE);
    expect(feed?.title).toBe('A bold claim & a reply');
    expect(feed?.entries[0]?.title).toBe('Q&A: <tags> stay');
  });

  it('resolves relative links against the feed URL when there is no xml:base', () => {
    const plain = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><link href="../story"/></entry></feed>`;
    expect(parseFeed(plain, BASE)?.entries[0]?.url).toBe('https://news.example/story');
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads a version 1.1 feed with authors, resolving relative item URLs', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON desk',
      items: [
        { id: '1', url: '/json/one', title: 'One', date_published: '2024-06-05T12:00:00-04:00', authors: [{ name: 'A' }, { name: 'B' }] },
        { id: '2', external_url: 'https://other.example/two', date_published: 'garbage' },
        { id: '3', title: 'No URL at all' },
      ],
    });
    expect(parseFeed(json, BASE)).toEqual({
      format: 'json',
      title: 'JSON desk',
      entries: [
        { url: 'https://news.example/json/one', title: 'One', publishedAt: '2024-06-05T16:00:00.000Z', author: 'A, B', guid: '1' },
        { url: 'https://other.example/two', guid: '2' },
      ],
    });
  });

  it('reads the single author of a version 1 feed', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      items: [{ id: 'x', url: 'https://news.example/x', author: { name: 'Solo' } }],
    });
    expect(parseFeed(json, BASE)?.entries).toEqual([{ url: 'https://news.example/x', author: 'Solo', guid: 'x' }]);
  });

  it('returns undefined for JSON that is not a JSON Feed', () => {
    expect(parseFeed('{"items": []}', BASE)).toBeUndefined();
    expect(parseFeed('{"version": "https://jsonfeed.org/version/2", "items": []}', BASE)).toBeUndefined();
    expect(parseFeed('{not json', BASE)).toBeUndefined();
  });
});

describe('parseFeed: dates without a zone', () => {
  it('reads an RSS date-time without a zone as UTC, whatever zone the host runs in', () => {
    // TZ cannot change inside a running process, so the check runs in a child node in Tokyo.
    const script = `
      import { parseFeed } from ${JSON.stringify(new URL('../../shared/fetch/index.ts', import.meta.url).href)};
      const rss = '<rss version="2.0"><channel><item><link>https://news.example/a</link><pubDate>Mon, 03 Jun 2024 09:30:00</pubDate></item></channel></rss>';
      process.stdout.write(parseFeed(rss, 'https://news.example/feed.xml').entries[0].publishedAt);`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      env: { ...process.env, TZ: 'Asia/Tokyo' },
      encoding: 'utf8',
    });
    expect(output).toBe('2024-06-03T09:30:00.000Z');
  });
});

describe('parseFeed: not a feed', () => {
  it('returns undefined for HTML, plain text and other XML vocabularies', () => {
    expect(parseFeed('<!doctype html><html><head><title>x</title></head><body></body></html>', BASE)).toBeUndefined();
    expect(parseFeed('just words', BASE)).toBeUndefined();
    expect(parseFeed('<urlset><url><loc>https://news.example/</loc></url></urlset>', BASE)).toBeUndefined();
  });

  it('returns undefined for malformed XML, and analyzeFeed says where it broke', () => {
    const broken = '<rss><channel><title>Unclosed</channel></rss>';
    expect(parseFeed(broken, BASE)).toBeUndefined();
    expect(analyzeFeed(broken, BASE).problem).toMatch(/not well-formed XML .*line 1/);
  });

  it('repairs bare ampersands in link query strings instead of rejecting the whole feed', () => {
    const rss = '<rss version="2.0"><channel><title>Q&amp;A</title><item><title>T</title><link>https://news.example/a?x=1&y=2</link></item></channel></rss>';
    const feed = parseFeed(rss, BASE);
    expect(feed?.title).toBe('Q&A');
    expect(feed?.entries[0]?.url).toBe('https://news.example/a?x=1&y=2');
    expect(analyzeFeed('<rss><channel><item>&y</channel></rss>', BASE).problem).toMatch(/not well-formed XML/);
  });

  it('names the unexpected root element', () => {
    expect(analyzeFeed('<urlset/>', BASE).problem).toContain('<urlset>');
  });
});

describe('parseFeed: entity attacks', () => {
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
  <item><title>&lol; &lol9;</title><link>https://news.example/laughs</link></item>
</channel></rss>`;

  it('does not expand a billion-laughs DOCTYPE: declared entities stay literal text', () => {
    const feed = parseFeed(billionLaughs, BASE);
    expect(feed?.title).toBe('&lol9;');
    expect(feed?.entries).toEqual([{ url: 'https://news.example/laughs', title: '&lol; &lol9;' }]);
  });

  it('does not expand a flat entity referenced many times (quadratic blow-up)', () => {
    const references = '&big;'.repeat(20_000);
    const quadratic = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${'x'.repeat(1_000)}">]>
<rss><channel><title>${references}</title></channel></rss>`;
    const feed = parseFeed(quadratic, BASE);
    expect(feed?.title?.length ?? 0).toBeLessThanOrEqual(references.length);
    expect(feed?.title).not.toContain('xxx');
  });

  it('rejects a feed declaring an external entity instead of reading the file', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&secret;</title></channel></rss>`;
    expect(parseFeed(external, BASE)).toBeUndefined();
    expect(analyzeFeed(external, BASE).problem).toContain('External entities are not supported');
  });

  it('still reads an RSS 0.91 feed that names the Netscape DTD and uses an HTML entity', () => {
    const rss091 = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old &eacute;cole</title><item><title>x</title><link>http://a.example/x</link></item></channel></rss>`;
    expect(parseFeed(rss091, BASE)).toEqual({ format: 'rss', title: 'Old \u00e9cole', entries: [{ url: 'http://a.example/x', title: 'x' }] });
  });
});

describe('content helpers', () => {
  it('treats XML and JSON content types as feeds but XHTML as a page', () => {
    for (const type of ['application/rss+xml', 'application/atom+xml; charset=utf-8', 'text/xml', 'application/feed+json', 'application/json']) {
      expect(isFeedContentType(type), type).toBe(true);
    }
    for (const type of ['text/html', 'application/xhtml+xml', 'text/plain', undefined]) {
      expect(isFeedContentType(type), String(type)).toBe(false);
    }
    expect(isHtmlContentType('application/xhtml+xml')).toBe(true);
  });

  it('sniffs a feed root but not an HTML page that mentions <feed> later', () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0">')).toBe(true);
    expect(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(looksLikeFeed('<!doctype html><html><body><pre>&lt;feed&gt; <feed></pre>')).toBe(false);
  });

  it('decodes the same bytes to the same text as extraction does', () => {
    const cyrillic = Buffer.concat([Buffer.from('<meta charset=windows-1251><p>'), Buffer.from([0xcf, 0xf0, 0xe8]), Buffer.from('</p>')]);
    const cases: Array<[Buffer, string | undefined]> = [
      [cyrillic, 'text/html; charset=x-made-up'],
      [Buffer.from('<meta charset="utf-16"><title>Café</title>', 'utf8'), 'text/html'],
      [Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>caf\u00e9</t>', 'latin1'), 'application/xml'],
      [Buffer.from('\ufeff<p>Café</p>', 'utf8'), undefined],
    ];
    for (const [body, contentType] of cases) {
      expect(decodeDocumentText({ body, contentType })).toBe(decodeBody(body, contentType));
    }
    expect(decodeDocumentText({ body: cyrillic, contentType: 'text/html; charset=x-made-up' })).toContain('При');
  });

  it('decodes a body in the charset its XML declaration names', () => {
    const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>caf'), Buffer.from([0xe9]), Buffer.from('</t>')]);
    expect(decodeDocumentText({ body: latin1, contentType: 'application/xml' })).toContain('café');
  });
});

describe('classifyAddress: the SSRF guard checks every hop with this', () => {
  const cases: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['93.184.215.14', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['example.com', 'invalid'],
  ];

  it.each(cases)('classifies %s as %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it('calls only public addresses public', () => {
    expect(isPublicAddress('1.1.1.1')).toBe(true);
    expect(isPublicAddress('169.254.169.254')).toBe(false);
    expect(isPublicAddress('not-an-ip')).toBe(false);
  });
});
