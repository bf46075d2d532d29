/**
 * The rules of page discovery (see discover.ts), in one place: which advertised feeds to follow, which links of a
 * page are its main listing's articles, and what makes a page an article itself. Structure and URL shape decide;
 * no rule names a site. Class and id hints are matched on tokens, as extraction's `UNLIKELY_NODE_HINTS` are.
 */

/** Feeds a page may advertise with `<link rel="alternate" type=…>`. */
export const FEED_LINK_TYPES: ReadonlySet<string> = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  // Plain `application/json` is left out: WordPress advertises its REST API that way on every page.
]);

/** Links taken from one index page: a section front's first screens, newest first on nearly every site. */
export const MAX_LINKS_PER_INDEX_PAGE = 20;

/** Fewer article links than this is not a listing: a page with a "read next" or two is left to extraction. */
export const MIN_LISTING_LINKS = 3;

/**
 * Prose left on a page once its chrome and listing cards are gone (its blocks of text). An article keeps its
 * body; a section front keeps a line of introduction at most. Extraction calls a body under 200 characters a
 * teaser; twice that leaves room for a section's blurb.
 */
export const MIN_ARTICLE_PROSE_CHARS = 400;

/** A block of text shorter than this is a label, a date or a menu, not prose (a news paragraph runs to 100 and more). */
export const MIN_PROSE_BLOCK_CHARS = 80;

/** A card (headline, teaser, byline, date) holds at most this much text; a larger block is the page around it. */
export const MAX_CARD_CHARS = 700;

/** A headline is at least this long; "Read more", "Video" and menu words are not. */
export const MIN_HEADLINE_CHARS = 15;

/** A listing link stands on its own: its text is at least this share of its block's (an inline link in prose is not). */
export const MIN_STANDALONE_LINK_SHARE = 0.5;

/** A chrome-looking element holding this share of the page's article links is the page's wrapper, not chrome. */
export const PROTECTED_LINK_SHARE = 0.6;

/** How a URL path looks when it is an article's, by the conventions of news CMSs. */
export const ARTICLE_URL_SHAPES = {
  /** `/2024/06/06/…` or `/2024/06/…` */
  datePath: /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])(?:\/|$)/,
  /** `…/2024-06-06-putin-…`, `…-20240606-…` */
  dateInSlug: /(?:^|[/_-])(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?:[_.-]|\/|$)/,
  /** A numeric story id: `/news/world-68812345`, `/a/1234567/` */
  storyId: /\d{6,}/,
} as const;

/** A slug of this many words (`putin-says-no-talks`) names a story; `world`, `live-tv` and `about-us` do not. */
export const MIN_SLUG_WORDS = 3;
export const SLUG_WORD_SEPARATOR = /[-_+]+/;
export const SLUG_WORD = /\p{L}/u;

/** Path segments of listing, account and service pages: a link under one is never an article. */
export const NON_ARTICLE_SEGMENTS: ReadonlySet<string> = new Set([
  'tag', 'tags', 'topic', 'topics', 'category', 'categories', 'section', 'sections', 'author', 'authors', 'contributor',
  'contributors', 'page', 'search', 'login', 'signin', 'register', 'signup', 'subscribe', 'subscription', 'account',
  'newsletter', 'newsletters', 'feed', 'feeds', 'rss', 'about', 'contact', 'privacy', 'terms', 'legal', 'cookies',
  'help', 'faq', 'jobs', 'careers', 'advertise', 'shop',
]);

/** File extensions an article page may carry; any other (`.jpg`, `.pdf`, `.xml`) is not an article. */
export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['html', 'htm', 'shtml', 'php', 'asp', 'aspx', 'jsp', 'cms']);

/** Elements that are page chrome wherever they stand. */
export const CHROME_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'form', 'dialog', 'menu', 'select']);
/** Elements that are the page's banner or footer, unless a card or an article has its own. */
export const PAGE_EDGE_TAGS: ReadonlySet<string> = new Set(['header', 'footer']);

/** ARIA landmark roles that are never the main listing. */
export const CHROME_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'toolbar', 'dialog',
]);

/**
 * Class and id hints of regions that are not the main listing, matched on the words of the class's block
 * (`c-most-read__list` → "c most read"; BEM elements after `__` are a card's own parts, not regions).
 */
export const REGION_HINTS = {
  navigation: /\b(?:nav|navbar|navigation|menu|megamenu|breadcrumbs?|pagination|pager|skip)\b/,
  sharing: /\b(?:share|sharing|sharebar|social|follow)\b/,
  popular: /\b(?:most ?(?:read|popular|viewed|shared|commented|watched)|popular|trending)\b/,
  related: /\b(?:related|recommended|recommendations|outbrain|taboola|read ?next)\b/,
  subscription: /\b(?:newsletters?|subscribe|subscription|signup|paywall|cookies?|consent)\b/,
  ads: /\b(?:ad|ads|advert|adverts|advertisement|advertising|sponsor|sponsored|promo|promoted)\b/,
  comments: /\b(?:comments?|disqus)\b/,
} as const;

/** Hints of the page's banner and footer: chrome only outside articles and cards (`entry-header` holds a headline). */
export const PAGE_EDGE_HINTS = /\b(?:header|footer|masthead|sidebar|topbar|toolbar|banner)\b/;

/**
 * Headings of boxes beside the listing ("Most read", "Related", "You may also like"). The one rule that reads
 * words, in English, for boxes that carry no telling class; the box is the heading's section.
 */
export const ASIDE_BOX_HEADING =
  /^\s*(?:most (?:read|popular|viewed|shared|commented|watched)|trending|popular(?: now| stories)?|related(?: stories| articles| coverage)?|recommended(?: for you)?|read next|you (?:may|might) (?:also )?like|don[’']?t miss|editor[’']?s picks?|sponsored|advertisement)/i;

/** Headings, by tag, that label a box. */
export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A heading's parent larger than this share of the page's text is the page, not a box: its following siblings are. */
export const MAX_BOX_TEXT_SHARE = 0.5;

/**
 * Elements that break a line of text. A link stands on its own when it is most of its line: the text of its
 * nearest block, leaving out the blocks inside it (a card's teaser paragraph is not the headline's line).
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'div', 'article', 'section', 'figure', 'figcaption', 'blockquote', 'header', 'footer', 'main',
  'nav', 'aside', 'form', 'address', 'details', 'summary', 'pre', 'hr', 'body',
]);

/** Elements a page's markup names its article with. */
export const ARTICLE_MARKUP = {
  body: '[itemprop="articleBody"]',
  publishedTime: 'meta[property="article:published_time"]',
  jsonLd: 'script[type="application/ld+json"]',
} as const;

/** JSON-LD types of an article (not a collection, a site or a breadcrumb). */
export const ARTICLE_JSON_LD_TYPES =
  /^(?:(?:News|Report|Scholarly|Tech|Satirical|Opinion|Analysis|Background)?Article|ReportageNewsArticle|BlogPosting|LiveBlogPosting)$/;
