import type { Watch } from '../config/index.js';
import { renderDigest } from '../digest/index.js';
import type { DigestItem } from '../digest/types.js';
import { hashKey, type StoredStatement } from '../store/index.js';
import type { DigestDeps } from './deps.js';
import type { DigestReport } from './types.js';

/**
 * Sends each watch the statements that are new or changed since its last digest; a watch with
 * nothing new gets nothing. The digest's key is the set of statements it holds, claimed with a
 * conditional write before delivery, so a retried run never sends the same digest twice.
 */
export async function sendDigests(deps: DigestDeps): Promise<DigestReport[]> {
  const reports: DigestReport[] = [];
  for (const watch of deps.config.watches) {
    const report = await sendWatchDigest(watch, deps);
    if (report) reports.push(report);
  }
  return reports;
}

async function sendWatchDigest(watch: Watch, deps: DigestDeps): Promise<DigestReport | undefined> {
  const pending = await deps.store.listPending(watch.id);
  const fresh = pending.filter((statement) => statement.status !== 'repeat');
  if (fresh.length === 0) return undefined;

  const rendered = renderDigest({
    watch: { id: watch.id, name: watch.name },
    items: fresh.map(toDigestItem),
    repeats: pending.length - fresh.length,
    generatedAt: deps.now().toISOString(),
  });
  const statementIds = pending.map((statement) => statement.id).sort();
  const digestKey = hashKey(statementIds.join('\n'));
  const claim = await deps.store.claimDigest({
    watchId: watch.id,
    digestKey,
    ...rendered,
    statementIds,
    status: 'sending',
    createdAt: deps.now().toISOString(),
  });
  if (!claim.claimed) {
    deps.log.warn(`Digest ${digestKey} of ${watch.id} was already ${claim.existing.status}; not sent again`);
    if (claim.existing.status === 'delivered') await deps.store.clearPending(watch.id, statementIds);
    return { watch: watch.id, subject: rendered.subject, items: fresh.length, delivered: false, deliveredTo: [] };
  }

  const deliveredTo: string[] = [];
  for (const notifier of deps.notifiers) {
    deliveredTo.push(
      ...(await notifier.deliver({
        watchId: watch.id,
        watchName: watch.name,
        digestKey,
        ...rendered,
        recipients: watch.digest?.email ?? [],
        topicArn: watch.digest?.snsTopicArn,
      })),
    );
  }
  await deps.store.markDelivered(watch.id, digestKey, deliveredTo);
  await deps.store.clearPending(watch.id, statementIds);
  return { watch: watch.id, subject: rendered.subject, items: fresh.length, delivered: true, deliveredTo };
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
