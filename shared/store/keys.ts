import { speakerKey } from '../stances/ledger.js';
import { hashKey } from '../text/index.js';

// The ledger partitions statements by speaker key (a surname) so a speaker's history is one Query.
export { hashKey, speakerKey };

export const itemKeys = {
  article: (urlKey: string) => ({ pk: `ART#${urlKey}`, sk: 'A' }),
  revision: (urlKey: string, seenAt: string) => ({ pk: `ART#${urlKey}`, sk: `REV#${seenAt}` }),
  contentHash: (hash: string) => ({ pk: `HASH#${hash}`, sk: 'H' }),
  /** `bandKey` is `<band>#<bandHash>` (see dedupe's bandKeysOf). */
  band: (bandKey: string, urlKey: string) => ({ pk: `BAND#${bandKey}`, sk: urlKey }),
  urlState: (url: string) => ({ pk: `URL#${hashKey(url)}`, sk: 'V' }),
  watchArticle: (watchId: string, publishedAt: string | undefined, urlKey: string) => ({
    pk: `WATCH#${watchId}`,
    sk: `ART#${publishedAt ?? '0000'}#${urlKey}`,
  }),
  statement: (watchId: string, speaker: string | null, id: string) => ({
    pk: `WATCH#${watchId}`,
    sk: `ST#${speakerKey(speaker)}#${id}`,
  }),
  pending: (watchId: string, id: string) => ({ pk: `WATCH#${watchId}`, sk: `PEND#${id}` }),
  digest: (watchId: string, digestKey: string) => ({ pk: `WATCH#${watchId}`, sk: `DIG#${digestKey}` }),
  watchMark: (watchId: string, urlKey: string) => ({ pk: `WATCH#${watchId}`, sk: `DONE#${urlKey}` }),
  /** Guards a watch's link to an article: the first link's date wins, so a retry under another date adds none. */
  watchLink: (watchId: string, urlKey: string) => ({ pk: `WATCH#${watchId}`, sk: `LINKED#${urlKey}` }),
  sourceHealth: (watchId: string, sourceUrl: string) => ({ pk: `WATCH#${watchId}`, sk: `HEALTH#${hashKey(sourceUrl)}` }),
  articleFailure: (watchId: string, url: string) => ({ pk: `WATCH#${watchId}`, sk: `FAIL#${hashKey(url)}` }),
} as const;
