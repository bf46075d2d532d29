/**
 * The HTML path of extraction, staged like Readability.js. `extractHtml` runs the stages in order; each lives in a
 * module of its own (shared/fetch/bounded-page.ts, metadata.ts, page-chrome.ts, body-containers.ts, paragraphs.ts).
 */
import { parseBoundedPage } from '../fetch/index.js';
import { pickBodyContainers, type BodyChoice } from './body-containers.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { removeUnlikelyNodes } from './page-chrome.js';
import { collectParagraphs, dropBoilerplateText } from './paragraphs.js';
import { MIN_SCORED_BODY_CHARS } from './patterns.js';
import { titleFromText } from './text.js';
import type { ExtractedArticle } from './types.js';

/**
 * Extracts the article of an HTML page. Stages:
 * 0. `parseBoundedPage` — runaway nesting dropped or flattened, runaway text runs and pages cut;
 * 1. `readMetadata` — title, byline, date, site, language, canonical URL (before anything is removed);
 * 2. `removeUnlikelyNodes` — scripts and page chrome (nav, share bars, cookie banners, paywalls, ads…);
 * 3. `pickBodyContainers` — the `[itemprop=articleBody]` or `<article>` that holds the best-scoring block
 *    (see `pickSemanticContainer`), else that block;
 * 4. `collectParagraphs` — paragraphs, headings and substantive list items, whitespace normalized;
 * 5. `dropBoilerplateText` — `BOILERPLATE_PATTERNS`, repeated captions, the headline repeated in the body.
 */
export function extractHtml(html: string, url: string): ExtractedArticle {
  const $ = parseBoundedPage(html);
  const metadata = readMetadata($, url);
  removeUnlikelyNodes($);
  const choices = pickBodyContainers($);
  let body: BodyChoice = choices[0];
  let paragraphs: string[] = [];
  // Semantic markup can wrap teasers only; then the next choice (the best-scoring block) gets its turn.
  for (const choice of choices) {
    body = choice;
    if ('reason' in choice) return noArticle(url, metadata, choice.reason);
    paragraphs = dropBoilerplateText(collectParagraphs(choice.containers), metadata.title);
    if (paragraphs.length) break;
  }
  if ('reason' in body) return noArticle(url, metadata, body.reason);
  if (!paragraphs.length) {
    return noArticle(url, metadata, `the ${describeContainer(body.via)} held only boilerplate (share prompts, paywall copy, link lists)`);
  }
  const chars = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  if (body.via === 'scored' && chars < MIN_SCORED_BODY_CHARS) {
    return noArticle(url, metadata, `the best text block has ${chars} characters; under ${MIN_SCORED_BODY_CHARS} it is a teaser, an index or a footer`);
  }
  return {
    url,
    ...metadata,
    title: metadata.title ?? titleFromText(paragraphs[0]),
    paragraphs,
    text: paragraphs.join('\n\n'),
  };
}

function noArticle(url: string, metadata: PageMetadata, reason: string): ExtractedArticle {
  return { url, ...metadata, title: metadata.title ?? '', paragraphs: [], text: '', noArticleReason: `No article on this page: ${reason}` };
}

function describeContainer(via: 'articleBody' | 'article' | 'scored'): string {
  return { articleBody: '[itemprop=articleBody] element', article: '<article> element', scored: 'best text block' }[via];
}
