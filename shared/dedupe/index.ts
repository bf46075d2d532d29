import { createHash } from 'node:crypto';
import { diffWords } from 'diff';
import type { ExtractedArticle } from '../extract/types.js';
import { hashKey } from '../store/keys.js';
import type { ArchivedArticle, ArticleArchive, ArticleRevision } from '../store/types.js';
import { canonicalizeUrl } from './canonical-url.js';

export { canonicalizeUrl } from './canonical-url.js';

export type DedupeVerdict =
  | { kind: 'new'; article: ArchivedArticle }
  | { kind: 'duplicate'; reason: 'same-url' | 'same-text'; of: string }
  | { kind: 'revision'; article: ArchivedArticle; revision: ArticleRevision; changedParagraphs: string[] };

/** Text as compared for identity: case, quotes, dashes and spacing vary between renders of one story. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex');
}

/** A word diff as plain text: `[-removed-]{+added+}`. */
export function formatWordDiff(before: string, after: string): string {
  return diffWords(before, after)
    .map((part) => (part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value))
    .join('');
}

/**
 * Decides whether an extracted article is new, a duplicate (same URL and text, or the same text
 * at another URL: syndication), or a revision of an archived one, and records it. Writes are
 * conditional, so a rerun or a concurrent worker never stores one story twice.
 *
 * 1. same canonical URL → unchanged (duplicate) or revision;
 * 2. claim the content hash → another URL owns it: duplicate, linked as "also published by";
 * 3. store the article if absent → a racing writer won: duplicate.
 */
export async function dedupeArticle(
  extracted: ExtractedArticle,
  archive: ArticleArchive,
  seenAt: string,
): Promise<DedupeVerdict> {
  const canonicalUrl = canonicalizeUrl(extracted.canonicalUrl || extracted.url);
  const urlKey = hashKey(canonicalUrl);
  const candidate = toArchived(extracted, canonicalUrl, urlKey, seenAt);

  const existing = await archive.getArticle(urlKey);
  if (existing) return compareWithExisting(existing, candidate, archive, seenAt);

  const owner = await archive.claimContentHash(candidate.contentHash, urlKey);
  if (owner !== urlKey) {
    await archive.recordAlsoPublished(owner, { url: extracted.url, outlet: extracted.siteName, seenAt });
    // Remember the copy's URL so the next pass answers from one read.
    await archive.putArticleIfAbsent({ ...candidate, text: '', duplicateOf: owner });
    return { kind: 'duplicate', reason: 'same-text', of: owner };
  }
  const stored = await archive.putArticleIfAbsent(candidate);
  return stored === 'stored' ? { kind: 'new', article: candidate } : { kind: 'duplicate', reason: 'same-url', of: urlKey };
}

async function compareWithExisting(
  existing: ArchivedArticle,
  candidate: ArchivedArticle,
  archive: ArticleArchive,
  seenAt: string,
): Promise<DedupeVerdict> {
  if (existing.duplicateOf || existing.contentHash === candidate.contentHash) {
    return { kind: 'duplicate', reason: 'same-url', of: existing.duplicateOf ?? existing.urlKey };
  }
  const revision: ArticleRevision = {
    urlKey: existing.urlKey,
    seenAt,
    previousHash: existing.contentHash,
    contentHash: candidate.contentHash,
    diff: formatWordDiff(existing.text, candidate.text),
  };
  const article = { ...candidate, firstSeenAt: existing.firstSeenAt };
  const outcome = await archive.reviseArticle(article, revision);
  if (outcome === 'conflict') return { kind: 'duplicate', reason: 'same-url', of: existing.urlKey };
  await archive.claimContentHash(candidate.contentHash, existing.urlKey);
  return { kind: 'revision', article, revision, changedParagraphs: changedParagraphs(existing.text, candidate.text) };
}

/** Paragraphs of the new text that were not in the old one: where new statements can be. */
function changedParagraphs(before: string, after: string): string[] {
  const old = new Set(before.split(/\n{2,}/).map(normalizeText));
  return after.split(/\n{2,}/).filter((paragraph) => !old.has(normalizeText(paragraph)));
}

function toArchived(extracted: ExtractedArticle, canonicalUrl: string, urlKey: string, seenAt: string): ArchivedArticle {
  return {
    urlKey,
    canonicalUrl,
    url: extracted.url,
    title: extracted.title,
    byline: extracted.byline,
    publishedAt: extracted.publishedAt,
    siteName: extracted.siteName,
    contentHash: contentHash(extracted.text),
    text: extracted.text,
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  };
}
