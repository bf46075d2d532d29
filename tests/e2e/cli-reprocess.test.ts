import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from '../helpers/cli.js';
import { archiveItems } from '../helpers/archive.js';
import { claimNormOf, type PassReport, type ReprocessReport } from '../../shared/pipeline/index.js';
import { countedTokens } from '../../shared/stances/ledger.js';

const SITES = new URL('../../samples/sites/', import.meta.url).pathname;
const WATCH = 'russia-japan-treaty';
const work = mkdtempSync(join(tmpdir(), 'stancewatch-reprocess-'));

/** The five sample articles by date; the 2019-12-19 one is the only one quoting Sergey Lavrov. */
const PAGES = {
  '2017-11': 'japantimes/2017-11-10-putin-links-peace-treaty.html',
  '2019-03': 'nikkei-asia/2019-03-15-putin-tempo-lost-peace-treaty.html',
  '2019-06': 'japantimes/2019-06-06-putin-peace-treaty-challenging.html',
  '2019-12': 'japantimes/2019-12-19-putin-japan-us-alliance-threat.html',
  '2024-06': 'japan-forward/2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance.html',
} as const;

/** Notes after the story: enough prose that the article's text (over 100 KB) is archived gzip-compressed. */
const DELEGATION_NOTES = Array.from(
  { length: 450 },
  (_, index) =>
    `<p>Delegation note ${index + 1}: the sessions in the conference hall covered fisheries, visas for island residents, joint economic projects and cultural exchanges, and the officials compared figures on trade, tourism and energy.</p>`,
).join('\n');

const stancewatch = (...args: string[]): Promise<CliOutcome> => runCli(args, { cwd: work });

/** A folder of captures (a `file://` source) holding these sample pages; the 2019-12 one padded past 100 KB. */
function captureFolder(name: string, pages: Array<keyof typeof PAGES>): string {
  const folder = join(work, name);
  mkdirSync(folder, { recursive: true });
  for (const page of pages) addCapture(folder, page);
  return folder;
}

function addCapture(folder: string, page: keyof typeof PAGES): void {
  const target = join(folder, PAGES[page].split('/')[1]);
  if (page !== '2019-12') return copyFileSync(join(SITES, PAGES[page]), target);
  const html = readFileSync(join(SITES, PAGES[page]), 'utf8');
  const end = html.lastIndexOf('</article>');
  writeFileSync(target, `${html.slice(0, end)}${DELEGATION_NOTES}${html.slice(end)}`);
}

function writeConfig(name: string, watches: object[]): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify({ watches }));
  return path;
}

function watchOf(folder: string, fields: object): object {
  return { id: WATCH, name: 'Russia–Japan peace treaty', keywords: ['peace treaty', 'Japan'], sources: [{ url: pathToFileURL(`${folder}/`).href }], ...fields };
}

async function runJson(...args: string[]): Promise<PassReport> {
  const outcome = await stancewatch('run', '--json', ...args);
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  return JSON.parse(outcome.stdout) as PassReport;
}

async function reprocessJson(...args: string[]): Promise<ReprocessReport> {
  const outcome = await stancewatch('reprocess', WATCH, '--json', ...args);
  expect(outcome.code).toBe(0);
  return JSON.parse(outcome.stdout) as ReprocessReport;
}

function outboxOf(dataDir: string): string[] {
  const outbox = join(dataDir, 'outbox');
  return existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith('.txt')) : [];
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('stancewatch run --baseline, then a watch that gains speakers, then reprocess', () => {
  const dataDir = join(work, 'archive');
  let captures: string;
  let putinOnly: string;
  let withSpeakers: string;

  beforeAll(() => {
    captures = captureFolder('captures', ['2017-11', '2019-03', '2019-06', '2019-12']);
    putinOnly = writeConfig('putin.json', [watchOf(captures, { speakers: ['Vladimir Putin'] })]);
    withSpeakers = writeConfig('speakers.json', [watchOf(captures, { speakers: ['Vladimir Putin', 'Shinzo Abe', 'Sergey Lavrov'] })]);
  });

  it('records the backlog of a first run as the ledger and sends no digest', async () => {
    const report = await runJson('--baseline', '--config', putinOnly, '--data-dir', dataDir);
    expect(report.articles).toMatchObject({ new: 4, failed: 0 });
    expect(report.stances.filter((stance) => stance.status === 'new').length).toBeGreaterThan(10);
    expect(report.digests).toEqual([]);
    expect(report.baselined).toEqual([{ watch: WATCH, statements: report.stances.length, alertable: expect.any(Number) }]);
    expect(outboxOf(dataDir)).toEqual([]);
    // Nothing is left pending for a later digest.
    const items = await archiveItems(dataDir);
    expect(items.filter((item) => item.sk.S?.startsWith('PEND#'))).toEqual([]);
    // The long article is archived compressed: reprocess below has to read it through the store's accessor.
    const long = items.find((item) => item.sk.S === 'A' && item.url.S?.endsWith('putin-japan-us-alliance-threat.html'));
    expect(long?.textGz?.B).toBeDefined();
    expect(long?.text).toBeUndefined();
  });

  it('sends the next run only what is new, and --baseline on that run changes nothing', async () => {
    addCapture(captures, '2024-06');
    const report = await runJson('--baseline', '--config', putinOnly, '--data-dir', dataDir);
    expect(report.articles).toMatchObject({ new: 1, duplicates: 4 });
    expect(report.baselined).toEqual([]);
    const fresh = report.stances.filter((stance) => stance.status !== 'repeat');
    expect(fresh.length).toBeGreaterThan(0);
    expect(new Set(report.stances.map((stance) => stance.publishedAt?.slice(0, 10)))).toEqual(new Set(['2024-06-06']));
    expect(report.digests).toEqual([expect.objectContaining({ watch: WATCH, delivered: true })]);
    const [digest] = outboxOf(dataDir);
    const text = readFileSync(join(dataDir, 'outbox', digest), 'utf8');
    expect(text).toContain('position on the war in Ukraine');
    // The 2019 condition of the backlog went to the ledger, not to the reader.
    expect(text).not.toContain('Japan would first have to withdraw');
  });

  it('finds nothing for speakers added to the config on a plain run, and points to reprocess', async () => {
    const outcome = await stancewatch('run', '--config', withSpeakers, '--data-dir', dataDir);
    expect(outcome.stdout).toContain('Articles: 5 fetched, 0 new, 0 revised, 5 already archived');
    expect(outcome.stdout).toContain('Nothing new');
    expect(outcome.stdout).toContain(`Speaker not found: "Shinzo Abe" (${WATCH})`);
    expect(outcome.stdout).toContain(`run \`stancewatch reprocess ${WATCH}\` to read the archived articles again`);
  });

  it("reprocess reads the archived articles again and finds the added speakers' statements, the compressed one's too", async () => {
    const report = await reprocessJson('--config', withSpeakers, '--data-dir', dataDir);
    expect(report.articles).toEqual({ read: 5, linked: 0, skipped: 0, failed: 0 });
    expect(new Set(report.stances.map((stance) => stance.speaker))).toEqual(new Set(['Shinzo Abe', 'Sergey Lavrov']));
    const lavrov = report.stances.filter((stance) => stance.speaker === 'Sergey Lavrov');
    expect(lavrov.map((stance) => stance.publishedAt?.slice(0, 10))).toEqual(['2019-12-19', '2019-12-19']);
    expect(lavrov[0]).toMatchObject({ status: 'new', text: expect.stringMatching(/Lavrov urged Japan/) });
    expect(report.stances.filter((stance) => stance.speaker === 'Shinzo Abe').length).toBeGreaterThanOrEqual(3);
  });

  it('adds nothing on a second reprocess: the archive is the same item for item', async () => {
    const before = await archiveItems(dataDir);
    const report = await reprocessJson('--config', withSpeakers, '--data-dir', dataDir);
    expect(report.stances).toEqual([]);
    expect(report.articles.read).toBe(5);
    expect(await archiveItems(dataDir)).toEqual(before);
  });

  it("sends the reprocessed statements in the next run's digest, as any new statement", async () => {
    const report = await runJson('--config', withSpeakers, '--data-dir', dataDir);
    expect(report.stances).toEqual([]);
    expect(report.digests).toEqual([expect.objectContaining({ watch: WATCH, delivered: true })]);
    const latest = outboxOf(dataDir).filter((name) => readFileSync(join(dataDir, 'outbox', name), 'utf8').includes('Lavrov urged Japan'));
    expect(latest).toHaveLength(1);
    // Nothing twice: the Ukraine condition went out in the digest before.
    expect(readFileSync(join(dataDir, 'outbox', latest[0]), 'utf8')).not.toContain('position on the war in Ukraine');
  });

  it('reads only articles published since --since, and says in its summary that it found nothing new', async () => {
    const outcome = await stancewatch('reprocess', WATCH, '--since', '2019-06', '--config', withSpeakers, '--data-dir', dataDir);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Articles read again: 3, 0 no longer matching the keywords, 0 failed.');
    expect(outcome.stdout).toContain('Nothing new: every statement these articles hold for the watch is already in its ledger.');
  });

  it("rewrites once the claims a watch's new synonyms change, keeping the ledger's term counts true to its claims", async () => {
    const synonyms = { island: 'kurils' };
    const config = writeConfig('synonyms.json', [watchOf(captures, { speakers: ['Vladimir Putin', 'Shinzo Abe', 'Sergey Lavrov'], synonyms })]);
    const report = await reprocessJson('--config', config, '--data-dir', dataDir);
    expect(report.stances).toEqual([]);
    const items = await archiveItems(dataDir);
    const claims = items.filter((item) => item.type?.S === 'statement').map((item) => ({ claim: item.claim.S!, norm: item.claimNorm?.S }));
    expect(new Set(claims.map((claim) => claim.norm))).toEqual(new Set([claimNormOf({ synonyms })]));
    expect(claims.filter((claim) => / kurils\b|^kurils\b/.test(claim.claim)).length).toBeGreaterThan(3);
    expect(claims.filter((claim) => /\bisland\b/.test(claim.claim))).toEqual([]);
    // Every term's count is the number of statements whose claim holds it, as if the ledger had been counted anew.
    const counted = new Map<string, number>();
    for (const { claim } of claims) for (const term of countedTokens(claim)) counted.set(term, (counted.get(term) ?? 0) + 1);
    const stored = items.filter((item) => item.pk.S?.endsWith('#DF') && Number(item.statements.N) > 0).map((item) => [item.sk.S!, Number(item.statements.N)] as const);
    expect(new Map(stored)).toEqual(counted);
    // A second reprocess finds nothing stale: the archive is the same item for item.
    await reprocessJson('--config', config, '--data-dir', dataDir);
    expect(await archiveItems(dataDir)).toEqual(items);
  });

  it('refuses a watch the config does not have, naming the ones it has', async () => {
    const outcome = await stancewatch('reprocess', 'no-such-watch', '--config', withSpeakers, '--data-dir', dataDir);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('no watch "no-such-watch" in the config (its watches: russia-japan-treaty)');
  });
});

describe('keyword groups: any, all, none', () => {
  const dataDir = join(work, 'groups-archive');
  const NORTH_KOREA = { any: ['peace treaty'], all: ['Japan'], none: ['North Korea'] };
  let captures: string;

  beforeAll(() => {
    captures = captureFolder('group-captures', ['2017-11', '2019-03', '2019-06', '2024-06']);
  });

  it('keeps articles with an "any" and every "all" keyword, and drops those with a "none" one', async () => {
    // A second watch keeps every Putin article from the same folder, so the archive holds them all.
    const config = writeConfig('groups.json', [
      watchOf(captures, { keywords: NORTH_KOREA, speakers: ['Vladimir Putin'] }),
      watchOf(captures, { id: 'putin', keywords: { all: ['Putin'] } }),
    ]);
    const report = await runJson('--config', config, '--data-dir', dataDir);
    const skipped = report.skips.filter((skip) => skip.watch === WATCH);
    expect(skipped.map((skip) => skip.url.split('/').pop()).sort()).toEqual([
      '2017-11-10-putin-links-peace-treaty.html',
      '2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance.html',
    ]);
    expect(skipped[0].reason).toBe('not about the watch (mentions "North Korea", which it excludes)');
    const query = await stancewatch('query', WATCH, '--json', '--config', config, '--data-dir', dataDir);
    expect((JSON.parse(query.stdout) as Array<{ publishedAt: string }>).map((row) => row.publishedAt.slice(0, 7))).toEqual(['2019-06', '2019-03']);
    expect(report.stances.filter((stance) => stance.watch === WATCH).every((stance) => stance.publishedAt! < '2020')).toBe(true);
  });

  it('requires every "all" keyword: a watch on "all": ["Japan", "Ukraine"] keeps only the 2024 article', async () => {
    const config = writeConfig('all.json', [watchOf(captures, { id: 'ukraine', keywords: { all: ['Japan', 'Ukraine'] } })]);
    const report = await runJson('--config', config, '--data-dir', dataDir);
    const kept = new Set(report.stances.map((stance) => stance.publishedAt?.slice(0, 10)));
    expect(kept).toEqual(new Set(['2024-06-06']));
    expect(report.skips.map((skip) => skip.reason)).toContain('not about the watch (lacks "Ukraine", which it must mention)');
  });

  it('after "none" is dropped, reprocess takes in the articles another watch archived from its sources', async () => {
    const config = writeConfig('widened.json', [
      watchOf(captures, { keywords: { any: ['peace treaty'], all: ['Japan'] }, speakers: ['Vladimir Putin'] }),
      watchOf(captures, { id: 'putin', keywords: { all: ['Putin'] } }),
    ]);
    const report = await reprocessJson('--config', config, '--data-dir', dataDir);
    expect(report.articles).toEqual({ read: 4, linked: 2, skipped: 0, failed: 0 });
    expect(new Set(report.stances.map((stance) => stance.publishedAt?.slice(0, 10)))).toEqual(new Set(['2017-11-10', '2024-06-06']));
    const query = await stancewatch('query', WATCH, '--json', '--config', config, '--data-dir', dataDir);
    expect(JSON.parse(query.stdout)).toHaveLength(4);
  });

  it('refuses an unknown keyword group, naming the one it resembles', async () => {
    const config = writeConfig('typo.json', [watchOf(captures, { keywords: { any: ['Japan'], non: ['North Korea'] } })]);
    const outcome = await stancewatch('run', '--config', config, '--data-dir', dataDir);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('unknown field "non" in watches[0].keywords (did you mean "none"?)');
  });
});
