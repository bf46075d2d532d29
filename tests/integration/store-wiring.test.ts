import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalRuntime, type LocalRuntime } from '../../bin/local-runtime.js';
import { startSampleServer, type SampleServer } from '../../bin/sample-server.js';
import { createSourceDeps, withWatches } from '../../lambdas/lib/aws-deps.js';
import { parseConfig } from '../../shared/config/index.js';
import { canonicalizeUrl } from '../../shared/dedupe/index.js';
import { processSource, runPass, stderrLog, type SourceOutcome } from '../../shared/pipeline/index.js';
import { dynamoWatchConfig, hashKey, type ArchiveStore } from '../../shared/store/index.js';
import { lambdaTableEnv, startTestTable, type TestTable } from '../helpers/dynamo.js';

const WATCH = 'treaty';

const PARAGRAPHS = [
  'Russian President Vladimir Putin said Russia will not sign a peace treaty with Japan unless Tokyo first ends its sanctions against Moscow.',
  'The two countries have never signed a peace treaty since the end of World War II because of a dispute over islands off Hokkaido that Russia calls the Southern Kurils and Japan the Northern Territories.',
  'Speaking to reporters after a meeting in the Kremlin, Putin said the question of the islands could only be discussed once trust between the two governments had been restored.',
  'Officials in Tokyo declined to comment on the remarks, saying they would study the full text of the statement before responding to it in detail.',
];

/** A page with no site name, no byline, no date and no canonical link: only a title and paragraphs. */
function sparsePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}</article></body></html>`;
}

/**
 * The sparse coverage: a wire story, an exact copy and an edited copy of it at other paths, and an unrelated
 * story whose page has not even a title; the feed gives no dates and no authors either.
 */
const SITE: Record<string, string> = {
  'wire/treaty.html': sparsePage('Putin sets condition for peace treaty', PARAGRAPHS),
  'mirror/treaty-copy.html': sparsePage('Putin sets condition for peace treaty', PARAGRAPHS),
  'partner/treaty-edited.html': sparsePage('Putin: treaty needs sanctions lifted', [
    ...PARAGRAPHS.slice(0, 3),
    'Officials in Tokyo declined to comment on Friday, saying they would study the full text of the statement first.',
  ]),
  'blog/islands.html': `<!doctype html><html><body><div>
<p>Foreign Minister Sergei Lavrov said Moscow remained open to peace treaty talks with Japan if Tokyo stopped its military drills near the islands.</p>
<p>He told a news conference that the drills near the islands made any progress on a peace treaty much harder than it had been a year ago.</p>
<p>Japanese diplomats have repeatedly said the dispute over the islands must be settled before a treaty can be signed by both governments.</p>
</div></body></html>`,
  'feed.xml': `<?xml version="1.0"?><rss version="2.0"><channel><title>Sparse wire</title><link>http://wire.example/</link>
${['wire/treaty.html', 'mirror/treaty-copy.html', 'partner/treaty-edited.html', 'blog/islands.html'].map((path) => `<item><link>${path}</link></item>`).join('\n')}
</channel></rss>`,
};

function writeSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'stancewatch-sparse-'));
  for (const [path, body] of Object.entries(SITE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  return root;
}

function watchConfig(baseUrl: string) {
  return { watches: [{ id: WATCH, name: 'Peace treaty', keywords: ['peace treaty'], sources: [{ url: `${baseUrl}/feed.xml` }] }] };
}

/** What both wirings must have stored: the two stories, the copies listed on the first, their statements. */
async function expectSparseCoverageStored(store: ArchiveStore, baseUrl: string): Promise<void> {
  const wire = await store.getArticle(hashKey(canonicalizeUrl(`${baseUrl}/wire/treaty.html`)));
  expect(wire).toMatchObject({ title: 'Putin sets condition for peace treaty' });
  expect(wire?.siteName).toBeUndefined();
  expect(wire?.publishedAt).toBeUndefined();
  expect(wire?.alsoPublishedBy?.map((copy) => copy.url).sort()).toEqual([`${baseUrl}/mirror/treaty-copy.html`, `${baseUrl}/partner/treaty-edited.html`]);
  expect(wire?.alsoPublishedBy?.every((copy) => copy.outlet === undefined)).toBe(true);
  const statements = await store.listStatements(WATCH);
  expect(statements.map((statement) => statement.text)).toEqual(expect.arrayContaining([expect.stringContaining('unless Tokyo first ends its sanctions')]));
  expect((await store.listArticles(WATCH)).map((link) => link.url)).toHaveLength(2);
}

describe('one DynamoDB client shared by the archive, the host boilerplate store and the queries', () => {
  let site: string;
  let server: SampleServer;

  beforeAll(async () => {
    site = writeSite();
    server = await startSampleServer(site);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(site, { recursive: true, force: true });
  });

  describe('wired as the CLI wires it (openLocalRuntime)', () => {
    let dataDir: string;
    let runtime: LocalRuntime;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'stancewatch-wiring-'));
      const config = join(dataDir, 'watches.json');
      writeFileSync(config, JSON.stringify(watchConfig(server.baseUrl)));
      runtime = await openLocalRuntime({ config, dataDir, readsSources: true, printDigests: false, log: stderrLog('silent') });
    });

    afterAll(async () => {
      await runtime?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('stores sparse pages and their syndicated copies in a whole pass, with no failure', async () => {
      const report = await runPass(runtime.deps, 'run-1');
      expect(report.failures).toEqual([]);
      expect(report.articles).toMatchObject({ fetched: 4, new: 2, duplicates: 2, failed: 0 });
      expect(report.digests).toEqual([expect.objectContaining({ delivered: true })]);
      await expectSparseCoverageStored(runtime.deps.store, server.baseUrl);
    });

    it('answers the queries on the same client, and a second pass over the same coverage fails nothing either', async () => {
      const titles = (await runtime.queries.articles({ watchId: WATCH })).map((link) => link.title);
      // The untitled page is listed under its first sentence.
      expect(titles.sort()).toEqual([expect.stringMatching(/^Foreign Minister Sergei Lavrov said/), 'Putin sets condition for peace treaty']);
      expect(await runtime.queries.statements({ watchId: WATCH, text: 'sanctions' })).not.toEqual([]);
      const again = await runPass(runtime.deps, 'run-2');
      expect(again.failures).toEqual([]);
    });
  });

  describe('wired as the processing Lambda wires it (createSourceDeps)', () => {
    let table: TestTable;
    const savedEnv = { ...process.env };

    beforeAll(async () => {
      table = await startTestTable();
      Object.assign(process.env, {
        ...lambdaTableEnv(table),
        ALLOW_PRIVATE_NETWORK: 'true',
      });
      // The watches as `stancewatch watches push` leaves them, where the Lambda reads them.
      await dynamoWatchConfig(table.client, table.tableName).pushWatches(parseConfig(watchConfig(server.baseUrl), 'test'));
    });

    afterAll(async () => {
      process.env = savedEnv;
      await table?.close();
    });

    it('stores the same sparse pages and copies from one source message, with no failure', async () => {
      const deps = await withWatches(createSourceDeps(process.env, stderrLog('silent')));
      const outcome: SourceOutcome = await processSource({ watchId: WATCH, sourceUrl: `${server.baseUrl}/feed.xml`, runId: 'run-1' }, deps);
      expect(outcome.failures).toEqual([]);
      expect(outcome.articles).toMatchObject({ fetched: 4, new: 2, duplicates: 2, failed: 0 });
      await expectSparseCoverageStored(table.store, server.baseUrl);
    });
  });
});
