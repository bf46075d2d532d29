/**
 * The single-table design of the archive, shared by the local embedded store and the CDK stack so both always
 * agree. Every item has `pk`/`sk`; timeline items also carry `gsi1pk`/`gsi1sk`. The keys of each item, and the
 * table of them, are in keys.ts.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: {
    name: 'gsi1',
    partitionKey: 'gsi1pk',
    sortKey: 'gsi1sk',
    /**
     * What GSI1 copies besides the keys: the attributes its Queries read or filter on, and no others. Statements:
     * `query --stances` (queries.ts), the timeline and the recent window of the ledger (ledger.ts). Digests: the feed
     * (digests.ts `listDigests`). Left out, among others: `repeatUrls`, which grows with every restatement, write
     * tokens, `counted`, a digest's delivery bookkeeping; so the index stays small, and a write that changes only
     * those is not copied to it. tests/integration runs every query against a table projected this way.
     */
    projected: [
      // statements
      'id', 'speaker', 'kind', 'polarity', 'status', 'withdrawn', 'text', 'textLc', 'claim', 'publishedAt', 'foundAt',
      'paragraphIndex', 'url', 'outlet', 'closest', 'repeatCount',
      // digests (`status` and `text` too)
      'digestKey', 'subject', 'createdAt', 'html',
    ],
  },
  /** Epoch seconds; DynamoDB TTL deletes transient items in AWS (dynalite ignores it: see ttl.ts). */
  ttlAttribute: 'expiresAt',
} as const;

/** Default table name of local runs. */
export const LOCAL_TABLE_NAME = 'stancewatch-archive';
