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
 * Every attribute of a `UrlState` but `readBy`, each set when the state has it and removed when not: a write replaces
 * the state as a put would (a cleared `lastError` goes), while `readBy` is added to.
 */
const REPLACED_FIELDS = [
  'validators',
  'lastFetchedAt',
  'lastError',
  'consecutiveFailures',
  'emptyRuns',
  'lastSkipReason',
  'firstSeenAt',
  'itemGuid',
  'itemUpdated',
] as const satisfies ReadonlyArray<Exclude<keyof UrlState, 'readBy'>>;

type StoredUrlState = Omit<UrlState, 'readBy'> & { readBy?: Set<string> } & Record<string, unknown>;

/**
 * A page's or source's fetch state, `URL#<hash of url>` / `V`: its validators, failures in a row, why it was skipped,
 * and a source's readers (a string set, added to). Each write pushes its expiry `URL_STATE_TTL_DAYS` ahead (see
 * ttl.ts); an expired state reads as none.
 */
export function dynamoUrlState(table: DynamoTable, now: () => Date): UrlStateStore {
  return {
    async getUrlState(url) {
      const item = await table.get<StoredUrlState>(itemKeys.urlState(url));
      if (!item || isExpired(item, now())) return undefined;
      const { readBy, ...state } = item;
      return readBy ? { ...state, readBy: [...readBy].sort() } : state;
    },

    async putUrlState(url, state) {
      await table.update({ Key: itemKeys.urlState(url), ...urlStateUpdate(url, state, expiryAfter(now(), URL_STATE_TTL_DAYS)) });
    },
  };
}

/** One UpdateItem: SET what the state has, REMOVE what it lacks, ADD its readers to the stored set. */
function urlStateUpdate(url: string, state: UrlState, expiresAt: number) {
  const names: Record<string, string> = { '#type': 'type', '#url': 'url', '#ttl': TTL_ATTRIBUTE };
  const values: Record<string, unknown> = { ':type': 'url', ':url': url, ':ttl': expiresAt };
  const set = ['#type = :type', '#url = :url', '#ttl = :ttl'];
  const remove: string[] = [];
  for (const field of REPLACED_FIELDS) {
    names[`#${field}`] = field;
    if (state[field] === undefined) {
      remove.push(`#${field}`);
    } else {
      values[`:${field}`] = state[field];
      set.push(`#${field} = :${field}`);
    }
  }
  let expression = `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`;
  // DynamoDB has no empty set: a state without readers leaves the stored ones as they are.
  if (state.readBy && state.readBy.length > 0) {
    names['#readBy'] = 'readBy';
    values[':readBy'] = new Set(state.readBy);
    expression += ' ADD #readBy :readBy';
  }
  return { UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
