import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/extract/index.js';
import { normalizeWhitespace, NormalizedTextMeasure } from '../../shared/extract/text.js';
import { limitNesting } from '../../shared/fetch/bounded-page.js';
import { MAX_PARSE_DEPTH, MAX_TEXT_RUN_CHARS, MAX_TITLE_CHARS } from '../../shared/fetch/constants.js';
import { extractStatements } from '../../shared/stances/index.js';
import { MAX_ARTICLE_READ_CHARS, MAX_SENTENCE_CHARS } from '../../shared/stances/patterns.js';
import { boundParagraphs } from '../../shared/stances/sentences.js';
import { decodeBody, sniffCharset } from '../../shared/text/index.js';

const PARAGRAPH = 'The committee said on Thursday that the new rules would apply from next year, after a consultation with the industry.';

describe('extractArticle: hard inputs', () => {
  it('extracts an HTML page over 5 MB without crashing', () => {
    const filler = Array.from({ length: 4000 }, (_, n) => `<li><a href="/n/${n}">Navigation link number ${n} to another part of the site</a></li>`).join('');
    const body = Array.from({ length: 12000 }, (_, n) => `<p>${PARAGRAPH} Paragraph ${n}.</p>`).join('\n');
    const html = `<!doctype html><html><head><title>Big page</title></head><body><nav><ul>${filler}</ul></nav><article>${body}</article></body></html>`;
    const padded = html.replace('</head>', `<style>${'.x{color:red}'.repeat(300_000)}</style></head>`);
    expect(Buffer.byteLength(padded)).toBeGreaterThan(5 * 1024 * 1024);
    const article = extractArticle({ url: 'https://news.example/big', body: Buffer.from(padded) });
    expect(article.noArticleReason).toBeUndefined();
    expect(article.paragraphs).toHaveLength(12000);
    expect(article.text).not.toContain('Navigation link');
  });

  it('survives broken markup: unclosed tags, stray closers, no <html> or <body>', () => {
    const html = `<title>Broken</title><div><p>${PARAGRAPH}<p>${PARAGRAPH.replace('Thursday', 'Friday')}</div></span></b><p>${PARAGRAPH.replace('Thursday', 'Monday')}`;
    const article = extractArticle({ url: 'https://news.example/broken', body: html, contentType: 'text/html' });
    // The paragraph after the stray closers lands outside the best block: a known limit, not a crash.
    expect(article.paragraphs.slice(0, 2)).toEqual([PARAGRAPH, PARAGRAPH.replace('Thursday', 'Friday')]);
  });

  it("reads a page with elements named like an object's own properties (<constructor>, <__proto__>)", () => {
    const html = `<html><body><constructor>x</constructor><__proto__>y</__proto__><article><p>${PARAGRAPH}</p></article></body></html>`;
    const article = extractArticle({ url: 'https://news.example/odd-tags', body: html, contentType: 'text/html' });
    expect(article.paragraphs).toEqual([PARAGRAPH]);
  });

  it('reports no article, with a reason, for an index page of teasers', () => {
    const teasers = Array.from({ length: 10 }, (_, n) => `<div class="card"><a href="/s/${n}">Headline of story ${n} on the front page today</a></div>`).join('');
    const article = extractArticle({ url: 'https://news.example/', body: `<html><body>${teasers}</body></html>` });
    expect(article.paragraphs).toEqual([]);
    expect(article.noArticleReason).toMatch(/^No article on this page: /);
  });

  it('prefers the <article> that holds the body to a longer-looking teaser <article>', () => {
    const teaser = '<article class="card"><p>A related story teaser that links elsewhere, shown beside the main story.</p></article>';
    const body = [1, 2, 3, 4].map((n) => `<p>${PARAGRAPH} Point ${n}, with commas, clauses, and detail.</p>`).join('');
    const html = `<html><body>${teaser}<div class="main"><div class="text">${body}</div></div></body></html>`;
    const article = extractArticle({ url: 'https://news.example/story', body: html });
    expect(article.paragraphs).toHaveLength(4);
    expect(article.text).not.toContain('teaser');
  });

  it('reads loose text split by <br> in a div that also holds blocks', () => {
    const html = `<html><body><div class="noticia"><p class="titulo">Title</p><small>05/10/2018</small><br><br>${PARAGRAPH}<br><br>${PARAGRAPH.replace('Thursday', 'Friday')}<div class="share">Share</div></div></body></html>`;
    const article = extractArticle({ url: 'https://news.example/loose', body: html });
    expect(article.paragraphs).toEqual(expect.arrayContaining([PARAGRAPH, PARAGRAPH.replace('Thursday', 'Friday')]));
    expect(article.text).not.toContain('Share');
  });
});

/** A real condition sentence, as the 2024 seed states it. */
const CONDITION = 'Putin said Russia is not refusing to engage in such a dialogue, but for it to occur Japan first needs to change its position on the war in Ukraine.';
/** Words without a full stop, repeated: what a runaway paragraph is made of. */
const RUN_ON = 'and the delegation kept talking about fishing quotas visas and joint projects ';
const TWENTY_MB = 20 * 1024 * 1024;

/** One paragraph of `chars` characters: the condition, then a run with no sentence end. */
function runawayParagraph(chars: number): string {
  return `${CONDITION} ${RUN_ON.repeat(Math.ceil(chars / RUN_ON.length))}`.slice(0, chars);
}

describe('extractArticle: runaway pages', () => {
  it('cuts a 20 MB single paragraph at MAX_TEXT_RUN_CHARS, keeping its start', () => {
    const html = `<!doctype html><html><head><title>Runaway</title></head><body><article><p>${runawayParagraph(TWENTY_MB)}</p></article></body></html>`;
    const article = extractArticle({ url: 'https://news.example/runaway', body: Buffer.from(html) });
    expect(article.paragraphs).toHaveLength(1);
    expect(article.paragraphs[0].startsWith(CONDITION)).toBe(true);
    expect(article.paragraphs[0].length).toBeLessThanOrEqual(MAX_TEXT_RUN_CHARS + 1);
    expect(article.paragraphs[0].endsWith('…')).toBe(true);
  });

  it('cuts a 20 MB single line of a plain-text capture the same way, and still reads it as prose', () => {
    const article = extractArticle({ url: 'file:///captures/runaway.txt', body: `Runaway capture headline here\n\n${runawayParagraph(TWENTY_MB)}`, contentType: 'text/plain' });
    expect(article.paragraphs).toHaveLength(1);
    expect(article.paragraphs[0].startsWith(CONDITION)).toBe(true);
    expect(article.paragraphs[0].length).toBeLessThanOrEqual(MAX_TEXT_RUN_CHARS + 1);
  });

  it('reads a page of 200,000 unclosed <div>s, nesting flattened instead of overflowing the stack', () => {
    const html = `<html><body><article>${'<div>'.repeat(200_000)}<p>${PARAGRAPH}</p>`;
    const article = extractArticle({ url: 'https://news.example/nested', body: html, contentType: 'text/html' });
    expect(article.paragraphs).toEqual([PARAGRAPH]);
  });

  it('drops only nesting past the limit: unclosed <p> and <li> of an old page are not nesting', () => {
    const items = Array.from({ length: 2_000 }, (_, n) => `<p>${PARAGRAPH} Point ${n}.`).join('\n');
    const article = extractArticle({ url: 'https://news.example/old', body: `<html><body><div>${items}`, contentType: 'text/html' });
    expect(article.paragraphs).toHaveLength(2_000);
    expect(limitNesting(`<div>${items}`)).toBe(`<div>${items}`);
  });

  it('keeps every paragraph of a page that leaves a <b> open in each of 1,000 closed <div>s: closing the div closes it', () => {
    const items = Array.from({ length: 1_000 }, (_, n) => `<div><b>${PARAGRAPH} Point ${n}.</div>`).join('\n');
    const article = extractArticle({ url: 'https://news.example/sloppy', body: `<html><body><article>${items}`, contentType: 'text/html' });
    expect(article.paragraphs).toHaveLength(1_000);
    expect(article.paragraphs.at(-1)).toBe(`${PARAGRAPH} Point 999.`);
  });

  it('limits nesting before the parse to MAX_PARSE_DEPTH, keeping the end tags that match what it keeps', () => {
    const html = `${'<b>'.repeat(MAX_PARSE_DEPTH + 10)}text${'</b>'.repeat(MAX_PARSE_DEPTH + 10)}`;
    expect(limitNesting(html)).toBe(`${'<b>'.repeat(MAX_PARSE_DEPTH)}text${'</b>'.repeat(MAX_PARSE_DEPTH)}`);
  });

  it('counts no nesting inside comments and raw-text elements, which the parser reads as text', () => {
    const deep = '<b>'.repeat(MAX_PARSE_DEPTH + 10);
    for (const html of [
      `<!--${deep}-->text`,
      `<script>${deep}</script >text`,
      `<SCRIPT type="x">${deep}</script/>text`,
      `<textarea>${deep}</textarea\t>text`,
      `<title>${deep}`,
      `<!--${deep}`,
    ]) {
      expect(limitNesting(html)).toBe(html);
    }
    // `<scripts>` is no script, and `</script` must be followed by a space, `/` or `>` to end one.
    expect(limitNesting(`<scripts>${deep}`)).toBe(`<scripts>${'<b>'.repeat(MAX_PARSE_DEPTH - 1)}`);
    expect(limitNesting(`<script>x</scriptx>${deep}</script>${deep}`)).toBe(`<script>x</scriptx>${deep}</script>${'<b>'.repeat(MAX_PARSE_DEPTH)}`);
  });

  it('reads a fragment of 10,000 top-level paragraphs with no <html> or <body>', () => {
    const html = Array.from({ length: 10_000 }, (_, n) => `<p>${PARAGRAPH} Point ${n}.</p>`).join('');
    const article = extractArticle({ url: 'https://news.example/fragment', body: html, contentType: 'text/html' });
    expect(article.paragraphs).toHaveLength(10_000);
  });

  it('reports an empty page as empty', () => {
    for (const body of ['', Buffer.alloc(0), ' \n\t ']) {
      expect(extractArticle({ url: 'https://news.example/empty', body, contentType: 'text/html' }).noArticleReason).toMatch(
        /^No article on this page: it is empty \(\d+ (?:bytes|characters), no text\)$/,
      );
    }
  });

  it('keeps a 1 MB title or site name out of the article: the title cut, the site name dropped', () => {
    const huge = 'Headline words '.repeat(70_000);
    const html = `<html><head><meta property="og:title" content="${huge}"><meta property="og:site_name" content="${huge}"></head><body><article><p>${PARAGRAPH}</p></article></body></html>`;
    const article = extractArticle({ url: 'https://news.example/huge-title', body: html });
    expect(article.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS + 1);
    expect(article.title.endsWith('…')).toBe(true);
    expect(article.siteName).toBeUndefined();
  });
});

describe('NormalizedTextMeasure: lengths without building the text', () => {
  it('measures text fed in pieces as normalizeWhitespace would leave it, commas of every script counted', () => {
    const cases = [
      ['  Tokyo,', '\n', ' Japan  '],
      ['a \u200B b', '\u00AD', '\u00A0\u3000c'],
      ['\uFEFF', ' ', '\u2028'],
      ['北京、', '上海，', 'and, at last,', '\t\u2009'],
      ['no-break\u00A0space', '', 'soft\u00ADhyphen'],
    ];
    for (const pieces of cases) {
      const measure = new NormalizedTextMeasure();
      for (const piece of pieces) measure.add(piece);
      const normalized = normalizeWhitespace(pieces.join(''));
      expect({ length: measure.length, commas: measure.commas }, JSON.stringify(pieces)).toEqual({
        length: normalized.length,
        commas: normalized.match(/[,，、]/g)?.length ?? 0,
      });
    }
  });
});

describe('decodeBody: wrong or missing charsets', () => {
  const text = '“Quoted” café — naïve';
  const legacy = iconv.encode(`<html><body><p>${text}</p></body></html>`, 'windows-1252');

  it('reads windows-1252 bytes that declare no charset as windows-1252, not as broken UTF-8', () => {
    expect(decodeBody(legacy, 'text/html')).toContain(text);
  });

  it('reads windows-1252 bytes labelled UTF-8 (by the server or a <meta>) as windows-1252', () => {
    expect(decodeBody(legacy, 'text/html; charset=utf-8')).toContain(text);
    const meta = iconv.encode(`<html><head><meta charset="utf-8"></head><body><p>${text}</p></body></html>`, 'windows-1252');
    expect(decodeBody(meta)).toContain(text);
  });

  it('keeps UTF-8 with one stray byte as UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(`<p>${text} ${text}`, 'utf8'), Buffer.from([0x93]), Buffer.from('</p>')]);
    expect(decodeBody(bytes, 'text/html')).toContain(`${text} ${text}\uFFFD`);
  });

  it('reads UTF-8 bytes labelled Latin-1 as UTF-8', () => {
    expect(decodeBody(Buffer.from(`<p>${text}</p>`, 'utf8'), 'text/html; charset=iso-8859-1')).toBe(`<p>${text}</p>`);
  });

  it('ignores a UTF-16 label on bytes with no NUL, which cannot be UTF-16', () => {
    expect(decodeBody(Buffer.from(`<p>${text}</p>`, 'utf8'), 'text/html; charset=utf-16')).toBe(`<p>${text}</p>`);
  });

  it('does not take a UTF-8 character cut at the end of a partial read for a legacy page', () => {
    const bytes = Buffer.from(`<p>${text}</p> é`, 'utf8');
    expect(sniffCharset(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });
});

describe('extractStatements: runaway paragraphs', () => {
  it('finds the condition at the start of a 20 MB paragraph, reading only what the caps allow', () => {
    const statements = extractStatements([runawayParagraph(TWENTY_MB)]);
    expect(statements.map((statement) => [statement.kind, statement.text])).toContainEqual(['condition', CONDITION]);
    for (const statement of statements) expect(statement.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS + 2);
  }, 30_000);

  it('cuts a run without a sentence end at MAX_SENTENCE_CHARS and stops reading at MAX_ARTICLE_READ_CHARS', () => {
    const sentences = Array.from({ length: 4_000 }, (_, n) => `Sentence ${n} of a long article on the talks.`).join(' ');
    const bounded = boundParagraphs([runawayParagraph(50_000), sentences, sentences, sentences, sentences, sentences, 'Never read.']);
    const [first] = bounded;
    expect(first.startsWith(`${CONDITION} `)).toBe(true);
    expect(first.length).toBeLessThanOrEqual(CONDITION.length + 1 + MAX_SENTENCE_CHARS + 2);
    expect(first.trimEnd().endsWith('…')).toBe(true);
    expect(bounded.join('').length).toBeLessThanOrEqual(MAX_ARTICLE_READ_CHARS);
    expect(bounded).not.toContain('Never read.');
    // Short paragraphs of ordinary sentences are read as they are.
    expect(boundParagraphs([CONDITION, PARAGRAPH])).toEqual([CONDITION, PARAGRAPH]);
  });
});
