/** Query parameters that identify a click, not a page. */
const TRACKING_PARAMS = [/^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^mc_[ce]id$/i, /^ocid$/i, /^cmpid$/i, /^ref$/i, /^smid$/i, /^guccounter$/i];

/** Host prefixes of mobile and AMP mirrors of the same page. */
const MIRROR_HOST_PREFIX = /^(www|m|mobile|amp)\./i;

/** Path forms of AMP variants: `/amp/…`, `…/amp`, `….amp.html`. */
const AMP_PATH = [/^\/amp(?=\/)/i, /\/amp\/?$/i, /\.amp(?=\.html?$)/i];

/**
 * The identity of a page: one string for all the URLs that show it.
 * @example canonicalizeUrl('https://m.example.com/a/b/amp/?utm_source=x#top') // 'https://example.com/a/b'
 */
export function canonicalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.trim();
  }
  if (url.protocol === 'file:') return url.href;
  url.hash = '';
  url.protocol = 'https:';
  url.hostname = url.hostname.toLowerCase().replace(MIRROR_HOST_PREFIX, '');
  if (url.port === '443' || url.port === '80') url.port = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.some((pattern) => pattern.test(name))) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  let path = url.pathname;
  for (const pattern of AMP_PATH) path = path.replace(pattern, '');
  url.pathname = path.replace(/\/+$/, '') || '/';
  return url.href.replace(/\/$/, '').replace(/\/\?/, '?');
}
