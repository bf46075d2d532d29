import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/extract/index.js';

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
