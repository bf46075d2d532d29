/**
 * Page metadata: title, byline, date, site name, language and canonical URL, from JSON-LD, Open Graph,
 * `<meta>` and markup, in that order of trust.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { indexAttributes, indexTags } from './dom.js';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from '../fetch/index.js';
import { cutOnWord, escapeRegExp, toIsoDate } from '../text/index.js';
import { MAX_LANGUAGE_CHARS, MAX_SITE_NAME_CHARS } from './patterns.js';
import { normalizeWhitespace } from './text.js';

export interface PageMetadata {
  title?: string;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
  language?: string;
  canonicalUrl: string;
}

type JsonObject = Record<string, unknown>;

/** JSON-LD types that describe the article itself (not the page, the site or a breadcrumb). */
const ARTICLE_TYPES = /^(?:(?:News|Report|Scholarly|Tech|Satirical|Opinion|Analysis|Background)?Article|ReportageNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;

/**
 * Where each field may be found, best first. Values are `[selector, attribute, candidates]`; no attribute means the
 * text. `candidates` names the elements (see `candidateElements`) among which are all those the selector can match:
 * the selector is tested on those only, not on the whole tree. `<meta>` selectors are answered from the meta index.
 */
const META_SOURCES = {
  title: [
    ['meta[property="og:title"]', 'content'],
    ['meta[name="twitter:title"]', 'content'],
  ],
  byline: [
    ['meta[name="author"]', 'content'],
    ['meta[property="article:author"]', 'content'],
    ['meta[name="byl"]', 'content'],
    ['[itemprop="author"] [itemprop="name"]', undefined, 'itemprop'],
    ['[itemprop="author"]', undefined, 'itemprop'],
    ['[rel="author"]', undefined, 'rel'],
    ['.byline, .author-name, .article-author, [class*="byline"]', undefined, 'bylineClass'],
  ],
  publishedAt: [
    ['meta[property="article:published_time"]', 'content'],
    ['meta[itemprop="datePublished"]', 'content'],
    ['[itemprop="datePublished"][datetime]', 'datetime', 'itemprop'],
    ['article time[datetime]', 'datetime', 'time'],
    ['time[datetime]', 'datetime', 'time'],
    [
      // The meta index compares names without case, so these also match DC.date, DC.Date…
      'meta[name="date"], meta[name="pubdate"], meta[name="publishdate"], meta[name="dc.date"], meta[name="dc.date.issued"], meta[name="dcterms.created"]',
      'content',
    ],
  ],
  siteName: [
    ['meta[property="og:site_name"]', 'content'],
    ['meta[name="application-name"]', 'content'],
  ],
} as const satisfies Record<string, readonly MetaSource[]>;

type MetaSource = readonly [selector: string, attribute: string | undefined, candidates?: 'itemprop' | 'rel' | 'bylineClass' | 'time'];

/** Separators between a headline and the site name in `<title>`: "Headline | The Japan Times". */
const TITLE_SEPARATOR = /\s+[|–—·•:-]\s+|\s+::\s+/;

/** Site names are short ("The Japan Times"); a longer last segment of a title is part of the headline. */
const SITE_SUFFIX_MAX_WORDS = 4;
/** Fewer words left after dropping a suffix would leave a fragment, not a headline. */
const MIN_HEADLINE_WORDS = 3;

/** A byline longer than this is a paragraph that happened to carry an author class. */
const BYLINE_MAX_CHARS = 100;

/**
 * Reads the metadata of an HTML page. Runs before any node is removed: JSON-LD lives in `<script>` and
 * bylines often sit in a `<header>`, both of which the cleaning stage drops.
 */
export function readMetadata($: CheerioAPI, url: string): PageMetadata {
  metaIndexes.set($, indexMetaTags($));
  const article = findJsonLdArticle($);
  // Bounded before use: the title's site suffix is matched with a pattern built from it.
  const siteName = atMost(cleanText(jsonLdName(article?.publisher)) ?? firstValue($, META_SOURCES.siteName), MAX_SITE_NAME_CHARS);
  const title = readTitle($, article, siteName);
  const language = cleanText(indexTags($).html[0]?.attribs.lang) ?? cleanText(metaIndexes.get($)?.get('http-equiv=content-language'));
  // Every field is stored beside each statement and link: a hostile page's 1 MB "title" must not reach the archive.
  return {
    title: title && cutOnWord(title, MAX_TITLE_CHARS),
    byline: cleanByline(jsonLdNames(article?.author)) ?? cleanByline(firstValue($, META_SOURCES.byline)),
    publishedAt: toIsoDate(asString(article?.datePublished)) ?? firstDate($),
    siteName,
    language: atMost(language, MAX_LANGUAGE_CHARS),
    canonicalUrl: readCanonicalUrl($, url),
  };
}

function atMost(value: string | undefined, maxChars: number): string | undefined {
  return value !== undefined && value.length <= maxChars ? value : undefined;
}

/** `link[rel=canonical]` resolved against the page URL, else `og:url`, else the page URL. */
function readCanonicalUrl($: CheerioAPI, url: string): string {
  const canonicalLink = indexTags($).link.find((link) => /(?:^|\s)canonical(?:\s|$)/i.test(link.attribs.rel ?? ''));
  const candidates = [canonicalLink?.attribs.href, metaIndexes.get($)?.get('property=og:url')];
  for (const candidate of candidates) {
    const resolved = resolveHttpUrl(candidate, url);
    if (resolved) return resolved;
  }
  return url;
}

function resolveHttpUrl(href: string | undefined, base: string): string | undefined {
  if (!href?.trim() || href.length > MAX_URL_CHARS) return undefined;
  try {
    const resolved = new URL(href.trim(), base);
    return /^(?:https?|file):$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

function readTitle($: CheerioAPI, article: JsonObject | undefined, siteName: string | undefined): string | undefined {
  const headline = cleanText(asString(article?.headline)) ?? firstValue($, META_SOURCES.title) ?? cleanText(firstText($, indexTags($).h1[0]));
  if (headline) return stripSiteName(headline, siteName);
  const documentTitle = cleanText(firstText($, indexTags($).title[0]));
  return siteName ? stripSiteName(documentTitle, siteName) : stripShortSuffix(documentTitle);
}

/**
 * Without a known site name, `<title>` still usually ends in one: drop a last segment of at most
 * `SITE_SUFFIX_MAX_WORDS` words when at least `MIN_HEADLINE_WORDS` remain ("Talks to resume | Example News").
 */
function stripShortSuffix(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATOR.source, 'g'))];
  const last = separators.at(-1);
  if (last?.index === undefined) return title;
  const head = title.slice(0, last.index);
  const suffix = title.slice(last.index + last[0].length);
  const isShortSuffix = suffix.split(/\s+/).length <= SITE_SUFFIX_MAX_WORDS;
  return isShortSuffix && head.split(/\s+/).length >= MIN_HEADLINE_WORDS ? head : title;
}

/** Drops a trailing (or leading) site name from a title: "Headline | The Japan Times" → "Headline". */
function stripSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (!title || !siteName) return title;
  // Building the two patterns costs more than the rest of this stage: only a title that holds the name needs them.
  // Upper case, as the `i` flag compares: a title the patterns would match always passes (a few more pass).
  if (!title.toUpperCase().includes(siteName.toUpperCase())) return title;
  const name = escapeRegExp(siteName);
  const stripped = title
    .replace(new RegExp(`(?:${TITLE_SEPARATOR.source})${name}$`, 'i'), '')
    .replace(new RegExp(`^${name}(?:${TITLE_SEPARATOR.source})`, 'i'), '');
  return stripped || title;
}

function firstDate($: CheerioAPI): string | undefined {
  for (const source of META_SOURCES.publishedAt) {
    const iso = toIsoDate(readSource($, source));
    if (iso) return iso;
  }
  return undefined;
}

function firstValue($: CheerioAPI, sources: readonly MetaSource[]): string | undefined {
  for (const source of sources) {
    const value = cleanText(readSource($, source));
    if (value) return value;
  }
  return undefined;
}

/** `meta[name="author"]`, `meta[property="og:title"]`…: answered from one pass over the `<meta>` tags. */
const META_SELECTOR = /^meta\[(name|property|itemprop)="([^"]+)"\]$/;

/** The `<meta>` tags of each loaded page, keyed `name=author`, `property=og:title` (lowercase), first wins. */
const metaIndexes = new WeakMap<CheerioAPI, Map<string, string>>();

function indexMetaTags($: CheerioAPI): Map<string, string> {
  const index = new Map<string, string>();
  for (const element of indexTags($).meta) {
    const content = element.attribs.content;
    if (content === undefined) continue;
    for (const key of ['name', 'property', 'itemprop', 'http-equiv'] as const) {
      const value = element.attribs[key];
      const entry = value && `${key}=${value.toLowerCase()}`;
      if (entry && !index.has(entry)) index.set(entry, content);
    }
  }
  return index;
}

/**
 * The value of the first element a source selector matches. Selector queries walk the whole tree, so
 * simple `<meta>` selectors (most of `META_SOURCES`) are answered from the page's meta index instead, and the
 * others are tested on their candidates only.
 */
function readSource($: CheerioAPI, [selector, attribute, candidates]: MetaSource): string | undefined {
  const metaIndex = metaIndexes.get($);
  const parts = selector.split(/\s*,\s*/);
  if (metaIndex && attribute === 'content' && parts.every((part) => META_SELECTOR.test(part))) {
    for (const part of parts) {
      const [, key, value] = META_SELECTOR.exec(part) ?? [];
      const content = metaIndex.get(`${key}=${value.toLowerCase()}`);
      if (content !== undefined) return content;
    }
    return undefined;
  }
  const node = candidates ? $(candidateElements($, candidates)).filter(selector).first() : $(selector).first();
  return attribute ? node.attr(attribute) : node.text();
}

function candidateElements($: CheerioAPI, candidates: NonNullable<MetaSource[2]>): readonly Element[] {
  const index = indexAttributes($);
  // Most elements have a class; the byline classes all hold "byline" or "author" (class matching is case-sensitive).
  if (candidates === 'bylineClass') return index.class.filter((element) => BYLINE_CLASS_WORDS.test(element.attribs.class ?? ''));
  return index[candidates];
}

const BYLINE_CLASS_WORDS = /byline|author/;

/** The first JSON-LD object typed as an article, looking inside arrays and `@graph`. */
function findJsonLdArticle($: CheerioAPI): JsonObject | undefined {
  const objects = indexTags($)
    .script.filter((script) => script.attribs.type?.trim().toLowerCase() === 'application/ld+json')
    .flatMap((script) => flattenJsonLd(parseJson($(script).text())));
  return objects.find((object) => jsonLdTypes(object).some((type) => ARTICLE_TYPES.test(type)));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Broken JSON-LD is common (trailing commas, raw newlines); the other sources still apply.
    return undefined;
  }
}

function flattenJsonLd(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flattenJsonLd);
  if (!isObject(value)) return [];
  return [value, ...flattenJsonLd(value['@graph'])];
}

function jsonLdTypes(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string');
}

function jsonLdName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return jsonLdName(value[0]);
  return isObject(value) ? asString(value.name) : undefined;
}

/** Authors may be a string, an object or a list of either: "Jane Doe, John Roe". */
function jsonLdNames(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value]).map(jsonLdName).filter((name): name is string => Boolean(name));
  return names.length ? names.join(', ') : undefined;
}

function firstText($: CheerioAPI, element: Element | undefined): string {
  return element ? $(element).text() : '';
}

function cleanByline(value: string | undefined): string | undefined {
  const text = cleanText(value)?.replace(/^by\s+/i, '');
  if (!text || text.length > BYLINE_MAX_CHARS || /^https?:\/\//i.test(text)) return undefined;
  return text;
}

function cleanText(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : normalizeWhitespace(value);
  return text || undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
