import type { UrlState, UrlStateStore } from '../pipeline/ports.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys } from './keys.js';
import { TTL_ATTRIBUTE, expiryAfter, isExpired } from './ttl.js';

/**
 * A URL's state is written every time the URL is read, so one untouched this long is a page no source lists any more
 * (dropped from its feed, or gone with a 404 and no longer linked). Several times the longest sensible schedule; a
 * state that expires under a URL still read costs one unconditional GET and a failure count started again.
 */
export const URL_STATE_TTL_DAYS = 90;

/**
 * A page's or source's fetch state, `URL#<hash of url>` / `V`: its validators, failures in a row and why it was skipped.
 * Each write pushes its expiry `URL_STATE_TTL_DAYS` ahead (see ttl.ts); an expired state reads as none.
 */
export function dynamoUrlState(table: DynamoTable, now: () => Date): UrlStateStore {
  return {
    async getUrlState(url) {
      const item = await table.get<UrlState & Record<string, unknown>>(itemKeys.urlState(url));
      return isExpired(item, now()) ? undefined : item;
    },

    async putUrlState(url, state) {
      await table.put({ ...itemKeys.urlState(url), type: 'url', url, ...state, [TTL_ATTRIBUTE]: expiryAfter(now(), URL_STATE_TTL_DAYS) });
    },
  };
}
