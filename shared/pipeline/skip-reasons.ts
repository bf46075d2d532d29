/**
 * Why a watch does not read an extracted article: no article on the page, not English, off the watch's topic. Runs,
 * `reprocess` and the `statements` command ask the same question, so they skip the same pages.
 */
import type { Watch } from '../config/index.js';
import { detectLanguage } from '../extract/language.js';
import type { ExtractedArticle } from '../extract/types.js';
import { keywordMismatch } from './keywords.js';

/** How a skip for want of the watch's keywords begins; the CLI counts those instead of listing them. */
export const OFF_TOPIC = 'not about the watch';
/** How a skip for the article's language begins: `language not supported (ru)`. */
export const LANGUAGE_NOT_SUPPORTED = 'language not supported';

/** Why a watch does not read an extracted article (no article on the page, not English, off its topic), or nothing. */
export function skipReasonOf(article: Pick<ExtractedArticle, 'title' | 'text' | 'noArticleReason'>, watch: Pick<Watch, 'keywords'>): string | undefined {
  return (
    article.noArticleReason ??
    unreadableReason(article) ??
    offTopicReason(article, watch)
  );
}

/**
 * An article belongs to a watch when its title or body passes the watch's keyword groups (`any`, `all`, `none`): whole
 * words, case-insensitive, a phrase's words in order (see shared/pipeline/keywords.ts).
 */
export function isRelevant(article: Pick<ExtractedArticle, 'title' | 'text'>, watch: Pick<Watch, 'keywords'>): boolean {
  return offTopicReason(article, watch) === undefined;
}

/** The stance reader reads English; an article in another language is named as such, not read for nothing. */
function unreadableReason(article: Pick<ExtractedArticle, 'text'>): string | undefined {
  const language = detectLanguage(article.text);
  return language === 'en' || language === 'und' ? undefined : `${LANGUAGE_NOT_SUPPORTED} (${language})`;
}

function offTopicReason(article: Pick<ExtractedArticle, 'title' | 'text'>, watch: Pick<Watch, 'keywords'>): string | undefined {
  const mismatch = keywordMismatch([article.title, article.text], watch.keywords);
  return mismatch && `${OFF_TOPIC} (${mismatch})`;
}
