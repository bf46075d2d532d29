import { createHash } from 'node:crypto';
import type { ExtractedArticle } from '../extract/types.js';
import { capText, hashKey } from '../text/index.js';
import { canonicalizeUrl } from './canonical-url.js';
import { findNearDuplicate, fingerprintText, type TextFingerprint } from './near-duplicate.js';
import { boundedWordDiff, formatTextDiff } from './word-diff.js';
import { MAX_STORED_TEXT_BYTES, type ArchivedArticle, type ArticleArchive, type ArticleRevision, type NearDuplicateIndex } from './ports.js';

export { canonicalizeUrl } from './canonical-url.js';
export { boundedWordDiff, formatTextDiff, wordDiff, type DiffPart } from './word-diff.js';
export { MAX_STORED_TEXT_BYTES } from './ports.js';
export type * from './ports.js';
export {
  NEAR_DUPLICATE,
  bandKeysOf,
  findNearDuplicate,
  fingerprintText,
  fmix32,
  isNearDuplicate,
  minHashSignature,
  shingleHashes,
  shingleSimilarity,
  tokenize,
  type NearDuplicateMatch,
  type TextFingerprint,
} from './near-duplicate.js';

/**
 * `article`: what a watch reads. For a duplicate, this page keyed as the article `of` it duplicates, so a watch that has
 * not read the story yet takes it in under the first-seen article, with this page's text and link.
 */
export type DedupeVerdict =
  | { kind: 'new'; article: ArchivedArticle }
  | { kind: 'duplicate'; reason: 'same-url' | 'same-text'; of: string; article: ArchivedArticle }
  /** A syndicated copy with edits; `similarity` is the share of its shingles found in the article `of`. */
  | { kind: 'duplicate'; reason: 'near-duplicate'; of: string; similarity: number; article: ArchivedArticle }
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

/**
 * Most tokens (words and the spaces between them) a revision's word diff may change. A diff costs the text length
 * times this: ~0.25 s at 5,000 words, where two unrelated 5,000-word texts took ~10 s uncapped. A revision that
 * rewrites more is a new story under the same URL, and a word diff of it helps no reader.
 */
export const REVISION_DIFF_MAX_EDITS = 1_000;

/** Stored as a revision's diff when the texts differ by more than `REVISION_DIFF_MAX_EDITS`. */
export const REWRITTEN_NOTE = '(rewritten: too different for a word diff)';

/**
 * A revision's word diff as plain text (`[-removed-]{+added+}`, see `formatTextDiff`), of the texts as the archive
 * keeps them; `REWRITTEN_NOTE` when they differ too much to diff.
 */
export function revisionDiff(before: string, after: string): string {
  const parts = boundedWordDiff(capText(before, MAX_STORED_TEXT_BYTES), capText(after, MAX_STORED_TEXT_BYTES), REVISION_DIFF_MAX_EDITS);
  return parts ? formatTextDiff(parts) : REWRITTEN_NOTE;
}

/** Whether an archive also keeps the near-duplicate index (the DynamoDB adapter does). */
export function hasNearDuplicateIndex(archive: ArticleArchive): archive is ArticleArchive & NearDuplicateIndex {
  const index = archive as Partial<NearDuplicateIndex>;
  return typeof index.findBandCandidates === 'function' && typeof index.putBands === 'function';
}

/**
 * Decides whether an extracted article is new, a duplicate (same URL and text, the same text at
 * another URL, or a near-duplicate: syndication with edits), or a revision of an archived one, and
 * records it. Writes are conditional or idempotent, so a rerun or a concurrent worker never stores
 * one story twice.
 *
 * 1. same canonical URL → unchanged (duplicate) or revision;
 * 2. claim the content hash → another URL owns it: duplicate, linked as "also published by";
 * 3. near-duplicate lookup (archives with the index, bodies of `NEAR_DUPLICATE.minWords` or more):
 *    one Query per LSH band, one read of the candidates' text, a containment check → duplicate of
 *    the first-seen article, linked as "also published by";
 * 4. index the body's bands, store the article if absent → a racing writer won: duplicate.
 */
export async function dedupeArticle(
  extracted: ExtractedArticle,
  archive: ArticleArchive,
  seenAt: string,
): Promise<DedupeVerdict> {
  const canonicalUrl = canonicalizeUrl(extracted.canonicalUrl || extracted.url);
  const urlKey = hashKey(canonicalUrl);
  const candidate = toArchived(extracted, canonicalUrl, urlKey, seenAt);
  const index = hasNearDuplicateIndex(archive) ? archive : undefined;
  const fingerprint = index && fingerprintText(normalizeText(extracted.text));

  const existing = await archive.getArticle(urlKey);
  if (existing) return compareWithExisting(existing, candidate, archive, seenAt, fingerprint);

  const owner = await archive.claimContentHash(candidate.contentHash, urlKey);
  if (owner !== urlKey) {
    await archive.recordAlsoPublished(owner, { url: extracted.url, outlet: extracted.siteName, seenAt });
    // Remember the copy's URL so the next pass answers from one read.
    await archive.putArticleIfAbsent({ ...candidate, text: '', duplicateOf: owner, duplicateReason: 'same-text' });
    return duplicateOf(owner, 'same-text', candidate);
  }

  if (index && fingerprint) {
    const match = await findNearDuplicate(fingerprint, urlKey, index, normalizeText);
    if (match) {
      await archive.recordAlsoPublished(match.urlKey, {
        url: extracted.url,
        outlet: extracted.siteName,
        seenAt,
        reason: 'near-duplicate',
        similarity: match.similarity,
      });
      // Exact copies of this copy now link straight to the first-seen article.
      await index.repointContentHash(candidate.contentHash, urlKey, match.urlKey);
      await archive.putArticleIfAbsent({
        ...candidate,
        text: '',
        duplicateOf: match.urlKey,
        duplicateReason: 'near-duplicate',
        similarity: match.similarity,
      });
      return { ...duplicateOf(match.urlKey, 'near-duplicate', candidate), similarity: match.similarity };
    }
    // Bands before the article: a crash in between leaves bands that point at nothing yet (skipped
    // by the check), never an article that later copies cannot find.
    await index.putBands(urlKey, fingerprint.bandKeys, seenAt);
  }
  const stored = await archive.putArticleIfAbsent(candidate);
  return stored === 'stored' ? { kind: 'new', article: candidate } : duplicateOf(urlKey, 'same-url', candidate);
}

async function compareWithExisting(
  existing: ArchivedArticle,
  candidate: ArchivedArticle,
  archive: ArticleArchive,
  seenAt: string,
  fingerprint: TextFingerprint | undefined,
): Promise<DedupeVerdict> {
  if (existing.duplicateOf || existing.contentHash === candidate.contentHash) {
    return duplicateOf(existing.duplicateOf ?? existing.urlKey, 'same-url', candidate);
  }
  const revision: ArticleRevision = {
    urlKey: existing.urlKey,
    seenAt,
    previousHash: existing.contentHash,
    contentHash: candidate.contentHash,
    diff: revisionDiff(existing.text, candidate.text),
  };
  const article = { ...candidate, firstSeenAt: existing.firstSeenAt };
  const outcome = await archive.reviseArticle(article, revision);
  if (outcome === 'conflict') return duplicateOf(existing.urlKey, 'same-url', candidate);
  await archive.claimContentHash(candidate.contentHash, existing.urlKey);
  // Copies of the revised text must find it too; the old text's bands still lead here as well.
  if (fingerprint && hasNearDuplicateIndex(archive)) await archive.putBands(existing.urlKey, fingerprint.bandKeys, seenAt);
  return { kind: 'revision', article, revision, changedParagraphs: changedParagraphs(existing.text, candidate.text) };
}

/** A duplicate of `of`: this page, keyed as that article, is what a watch new to the story reads (see `DedupeVerdict`). */
function duplicateOf<R extends 'same-url' | 'same-text' | 'near-duplicate'>(of: string, reason: R, candidate: ArchivedArticle) {
  return { kind: 'duplicate' as const, reason, of, article: { ...candidate, urlKey: of } };
}

/** Paragraphs of the new text that were not in the old one: where new statements can be. */
function changedParagraphs(before: string, after: string): string[] {
  const old = new Set(before.split(/\n{2,}/).map(normalizeText));
  return after.split(/\n{2,}/).filter((paragraph) => !old.has(normalizeText(paragraph)));
}

/**
 * Where a link to an article goes: the page's canonical URL as published, else the URL fetched. Never the
 * normalised `canonicalUrl`, which forces https and drops `www.` and trailing slashes: a key, not an address.
 */
export function pageUrlOf(extracted: Pick<ExtractedArticle, 'url' | 'canonicalUrl'>): string {
  return extracted.canonicalUrl || extracted.url;
}

/** The link of an archived article; one archived before `pageUrl` was kept falls back to the URL it was fetched at. */
export function linkOf(article: Pick<ArchivedArticle, 'url' | 'pageUrl'>): string {
  return article.pageUrl ?? article.url;
}

function toArchived(extracted: ExtractedArticle, canonicalUrl: string, urlKey: string, seenAt: string): ArchivedArticle {
  return {
    urlKey,
    canonicalUrl,
    url: extracted.url,
    pageUrl: pageUrlOf(extracted),
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
