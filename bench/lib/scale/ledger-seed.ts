/**
 * Seeds a watch's ledger with `size` statements in the store's own format, as if the pipeline had recorded them
 * over the years: statement items as `statementItem` writes them (flagged counted), and the ledger summary's totals
 * and term counts as the store builds them (`ledgerSummaryItems`), so the first article reads a ready summary instead
 * of backfilling it.
 * Written with BatchWriteItem straight to dynalite, past the meter: seeding is not what is measured.
 *
 * The ledger's shape, the same at every size, so only its length changes between sizes:
 * - statements one an hour (a busy watch), the newest just before the measured articles;
 * - spread evenly over `size / STATEMENTS_PER_SPEAKER` speakers, a tenth unattributed;
 * - claims of `TERMS_PER_CLAIM` terms drawn from a Zipf-shaped vocabulary of `vocabulary` terms, so the distinct
 *   terms the summary counts grow with the ledger as a real vocabulary does (Heaps' law).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { seededRandom } from '../../../support/prng.js';
import { countedTokens, type StoredStatement } from '../../../shared/stances/ledger.js';
import { dynamoTable, type WriteRequest } from '../../../shared/store/dynamo-table.js';
import { hashKey } from '../../../shared/store/keys.js';
import { COUNTED_FLAG, ledgerSummaryItems } from '../../../shared/store/ledger-summary.js';
import { statementItem } from '../../../shared/store/ledger.js';
import { claimNormOf } from '../../../shared/pipeline/claim-refresh.js';
import { speakerName, zipfTerms } from './words.js';

/** Each speaker has about this many earlier statements, at every ledger size. */
export const STATEMENTS_PER_SPEAKER = 50;
/** Ledger speakers are numbered from here, apart from the fleet coverage's cast. */
export const LEDGER_SPEAKER_OFFSET = 1_000;
const UNATTRIBUTED_SHARE = 0.1;
const TERMS_PER_CLAIM = 8;
const STATEMENT_INTERVAL_MS = 3_600_000;
/** BatchWriteItem calls in flight while seeding. */
const SEED_CONCURRENCY = 6;
const SEED_CHUNK = 500;

export function ledgerSpeakers(size: number): number {
  return Math.max(1, Math.round(size / STATEMENTS_PER_SPEAKER));
}

/** The seeded statements of `watchId`, oldest first, the newest an hour before `now`. */
export function seededStatements(watchId: string, size: number, vocabulary: number, now: Date): StoredStatement[] {
  const random = seededRandom(size);
  const speakers = ledgerSpeakers(size);
  return Array.from({ length: size }, (_, index) => {
    const publishedAt = new Date(now.getTime() - (size - index) * STATEMENT_INTERVAL_MS).toISOString();
    const claim = zipfTerms(random, vocabulary, TERMS_PER_CLAIM).join(' ');
    const speaker = random() < UNATTRIBUTED_SHARE ? null : speakerName(LEDGER_SPEAKER_OFFSET + (index % speakers));
    const url = `https://archive.example/${watchId}/${index}`;
    return {
      id: hashKey(`${watchId}#${index}`),
      watchId,
      speaker,
      kind: 'condition',
      polarity: 'positive',
      text: `${speaker ?? 'Officials'} said the terms were ${claim}.`,
      claim,
      // Written by the current normalisation (the fleet's watches have no synonyms): nothing to rewrite.
      claimNorm: claimNormOf({}),
      publishedAt,
      url,
      urlKey: hashKey(url),
      outlet: 'Archive',
      status: 'new',
      similarity: 0,
      foundAt: publishedAt,
    } satisfies StoredStatement;
  });
}

/** Writes the ledger and its summary; answers the distinct terms the summary counts. */
export async function seedLedger(client: DynamoDBClient, tableName: string, watchId: string, statements: StoredStatement[]): Promise<{ terms: number }> {
  const table = dynamoTable(client, tableName);
  const requests: WriteRequest[] = statements.map((statement) => ({ PutRequest: { Item: { ...statementItem(statement), [COUNTED_FLAG]: true } } }));
  const chunks = Array.from({ length: Math.ceil(requests.length / SEED_CHUNK) }, (_, index) => requests.slice(index * SEED_CHUNK, (index + 1) * SEED_CHUNK));
  const next = async (): Promise<void> => {
    const chunk = chunks.shift();
    if (!chunk) return;
    await table.batchWriteAll(chunk);
    return next();
  };
  const summary = ledgerSummaryItems(watchId, statements).map((Item) => ({ PutRequest: { Item } }));
  for (let start = 0; start < summary.length; start += SEED_CHUNK) chunks.push(summary.slice(start, start + SEED_CHUNK));
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, next));
  return { terms: new Set(statements.flatMap((statement) => countedTokens(statement.claim))).size };
}
