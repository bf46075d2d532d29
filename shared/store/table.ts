/**
 * The single-table design of the archive, shared by the local embedded store and the CDK stack so
 * both always agree. Every item has `pk`/`sk`; timeline items also carry `gsi1pk`/`gsi1sk`.
 *
 * | item               | pk                    | sk                                | access pattern                      |
 * | ------------------ | --------------------- | --------------------------------- | ----------------------------------- |
 * | article            | `ART#<urlKey>`        | `A`                               | get by canonical URL                |
 * | revision           | `ART#<urlKey>`        | `REV#<seenAt>`                    | revisions of an article             |
 * | content hash owner | `HASH#<contentHash>`  | `H`                               | same text at another URL            |
 * | LSH band           | `BAND#<i>#<bandHash>` | `<urlKey>`                        | near-duplicate candidates, 1 Query/band |
 * | fetch validators   | `URL#<urlKey>`        | `V`                               | conditional GET, source health      |
 * | watch membership   | `WATCH#<id>`          | `ART#<publishedAt>#<urlKey>`      | articles of a watch by date         |
 * | ledger statement   | `WATCH#<id>`          | `ST#<speakerKey>#<stanceId>`      | earlier statements of a speaker     |
 * |   (GSI1)           | `WATCH#<id>#ST`       | `<publishedAt>#<stanceId>`        | a watch's statements by date        |
 * | pending for digest | `WATCH#<id>`          | `PEND#<stanceId>`                 | what the next digest holds          |
 * | digest             | `WATCH#<id>`          | `DIG#<digestKey>`                 | digests sent (idempotency)          |
 * |   (GSI1)           | `WATCH#<id>#DIG`      | `<createdAt>#<digestKey>`         | a watch's digests, newest first     |
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Epoch seconds; DynamoDB TTL deletes transient items in AWS (dynalite ignores it). */
  ttlAttribute: 'expiresAt',
} as const;

/** Default table name of local runs. */
export const LOCAL_TABLE_NAME = 'stancewatch-archive';
