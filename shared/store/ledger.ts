import type { Ledger, StoredStatement } from '../stances/ledger.js';
import type { LedgerEntry } from '../stances/types.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes, speakerKey, timelineKeys } from './keys.js';
import { knownSpeakersStore } from './known-speakers.js';
import { COUNTED_FLAG, ledgerSummaryStore } from './ledger-summary.js';
import { TABLE_KEYS } from './table.js';

/** The LedgerEntry fields of a statement item (`text` and `kind` are reserved words, hence the names). */
const LEDGER_FIELDS = ['id', 'speaker', 'kind', 'text', 'claim', 'publishedAt', 'url', 'outlet', 'polarity', 'urlKey', 'claimNorm'] as const satisfies readonly (keyof LedgerEntry)[];
const LEDGER_NAMES = Object.fromEntries(LEDGER_FIELDS.map((field) => [`#${field}`, field]));
const LEDGER_PROJECTION = LEDGER_FIELDS.map((field) => `#${field}`).join(', ');

/**
 * A watch's ledger: statements `WATCH#<id>` / `ST#<speakerKey>#<id>` (a speaker's history is one Query, the watch's
 * timeline one GSI Query), their pending-digest markers `PEND#<id>` and the ledger summary (ledger-summary.ts), so
 * judging an article reads its speakers' partitions, the summary's totals and its terms' counts, never the whole
 * ledger. `now` dates a repeat whose article has no date.
 */
export function dynamoLedger(table: DynamoTable, now: () => Date): Ledger {
  const summary = ledgerSummaryStore(table);
  return {
    ...knownSpeakersStore(table),

    listStatements: (watchId, speaker) =>
      table.queryAll<LedgerEntry>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': partitionKeys.watch(watchId),
          ':prefix': speaker === undefined ? sortKeyPrefixes.statement : sortKeyPrefixes.speakerStatements(speaker),
        },
        // Read for every article a watch sees: only what the comparison and the closest statement need.
        ProjectionExpression: LEDGER_PROJECTION,
        ExpressionAttributeNames: LEDGER_NAMES,
      }),

    listRecentStatements: (watchId, limit) =>
      table.queryAll<LedgerEntry>(
        {
          IndexName: TABLE_KEYS.gsi1.name,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': timelineKeys.statements(watchId) },
          ScanIndexForward: false,
          ProjectionExpression: LEDGER_PROJECTION,
          ExpressionAttributeNames: LEDGER_NAMES,
          Limit: limit,
        },
        limit,
      ),

    getSummary: (watchId, terms, speakers) => summary.getSummary(watchId, terms, speakers),

    getTermCounts: (watchId, terms) => summary.getTermCounts(watchId, terms),

    async addStatement(statement) {
      const added = await table.putIfAbsent(statementItem(statement));
      // The pending marker is idempotent on its own, so a crash between the two writes heals on retry. A retry's
      // verdict may differ from the stored one (the ledger moved on), and the marker must say what the ledger says.
      const stored = added ? statement : { ...statement, ...(await storedVerdict(table, statement)) };
      await table.putIfAbsent({ ...itemKeys.pending(statement.watchId, statement.id), type: 'pending', ...stored });
      // Counted last: a crash before it leaves the statement unflagged, and the retry counts it (once).
      await summary.count(statement);
      return added;
    },

    async refreshClaim(watchId, entry, claim, claimNorm) {
      // The condition makes one writer the one that moves the counts, however many articles meet the stale claim.
      const before = await table.updateIfReturning<StoredStatement & Record<string, unknown>>(
        {
          Key: itemKeys.statement(watchId, entry.speaker, entry.id),
          UpdateExpression: 'SET claim = :claim, claimNorm = :norm',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(claimNorm) OR claimNorm <> :norm)',
          ExpressionAttributeValues: { ':claim': claim, ':norm': claimNorm },
        },
        'ALL_OLD',
      );
      if (!before) return false;
      // A statement not counted yet is counted later with the claim it has then.
      if (before[COUNTED_FLAG] && before.claim !== claim) await summary.recount(watchId, before.claim, claim);
      return true;
    },

    async countRepeat(watchId, earlier, source) {
      // Once per restating article: an ADD retried after its answer was lost must not count twice.
      await table.updateIf({
        Key: itemKeys.statement(watchId, earlier.speaker, earlier.id),
        UpdateExpression: 'ADD repeatCount :one, repeatUrls :urls SET lastRepeatedAt = :when, lastRepeatUrl = :url',
        ConditionExpression: 'NOT contains(repeatUrls, :url)',
        ExpressionAttributeValues: { ':one': 1, ':urls': new Set([source.url]), ':when': source.publishedAt ?? now().toISOString(), ':url': source.url },
      });
    },

    listPending: (watchId) => table.queryPrefix<StoredStatement>(partitionKeys.watch(watchId), sortKeyPrefixes.pending),

    async clearPending(watchId, statementIds) {
      await table.batchWriteAll(statementIds.map((id) => ({ DeleteRequest: { Key: itemKeys.pending(watchId, id) } })));
    },

    listTimeline: (watchId) =>
      table.queryAll<StoredStatement>({
        IndexName: TABLE_KEYS.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': timelineKeys.statements(watchId) },
      }),
  };
}

/** The verdict fields of a statement as first stored. */
const VERDICT_FIELDS = ['status', 'closestId', 'closest', 'similarity', 'foundAt'] as const satisfies readonly (keyof StoredStatement)[];

async function storedVerdict(table: DynamoTable, statement: StoredStatement): Promise<Partial<StoredStatement>> {
  const item = await table.get<StoredStatement>(itemKeys.statement(statement.watchId, statement.speaker, statement.id));
  return item ? Object.fromEntries(VERDICT_FIELDS.map((field) => [field, item[field]])) : {};
}

/** A statement's item: its ledger key, its place in the watch's timeline (GSI1) and the copies `query` filters on. */
export function statementItem(statement: StoredStatement) {
  return {
    ...itemKeys.statement(statement.watchId, statement.speaker, statement.id),
    type: 'statement',
    ...timelineKeys.statement(statement.watchId, statement.publishedAt ?? statement.foundAt, statement.id),
    speakerKey: speakerKey(statement.speaker),
    ...statement,
    // A lower-case copy for the case-insensitive text filter of `query` (see queries.ts).
    textLc: statement.text.toLowerCase(),
  };
}
