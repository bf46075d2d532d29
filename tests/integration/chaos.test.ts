import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReference, runTrial } from '../../support/chaos/trial.js';
import { startFaultProxy, type FaultProxy } from '../../support/chaos/fault-proxy.js';
import { parseConfig } from '../../shared/config/index.js';
import { sendDigests, stderrLog } from '../../shared/pipeline/index.js';
import { recordReading } from '../../shared/pipeline/record-reading.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import type { OutgoingDigest } from '../../shared/notify/types.js';
import {
  createDynamoClient,
  dynamoArchive,
  ensureTable,
  startEmbeddedDynamo,
  type ArchiveStore,
  type ArchivedArticle,
  type EmbeddedDynamo,
  type StoredStatement,
} from '../../shared/store/index.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A store whose requests pass the fault proxy, so a test can lose one exact answer. */
interface FaultyTable {
  store: ArchiveStore;
  proxy: FaultProxy;
  clients: DynamoDBClient[];
}

const config = parseConfig({ watches: [{ id: 'treaty', name: 'Treaty', keywords: ['treaty'], sources: [{ url: 'https://news.example/feed' }] }] }, 'test');

const statement = (id: string, text = `Putin said condition ${id} must be met first.`): StoredStatement => ({
  id,
  watchId: 'treaty',
  speaker: 'Vladimir Putin',
  kind: 'condition',
  polarity: 'positive',
  text,
  claim: text,
  url: `https://news.example/${id}`,
  urlKey: `key-${id}`,
  status: 'new',
  similarity: 0,
  foundAt: '2026-11-23T00:00:00Z',
});

const article = (urlKey: string): ArchivedArticle => ({
  urlKey,
  canonicalUrl: `https://news.example/${urlKey}`,
  url: `https://news.example/${urlKey}`,
  title: 'Talks',
  contentHash: `hash-${urlKey}`,
  text: 'Putin said the peace treaty talks must wait.',
  firstSeenAt: '2026-11-23T00:00:00Z',
  lastSeenAt: '2026-11-23T00:00:00Z',
});

/** Records every delivery; `failing` makes it refuse. */
function recorder(name = 'recorder') {
  const sent: OutgoingDigest[] = [];
  const notifier = {
    name,
    failing: false,
    async deliver(digest: OutgoingDigest) {
      if (notifier.failing) throw new Error('MessageRejected');
      sent.push(digest);
      return [name];
    },
  };
  return { notifier, sent };
}

describe('idempotency under lost answers and retries', () => {
  let dynamo: EmbeddedDynamo;
  let table: FaultyTable;

  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo();
  });
  afterAll(async () => {
    await dynamo.close();
  });
  beforeEach(async () => {
    const tableName = `chaos-${randomUUID().slice(0, 8)}`;
    const direct = createDynamoClient({ endpoint: dynamo.endpoint });
    await ensureTable(direct, tableName);
    const proxy = await startFaultProxy({ target: dynamo.endpoint, seed: 1, rate: 0 });
    const client = createDynamoClient({ endpoint: proxy.endpoint });
    table = { store: dynamoArchive(client, tableName), proxy, clients: [direct, client] };
  });
  afterEach(async () => {
    for (const client of table.clients) client.destroy();
    await table.proxy.close();
  });

  const digestDeps = (...notifiers: Array<ReturnType<typeof recorder>['notifier']>) => ({
    config,
    store: table.store,
    notifiers,
    log: stderrLog('silent'),
    now: () => new Date('2026-11-23T10:00:00Z'),
  });

  it('does not take a conditional put whose answer was lost for another writer’s', async () => {
    table.proxy.injectOnce({ operation: 'PutItem', kind: 'dropAfter', bodyIncludes: 'ART#a1' });
    expect(await table.store.putArticleIfAbsent(article('a1'))).toBe('stored');
    table.proxy.injectOnce({ operation: 'PutItem', kind: 'dropAfter', bodyIncludes: 'ST#putin#s1' });
    expect(await table.store.addStatement(statement('s1'))).toBe(true);
    // Another writer's item is still reported as theirs.
    expect(await table.store.putArticleIfAbsent(article('a1'))).toBe('exists');
    expect(await table.store.addStatement(statement('s1'))).toBe(false);
    expect(table.proxy.counts().dropAfter).toBe(2);
  });

  it('delivers a digest once when the answer to its claim was lost', async () => {
    await table.store.addStatement(statement('s1'));
    const { notifier, sent } = recorder();
    table.proxy.injectOnce({ operation: 'PutItem', kind: 'dropAfter', bodyIncludes: 'DIG#' });
    const reports = await sendDigests(digestDeps(notifier));
    expect(reports.map((report) => report.delivered)).toEqual([true]);
    expect(await sendDigests(digestDeps(notifier))).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('delivers a failed digest on the next run when the answer to taking it back was lost', async () => {
    await table.store.addStatement(statement('s1'));
    const { notifier, sent } = recorder();
    notifier.failing = true;
    await expect(sendDigests(digestDeps(notifier))).rejects.toThrow(/refused/);
    notifier.failing = false;
    table.proxy.injectOnce({ operation: 'UpdateItem', kind: 'dropAfter', bodyIncludes: ':sending' });
    expect((await sendDigests(digestDeps(notifier))).map((report) => report.delivered)).toEqual([true]);
    expect(sent).toHaveLength(1);
  });

  it('sends no statement again when its pending marker outlived its digest', async () => {
    await table.store.addStatement(statement('s1'));
    const { notifier, sent } = recorder();
    // Clearing the markers fails past the SDK's retries, after the digest went out.
    for (let attempt = 0; attempt < 10; attempt++) table.proxy.injectOnce({ operation: 'BatchWriteItem', kind: 'internal', bodyIncludes: 'PEND#' });
    await expect(sendDigests(digestDeps(notifier))).rejects.toThrow(/InternalServerError|internal server error/i);
    table.proxy.cancelScripted();
    await table.store.addStatement(statement('s2'));
    await sendDigests(digestDeps(notifier));
    expect(sent.map((digest) => digest.text.match(/condition s\d/g))).toEqual([['condition s1'], ['condition s2']]);
  });

  it('sends no statement again when a re-read article stores it a second time after its digest', async () => {
    await table.store.addStatement(statement('s1'));
    const { notifier, sent } = recorder();
    await sendDigests(digestDeps(notifier));
    // A crash before the article's read mark: the next run reads it again.
    expect(await table.store.addStatement(statement('s1'))).toBe(false);
    expect(await sendDigests(digestDeps(notifier))).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('takes over statements whose digest-maker died before claiming, and never sends one its claimer may have sent', async () => {
    await table.store.addStatement(statement('s1'));
    await table.store.addStatement(statement('s2'));
    // A worker gave s1 to a digest and died before claiming it; another gave s2 to one it claimed, then died mid-delivery.
    await table.store.assignToDigest('treaty', [statement('s1')], 'died-before-claim', []);
    await table.store.assignToDigest('treaty', [statement('s2')], 'died-mid-delivery', []);
    const record = { watchId: 'treaty', digestKey: 'died-mid-delivery', subject: 's', text: 't', html: 'h', statementIds: ['s2'], createdAt: '2026-11-23T09:00:00Z' };
    await table.store.claimDigest({ ...record, status: 'sending' });
    const { notifier, sent } = recorder();
    await sendDigests(digestDeps(notifier));
    // At most once: s2 stays with the digest that may have gone out; s1 goes out now, once.
    expect(sent.map((digest) => digest.text.match(/condition s\d/g))).toEqual([['condition s1']]);
    expect(await sendDigests(digestDeps(notifier))).toEqual([]);
  });

  it('delivers a refused digest on the next run when recording it failed met faults past the SDK’s retries', async () => {
    await table.store.addStatement(statement('s1'));
    const { notifier, sent } = recorder();
    notifier.failing = true;
    // Every attempt the SDK makes at recording the refusal fails: the digest must not stay `sending`, never to be sent.
    const attempts = await table.clients[1].config.maxAttempts();
    for (let attempt = 0; attempt < attempts; attempt++) table.proxy.injectOnce({ operation: 'UpdateItem', kind: 'internal', bodyIncludes: '":failed"' });
    await expect(sendDigests(digestDeps(notifier))).rejects.toThrow(/Digests failed/);
    expect(table.proxy.counts().internal).toBe(attempts);
    notifier.failing = false;
    expect((await sendDigests(digestDeps(notifier))).map((report) => report.delivered)).toEqual([true]);
    expect(sent.map((digest) => digest.text.match(/condition s\d/g))).toEqual([['condition s1']]);
  });

  it('delivers a digest on the next run when its claim landed but claiming failed past the SDK’s retries', async () => {
    await table.store.addStatement(statement('s1'));
    const { notifier, sent } = recorder();
    // The claim is written and its answer lost; the SDK's further attempts fail: the claimer sent nothing.
    table.proxy.injectOnce({ operation: 'PutItem', kind: 'dropAfter', bodyIncludes: 'DIG#' });
    for (let attempt = 0; attempt < 9; attempt++) table.proxy.injectOnce({ operation: 'PutItem', kind: 'internal', bodyIncludes: 'DIG#' });
    await expect(sendDigests(digestDeps(notifier))).rejects.toThrow(/InternalServerError|internal server error/i);
    table.proxy.cancelScripted();
    expect(sent).toEqual([]);
    expect((await sendDigests(digestDeps(notifier))).map((report) => report.delivered)).toEqual([true]);
    expect(sent.map((digest) => digest.text.match(/condition s\d/g))).toEqual([['condition s1']]);
  });

  it('sends statements once when another digest run fences off their digest between taking them and claiming it', async () => {
    await table.store.addStatement(statement('s1'));
    const { notifier, sent } = recorder();
    // Run A gives s1 to its digest, then stalls before claiming it; run B, meanwhile, finds s1 held by a digest with
    // no record, fences that key off and sends s1 itself. A's claim then meets the fence.
    let claiming!: () => void;
    const aClaims = new Promise<void>((resolve) => (claiming = resolve));
    let releaseA!: () => void;
    const aMayClaim = new Promise<void>((resolve) => (releaseA = resolve));
    const stalled = {
      ...table.store,
      async claimDigest(record: Parameters<ArchiveStore['claimDigest']>[0]) {
        claiming();
        await aMayClaim;
        return table.store.claimDigest(record);
      },
    };
    const runA = sendDigests({ ...digestDeps(notifier), store: stalled });
    await aClaims;
    expect((await sendDigests(digestDeps(notifier))).map((report) => report.delivered)).toEqual([true]);
    releaseA();
    expect((await runA).map((report) => report.delivered)).toEqual([false]);
    expect(sent.map((digest) => digest.text.match(/condition s\d/g))).toEqual([['condition s1']]);
    expect(await sendDigests(digestDeps(notifier))).toEqual([]);
  });

  it('sends a failed digest’s statements through the way out that took them only once when new ones join', async () => {
    await table.store.addStatement(statement('s1'));
    const sns = recorder('sns');
    const ses = recorder('ses');
    ses.notifier.failing = true;
    await expect(sendDigests(digestDeps(sns.notifier, ses.notifier))).rejects.toThrow(/ses refused/);
    await table.store.addStatement(statement('s2'));
    ses.notifier.failing = false;
    await sendDigests(digestDeps(sns.notifier, ses.notifier));
    const held = (sent: OutgoingDigest[]) => sent.flatMap((digest) => digest.text.match(/condition s\d/g) ?? []).sort();
    expect(held(sns.sent)).toEqual(['condition s1', 'condition s2']);
    expect(held(ses.sent)).toEqual(['condition s1', 'condition s2']);
  });

  it('stores the revision of an article whose revising answer was lost', async () => {
    await table.store.putArticleIfAbsent(article('a1'));
    const revised = { ...article('a1'), contentHash: 'hash-2', text: 'Putin said the peace treaty talks can resume.' };
    const revision = { urlKey: 'a1', seenAt: '2026-11-24T00:00:00Z', previousHash: 'hash-a1', contentHash: 'hash-2', diff: '[-must wait-]{+can resume+}' };
    table.proxy.injectOnce({ operation: 'UpdateItem', kind: 'dropAfter', bodyIncludes: 'ART#a1' });
    expect(await table.store.reviseArticle(revised, revision)).toBe('revised');
    expect(await table.store.listRevisions('a1')).toHaveLength(1);
  });

  it('links an article to a watch once when a copy read after a crash states another date', async () => {
    const link = { watchId: 'treaty', urlKey: 'a1', url: 'https://news.example/a1', title: 'Talks', linkedAt: '2026-11-23T00:00:00Z' };
    await table.store.linkArticle({ ...link, publishedAt: '2019-06-06T12:40:00Z' });
    await table.store.linkArticle({ ...link, publishedAt: '2019-06-06T08:00:00Z' });
    expect((await table.store.listArticles('treaty')).map((linked) => linked.publishedAt)).toEqual(['2019-06-06T12:40:00Z']);
  });

  it('counts a restatement once when the answer to counting it was lost', async () => {
    await table.store.addStatement(statement('s1'));
    table.proxy.injectOnce({ operation: 'UpdateItem', kind: 'dropAfter', bodyIncludes: 'repeatCount' });
    await table.store.countRepeat('treaty', { id: 's1', speaker: 'Vladimir Putin' }, { url: 'https://news.example/later' });
    const [stored] = await table.store.listTimeline('treaty');
    expect(stored.repeatCount).toBe(1);
  });

  it('sends a statement whose article failed between storing it and marking it pending, once the article is read again', async () => {
    const deps = { ...digestDeps(), fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true }) };
    const reading = { archived: article('a1'), paragraphs: ['Vladimir Putin said Russia will not sign a peace treaty unless Japan ends its sanctions.'] };
    // The pending marker's write fails past the SDK's retries: the statement is stored, its article fails.
    for (let attempt = 0; attempt < 10; attempt++) table.proxy.injectOnce({ operation: 'PutItem', kind: 'internal', bodyIncludes: 'PEND#' });
    await expect(recordReading(reading, config.watches[0], deps)).rejects.toThrow(/InternalServerError|internal server error/i);
    table.proxy.cancelScripted();
    // The retry meets its own statement in the ledger; it must not take it for an earlier one it repeats.
    const [again] = await recordReading(reading, config.watches[0], deps);
    expect(again).toBeUndefined();
    const { notifier, sent } = recorder();
    await sendDigests({ ...deps, notifiers: [notifier] });
    expect(sent.map((digest) => digest.text.match(/unless Japan ends its sanctions/g))).toEqual([['unless Japan ends its sanctions']]);
  });

  it('counts a claim term of the ledger summary once when the answer to counting it was lost, failing the article instead', async () => {
    table.proxy.injectOnce({ operation: 'UpdateItem', kind: 'dropAfter', bodyIncludes: 'WATCH#treaty#DF' });
    await expect(table.store.addStatement(statement('s1'))).rejects.toThrow(/no answer to a count, not retried/);
    expect(await table.store.addStatement(statement('s1'))).toBe(false); // the article's retry
    const summary = await table.store.getSummary('treaty');
    expect(table.proxy.counts().dropAfter).toBe(1);
    expect(summary.statements).toBe(1);
    expect(summary.tokenCounts.size).toBeGreaterThan(3);
    expect([...new Set(summary.tokenCounts.values())]).toEqual([1]);
  });
});

describe('the pipeline under random faults, kills and duplicate deliveries', () => {
  it('loses nothing, stores nothing twice and sends no digest twice (seeded)', async () => {
    const reference = await runReference();
    const result = await runTrial(
      { seed: 7, dynamoRate: 0.2, dynamoWeights: { throttle: 0.5 }, webRate: 0.2, notifierRefuseRate: 0.2, killedPasses: 1, killWindowMs: 6_000, maxFaultyPasses: 4 },
      reference.snapshot,
    );
    const faults = [...Object.values(result.dynamoFaults), ...Object.values(result.webFaults), result.notifierRefusals].reduce((sum, count) => sum + count, 0);
    expect(faults).toBeGreaterThanOrEqual(100);
    expect(result.comparison.details).toEqual([]);
    expect(result.comparison).toMatchObject({ lost: 0, duplicates: 0, digestsTwice: 0, undelivered: 0 });
    // Withheld by at most once: only a digest the killed pass was sending when the kill landed (one watch at a time).
    expect(result.comparison.withheld.length).toBeLessThanOrEqual(result.passes.filter((pass) => pass.killedWhileSendingAt).length);
    // A ceiling, not a target: the trial takes 60–110 s on this 2-core machine, more while other suites run.
  }, 240_000);
});
