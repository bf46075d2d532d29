/**
 * Reads a whole archive table and compares it with a reference archive, story by story.
 *
 * What is compared, and why by story: after a crash or a failed page, articles are read in another
 * order, so which copy of a syndicated story is archived in full (and which are stubs pointing at it)
 * may change, and with it the `urlKey` in statement ids. Each archived URL is therefore mapped to its
 * corpus story, and the comparison keys are:
 *
 * - articles: every canonical URL of the reference exists; each story has exactly one full article;
 * - statements: (watch, story, normalized text) exists once, and every reference one exists;
 * - links and read marks: (watch, story) exists once;
 * - digests: each digest (watch + set of statement ids) delivered at most once and as its record describes it (the
 *   same subject), no statement delivered in two digests, and no statement that is not a repeat left undelivered,
 *   but for the digests a pass killed mid-delivery left `sending` (at most once withholds them: they may have gone
 *   out), which are listed apart;
 * - the ledger summary (`WATCH#<id>#SUM` and its term counts `WATCH#<id>#DF`): it counts no statement of its watch's
 *   ledger twice (their number and claim terms), whatever was retried or killed mid-way. It may count fewer: a
 *   statement is flagged before it is counted, so a write lost in between under-counts it by design (ledger-summary.ts).
 *
 * Not compared: a statement's status (new/changed/repeat) and its `closest`, which follow the order the
 * ledger learned statements in; the known speakers (`WATCH#<id>#WHO`), which keep the fullest role and principal
 * whatever the order; article texts' learned boilerplate; fetch state; other counters; the revision index (`RIDX`); failing-article records (`FAIL#`), which are
 * bookkeeping: their writes may be lost under faults without losing an article.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeText } from '../../shared/dedupe/index.js';
import { summarizeLedger } from '../../shared/stances/ledger.js';
import { isAlertable } from '../../shared/stances/index.js';
import { documentClient } from '../../shared/store/index.js';
import { summaryFromItems } from '../../shared/store/ledger-summary.js';
import type { ArchivedArticle, DigestRecord, StoredStatement, WatchArticleLink } from '../../shared/store/types.js';
import type { RecordedDelivery } from './recording-notifier.js';

/** Item kinds by key shape; anything else is an item the design does not know. */
const KNOWN_KINDS = ['article', 'revision', 'revision-index', 'hash', 'band', 'url', 'host-page', 'watch-article', 'watch-link', 'statement', 'ledger-summary', 'term-count', 'speaker-labels', 'known-speaker', 'pending', 'digest', 'watch-mark', 'source-health', 'article-failure'] as const;
type ItemKind = (typeof KNOWN_KINDS)[number] | 'unknown';

type Item = Record<string, unknown> & { pk: string; sk: string };

export interface ArchiveSnapshot {
  items: Item[];
  byKind: Partial<Record<ItemKind, Item[]>>;
}

export async function scanArchive(client: DynamoDBClient, tableName: string): Promise<ArchiveSnapshot> {
  const doc = documentClient(client);
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  const byKind: ArchiveSnapshot['byKind'] = {};
  for (const item of items) (byKind[kindOf(item)] ??= []).push(item);
  return { items, byKind };
}

function kindOf({ pk, sk }: Item): ItemKind {
  if (pk.startsWith('ART#')) return sk === 'A' ? 'article' : sk === 'RIDX' ? 'revision-index' : sk.startsWith('REV#') ? 'revision' : 'unknown';
  if (pk.startsWith('HASH#')) return 'hash';
  if (pk.startsWith('BAND#')) return 'band';
  if (pk.startsWith('URL#')) return 'url';
  if (pk.startsWith('HOST#')) return 'host-page';
  if (!pk.startsWith('WATCH#')) return 'unknown';
  if (pk.endsWith('#SUM')) return sk === 'SUM' ? 'ledger-summary' : 'unknown';
  if (pk.endsWith('#DF')) return 'term-count';
  if (pk.endsWith('#SPK')) return 'speaker-labels';
  if (pk.endsWith('#WHO')) return 'known-speaker';
  const prefixes: Array<[string, ItemKind]> = [
    ['ART#', 'watch-article'],
    ['LINKED#', 'watch-link'],
    ['ST#', 'statement'],
    ['PEND#', 'pending'],
    ['DIG#', 'digest'],
    ['DONE#', 'watch-mark'],
    ['HEALTH#', 'source-health'],
    ['FAIL#', 'article-failure'],
  ];
  return prefixes.find(([prefix]) => sk.startsWith(prefix))?.[1] ?? 'unknown';
}

export interface Comparison {
  /** Reference articles, statements, links and read marks missing. */
  lost: number;
  /** The same story in full twice, the same statement twice, a link or mark twice, items of unknown kinds. */
  duplicates: number;
  /** Deliveries of a digest (watch + statement ids) beyond the first, plus statements delivered in two digests. */
  digestsTwice: number;
  /** Statements that are not repeats and went out in no digest; pending markers and digests left open. */
  undelivered: number;
  /**
   * Digests a pass killed mid-delivery left `sending`, with their statements: at most once never resends a digest
   * that may have gone out, so they are withheld by design, not lost (see `killedWhileSending`).
   */
  withheld: string[];
  details: string[];
}

/** Keys of the story-level view of an archive. */
interface StoryView {
  canonicalUrls: Set<string>;
  fullArticles: Map<string, number>;
  statements: Map<string, number>;
  links: Map<string, number>;
  marks: Map<string, number>;
}

export function compareArchives(
  reference: ArchiveSnapshot,
  chaos: ArchiveSnapshot,
  deliveries: RecordedDelivery[],
  storyOf: (canonicalUrl: string) => string | undefined,
  /** Clocks of passes killed after they began claiming digests: a digest such a pass left `sending` is withheld. */
  killedWhileSending: string[] = [],
): Comparison {
  const details: string[] = [];
  const expected = storyView(reference, storyOf);
  const actual = storyView(chaos, storyOf);
  const missing = (label: string, want: Map<string, number> | Set<string>, have: Map<string, number> | Set<string>) =>
    [...want.keys()].filter((key) => !have.has(key)).map((key) => `lost ${label}: ${key}`);
  const twice = (label: string, have: Map<string, number>) =>
    [...have].filter(([, count]) => count > 1).map(([key, count]) => `${label} ${count}×: ${key}`);

  const lost = [
    ...missing('article', expected.canonicalUrls, actual.canonicalUrls),
    ...missing('story', expected.fullArticles, actual.fullArticles),
    ...missing('statement', expected.statements, actual.statements),
    ...missing('link', expected.links, actual.links),
    ...missing('read mark', expected.marks, actual.marks),
  ];
  const unknownKinds = (chaos.byKind.unknown ?? []).map((item) => `unknown item ${item.pk} ${item.sk}`);
  const extras = [...actual.statements.keys()].filter((key) => !expected.statements.has(key)).map((key) => `statement not in the reference: ${key}`);
  const duplicates = [
    ...twice('full article of story', actual.fullArticles),
    ...twice('statement', actual.statements),
    ...twice('link', actual.links),
    ...twice('read mark', actual.marks),
    ...unknownKinds,
    ...extras,
    ...summaryMismatches(chaos),
  ];
  const digests = compareDeliveries(chaos, deliveries, new Set(killedWhileSending));
  details.push(...lost, ...duplicates, ...digests.twice, ...digests.undelivered);
  return {
    lost: lost.length,
    duplicates: duplicates.length,
    digestsTwice: digests.twice.length,
    undelivered: digests.undelivered.length,
    withheld: digests.withheld,
    details,
  };
}

function storyView(snapshot: ArchiveSnapshot, storyOf: (canonicalUrl: string) => string | undefined): StoryView {
  const articles = (snapshot.byKind.article ?? []) as unknown as ArchivedArticle[];
  const storyOfKey = new Map(articles.map((article) => [article.urlKey, storyOf(article.canonicalUrl) ?? `unknown:${article.canonicalUrl}`]));
  const story = (urlKey: string) => storyOfKey.get(urlKey) ?? `no-article:${urlKey}`;
  const count = (keys: string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());
  const statements = (snapshot.byKind.statement ?? []) as unknown as StoredStatement[];
  const links = (snapshot.byKind['watch-article'] ?? []) as unknown as WatchArticleLink[];
  const marks = snapshot.byKind['watch-mark'] ?? [];
  return {
    canonicalUrls: new Set(articles.map((article) => article.canonicalUrl)),
    fullArticles: count(articles.filter((article) => !article.duplicateOf).map((article) => story(article.urlKey))),
    statements: count(statements.map((statement) => `${statement.watchId} | ${story(statement.urlKey)} | ${normalizeText(statement.text)}`)),
    links: count(links.map((link) => `${link.watchId} | ${story(link.urlKey)}`)),
    marks: count(marks.map((mark) => `${mark.pk.slice('WATCH#'.length)} | ${story(mark.sk.slice('DONE#'.length))}`)),
  };
}

/**
 * Each watch's summary against its ledger: a statement counted twice shows as a count above the ledger's. One below
 * is not a fault (see the header): a write lost after a statement was flagged counted leaves it under-counted.
 */
function summaryMismatches(snapshot: ArchiveSnapshot): string[] {
  const statements = (snapshot.byKind.statement ?? []) as unknown as StoredStatement[];
  const items = [...(snapshot.byKind['ledger-summary'] ?? []), ...(snapshot.byKind['term-count'] ?? [])];
  return [...new Set(statements.map((statement) => statement.watchId))].flatMap((watchId) => {
    const want = summarizeLedger(statements.filter((statement) => statement.watchId === watchId));
    const have = summaryFromItems(items.filter((item) => item.pk === `WATCH#${watchId}#SUM` || item.pk === `WATCH#${watchId}#DF`));
    const terms = [...have.tokenCounts.keys()].filter((term) => (have.tokenCounts.get(term) ?? 0) > (want.tokenCounts.get(term) ?? 0));
    const mismatches = terms.map((term) => `summary of ${watchId} counts "${term}" ${have.tokenCounts.get(term) ?? 0}×, its ledger ${want.tokenCounts.get(term) ?? 0}×`);
    if (have.statements <= want.statements) return mismatches;
    return [`summary of ${watchId} counts ${have.statements} statements, its ledger holds ${want.statements}`, ...mismatches];
  });
}

function compareDeliveries(
  chaos: ArchiveSnapshot,
  deliveries: RecordedDelivery[],
  killedWhileSending: Set<string>,
): { twice: string[]; undelivered: string[]; withheld: string[] } {
  const records = new Map(((chaos.byKind.digest ?? []) as unknown as DigestRecord[]).map((record) => [`${record.watchId} ${record.digestKey}`, record]));
  // Left `sending` by a pass killed mid-delivery: what it holds may have gone out, so it is never sent again.
  const abandoned = [...records.values()].filter((record) => record.status === 'sending' && killedWhileSending.has(record.createdAt));
  const withheldIds = new Set(abandoned.flatMap((record) => record.statementIds.map((id) => `${record.watchId} ${id}`)));
  const twice: string[] = [];
  const seenDigests = new Set<string>();
  const digestOfStatement = new Map<string, string>();
  for (const delivery of deliveries) {
    const key = `${delivery.watchId} ${delivery.digestKey}`;
    if (seenDigests.has(key)) twice.push(`digest delivered again: ${key}`);
    seenDigests.add(key);
    const record = records.get(key);
    if (!record) {
      twice.push(`digest delivered without a claim record: ${key}`);
      continue;
    }
    // A digest sent under another's record (a fence, which lists no statement) is not what the archive says went out.
    if (delivery.subject !== undefined && delivery.subject !== record.subject) {
      twice.push(`digest delivered under a record of another subject: ${key} sent "${delivery.subject}", its record says "${record.subject}"`);
    }
    for (const id of record.statementIds) {
      const earlier = digestOfStatement.get(`${delivery.watchId} ${id}`);
      if (earlier && earlier !== key) twice.push(`statement ${id} delivered in two digests: ${earlier} and ${key}`);
      digestOfStatement.set(`${delivery.watchId} ${id}`, key);
    }
  }
  const statements = (chaos.byKind.statement ?? []) as unknown as StoredStatement[];
  const undelivered = statements
    // A claim or a repeat alerts nobody: it goes out only with a digest some alertable statement made.
    .filter((statement) => statement.status !== 'repeat' && isAlertable(statement) && !digestOfStatement.has(`${statement.watchId} ${statement.id}`))
    .filter((statement) => !withheldIds.has(`${statement.watchId} ${statement.id}`))
    .map((statement) => `statement never delivered: ${statement.watchId} ${statement.id} (${statement.status})`);
  const open = [...records.values()]
    .filter((record) => record.status !== 'delivered' && record.statementIds.length > 0 && !abandoned.includes(record))
    .map((record) => `digest left ${record.status}: ${record.watchId} ${record.digestKey}`);
  const withheld = abandoned.map((record) => `${record.watchId} ${record.digestKey} (${record.statementIds.length} statements)`);
  return { twice, undelivered: [...undelivered, ...open], withheld };
}
