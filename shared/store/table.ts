/**
 * The single-table design of the archive, shared by the local embedded store and the CDK stack so both always
 * agree. Every item has `pk`/`sk`; timeline items also carry `gsi1pk`/`gsi1sk`. The keys of each item, and the
 * table of them, are in keys.ts.
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
