export type {
  ConditionalState,
  FetchedDocument,
  FetchOptions,
  HostResolver,
  ParsedFeed,
  PolitenessOptions,
  RetryOptions,
  SourceItem,
  SourceReading,
} from './types.js';
export { defaultFetchOptions, type FetchOptionsOverrides } from './options.js';
export { fetchDocument, parseSourceUrl } from './document.js';
export { readSource } from './source.js';
export { parseFeed, analyzeFeed, type FeedAnalysis, type FeedEntry } from './feed.js';
export {
  decodeDocumentText,
  isFeedContentType,
  isHtmlContentType,
  isPlainTextContentType,
  looksLikeFeed,
  looksLikeHtml,
  mediaTypeOf,
  readHtmlTitle,
} from './content.js';
export { classifyAddress, isPublicAddress, AddressCategory } from './address.js';
export { clearRobotsCache } from './robots.js';
export {
  DEFAULT_POLITENESS,
  DEFAULT_RETRY,
  DEFAULT_USER_AGENT,
  MAX_PAGE_TEXT_CHARS,
  MAX_TEXT_RUN_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
} from './constants.js';
export { parseBoundedPage } from './bounded-page.js';
export { articleContentProblem } from './article-content.js';
export { HostPacer, MissedStartError, systemPacerClock, type FleetPacing, type PacerClock, type Turn } from './host-pacer.js';
export { hostSlotsIn, CLAIM_LEAD_MS, MAX_LATE_MS, type HostSlotRegister, type HostSlots } from './host-slots.js';
export { backoffDelay, parseRetryAfter, planRetry, type RetryPlan, type RetryStop } from './retry.js';
export { discoverPage, isArticleShaped, type PageDiscovery } from './discover.js';
export { MAX_LINKS_PER_INDEX_PAGE, MIN_LISTING_LINKS } from './discover-patterns.js';
export {
  analyzeSitemap,
  recentSitemapItems,
  MAX_CHILD_SITEMAPS,
  MAX_SITEMAP_URLS,
  SITEMAP_RECENT_WINDOW_MS,
  type Sitemap,
  type SitemapUrl,
} from './sitemap.js';
