/**
 * Sitemaps as sources: a `<urlset>` (with Google News `<news:news>` entries or plain `<lastmod>`s) or a
 * `<sitemapindex>` of them. Only recent URLs are taken: a sitemap lists a site's whole archive.
 */
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toIsoDate } from '../text/index.js';
import { decodeDocumentText } from './content.js';
import { createSafeEntityDecoder } from './entities.js';
import type { FetchedDocument, SourceItem } from './types.js';

/** URLs published or changed within this window are taken; a news sitemap lists two days (Google News' rule). */
export const SITEMAP_RECENT_WINDOW_MS = 2 * 24 * 3_600_000;
/** At most this many URLs per run, newest first: a busy site publishes a few hundred a day. */
export const MAX_SITEMAP_URLS = 50;
/** Child sitemaps of an index read per run, newest first (the news sitemap and the current month's). */
export const MAX_CHILD_SITEMAPS = 3;

/** Root elements of the sitemap protocol, whatever prefix a generator gives them. */
const SITEMAP_ROOT = /<(?:[\w-]+:)?(urlset|sitemapindex)[\s>/]/;
const HTML_MARKER = /<!doctype\s+html|<html[\s>]/i;
/** Sniffing looks only at the start of a body, as content.ts does. */
const SNIFF_CHARS = 4096;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

export interface SitemapUrl {
  url: string;
  /** `news:publication_date`, else `lastmod`, as ISO. */
  publishedAt?: string;
  /** `news:title`. */
  title?: string;
}

export type Sitemap = { kind: 'urlset'; urls: SitemapUrl[] } | { kind: 'index'; sitemaps: SitemapUrl[] };

export type SitemapAnalysis = { sitemap: Sitemap; problem?: undefined } | { sitemap?: undefined; problem: string };

/**
 * Prefixes are dropped (`news:publication_date` → `publication_date`) so any prefix bound to the news namespace
 * reads the same. Entities as for feeds: no DOCTYPE-declared entity is ever expanded.
 */
const sitemapParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: { enabled: true, maxEntitySize: 1024, maxEntityCount: 64 },
  entityDecoder: createSafeEntityDecoder(),
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/** True when a body's start is a sitemap root (gzip-compressed sitemaps are looked into by {@link sitemapText}). */
export function looksLikeSitemap(head: string): boolean {
  const start = head.slice(0, SNIFF_CHARS);
  const root = SITEMAP_ROOT.exec(start);
  if (!root) return false;
  const html = HTML_MARKER.exec(start);
  return !html || html.index > root.index;
}

/** A `.xml.gz` sitemap served as a file, not with `Content-Encoding`: its bytes are gzip. */
export function isGzipBody(body: Buffer): boolean {
  return body.length >= GZIP_MAGIC.length && body.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC);
}

/**
 * The text of a sitemap document, gunzipped when it is a `.gz` file, within `maxBytes` once inflated (a small
 * gzip bomb must not inflate past the cap the download had).
 */
export function sitemapText(document: Pick<FetchedDocument, 'body' | 'contentType'>, maxBytes: number): string {
  if (!isGzipBody(document.body)) return decodeDocumentText(document);
  return gunzipSync(document.body, { maxOutputLength: maxBytes }).toString('utf8');
}

/** Reads sitemap XML; says why when it is not one. Relative `<loc>`s resolve against `baseUrl`. */
export function analyzeSitemap(text: string, baseUrl: string): SitemapAnalysis {
  const validation = XMLValidator.validate(text);
  if (validation !== true) return { problem: `it is not well-formed XML (${validation.err.msg} at line ${validation.err.line})` };
  let document: Record<string, unknown>;
  try {
    document = asNode(sitemapParser.parse(text));
  } catch (cause) {
    return { problem: `the XML parser refused it (${(cause as Error).message})` };
  }
  if ('urlset' in document) return { sitemap: { kind: 'urlset', urls: readEntries(asNode(document.urlset).url, baseUrl) } };
  if ('sitemapindex' in document) return { sitemap: { kind: 'index', sitemaps: readEntries(asNode(document.sitemapindex).sitemap, baseUrl) } };
  return { problem: 'its root element is not <urlset> or <sitemapindex>' };
}

function readEntries(entries: unknown, baseUrl: string): SitemapUrl[] {
  const read: SitemapUrl[] = [];
  for (const entry of asArray(entries).map(asNode)) {
    const url = resolveWebUrl(textOf(entry.loc), baseUrl);
    if (!url) continue;
    const news = asNode(asArray(entry.news)[0]);
    const publishedAt = toIsoDate(textOf(news.publication_date) ?? textOf(entry.lastmod));
    const title = textOf(news.title);
    read.push({ url, ...(publishedAt && { publishedAt }), ...(title && { title }) });
  }
  return read;
}

/**
 * The URLs of a `<urlset>` to read this run: dated within `SITEMAP_RECENT_WINDOW_MS` of `now` (a date ahead of
 * `now` is a clock or a zone off, and recent), newest first, at most `MAX_SITEMAP_URLS`. An undated URL is left
 * out: nothing says it is news, and a whole site's archive would follow it.
 */
export function recentSitemapItems(urls: SitemapUrl[], now: Date): SourceItem[] {
  return newestWithin(urls, now, MAX_SITEMAP_URLS).map(({ url, publishedAt, title }) => ({
    url,
    ...(publishedAt && { publishedAt }),
    ...(title && { title }),
  }));
}

/**
 * The child sitemaps of an index to read this run: recent ones newest first, then undated ones in index order
 * (a news sitemap is often listed without a `lastmod`), at most `MAX_CHILD_SITEMAPS`. Old ones are an archive.
 */
export function childSitemapsToRead(sitemaps: SitemapUrl[], now: Date): string[] {
  const recent = newestWithin(sitemaps, now, MAX_CHILD_SITEMAPS);
  const undated = sitemaps.filter((sitemap) => !sitemap.publishedAt);
  return [...recent, ...undated].slice(0, MAX_CHILD_SITEMAPS).map((sitemap) => sitemap.url);
}

function newestWithin(entries: SitemapUrl[], now: Date, cap: number): SitemapUrl[] {
  const since = now.getTime() - SITEMAP_RECENT_WINDOW_MS;
  return entries
    .filter((entry) => entry.publishedAt !== undefined && Date.parse(entry.publishedAt) >= since)
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .slice(0, cap);
}

function resolveWebUrl(reference: string | undefined, baseUrl: string): string | undefined {
  if (!reference) return undefined;
  try {
    const url = new URL(reference, baseUrl);
    return WEB_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text || undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function asNode(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
