import type { Config, Watch } from '../config/index.js';
import { isAlertable } from '../stances/index.js';
import { hashKey } from '../text/index.js';
import type { DigestDeps } from './deps.js';
import type { DigestRecord } from './ports.js';
import type { BaselineReport } from './types.js';

/**
 * `run --baseline`: a new watch's first run records its backlog as the ledger and sends no digest, so its first
 * e-mail is not forty old statements. It applies to the watches that have never delivered a digest (nor been
 * baselined); a watch that has runs as usual, so passing it on a later run changes nothing for that watch.
 *
 * The backlog is given, as a digest's statements are, to a record claimed as delivered that no way out was told of:
 * a rerun after a crash finds it and clears what is left pending, as it does for any delivered digest.
 */

/** One record per watch: a baseline retried after a crash claims the same one. */
export function baselineKey(watchId: string): string {
  return hashKey(`BASELINE\n${watchId}`);
}

/** The watches a `--baseline` run takes as new: none of their digests was ever delivered (or baselined). */
export async function watchesToBaseline(deps: Pick<DigestDeps, 'config' | 'store'>): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (const watch of deps.config.watches) {
    if ((await deps.store.listDigests(watch.id, 1)).length === 0) fresh.add(watch.id);
  }
  return fresh;
}

/** The config without these watches: the digests of the others go out as usual. */
export function withoutWatches(config: Config, left: ReadonlySet<string>): Config {
  return { ...config, watches: config.watches.filter((watch) => !left.has(watch.id)) };
}

/**
 * Marks a watch's pending statements delivered without sending them: takes those no digest holds, claims the
 * baseline record listing them, and clears them. Health changes and stuck articles stay for the next digest.
 */
export async function recordBaseline(watch: Watch, deps: DigestDeps): Promise<BaselineReport> {
  const key = baselineKey(watch.id);
  const pending = await deps.store.listPending(watch.id);
  const owners = await deps.store.findDigestOwners(watch.id, pending);
  // Statements a digest already holds are that digest's (a failed one is retried by the next run).
  const free = pending.filter((statement) => (owners.get(statement.id) ?? key) === key);
  const taken = new Set(await deps.store.assignToDigest(watch.id, free, key, []));
  const statements = free.filter((statement) => taken.has(statement.id));
  const subject = `Baseline of ${watch.name}: ${statements.length} statement(s) recorded as the ledger, none sent`;
  const record: DigestRecord = {
    watchId: watch.id,
    digestKey: key,
    subject,
    text: `${subject}.\n`,
    html: '',
    statementIds: statements.map((statement) => statement.id).sort(),
    status: 'delivered',
    deliveredTo: [],
    createdAt: deps.now().toISOString(),
  };
  const claim = await deps.store.claimDigest(record);
  const held = claim.claimed ? record.statementIds : claim.existing.statementIds;
  await deps.store.clearPending(watch.id, held);
  const alertable = statements.filter((statement) => held.includes(statement.id) && statement.status !== 'repeat' && isAlertable(statement)).length;
  deps.log.info(`${watch.id}: baseline of ${held.length} statement(s), no digest sent`);
  return { watch: watch.id, statements: held.length, alertable };
}
