/**
 * Every key of the archive table: the one place that spells a key prefix. Every item has `pk`/`sk`; the ledger's
 * statements and the digests also carry `gsi1pk`/`gsi1sk` (the table itself is defined in table.ts).
 *
 * | item               | pk                    | sk                           | access pattern                              |
 * | ------------------ | --------------------- | ---------------------------- | ------------------------------------------- |
 * | article            | `ART#<urlKey>`        | `A`                          | get by canonical URL (dedupe)               |
 * | revision           | `ART#<urlKey>`        | `REV#<seenAt>`               | revisions of an article, with a word diff   |
 * |                    |                       |                              | (TTL past the newest 50)                    |
 * | revision index     | `ART#<urlKey>`        | `RIDX`                       | the kept revisions' `seenAt`, oldest first  |
 * | content hash owner | `HASH#<contentHash>`  | `H`                          | same text at another URL (syndication)      |
 * | LSH band           | `BAND#<i>#<bandHash>` | `<urlKey>`                   | near-duplicate candidates, 1 Query per band |
 * |                    |                       |                              | (TTL: the near-duplicate window)            |
 * | fetch state        | `URL#<hash of url>`   | `V`                          | conditional GET, failures, skip reason (TTL)|
 * | host page          | `HOST#<host>`         | `PAGE#<hash of url>`         | a site's recurring boilerplate (TTL)        |
 * | host slot          | `HOST#<host:port>`    | `PACE`                       | the host's next free start, for the fleet   |
 * |                    |                       |                              | (TTL a day after its last reservation)      |
 * | watch article      | `WATCH#<id>`          | `ART#<publishedAt>#<urlKey>` | articles of a watch, newest first           |
 * | link guard         | `WATCH#<id>`          | `LINKED#<urlKey>`            | one link per article, the first date wins   |
 * | watch mark         | `WATCH#<id>`          | `DONE#<urlKey>`              | which text of an article a watch has read   |
 * | ledger statement   | `WATCH#<id>`          | `ST#<speakerKey>#<stanceId>` | earlier statements of a speaker             |
 * |   (GSI1)           | `WATCH#<id>#ST`       | `<publishedAt>#<stanceId>`   | a watch's statements by date                |
 * | ledger summary     | `WATCH#<id>#SUM`      | `SUM`                        | the ledger's statement count                |
 * | term count         | `WATCH#<id>#DF`       | `<claim term>`               | ledger statements holding the term (IDF)    |
 * | speaker labels     | `WATCH#<id>#SPK`      | `<word of a label>`          | the ledger's speaker labels with that word  |
 * | known speaker      | `WATCH#<id>#WHO`      | `<speaker label>`            | a speaker's fullest role and principal      |
 * | pending for digest | `WATCH#<id>`          | `PEND#<stanceId>`            | what the next digest holds                  |
 * | digest             | `WATCH#<id>`          | `DIG#<digestKey>`            | digests made (idempotency)                  |
 * |   (GSI1)           | `WATCH#<id>#DIG`      | `<createdAt>#<digestKey>`    | a watch's digests, newest first (its feed)  |
 * | source health      | `WATCH#<id>`          | `HEALTH#<hash of url>`       | unhealthy or recovered sources, until told  |
 * | article failure    | `WATCH#<id>`          | `FAIL#<hash of url>`         | failing articles, until they go through     |
 * | pushed watch       | `CONFIG#WATCHES`      | `WATCH#<id>`                 | the watches the deployed functions read,    |
 * |                    |                       |                              | one Query (`stancewatch watches push`)      |
 * | watches meta       | `CONFIG#WATCHES`      | `META`                       | revision, pushedAt, watch ids, config hash: |
 * |                    |                       |                              | the push's claim and what a cache compares  |
 */
import { speakerKey } from '../stances/ledger.js';
import { hashKey } from '../text/index.js';
import { TABLE_KEYS } from './table.js';

// The ledger partitions statements by speaker key (a surname) so a speaker's history is one Query.
export { hashKey, speakerKey };

/** Partition keys, for the queries that read a partition (or part of one). */
export const partitionKeys = {
  article: (urlKey: string) => `ART#${urlKey}`,
  /** `bandKey` is `<band>#<bandHash>` (see dedupe's bandKeysOf). */
  band: (bandKey: string) => `BAND#${bandKey}`,
  host: (host: string) => `HOST#${host}`,
  watch: (watchId: string) => `WATCH#${watchId}`,
  /** The pushed watches config: one small partition, read whole by the deployed functions. */
  watchConfig: 'CONFIG#WATCHES',
} as const;

/** Sort-key prefixes: a `begins_with` on one reads one kind of item of a partition. */
export const sortKeyPrefixes = {
  revision: 'REV#',
  hostPage: 'PAGE#',
  watchArticle: 'ART#',
  /** All of a watch's statements; `speakerStatements` narrows to one speaker. */
  statement: 'ST#',
  speakerStatements: (speaker: string | null) => `ST#${speakerKey(speaker)}#`,
  pending: 'PEND#',
  sourceHealth: 'HEALTH#',
  articleFailure: 'FAIL#',
  /** The pushed watches of the `CONFIG#WATCHES` partition (not its META). */
  watchConfig: 'WATCH#',
} as const;

export const itemKeys = {
  article: (urlKey: string) => ({ pk: partitionKeys.article(urlKey), sk: 'A' }),
  revision: (urlKey: string, seenAt: string) => ({ pk: partitionKeys.article(urlKey), sk: `${sortKeyPrefixes.revision}${seenAt}` }),
  revisionIndex: (urlKey: string) => ({ pk: partitionKeys.article(urlKey), sk: 'RIDX' }),
  contentHash: (hash: string) => ({ pk: `HASH#${hash}`, sk: 'H' }),
  band: (bandKey: string, urlKey: string) => ({ pk: partitionKeys.band(bandKey), sk: urlKey }),
  urlState: (url: string) => ({ pk: `URL#${hashKey(url)}`, sk: 'V' }),
  /** Politeness across processes: the host's next free start (host-slots.ts); keyed `hostname:port` as the pacer is. */
  hostSlot: (host: string) => ({ pk: partitionKeys.host(host), sk: 'PACE' }),
  hostPage: (host: string, pageKey: string) => ({ pk: partitionKeys.host(host), sk: `${sortKeyPrefixes.hostPage}${hashKey(pageKey)}` }),
  watchArticle: (watchId: string, publishedAt: string | undefined, urlKey: string) => ({
    pk: partitionKeys.watch(watchId),
    sk: `${sortKeyPrefixes.watchArticle}${publishedAt ?? '0000'}#${urlKey}`,
  }),
  statement: (watchId: string, speaker: string | null, id: string) => ({
    pk: partitionKeys.watch(watchId),
    sk: `${sortKeyPrefixes.speakerStatements(speaker)}${id}`,
  }),
  pending: (watchId: string, id: string) => ({ pk: partitionKeys.watch(watchId), sk: `${sortKeyPrefixes.pending}${id}` }),
  /** The ledger summary's totals: its own partition, so counting a statement is not a write to the watch's. */
  ledgerSummary: (watchId: string) => ({ pk: `${partitionKeys.watch(watchId)}#SUM`, sk: 'SUM' }),
  /** A claim term's document frequency: one small item per term, so a read takes only the terms it needs. */
  termCount: (watchId: string, term: string) => ({ pk: `${partitionKeys.watch(watchId)}#DF`, sk: term }),
  /** The speaker labels holding a word (`labelWords`): one small item per word, so a read takes a name's labels only. */
  speakerLabels: (watchId: string, word: string) => ({ pk: `${partitionKeys.watch(watchId)}#SPK`, sk: word }),
  /** What the watch's articles said of a speaker (known-speakers.ts): the fullest role and principal given. */
  knownSpeaker: (watchId: string, speaker: string) => ({ pk: `${partitionKeys.watch(watchId)}#WHO`, sk: speaker }),
  digest: (watchId: string, digestKey: string) => ({ pk: partitionKeys.watch(watchId), sk: `DIG#${digestKey}` }),
  watchMark: (watchId: string, urlKey: string) => ({ pk: partitionKeys.watch(watchId), sk: `DONE#${urlKey}` }),
  /** Guards a watch's link to an article: the first link's date wins, so a retry under another date adds none. */
  watchLink: (watchId: string, urlKey: string) => ({ pk: partitionKeys.watch(watchId), sk: `LINKED#${urlKey}` }),
  sourceHealth: (watchId: string, sourceUrl: string) => ({ pk: partitionKeys.watch(watchId), sk: `${sortKeyPrefixes.sourceHealth}${hashKey(sourceUrl)}` }),
  articleFailure: (watchId: string, url: string) => ({ pk: partitionKeys.watch(watchId), sk: `${sortKeyPrefixes.articleFailure}${hashKey(url)}` }),
  /** One pushed watch (watch-config.ts); its partition is the config's, not the watch's own. */
  watchConfig: (watchId: string) => ({ pk: partitionKeys.watchConfig, sk: `${sortKeyPrefixes.watchConfig}${watchId}` }),
  watchesMeta: () => ({ pk: partitionKeys.watchConfig, sk: 'META' }),
} as const;

/** GSI1 keys: a watch's statements by date, and its digests by date. */
export const timelineKeys = {
  statements: (watchId: string) => `WATCH#${watchId}#ST`,
  statement: (watchId: string, date: string, id: string) => ({
    [TABLE_KEYS.gsi1.partitionKey]: timelineKeys.statements(watchId),
    [TABLE_KEYS.gsi1.sortKey]: `${date}#${id}`,
  }),
  digests: (watchId: string) => `WATCH#${watchId}#DIG`,
  digest: (watchId: string, createdAt: string, digestKey: string) => ({
    [TABLE_KEYS.gsi1.partitionKey]: timelineKeys.digests(watchId),
    [TABLE_KEYS.gsi1.sortKey]: `${createdAt}#${digestKey}`,
  }),
} as const;
