import type { UrlState, UrlStateStore } from '../pipeline/ports.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys } from './keys.js';

/** A page's or source's fetch state, `URL#<hash of url>` / `V`: its validators, failures in a row and why it was skipped. */
export function dynamoUrlState(table: DynamoTable): UrlStateStore {
  return {
    getUrlState: (url) => table.get<UrlState>(itemKeys.urlState(url)),

    async putUrlState(url, state) {
      await table.put({ ...itemKeys.urlState(url), type: 'url', url, ...state });
    },
  };
}
