import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Watch } from '../config/index.js';
import { renderDigest } from '../digest/index.js';
import type { DigestSource, DigestStuckArticle } from '../digest/types.js';
import { StancewatchError } from '../errors/index.js';
import { isAlertable, type StoredStatement } from '../stances/index.js';
import { hashKey } from '../text/index.js';
import type { DigestDeps } from './deps.js';
import type { ArticleFailureRecord, DigestRecord, SourceHealthRecord } from './ports.js';
import { toDigestItem } from './statement-views.js';
import type { DigestReport } from './types.js';

/**
 * The waits before each further try of writing how a digest's try ended (failed, or delivered), past the SDK's own
 * retries. A digest left `sending` is never sent again (at most once: its sender may have died mid-delivery), so one
 * write lost to a passing fault would withhold a digest that never went out, for good.
 */
const OUTCOME_RETRY_DELAYS_MS = [250, 1_000, 4_000] as const;

/**
 * Sends each watch the statements that are new or changed since its last digest; a watch with
 * nothing new gets nothing. The digest's key is the set of statements it holds, claimed with a
 * conditional write before delivery, so a retried run never sends the same digest twice. A watch
 * whose delivery fails does not hold up the others; the failure is thrown once all were tried.
 * The CLI runs this in process; in AWS each watch is a message of its own (`sendWatchDigest`).
 */
export async function sendDigests(deps: DigestDeps): Promise<DigestReport[]> {
  const reports: DigestReport[] = [];
  const failures: string[] = [];
  for (const watch of deps.config.watches) {
    try {
      reports.push(...(await digestWatch(watch, deps)));
    } catch (error) {
      failures.push(`${watch.id}: ${(error as Error).message}`);
      deps.log.error(`Digest of ${watch.id} failed; the next run tries again`, { error: (error as Error).message });
    }
  }
  if (failures.length > 0) throw new StancewatchError(`Digests failed for ${failures.length} watch(es): ${failures.join('; ')}`);
  return reports;
}

/**
 * The digest of one watch, as `sendDigests` sends it for each: the digest function's unit of work in AWS, one
 * queue message per watch. Safe to run again for the same statements (a retried message, two workers at once):
 * the digest they make is claimed before it is delivered, so it goes out once. A failed delivery throws.
 *
 * @example
 * await sendWatchDigest(parseDigestMessage(record.body).watchId, deps);
 */
export async function sendWatchDigest(watchId: string, deps: DigestDeps): Promise<DigestReport[]> {
  const watch = deps.config.watches.find((candidate) => candidate.id === watchId);
  if (!watch) throw new StancewatchError(`No watch "${watchId}" in the config; no digest sent`);
  return digestWatch(watch, deps);
}

/**
 * One watch's run: settleEarlierDigests → assignToDigest (the pending statements no digest holds) → claimDigest →
 * deliver → markDelivered → clearPending. A statement is given to its digest by a conditional write on the
 * statement itself, before the digest is claimed: a pending marker that outlives its digest (a clear that failed,
 * an article read again after a crash) or a digest that failed can never put a statement in a second digest.
 * A try that sent nothing (refused, or its claim failed) records the digest `failed` before it throws, so the next
 * run sends it: left `sending`, it would be taken for a try that died mid-delivery and never sent (`recordUnsent`).
 */
async function digestWatch(watch: Watch, deps: DigestDeps): Promise<DigestReport[]> {
  const settled = await settleEarlierDigests(watch, await deps.store.listPending(watch.id), deps);
  const report = await sendNewDigest(watch, settled, deps);
  return report ? [...settled.reports, report] : settled.reports;
}

interface Settled {
  /** Pending statements no digest holds, and those of a digest that never went out with them. */
  free: StoredStatement[];
  /** Digests fenced off (see `fenceOrGet`) whose statements are free again. */
  takeOverFrom: string[];
  reports: DigestReport[];
}

/**
 * Pending statements already given to a digest are that digest's business: delivered, their markers are
 * cleared; failed, it is retried through the ways out it missed; sending, its claimer is at it or died
 * mid-delivery, and at most once means it is left alone. A statement its digest does not list (the claimer
 * died between taking it and claiming) is free again, once that digest is fenced off.
 */
async function settleEarlierDigests(watch: Watch, pending: StoredStatement[], deps: DigestDeps): Promise<Settled> {
  const owners = await deps.store.findDigestOwners(watch.id, pending);
  const settled: Settled = { free: pending.filter((statement) => !owners.has(statement.id)), takeOverFrom: [], reports: [] };
  const byDigest = new Map<string, StoredStatement[]>();
  for (const statement of pending.filter((candidate) => owners.has(candidate.id))) {
    const digestKey = owners.get(statement.id)!;
    byDigest.set(digestKey, [...(byDigest.get(digestKey) ?? []), statement]);
  }
  for (const [digestKey, statements] of byDigest) {
    const record = await fenceOrGet(watch, digestKey, deps);
    const held = statements.filter((statement) => record.statementIds.includes(statement.id));
    if (held.length < statements.length) {
      settled.free.push(...statements.filter((statement) => !held.includes(statement)));
      settled.takeOverFrom.push(digestKey);
    }
    if (held.length === 0) continue;
    if (record.status === 'delivered') await deps.store.clearPending(watch.id, held.map((statement) => statement.id));
    if (record.status === 'failed') settled.reports.push(await retryFailedDigest(record, held, watch, deps));
  }
  return settled;
}

/**
 * The record of a digest that statements were given to. None means its claimer died (or is slow) between
 * taking them and claiming: a record listing no statement is claimed in its place, so that claimer can no
 * longer send them, and they can be taken over. If the claimer got there first, its own record comes back.
 */
async function fenceOrGet(watch: Watch, digestKey: string, deps: DigestDeps): Promise<DigestRecord> {
  const existing = await deps.store.getDigest(watch.id, digestKey);
  if (existing) return existing;
  const fence: DigestRecord = {
    watchId: watch.id,
    digestKey,
    subject: '(never sent: its statements went to a later digest)',
    text: '',
    html: '',
    statementIds: [],
    status: 'failed',
    createdAt: deps.now().toISOString(),
  };
  const claim = await deps.store.claimDigest(fence);
  return claim.claimed ? fence : claim.existing;
}

/** A digest that some way out refused, sent as it was first made through the ways out that did not take it. */
async function retryFailedDigest(record: DigestRecord, held: StoredStatement[], watch: Watch, deps: DigestDeps): Promise<DigestReport> {
  const report = {
    watch: watch.id,
    subject: record.subject,
    items: held.filter(isFresh).length,
    sources: record.healthChanges?.length ?? 0,
    stuckArticles: record.stuckArticles?.length ?? 0,
  };
  const attempt: SendAttempt = { sendToken: randomUUID(), deliveredBy: record.deliveredBy ?? [] };
  if (!(await takeBack(watch, record.digestKey, attempt, deps))) return { ...report, delivered: false, deliveredTo: [] };
  const deliveredTo = await deliver(record, watch, attempt, deps);
  await recordDelivered(watch, record.digestKey, deliveredTo, deps);
  await deps.store.clearPending(watch.id, record.statementIds);
  await deps.store.markHealthReported(watch.id, record.healthChanges ?? []);
  await deps.store.markArticleFailuresReported(watch.id, record.stuckArticles ?? []);
  return { ...report, delivered: true, deliveredTo };
}

function isSameStatements(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** New or changed, and a stance: a bare claim is kept on the record but alerts nobody. */
function isFresh(statement: StoredStatement): boolean {
  return statement.status !== 'repeat' && isAlertable(statement);
}

/** A digest of the statements no earlier digest holds, of the sources whose health changed, and of stuck articles. */
async function sendNewDigest(watch: Watch, settled: Settled, deps: DigestDeps): Promise<DigestReport | undefined> {
  const health = await deps.store.listSourceHealth(watch.id);
  // A source that turned unhealthy (or recovered) is news on its own; one still unhealthy is only repeated.
  const changes = health.filter((source) => source.reportedStatus !== source.status);
  // Likewise an article that became stuck; one still stuck is listed again, and one that went through is gone.
  const stuck = (await deps.store.listArticleFailures(watch.id)).filter((article) => article.stuckAt);
  const newlyStuck = stuck.filter((article) => article.reportedStuckAt !== article.stuckAt);
  const attention = changes.length + newlyStuck.length;
  if (!settled.free.some(isFresh) && attention === 0) return undefined;
  const digestKey = hashKey(
    [
      ...settled.free.map((statement) => statement.id).sort(),
      ...changes.map(healthChangeKey),
      ...newlyStuck.map((article) => `STUCK ${article.url} ${article.stuckAt}`),
      // Never the key of a fenced digest, even when the statements taken over are all there is.
      ...settled.takeOverFrom.map((key) => `AFTER ${key}`),
    ].join('\n'),
  );
  const taken = new Set(await deps.store.assignToDigest(watch.id, settled.free, digestKey, settled.takeOverFrom));
  // A worker making another digest at the same moment may have taken some.
  const pending = settled.free.filter((statement) => taken.has(statement.id));
  const fresh = pending.filter(isFresh);
  if (fresh.length === 0 && attention === 0) return undefined;

  const rendered = renderDigest({
    watch: { id: watch.id, name: watch.name },
    items: fresh.map(toDigestItem),
    repeats: pending.filter((statement) => statement.status === 'repeat' && isAlertable(statement)).length,
    sources: health.filter((source) => source.status === 'unhealthy' || changes.includes(source)).map((source) => toDigestSource(source, changes)),
    articles: stuck.map((article) => toDigestStuckArticle(article, newlyStuck)),
    generatedAt: deps.now().toISOString(),
  });
  const statementIds = pending.map((statement) => statement.id).sort();
  const finish = async () => {
    await deps.store.clearPending(watch.id, statementIds);
    await deps.store.markHealthReported(watch.id, changes);
    await deps.store.markArticleFailuresReported(watch.id, newlyStuck);
  };
  const attempt: SendAttempt = { sendToken: randomUUID(), deliveredBy: [] };
  const record: DigestRecord = {
    watchId: watch.id,
    // The digest's identity: the statements it was made of and the health changes it reports.
    digestKey,
    subject: rendered.subject,
    // The copy kept for the feed and for a retry; the ways out are given the digest whole.
    ...rendered.kept,
    statementIds,
    healthChanges: changes.map(({ sourceUrl, status, changedAt }) => ({ sourceUrl, status, changedAt })),
    stuckArticles: newlyStuck.map(({ url, stuckAt }) => ({ url, stuckAt })),
    status: 'sending',
    sendToken: attempt.sendToken,
    createdAt: deps.now().toISOString(),
  };
  const report = { watch: watch.id, subject: rendered.subject, items: fresh.length, sources: changes.length, stuckArticles: newlyStuck.length };
  const claim = await unsentIfThrows(() => deps.store.claimDigest(record), watch, record.digestKey, attempt, deps);
  if (!claim.claimed) {
    const { existing } = claim;
    // Another run fenced this key off (`fenceOrGet`) between our taking the statements and claiming: it takes them
    // over, so sending them under the fence would send them twice, and its record would not list them.
    if (!isSameStatements(existing.statementIds, statementIds)) {
      deps.log.warn(`Digest ${record.digestKey} of ${watch.id} was fenced off by another run, which sends its statements; not sent here`);
      return { ...report, delivered: false, deliveredTo: [] };
    }
    if (existing.status === 'delivered') await finish();
    attempt.deliveredBy = existing.deliveredBy ?? [];
    // 'sending' is another worker at it, or a crash mid-delivery: at most once, so it is not sent again.
    if (existing.status !== 'failed' || !(await takeBack(watch, record.digestKey, attempt, deps))) {
      deps.log.warn(`Digest ${record.digestKey} of ${watch.id} is already ${existing.status}; not sent again`);
      return { ...report, delivered: false, deliveredTo: [] };
    }
  }
  const deliveredTo = await deliver({ ...record, text: rendered.text, html: rendered.html }, watch, attempt, deps);
  await recordDelivered(watch, record.digestKey, deliveredTo, deps);
  await finish();
  return { ...report, delivered: true, deliveredTo };
}

/** One try of a digest: the token it holds the digest by, and the ways out that took the digest before it. */
interface SendAttempt {
  sendToken: string;
  deliveredBy: string[];
}

/** Every way out that has not taken this digest yet; on a failure, records which ones did and throws. */
async function deliver(record: DigestRecord, watch: Watch, attempt: SendAttempt, deps: DigestDeps): Promise<string[]> {
  const deliveredBy = [...attempt.deliveredBy];
  const deliveredTo: string[] = [];
  for (const notifier of deps.notifiers.filter((candidate) => !attempt.deliveredBy.includes(candidate.name))) {
    try {
      deliveredTo.push(
        ...(await notifier.deliver({
          watchId: watch.id,
          watchName: watch.name,
          digestKey: record.digestKey,
          subject: record.subject,
          text: record.text,
          html: record.html,
          recipients: watch.digest?.email ?? [],
          topicArn: watch.digest?.snsTopicArn,
        })),
      );
      deliveredBy.push(notifier.name);
    } catch (error) {
      const reason = `${notifier.name} refused digest ${record.digestKey}: ${(error as Error).message}`;
      await recordUnsent(watch, record.digestKey, { ...attempt, deliveredBy }, reason, deps);
      throw new StancewatchError(reason, { cause: error });
    }
  }
  return deliveredTo;
}

/** Takes a failed digest back for this try; a take-back that failed (its write may have landed) is recorded unsent. */
async function takeBack(watch: Watch, digestKey: string, attempt: SendAttempt, deps: DigestDeps): Promise<boolean> {
  return unsentIfThrows(() => deps.store.retryDigest(watch.id, digestKey, attempt.sendToken), watch, digestKey, attempt, deps);
}

/**
 * Claiming a digest or taking it back, which may have landed even when it threw (an answer lost, then retries that
 * failed): the digest is then held `sending` by this try, which sent nothing, so it is recorded unsent before the
 * error goes on. When the write did not land, nothing is recorded (`markFailed` is conditional on this try's token).
 */
async function unsentIfThrows<T>(write: () => Promise<T>, watch: Watch, digestKey: string, attempt: SendAttempt, deps: DigestDeps): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await recordUnsent(watch, digestKey, attempt, `not sent: taking it failed (${(error as Error).message})`, deps);
    throw error;
  }
}

/**
 * Records that this try did not send the digest (`failed`), so the next run sends it through the ways out that
 * missed it. Only this try knows nothing went out; left `sending`, the digest would never be sent. Written until it
 * lands (`OUTCOME_RETRY_DELAYS_MS`); if the archive refuses every try, the digest stays withheld and the error says so.
 */
async function recordUnsent(watch: Watch, digestKey: string, attempt: SendAttempt, reason: string, deps: DigestDeps): Promise<void> {
  await writeOutcome(`record digest ${digestKey} of ${watch.id} as not sent (${reason})`, deps, () =>
    deps.store.markFailed(watch.id, digestKey, attempt.sendToken, attempt.deliveredBy, reason),
  );
}

/** Records a digest that went out as delivered: left `sending`, its pending markers stay and its feed never shows it. */
async function recordDelivered(watch: Watch, digestKey: string, deliveredTo: string[], deps: DigestDeps): Promise<void> {
  await writeOutcome(`record digest ${digestKey} of ${watch.id} as delivered`, deps, () => deps.store.markDelivered(watch.id, digestKey, deliveredTo));
}

/** An idempotent write of a digest's outcome, tried again after each wait of `OUTCOME_RETRY_DELAYS_MS`. */
async function writeOutcome(what: string, deps: DigestDeps, write: () => Promise<unknown>): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await write();
      return;
    } catch (error) {
      const wait = OUTCOME_RETRY_DELAYS_MS[tries - 1];
      if (wait === undefined) {
        throw new StancewatchError(`Could not ${what} in ${tries} tries: ${(error as Error).message}; a digest left sending is not sent again`, { cause: error });
      }
      deps.log.warn(`Could not ${what}; trying again in ${wait} ms`, { error: (error as Error).message });
      await sleep(wait);
    }
  }
}

function healthChangeKey(source: SourceHealthRecord): string {
  return `HEALTH ${source.sourceUrl} ${source.status} ${source.changedAt}`;
}

function toDigestSource(source: SourceHealthRecord, changes: SourceHealthRecord[]): DigestSource {
  return { url: source.sourceUrl, status: source.status, reason: source.reason, since: source.since, changed: changes.includes(source) };
}

function toDigestStuckArticle(article: ArticleFailureRecord, newlyStuck: ArticleFailureRecord[]): DigestStuckArticle {
  return { url: article.url, reason: article.reason, runs: article.runs, since: article.since, changed: newlyStuck.includes(article) };
}
