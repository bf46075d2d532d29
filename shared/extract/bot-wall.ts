/**
 * Recognises the pages that bot-protection services put in front of a site instead of its content: a JavaScript
 * challenge, a captcha or a block page. Such a page is not "no article": the site is there but will not talk to
 * us, which a reader of the digest needs to know (source health), and retrying in a minute will not help.
 */

/** Vendor markers: each is specific enough that an article about captchas does not match it. */
const BOT_WALL_MARKERS: ReadonlyArray<{ pattern: RegExp; vendor: string }> = [
  { pattern: /<title>\s*Just a moment\.\.\.\s*<\/title>|cf-browser-verification|challenges\.cloudflare\.com|cf_chl_opt|\/cdn-cgi\/challenge-platform\//i, vendor: 'Cloudflare challenge' },
  { pattern: /<title>\s*Attention Required! \| Cloudflare\s*<\/title>/i, vendor: 'Cloudflare block page' },
  { pattern: /captcha-delivery\.com/i, vendor: 'DataDome captcha' },
  { pattern: /id="px-captcha"|\/px\/captcha\//i, vendor: 'PerimeterX/HUMAN challenge' },
  { pattern: /_Incapsula_Resource|incapsula incident id/i, vendor: 'Imperva/Incapsula block' },
  { pattern: /<title>\s*Access Denied\s*<\/title>[\s\S]{0,2000}Reference\s*#[\d.a-f]+/i, vendor: 'Akamai access denied' },
  { pattern: /<title>\s*Human Verification\s*<\/title>/i, vendor: 'captcha page' },
];

/**
 * Phrases and captcha widgets of generic captcha pages; only counted on a page too short to be an article, since
 * articles embed reCAPTCHA in their comment and newsletter forms.
 */
const GENERIC_MARKERS = /verify (?:that )?you are (?:a )?human|are you a robot\??|please complete the security check|enable javascript and cookies to continue|unusual traffic from your computer network|www\.google\.com\/recaptcha\/api|hcaptcha\.com\/1\/api\.js/i;

/** A challenge page carries little visible text; a news article that mentions captchas carries a lot. */
const SHORT_PAGE_TEXT_CHARS = 2_000;

/** How much of a page is searched: every marker sits in the head or the first screen. */
const SCAN_CHARS = 64 * 1024;

/**
 * The kind of bot wall `html` is, or `undefined` for an ordinary page.
 *
 * @example
 * detectBotWall('<html><head><title>Just a moment...</title>…') // → 'Cloudflare challenge'
 * detectBotWall(articleHtml) // → undefined
 */
export function detectBotWall(html: string): string | undefined {
  const head = html.slice(0, SCAN_CHARS);
  const marker = BOT_WALL_MARKERS.find(({ pattern }) => pattern.test(head));
  if (marker) return marker.vendor;
  return GENERIC_MARKERS.test(head) && visibleTextLength(head) < SHORT_PAGE_TEXT_CHARS ? 'captcha page' : undefined;
}

function visibleTextLength(html: string): number {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;
}
