import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractArticle, extractPlainText } from '../../shared/extract/index.js';
import { decodeBody, sniffCharset } from '../../shared/text/index.js';

const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const SITES_DIR = fileURLToPath(new URL('../../samples/sites/', import.meta.url));
/** The seeds live beside the repo; a checkout without them still runs everything else. */
const hasSeeds = existsSync(SEEDS_DIR);

function readSeed(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(prefix) && name.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}*.txt in ${SEEDS_DIR}`);
  return readFileSync(SEEDS_DIR + file, 'utf8');
}

function extractSeed(prefix: string) {
  return extractPlainText(readSeed(prefix), `file:///seeds/${prefix}.txt`);
}

/** Boilerplate found in the seed captures; none of it may reach an article's text. */
const SEED_BOILERPLATE = [
  '{{numberArticlesLeft}}',
  'ArrowArtboard',
  'Created with Sketch',
  'By subscribing',
  'quality journalism is more crucial',
  'print PRINT',
  'INTERNATIONAL > Europe',
  'Sponsored Content',
  'Try 3 months for $9',
  'You need a subscription',
  'See all offers',
  'Stay ahead with our exclusives',
  'Featured Article, News',
  '© AP',
];

const ARTICLE = [
  'The foreign minister said on Tuesday that the talks would resume in the spring, provided both sides agreed on an agenda beforehand.',
  'Officials in the capital, speaking on condition of anonymity, said a draft agenda had already been circulated among the delegations.',
  'The talks were suspended last year after a dispute over fishing quotas, which both governments have since described as resolved.',
];
const articleHtml = ARTICLE.map((paragraph) => `<p>${paragraph}</p>`).join('\n');

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks to resume | Example News</title>${head}</head><body>${body}</body></html>`;
}

function extractHtmlPage(html: string, url = 'https://news.example/world/talks-resume') {
  return extractArticle({ url, body: html, contentType: 'text/html; charset=utf-8' });
}

describe.skipIf(!hasSeeds)('extractPlainText: the seed captures', () => {
  it('keeps the 2024 condition and drops the WordPress byline line (003)', () => {
    const article = extractSeed('003_');
    expect(article.title).toBe('Putin says no talks with Japan unless it alters stance on Ukraine');
    expect(article.publishedAt).toBe('2024-06-06T00:00:00.000Z');
    expect(article.byline).toBeUndefined();
    expect(article.text).toContain('Japan first needs to change its position on the war in Ukraine');
    expect(article.paragraphs[0]).toMatch(/^Russian President Vladimir Putin said Wednesday that conditions are not currently in place/);
    expect(article.paragraphs).toHaveLength(12);
  });

  it('reads the breadcrumb-and-bullets header of 001 as metadata and drops the trailing tag bullets', () => {
    const article = extractSeed('001_');
    expect(article.title).toBe('Putin links peace treaty to Japan’s alliances but agrees to follow through on North sanctions');
    expect(article.publishedAt).toBe('2017-11-10T00:00:00.000Z');
    expect(article.siteName).toBe('The Japan Times');
    expect(article.paragraphs[0]).toMatch(/^Concluding a peace treaty with Japan would involve Moscow/);
    expect(article.paragraphs.at(-1)).toMatch(/^The projects include aquaculture and wind power\./);
    expect(article.text).toContain('maybe it is indeed not a question of just one year');
    for (const tag of ['Ambassador', 'Ukraine', 'COVID-19', 'Trending Japan', 'English Press', 'November 10, 2017']) {
      expect(article.paragraphs).not.toContain(tag);
    }
  });

  it('takes "• Kyodo" as the byline and titles a headline-less capture with its first sentence (000)', () => {
    const article = extractSeed('000_');
    expect(article.byline).toBe('Kyodo');
    expect(article.title).toMatch(/^Russian President Vladimir Putin said Thursday he wants to conclude a postwar peace treaty with Japan.*…$/);
    expect(article.title.length).toBeLessThanOrEqual(121);
    expect(article.text).toContain('the process is challenging due to Tokyo’s military cooperation with Washington');
    expect(article.paragraphs.at(-1)).toMatch(/^Signed in 2010, the Treaty on Measures/);
  });

  it('drops the subscription pitch that ends the Kyodo stories (002)', () => {
    const article = extractSeed('002_');
    expect(article.byline).toBe('Kyodo');
    expect(article.text).toContain('what he called a “hikiwake” or a “draw” using judo terminology');
    expect(article.paragraphs.at(-1)).toMatch(/^Motegi is on a five-day day trip to Russia/);
    expect(article.text).not.toMatch(/misinformation|subscribing/);
  });

  it('drops the icon sprite, kicker, standfirst, repeated caption and paywall template of 004', () => {
    const article = extractSeed('004_');
    expect(article.title).toBe("Putin says 'Tempo has been lost' on Japan-Russia peace treaty");
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toMatch(/^MOSCOW -- Russian President Vladimir Putin said the "tempo has been lost"/);
    expect(article.text).toContain('"Japan would first have to withdraw" from its security cooperation pact with the U.S.');
    expect(article.text).not.toContain('Japan would have to back out of its security pact');
    expect(article.text).not.toContain('Moscow balks');
    expect(article.paragraphs).not.toContain('International relations');
    expect(article.text).not.toMatch(/Offer ends|Get Unlimited access|NAR on print|trial period/);
  });

  it.each(['000_', '001_', '002_', '003_', '004_'])('leaves no seed boilerplate in %s', (prefix) => {
    const article = extractSeed(prefix);
    expect(article.noArticleReason).toBeUndefined();
    for (const boilerplate of SEED_BOILERPLATE) expect(article.text).not.toContain(boilerplate);
    expect(article.text).toBe(article.paragraphs.join('\n\n'));
  });

  it('is what extractArticle does with a capture that has no markup', () => {
    const text = readSeed('003_');
    expect(extractArticle({ url: 'file:///seeds/003.txt', body: Buffer.from(text) })).toEqual(extractPlainText(text, 'file:///seeds/003.txt'));
  });
});

describe('extractPlainText: other captures', () => {
  it('joins hard-wrapped lines and reads "By" bylines and date lines', () => {
    const text = [
      'Ministers agree to resume fishing talks',
      'By Jane Doe',
      'March 3, 2021',
      '',
      'The two governments agreed on Tuesday to resume talks on fishing quotas,',
      'officials said, ending a suspension that had lasted more than a year.',
      '',
      'A first round is planned for the spring in the capital.',
    ].join('\n');
    const article = extractPlainText(text, 'file:///capture.txt');
    expect(article).toMatchObject({ title: 'Ministers agree to resume fishing talks', byline: 'Jane Doe', publishedAt: '2021-03-03T00:00:00.000Z' });
    expect(article.paragraphs).toEqual([
      'The two governments agreed on Tuesday to resume talks on fishing quotas, officials said, ending a suspension that had lasted more than a year.',
      'A first round is planned for the spring in the capital.',
    ]);
  });

  it('reports no article for a capture without prose', () => {
    const article = extractPlainText('Home\nNews\nSports\n  • Weather\n  • Contact', 'file:///menu.txt');
    expect(article.paragraphs).toEqual([]);
    expect(article.noArticleReason).toMatch(/no line reads as prose/);
  });
});

/** The bundled sample pages: where they are, which seed they carry and what their metadata says. */
const SAMPLE_PAGES = [
  {
    path: 'japantimes/2017-11-10-putin-links-peace-treaty.html',
    seed: '001_',
    title: 'Putin links peace treaty to Japan’s alliances but agrees to follow through on North sanctions',
    byline: 'The Japan Times',
    publishedAt: '2017-11-10T08:12:00.000Z',
    siteName: 'The Japan Times',
    canonicalUrl: 'https://www.japantimes.example/news/2017/11/10/world/politics-diplomacy-world/putin-links-peace-treaty/',
  },
  {
    path: 'japantimes/2019-06-06-putin-peace-treaty-challenging.html',
    seed: '000_',
    title: 'Putin says peace treaty with Japan is challenging due to Tokyo’s military cooperation with U.S.',
    byline: 'Kyodo',
    publishedAt: '2019-06-06T12:40:00.000Z',
    siteName: 'The Japan Times',
    canonicalUrl: 'https://www.japantimes.example/news/2019/06/06/national/politics-diplomacy/putin-peace-treaty-challenging/',
  },
  {
    path: 'japantimes/2019-12-19-putin-japan-us-alliance-threat.html',
    seed: '002_',
    title: 'Putin says Japan-U.S. alliance still poses a threat, a stumbling block to peace treaty',
    byline: 'Kyodo',
    publishedAt: '2019-12-19T14:05:00.000Z',
    siteName: 'The Japan Times',
    canonicalUrl: 'https://www.japantimes.example/news/2019/12/19/national/politics-diplomacy/putin-japan-us-alliance-threat/',
  },
  {
    path: 'nikkei-asia/2019-03-15-putin-tempo-lost-peace-treaty.html',
    seed: '004_',
    title: "Putin says 'Tempo has been lost' on Japan-Russia peace treaty",
    byline: 'Nikkei staff writers',
    publishedAt: '2019-03-15T09:30:00.000Z',
    siteName: 'Nikkei Asian Review',
    canonicalUrl: 'https://asia.nikkei.example/Politics/International-relations/Putin-says-Tempo-has-been-lost-on-Japan-Russia-peace-treaty',
  },
  {
    path: 'japan-forward/2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance.html',
    seed: '003_',
    title: 'Putin says no talks with Japan unless it alters stance on Ukraine',
    byline: 'Kyodo',
    publishedAt: '2024-06-06T01:00:00.000Z',
    siteName: 'Japan Forward',
    canonicalUrl: 'https://japan-forward.example/putin-says-no-talks-with-japan-unless-it-alters-stance-on-ukraine/',
  },
];

const SAMPLES_URL = 'http://127.0.0.1:4321';

function extractSample(path: string) {
  return extractArticle({ url: `${SAMPLES_URL}/${path}`, body: readFileSync(SITES_DIR + path), contentType: 'text/html; charset=utf-8' });
}

describe('extractArticle: the bundled sample sites', () => {
  it.each(SAMPLE_PAGES)('reads the metadata of $path', ({ path, seed: _seed, ...expected }) => {
    const article = extractSample(path);
    expect(article).toMatchObject({ ...expected, url: `${SAMPLES_URL}/${path}`, language: 'en' });
    expect(article.noArticleReason).toBeUndefined();
  });

  it.each(SAMPLE_PAGES)('leaves none of the template boilerplate in $path', ({ path }) => {
    const { text, paragraphs } = extractSample(path);
    const templateText = ['Accept all', 'cookies', 'Subscribe', 'Icon Facebook', 'Related', 'Most read', 'Keywords', 'Advertisement', 'Leave a Reply', 'newsletter', 'sample page', 'Skip to content'];
    for (const boilerplate of [...SEED_BOILERPLATE, ...templateText]) expect(text).not.toContain(boilerplate);
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
  });

  it.skipIf(!hasSeeds).each(SAMPLE_PAGES)('gives $path the same paragraphs as its seed capture', ({ path, seed }) => {
    expect(extractSample(path).paragraphs).toEqual(extractSeed(seed).paragraphs);
  });

  it('finds the same body when the <article> markup is taken away (scoring path)', () => {
    for (const { path } of SAMPLE_PAGES) {
      const html = readFileSync(SITES_DIR + path, 'utf8').replace(/<(\/?)article\b/g, '<$1div').replace(/ itemprop="articleBody"/g, '');
      expect(extractHtmlPage(html).paragraphs, path).toEqual(extractSample(path).paragraphs);
    }
  });

  it('lists every sample page in feed.xml with a relative link and its publication time', () => {
    const feed = readFileSync(`${SITES_DIR}feed.xml`, 'utf8');
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"\/>[\s\S]*?<published>([^<]+)<\/published>[\s\S]*?<\/entry>/g)];
    expect(entries).toHaveLength(SAMPLE_PAGES.length);
    for (const [, href, published] of entries) {
      const page = SAMPLE_PAGES.find((sample) => new URL(href, `${SAMPLES_URL}/feed.xml`).href === `${SAMPLES_URL}/${sample.path}`);
      expect(page, href).toBeDefined();
      expect(new Date(published).toISOString()).toBe(page?.publishedAt);
      expect(existsSync(SITES_DIR + href)).toBe(true);
    }
  });
});

describe('decodeBody', () => {
  const text = '“Quoted” café — naïve';

  it('decodes windows-1252 declared in <meta charset>', () => {
    const bytes = iconv.encode(`<html><head><meta charset="windows-1252"></head><body><p>${text}</p></body></html>`, 'windows-1252');
    expect(bytes.includes(0x93)).toBe(true);
    expect(decodeBody(bytes)).toContain(text);
  });

  it('decodes windows-1252 declared in <meta http-equiv="Content-Type">', () => {
    const bytes = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>${text}</p></body></html>`, 'windows-1252');
    expect(decodeBody(bytes)).toContain(text);
  });

  it('prefers the HTTP charset over <meta>', () => {
    const bytes = iconv.encode(`<html><head><meta charset="utf-8"></head><body><p>${text}</p></body></html>`, 'windows-1252');
    expect(decodeBody(bytes, 'text/html; charset=Windows-1252')).toContain(text);
  });

  it('prefers a byte-order mark over the HTTP charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${text}</p>`, 'utf8')]);
    expect(sniffCharset(bytes, 'text/html; charset=windows-1252')).toBe('utf-8');
    expect(decodeBody(bytes, 'text/html; charset=windows-1252')).toBe(`<p>${text}</p>`);
  });

  it('reads a Latin-1 label as windows-1252, as browsers do (curly quotes at 0x93/0x94)', () => {
    const bytes = iconv.encode(`<p>${text}</p>`, 'windows-1252');
    expect(decodeBody(bytes, 'text/html; charset=ISO-8859-1')).toBe(`<p>${text}</p>`);
  });

  it('falls back to UTF-8 when nothing is declared or the label is unknown', () => {
    const bytes = Buffer.from(`<p>${text}</p>`, 'utf8');
    expect(decodeBody(bytes)).toBe(`<p>${text}</p>`);
    expect(decodeBody(bytes, 'text/html; charset=x-made-up')).toBe(`<p>${text}</p>`);
  });

  it('reads a <meta> naming UTF-16 as UTF-8, since ASCII-compatible bytes cannot be UTF-16 (HTML prescan)', () => {
    for (const label of ['utf-16', 'UTF-16LE', 'utf-16be']) {
      const bytes = Buffer.from(`<html><head><meta charset="${label}"></head><body><p>${text}</p></body></html>`, 'utf8');
      expect(sniffCharset(bytes), label).toBe('utf-8');
      expect(decodeBody(bytes), label).toContain(text);
    }
  });

  it('still decodes UTF-16 named by a byte-order mark or the HTTP header', () => {
    const html = `<meta charset="utf-16"><p>${text}</p>`;
    expect(decodeBody(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(html, 'utf-16le')]))).toBe(html);
    expect(decodeBody(iconv.encode(html, 'utf-16le'), 'text/html; charset=utf-16le')).toBe(html);
  });

  it('returns a string body as is, without a BOM', () => {
    expect(decodeBody(`\uFEFF<p>${text}</p>`)).toBe(`<p>${text}</p>`);
  });

  it('lets extractArticle read a windows-1252 page end to end', () => {
    const html = page(`<article><h1>Café owners object</h1><p>${text}: the owners of the “Café de Paris” said the rules were unfair to small businesses.</p></article>`)
      .replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    const article = extractArticle({ url: 'https://news.example/cafe', body: iconv.encode(html, 'windows-1252') });
    expect(article.paragraphs).toEqual([`${text}: the owners of the “Café de Paris” said the rules were unfair to small businesses.`]);
  });
});

describe('extractArticle: metadata', () => {
  it('reads JSON-LD (in @graph) before Open Graph and <meta>', () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'Not the article' },
        { '@type': ['NewsArticle'], headline: 'Talks to resume in spring', datePublished: '2021-03-02T18:00:00+09:00', author: [{ '@type': 'Person', name: 'Jane Doe' }, { '@type': 'Person', name: 'John Roe' }], publisher: { '@type': 'Organization', name: 'Example News' } },
      ],
    };
    const head = `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script><meta property="og:title" content="OG title"><meta property="article:published_time" content="2020-01-01T00:00:00Z"><meta property="og:site_name" content="OG Site">`;
    const article = extractHtmlPage(page(`<article>${articleHtml}</article>`, head));
    expect(article).toMatchObject({ title: 'Talks to resume in spring', byline: 'Jane Doe, John Roe', publishedAt: '2021-03-02T09:00:00.000Z', siteName: 'Example News', language: 'en' });
  });

  it('falls back to <time datetime>, meta[name=date] and the <title> minus the site name', () => {
    const withTime = extractHtmlPage(page(`<article><time datetime="2021-03-02">2 March</time>${articleHtml}</article>`, '<meta property="og:site_name" content="Example News">'));
    expect(withTime.publishedAt).toBe('2021-03-02T00:00:00.000Z');
    expect(withTime.title).toBe('Talks to resume');
    const withMetaDate = extractHtmlPage(page(`<article>${articleHtml}</article>`, '<meta name="dc.date" content="2021-03-04">'));
    expect(withMetaDate.publishedAt).toBe('2021-03-04T00:00:00.000Z');
  });

  it('reads Dublin Core dates whatever the case of their name', () => {
    const withDcDate = extractHtmlPage(page(`<article>${articleHtml}</article>`, '<meta name="DC.Date" content="2021-03-05">'));
    expect(withDcDate.publishedAt).toBe('2021-03-05T00:00:00.000Z');
  });

  it('resolves a relative canonical link against the page URL, else uses og:url, else the URL', () => {
    const body = `<article>${articleHtml}</article>`;
    expect(extractHtmlPage(page(body, '<link rel="canonical" href="/world/talks">')).canonicalUrl).toBe('https://news.example/world/talks');
    expect(extractHtmlPage(page(body, '<meta property="og:url" content="https://news.example/og">')).canonicalUrl).toBe('https://news.example/og');
    expect(extractHtmlPage(page(body)).canonicalUrl).toBe('https://news.example/world/talks-resume');
  });
});

describe('extractArticle: body and page chrome', () => {
  it('reports no article, with a reason, for a page of navigation only', () => {
    const html = page(`
      <header><a href="/">Example News</a></header>
      <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sports">Sports</a></li></ul></nav>
      <div class="links"><a href="/a">A very long link to a section of the site</a> <a href="/b">Another long link to another section</a></div>
      <footer><p>© Example News. All rights reserved. Terms of use and privacy policy apply.</p></footer>`);
    const article = extractHtmlPage(html);
    expect(article.paragraphs).toEqual([]);
    expect(article.text).toBe('');
    expect(article.noArticleReason).toMatch(/^No article on this page: /);
    expect(article.title).toBe('Talks to resume');
  });

  it('reports a short best block without article markup as a teaser, not an article', () => {
    const article = extractHtmlPage(page('<div class="summary"><p>Talks to resume, officials say in a short statement.</p></div>'));
    expect(article.paragraphs).toEqual([]);
    expect(article.noArticleReason).toMatch(/teaser/);
  });

  it('drops share bars with icon-sprite titles', () => {
    const html = page(`<article>
      <div class="social-share"><a href="#"><svg><title>Icon Facebook</title></svg>Share on Facebook</a><a href="#">Tweet</a></div>
      ${articleHtml}
      <div class="toolbar"><span>Share</span> <span>Print</span></div></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('keeps an embedded post and its credit line, in its wrapper, without its attachment link; not a sidebar of posts', () => {
    const post = (text: string) =>
      `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${text} <a href="https://t.co/x1">pic.twitter.com/x1Ab</a></p>&mdash; Ana Lima (@analima) <a href="https://x.com/analima/status/1">March 3, 2025</a></blockquote>`;
    const html = page(`<article>${articleHtml}
      <div class="bbc-social-embed">${post('We will not sign off on the port expansion unless Brevolt pays for the sea wall.')}</div>
      <aside><h3>Latest posts</h3>${post('Good morning from the harbour.')}</aside></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual([
      ...ARTICLE,
      'We will not sign off on the port expansion unless Brevolt pays for the sea wall.',
      '— Ana Lima (@analima) March 3, 2025',
    ]);
  });

  it('drops cookie banners, whether marked by class, role or aria-label', () => {
    const html = page(`
      <div class="cookieBanner"><p>We use cookies to give you the best experience on our website and to show relevant ads.</p><button>Accept</button></div>
      <div role="dialog"><p>Your privacy matters to us: choose which partners may store information on your device.</p></div>
      <article>${articleHtml}</article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('drops newsletter boxes and paywall prompts inside the article', () => {
    const html = page(`<article>${articleHtml}
      <div class="newsletter-signup"><h3>Get our morning briefing</h3><p>The day's most important news, delivered to your inbox every weekday morning.</p></div>
      <div class="piano-offer"><p>Subscribe now to keep reading unlimited stories.</p></div></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('drops related-link lists, tag lists, comments and breadcrumbs', () => {
    const html = page(`
      <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ol>
      <article>${articleHtml}
        <section class="related-articles"><h2>Related</h2><ul><li><a href="/x">Fishing quotas dispute: what both sides have said so far</a></li></ul></section>
        <ul class="article-tags"><li><a href="/t/fishing">Fishing</a></li><li><a href="/t/diplomacy">Diplomacy</a></li></ul>
        <div id="comments"><p>Great article, thanks for the clear explanation of the quota dispute!</p></div>
      </article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('drops ad labels, unrendered templates and the paywall lines that follow them by text alone', () => {
    const html = page(`<article>
      <p>${ARTICLE[0]}</p><div class="x1"><p>Advertisement</p></div><p>${ARTICLE[1]}</p><p>${ARTICLE[2]}</p>
      <div class="x2"><p>You have {{articlesLeft}} free articles left this month</p><p>Stay ahead with our exclusive reporting.</p><p>Offer ends soon</p></div>
    </article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('drops image captions and a repeated paragraph, keeping the first copy', () => {
    const html = page(`<article>
      <figure><img src="a.jpg" alt=""><figcaption>Delegates arrive for the talks. © Reuters</figcaption></figure>
      ${articleHtml}<blockquote><p>${ARTICLE[1]}</p></blockquote></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('drops the headline repeated in the body and keeps subheadings that head text', () => {
    const html = page(`<article><h1>Talks to resume</h1><p>${ARTICLE[0]}</p><h2>What comes next</h2><p>${ARTICLE[1]}</p><h3>Most read</h3><h3>Share</h3></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual([ARTICLE[0], 'What comes next', ARTICLE[1]]);
  });

  it('keeps substantive list items and drops short ones', () => {
    const item = 'Both delegations will publish their draft agendas before the first round.';
    const html = page(`<article>${articleHtml}<ul><li>${item}</li><li>Fishing</li></ul></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual([...ARTICLE, item]);
  });

  it('prefers [itemprop=articleBody] to the rest of the <article>', () => {
    const html = page(`<article><div class="intro"><p>An author biography that is long enough to look like a paragraph of text.</p></div><div itemprop="articleBody">${articleHtml}</div></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('scores blocks on pages without article markup, ignoring link-heavy sidebars', () => {
    const sidebar = '<div class="col-right"><p><a href="/1">First linked headline in the right-hand column of the page</a></p><p><a href="/2">Second linked headline in the right-hand column of the page</a></p></div>';
    const html = page(`<div class="wrap"><div class="col-left">${articleHtml}</div>${sidebar}</div>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('keeps a chrome-looking wrapper that holds the article (whole-page <form>, sidebar layouts)', () => {
    const html = page(`<form id="aspnetForm"><div class="layout has-sidebar"><div class="story">${articleHtml}</div></div></form>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('splits <br><br> layouts into paragraphs and normalizes whitespace and entities', () => {
    const html = page(`<article><div>${ARTICLE[0]}<br><br>  ${ARTICLE[1].replace(/ /g, '&nbsp; ')}\n<br>\n<br>${ARTICLE[2]}</div></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('drops a line of links between <br><br> even when the prose around it is long', () => {
    const links = '<a href="/world">World news from our correspondents</a> · <a href="/europe">Europe and the wider region today</a>';
    const html = page(`<article><div>${ARTICLE[0]}<br><br>${links}<br><br>${ARTICLE[1]}<br><br>${ARTICLE[2]}</div></article>`);
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('trusts a text/html content type even when a long comment hides the markup from sniffing', () => {
    const html = `<!-- ${'build info '.repeat(250)} -->\n${page(`<article>${ARTICLE.map((text) => `<p>${text}</p>`).join('')}</article>`)}`;
    expect(extractHtmlPage(html).paragraphs).toEqual(ARTICLE);
  });

  it('treats text/plain as a plain-text capture even when it quotes markup', () => {
    const text = 'Ministers agree to resume talks\n\nThe ministers said the <div> tags in the leaked draft were a formatting error, officials said.';
    const article = extractArticle({ url: 'https://news.example/a.txt', body: text, contentType: 'text/plain; charset=utf-8' });
    expect(article.title).toBe('Ministers agree to resume talks');
    expect(article.paragraphs).toEqual(['The ministers said the <div> tags in the leaked draft were a formatting error, officials said.']);
  });
});
