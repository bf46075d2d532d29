import type { Watch } from '../config/index.js';
import { renderDigest } from '../digest/index.js';
import type { DigestItem, DigestSource } from '../digest/types.js';
import { StancewatchError } from '../errors/index.js';
import { hashKey, type DigestRecord, type SourceHealthRecord, type StoredStatement } from '../store/index.js';
import type { DigestDeps } from './deps.js';
import type { DigestReport } from './types.js';

/**
 * Sends each watch the statements that are new or changed since its last digest; a watch with
 * nothing new gets nothing. The digest's key is the set of statements it holds, claimed with a
 * conditional write before delivery, so a retried run never sends the same digest twice. A watch
 * whose delivery fails does not hold up the others; the failure is thrown once all were tried.
 */
export async function sendDigests(deps: DigestDeps): Promise<DigestReport[]> {
  const reports: DigestReport[] = [];
  const failures: string[] = [];
  for (const watch of deps.config.watches) {
    try {
      const report = await sendWatchDigest(watch, deps);
      if (report) reports.push(report);
    } catch (error) {
      failures.push(`${watch.id}: ${(error as Error).message}`);
      deps.log.error(`Digest of ${watch.id} failed; the next run tries again`, { error: (error as Error).message });
    }
  }
  if (failures.length > 0) throw new StancewatchError(`Digests failed for ${failures.length} watch(es): ${failures.join('; ')}`);
  return reports;
}

async function sendWatchDigest(watch: Watch, deps: DigestDeps): Promise<DigestReport | undefined> {
  const pending = await deps.store.listPending(watch.id);
  const fresh = pending.filter((statement) => statement.status !== 'repeat');
  const health = await deps.store.listSourceHealth(watch.id);
  // A source that turned unhealthy (or recovered) is news on its own; one still unhealthy is only repeated.
  const changes = health.filter((source) => source.reportedStatus !== source.status);
  if (fresh.length === 0 && changes.length === 0) return undefined;

  const rendered = renderDigest({
    watch: { id: watch.id, name: watch.name },
    items: fresh.map(toDigestItem),
    repeats: pending.length - fresh.length,
    sources: health.filter((source) => source.status === 'unhealthy' || changes.includes(source)).map((source) => toDigestSource(source, changes)),
    generatedAt: deps.now().toISOString(),
  });
  const statementIds = pending.map((statement) => statement.id).sort();
  const finish = async () => {
    await deps.store.clearPending(watch.id, statementIds);
    await deps.store.markHealthReported(watch.id, changes);
  };
  const record: DigestRecord = {
    watchId: watch.id,
    // The digest's identity: its statements and the health changes it reports (none: the statements alone).
    digestKey: hashKey([...statementIds, ...changes.map(healthChangeKey)].join('\n')),
    ...rendered,
    statementIds,
    status: 'sending',
    createdAt: deps.now().toISOString(),
  };
  const report = { watch: watch.id, subject: rendered.subject, items: fresh.length, sources: changes.length };
  const claim = await deps.store.claimDigest(record);
  let alreadyDelivered: string[] = [];
  if (!claim.claimed) {
    const { existing } = claim;
    if (existing.status === 'delivered') await finish();
    // 'sending' is another worker at it, or a crash mid-delivery: at most once, so it is not sent again.
    if (existing.status !== 'failed' || !(await deps.store.retryDigest(watch.id, record.digestKey))) {
      deps.log.warn(`Digest ${record.digestKey} of ${watch.id} is already ${existing.status}; not sent again`);
      return { ...report, delivered: false, deliveredTo: [] };
    }
    alreadyDelivered = existing.deliveredBy ?? [];
  }
  const deliveredTo = await deliver(record, watch, alreadyDelivered, deps);
  await deps.store.markDelivered(watch.id, record.digestKey, deliveredTo);
  await finish();
  return { ...report, delivered: true, deliveredTo };
}

/** Every way out that has not taken this digest yet; on a failure, records which ones did and throws. */
async function deliver(record: DigestRecord, watch: Watch, alreadyDelivered: string[], deps: DigestDeps): Promise<string[]> {
  const deliveredBy = [...alreadyDelivered];
  const deliveredTo: string[] = [];
  for (const notifier of deps.notifiers.filter((candidate) => !alreadyDelivered.includes(candidate.name))) {
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
      await deps.store.markFailed(watch.id, record.digestKey, deliveredBy, reason);
      throw new StancewatchError(reason, { cause: error });
    }
  }
  return deliveredTo;
}

function healthChangeKey(source: SourceHealthRecord): string {
  return `HEALTH ${source.sourceUrl} ${source.status} ${source.changedAt}`;
}

function toDigestSource(source: SourceHealthRecord, changes: SourceHealthRecord[]): DigestSource {
  return { url: source.sourceUrl, status: source.status, reason: source.reason, since: source.since, changed: changes.includes(source) };
}

function toDigestItem(statement: StoredStatement): DigestItem {
  return {
    status: statement.status,
    speaker: statement.speaker,
    kind: statement.kind,
    text: statement.text,
    url: statement.url,
    outlet: statement.outlet,
    title: statement.title,
    publishedAt: statement.publishedAt,
    revisedAt: statement.revisedAt,
    closest: statement.closest,
  };
}
