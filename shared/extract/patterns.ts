/**
 * Every heuristic of the extractor in one place: the patterns that mark boilerplate and the thresholds
 * that decide what counts as article text. Tune here, not inside the stages.
 */

/**
 * Text-level boilerplate: a paragraph (or plain-text line) matching one of these is not article text.
 * Structure-level removal catches most of it first; these catch what a site hides behind neutral class
 * names and what survives in plain-text captures.
 */
export const BOILERPLATE_PATTERNS = {
  /** Unrendered client-side templates, e.g. `You have {{numberArticlesLeft}} free articles`. */
  templatePlaceholder: /\{\{[^{}]*\}\}|\{%[^%]*%\}|<%[^%]*%>/,
  /** Metered-paywall and subscription-offer copy. */
  paywall:
    /free articles? left|last free article|you need a subscription|(?:subscribe|sign up) (?:now|today) (?:to|for)|subscribers? only|try \d+ (?:months?|weeks?|days?) for|your (?:trial(?: period)?|full access|subscription|access)\b.{0,60}\b(?:has )?(?:expired|ended)|get unlimited access|unlimited access to|see all offers|already (?:a subscriber|have an account)|(?:log|sign) in to (?:continue|read)|to continue reading|offer ends|(?:is|are) (?:only )?for (?:paying )?subscribers|subscribe (?:now )?to (?:read|continue|see|get)/i,
  /** "Support our journalism" footers appended to every article. */
  subscriptionPitch:
    /by subscribing,? you (?:can )?help|quality journalism is more (?:crucial|important|needed)|support (?:our|independent|quality) journalism|become a (?:member|subscriber|supporter)/i,
  /** Labels and disclosures of paid placements. */
  sponsored: /^(?:sponsored|sponsored (?:content|links?|stories|by .{1,40})|about sponsored content\b.*|paid (?:content|post|partner content)|partner content|promoted(?: content| stories)?)$/i,
  /** Ad-slot labels left between paragraphs. */
  advertisement:
    /^[-–—\s]*(?:advertisement|advertising|ad|ads|story continues below(?: advertisement)?|continue reading (?:the )?main story|scroll to continue(?: with content)?)[-–—\s]*$/i,
  /** Share and tool prompts, e.g. "print PRINT", "Share this article", "Copy link". */
  sharePrompt:
    /^(?:(?:print|share|tweet|email|e-mail|save|comment|comments|copy link|facebook|twitter|linkedin|whatsapp|reddit)[\s|•·]*)+$|^share (?:this|on|via)\b.{0,40}$|^(?:click|tap) (?:here )?to share\b/i,
  newsletter: /sign up for (?:our|the) .{0,40}newsletter|subscribe to (?:our|the) .{0,40}newsletter|get (?:our|the) .{0,40}newsletter|newsletter sign[- ]?up/i,
  cookieNotice: /(?:we|this (?:web)?site) uses? cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|manage (?:your )?consent/i,
  /** Teasers for other stories: "Read more", "Related articles", "Most read". */
  readMore:
    /^(?:read more|read next|also read|you may also like|most (?:read|popular|viewed)|recommended(?: for you)?|trending(?: now)?|related(?: articles| stories| coverage| posts| content)?|more (?:from|on) [^.:]{1,40})(?:\s*[:|»>›–-].{0,80})?$/i,
  /** Section trails such as "INTERNATIONAL > Europe & Eurasia" (no sentence punctuation, short steps). */
  breadcrumb: /^[^.!?>›»]{1,40}(?:\s[>›»]\s[^.!?>›»]{1,40})+$/,
  /** Icon-sprite titles flattened into text: "ArrowArtboardCreated with Sketch.Title ChevronIcon Facebook…". */
  iconSprite: /Created with Sketch|(?:Icon ?[A-Z][a-z]+){3,}|(?:Title|Artboard) ?Chevron|Chevron ?Title/,
  /** Photo credits standing on their own line. */
  photoCredit: /^(?:photo|image|picture|video|illustration)(?: credit)?s?\s*:|^(?:©|\(c\)|copyright\b)|^\(?(?:getty images|reuters|ap photo|afp|kyodo|epa)\)?$/i,
} as const;

export type BoilerplateKind = keyof typeof BOILERPLATE_PATTERNS;

/**
 * Kinds that are never prose, whatever the paragraph's length. The others only count on short
 * paragraphs, so a long quote that happens to say "subscribe" survives.
 */
export const ALWAYS_BOILERPLATE: ReadonlySet<BoilerplateKind> = new Set(['templatePlaceholder', 'iconSprite']);

/**
 * Kinds that open a boilerplate block (a paywall box, a sponsored module): the short lines after them
 * ("Stay ahead with our exclusives", "Offer ends June 30th") belong to the block until prose resumes.
 */
export const BLOCK_OPENING_BOILERPLATE: ReadonlySet<BoilerplateKind> = new Set([
  'templatePlaceholder',
  'paywall',
  'subscriptionPitch',
  'sponsored',
]);

/** Longer paragraphs are prose even when they match a soft boilerplate pattern. */
export const BOILERPLATE_MAX_CHARS = 300;

/**
 * A paragraph of at least this many words, ending like a sentence, closes a boilerplate block:
 * marketing lines are short, news paragraphs rarely are.
 */
export const PROSE_RESUMES_MIN_WORDS = 25;

/**
 * Class/id/aria tokens of page chrome, grouped by what they are. A node is unlikely content when one of
 * its tokens (class and id split on `-`, `_`, spaces and camelCase, lowercased) is one of these words.
 * Words, not patterns: every element's class is split and looked up, and a set answers at once.
 */
export const UNLIKELY_NODE_HINTS = {
  navigation: ['nav', 'navbar', 'navigation', 'menu', 'menus', 'menubar', 'megamenu', 'masthead', 'skip', 'skiplink', 'pagination', 'pager', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs'],
  chrome: ['header', 'footer', 'sidebar', 'widget', 'widgets', 'toolbar', 'topbar', 'modal', 'popup', 'overlay', 'drawer', 'banner'],
  sharing: ['share', 'shares', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'follow', 'print', 'tools'],
  consent: ['cookie', 'cookies', 'consent', 'gdpr', 'cmp'],
  subscription: ['newsletter', 'newsletters', 'subscribe', 'subscription', 'subscriptions', 'signup', 'paywall', 'regwall', 'piano', 'offer', 'offers'],
  related: ['related', 'recommended', 'recommendations', 'readmore', 'more', 'trending', 'popular', 'mostread', 'outbrain', 'taboola', 'teaser', 'teasers'],
  comments: ['comment', 'comments', 'disqus', 'discussion', 'replies', 'respond'],
  ads: ['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adsbygoogle', 'adslot', 'dfp', 'sponsor', 'sponsors', 'sponsored', 'promo', 'promos', 'promoted', 'promotion', 'commercial'],
  tags: ['tag', 'tags', 'taglist', 'topics', 'keywords'],
  captions: ['caption', 'captions', 'credit', 'credits'],
  screenReaderOnly: ['sr', 'screenreader', 'visually', 'offscreen'],
} as const satisfies Record<string, readonly string[]>;

/** `aria-label` wording of chrome landmarks ("Share this article", "Cookie consent"). */
export const UNLIKELY_ARIA_LABEL = /\b(?:share|social|cookie|consent|newsletter|related|advert\w*|sponsor\w*|breadcrumbs?|menu|navigation|comments?)\b/i;

/** ARIA roles of landmarks that are never the article. */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
  'toolbar',
  'tablist',
]);

/** Class/id of article bodies; such a node is kept even when another token looks like chrome ("article-body share-enabled"). */
export const ARTICLE_BODY_HINT =
  /article-?body|articlebody|story-?body|story-?content|post-?(?:body|content)|entry-?content|article-?(?:content|text)|main-?content|body-?text/i;

/** Elements that never hold article text. */
export const NEVER_CONTENT_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'link',
  'meta',
] as const;

/** Page-chrome elements; removed unless they wrap the article (old sites put everything in one `<form>`). */
export const CHROME_TAGS = ['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'input', 'dialog', 'figcaption'] as const;

/**
 * A chrome-looking node holding at least this share of the page's paragraph text, over at least
 * `PROTECTED_MIN_PARAGRAPHS` paragraphs, is the article's wrapper whatever its class says.
 */
export const PROTECTED_TEXT_SHARE = 0.5;
export const PROTECTED_MIN_PARAGRAPHS = 3;

/**
 * Metadata is stored beside every statement and link of an article, so it is bounded (titles by `MAX_TITLE_CHARS`
 * of shared/fetch): a longer "site name" is not one and is dropped.
 */
export const MAX_SITE_NAME_CHARS = 100;
/** BCP 47's longest well-formed tag. */
export const MAX_LANGUAGE_CHARS = 35;

/** Paragraphs shorter than this do not vote when scoring blocks: bylines, labels, button text. */
export const MIN_SCORED_PARAGRAPH_CHARS = 25;

/** Each full 100 characters of a paragraph adds a point, capped so one long blob does not win alone. */
export const SCORE_CHARS_PER_POINT = 100;
export const MAX_LENGTH_POINTS = 3;

/** A grandparent gets this share of a paragraph's score (Readability's rule: wrappers of the body rank too). */
export const GRANDPARENT_SCORE_SHARE = 0.5;

/** Siblings scoring at least this share of the best block are the same body split by an ad or a paywall slot. */
export const SIBLING_SCORE_SHARE = 0.2;

/** Without `<article>` markup the best block needs this much text; shorter winners are teasers or footers. */
export const MIN_SCORED_BODY_CHARS = 200;

/** List items and table cells shorter than this are menus, tag lists and labels, not body text. */
export const MIN_LIST_ITEM_CHARS = 40;

/** Text sitting loose in a `<div>` (no `<p>`) needs this length to count as a paragraph. */
export const MIN_LOOSE_TEXT_CHARS = 40;

/**
 * Classes of the blockquote a social network's embed code puts in a page (X's, Bluesky's): its static HTML holds the
 * post's text and credit line, which the network's script only restyles.
 */
export const EMBEDDED_POST_CLASSES: ReadonlySet<string> = new Set(['twitter-tweet', 'bluesky-embed']);

/**
 * A post's attachment link left in its text ("… sea wall. pic.twitter.com/Ab12Cd", Bluesky's "[image or embed]"): the
 * attachment is not in the capture, and its link is no part of what was said.
 */
export const POST_ATTACHMENT_LINK = /\s*(?:\bpic\.(?:twitter|x)\.com\/\w+|\[image or embed\])/gi;

/** A paragraph that is mostly link text is a teaser or a link list. */
export const MAX_LINK_DENSITY = 0.5;

/** Titles made from a first sentence are cut at this length (on a word boundary). */
export const TITLE_MAX_CHARS = 120;

/** Plain text: a headline has at least this many words ("International relations" is a section label). */
export const HEADLINE_MIN_WORDS = 3;
export const HEADLINE_MAX_CHARS = 200;

/** Plain text: the body starts at the first line of at least this many words that ends like a sentence. */
export const PROSE_MIN_WORDS = 8;

/** Plain text: a byline is a short name ("Kyodo", "Jane Doe and John Roe"). */
export const BYLINE_MAX_WORDS = 6;
