import type { StoredStatement } from '../../shared/store/index.js';

/** A ledger statement of the watch `treaty` by Vladimir Putin; tests override what they look at. */
export function storedStatement(id: string, overrides: Partial<StoredStatement> = {}): StoredStatement {
  return {
    id,
    watchId: 'treaty',
    speaker: 'Vladimir Putin',
    kind: 'condition',
    polarity: 'positive',
    text: `Statement ${id}`,
    claim: `claim ${id}`,
    publishedAt: `2024-06-0${id.length}T00:00:00.000Z`,
    url: `https://news.example/${id}`,
    urlKey: `key-${id}`,
    status: 'new',
    similarity: 0,
    foundAt: '2024-06-10T00:00:00.000Z',
    ...overrides,
  };
}
