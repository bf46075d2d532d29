import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from '../helpers/cli.js';
import { archiveItems } from '../helpers/archive.js';

const SEED = new URL('../../../shared/seeds/003_9f3c07811539134b.txt', import.meta.url).pathname;
/** The 2024 sample article, which `run` archives from the bundled sample coverage. */
const SAMPLE_PAGE = new URL('../../samples/sites/japan-forward/2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance.html', import.meta.url).pathname;
const WATCH = 'russia-japan-treaty';
const work = mkdtempSync(join(tmpdir(), 'stancewatch-statements-'));
const dataDir = join(work, 'archive');
const UGLY = join(work, 'ugly.html');

/**
 * Tag soup with nothing but text: no title, no date, no site name, unclosed paragraphs inside a table beside a menu
 * and an ad. It withdraws the 2019 condition (leave the US alliance), sets another, and quotes someone the sample
 * watch does not follow.
 */
const UGLY_PAGE = `<html><body bgcolor=white><table><tr><td><div><div><font size=2>Home | World | Login</font>
<p>Vladimir Putin said on Tuesday that Russia no longer insists on Japan first withdrawing from its security alliance with the United States before a peace treaty is signed.
<p>The Kremlin gave no date for new talks<td><div>Advertisement
<p>Japanese Foreign Minister Yoko Kamikawa said Tokyo would not resume treaty talks unless Russia ends its war in Ukraine.
<p>Putin also said Japan must lift its sanctions before any talks on a peace treaty can resume, in a communiqué read out in Moscow.
</table><script>var x = "<p>not text</p>";</script>`;

interface Row {
  speaker: string | null;
  speaksFor?: string;
  kind: string;
  polarity: string;
  text: string;
  start: number;
  end: number;
  alertable: boolean;
  verdict?: string;
  status?: string;
  closest?: { url: string };
}

interface ArticleLine {
  input: string;
  url: string;
  title: string;
  statements: Row[];
  error?: string;
}

const stancewatch = (...args: string[]): Promise<CliOutcome> => runCli(args, { cwd: work });

function jsonLines(stdout: string): ArticleLine[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as ArticleLine);
}

/** The article text `extract` gives for an input: what the statements' offsets point into. */
async function articleText(input: string): Promise<string> {
  return (JSON.parse((await stancewatch('extract', input, '--json')).stdout) as { text: string }).text;
}

/** The ugly page again, served on loopback in windows-1252 (declared only in the Content-Type header). */
let server: Server;
let pageUrl: string;

beforeAll(async () => {
  writeFileSync(UGLY, UGLY_PAGE);
  server = createServer((request, response) => {
    if (request.url !== '/ugly.html') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(Buffer.from(UGLY_PAGE, 'latin1'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ugly.html`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe('stancewatch statements', () => {
  it('prints one JSON line per input in input order, offsets into the article text, and an error line for a bad input', async () => {
    const outcome = await stancewatch('statements', SEED, '/no/such/page.html', UGLY, pageUrl, '--json');
    expect(outcome.code).toBe(1);
    const [seed, missing, ugly, served] = jsonLines(outcome.stdout);
    expect(missing).toEqual({ input: '/no/such/page.html', error: expect.stringMatching(/no such file/) });

    expect(seed).toMatchObject({ input: SEED, url: expect.stringMatching(/^file:/), title: 'Putin says no talks with Japan unless it alters stance on Ukraine' });
    expect(seed.statements).toContainEqual(
      expect.objectContaining({ speaker: 'Vladimir Putin', kind: 'condition', text: expect.stringContaining('Japan first needs to change its position on the war in Ukraine') }),
    );
    const seedText = await articleText(SEED);
    for (const row of seed.statements) {
      expect(seedText.slice(row.start, row.end)).toBe(row.text);
      // A claim is shown, and marked as never alerted; without --watch nothing is judged.
      expect(row.alertable).toBe(row.kind !== 'claim');
      expect(row).not.toHaveProperty('verdict');
    }

    const uglyText = await articleText(UGLY);
    expect(ugly.statements.map((row) => uglyText.slice(row.start, row.end))).toEqual(ugly.statements.map((row) => row.text));
    expect(ugly.statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ speaker: 'Vladimir Putin', text: expect.stringContaining('must lift its sanctions before any talks on a peace treaty can resume, in a communiqué') }),
        expect.objectContaining({ speaker: 'Yoko Kamikawa', text: expect.stringContaining('unless Russia ends its war') }),
      ]),
    );
    expect(served).toMatchObject({ input: pageUrl, url: pageUrl });
    expect(served.statements).toEqual(ugly.statements);
  });

  it('prints a readable block per article, claims marked, and names a bad input on stderr', async () => {
    const outcome = await stancewatch('statements', SEED, '/no/such/page.html');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('/no/such/page.html: cannot read /no/such/page.html: no such file\n');
    expect(outcome.stdout).toContain(`==> ${SEED} <==\nPutin says no talks with Japan unless it alters stance on Ukraine\n`);
    expect(outcome.stdout).toMatch(/^1\. +condition · negative · Vladimir Putin \(Russian President\)$/m);
    expect(outcome.stdout).toMatch(/^ +characters 0–\d+ · paragraph 1$/m);
    expect(outcome.stdout).toMatch(/^\d+\. +claim, never alerted · positive · /m);
    expect(outcome.stdout).not.toMatch(/\b(NEW|REPEAT|CHANGED)\b/);
    // A statement that opens with its own quotation is not quoted again, as in the digest.
    expect(outcome.stdout).toMatch(/^ +“Everything that has been done has been done by Japan,” Putin said/m);
    expect(outcome.stdout).not.toContain('““');
  });

  it('names whom a spokesperson speaks for, in JSON and in the readable block', async () => {
    const page = join(work, 'spokesman.txt');
    const paragraphs = [
      'Kremlin rules out talks',
      'Russian President Vladimir Putin met his security council in Moscow on Monday to discuss relations with Japan.',
      'Dmitry Peskov, a spokesman for Vladimir Putin, said Russia would not resume talks unless Japan changes course.',
    ];
    writeFileSync(page, paragraphs.join('\n\n'));
    const [article] = jsonLines((await stancewatch('statements', page, '--json')).stdout);
    expect(article.statements).toEqual([
      expect.objectContaining({ speaker: 'Dmitry Peskov', role: 'spokesman', speaksFor: 'Vladimir Putin', kind: 'condition' }),
    ]);
    // The role the appositive gives, then whom it speaks for.
    expect((await stancewatch('statements', page)).stdout).toMatch(/^1\. +condition · negative · Dmitry Peskov \(spokesman, for Vladimir Putin\)$/m);
  });

  it('gives a post embedded in a page (X embed code in a "social-embed" wrapper) to the author its credit line names', async () => {
    const page = join(work, 'embed.html');
    const post = 'We will not sign off on the port expansion unless Brevolt pays for the new sea wall.';
    writeFileSync(
      page,
      `<html><head><title>Norvale mayor hardens stance on port</title></head><body><article><h1>Norvale mayor hardens stance on port</h1>
      <p>The mayor of Norvale has hardened her position on the port expansion, according to a post on Tuesday.</p>
      <div class="social-embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">${post} <a href="https://t.co/x1">pic.twitter.com/x1Ab</a></p>&mdash; Ana Lima (@analima) <a href="https://x.com/analima/status/1">March 3, 2025</a></blockquote></div>
      <p>Brevolt did not respond to a request for comment.</p></article></body></html>`,
    );
    const [article] = jsonLines((await stancewatch('statements', page, '--json')).stdout);
    const text = await articleText(page);
    expect(text).not.toContain('pic.twitter.com');
    const stance = article.statements.find((row) => row.kind === 'condition');
    expect(stance).toMatchObject({ speaker: 'Ana Lima', text: post });
    expect(text.slice(stance!.start, stance!.end)).toBe(post);
  });

  it('with --watch, gives an op-ed to the watched speaker its byline names', async () => {
    const config = join(work, 'port-watch.json');
    const page = join(work, 'op-ed.html');
    const archive = join(work, 'port-archive');
    mkdirSync(archive);
    writeFileSync(config, JSON.stringify({ watches: [{ id: 'port', name: 'Norvale port', keywords: ['port'], speakers: ['Ana Lima'], sources: [{ url: 'http://127.0.0.1:9/feed.xml' }] }] }));
    writeFileSync(
      page,
      `<html><head><title>Why Norvale will not sign yet</title><meta name="author" content="Ana Lima"></head><body><article>
      <h1>Why Norvale will not sign yet</h1>
      <p>The port of Norvale has waited ten years for its expansion, and the harbour can wait a few months more.</p>
      <p>We will not sign off on the port expansion unless Brevolt pays for the new sea wall.</p></article></body></html>`,
    );
    const [article] = jsonLines((await stancewatch('statements', '--config', config, '--watch', 'port', '--data-dir', archive, page, '--json')).stdout);
    expect(article.statements).toContainEqual(expect.objectContaining({ speaker: 'Ana Lima', kind: 'condition', verdict: 'new' }));
  });

  it('refuses archive options without --watch instead of ignoring them', async () => {
    const outcome = await stancewatch('statements', SEED, '--data-dir', dataDir);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(`stancewatch: --data-dir only applies with --watch ID, which judges the statements against that watch's archive\n`);
    expect(outcome.stdout).toBe('');
  });
});

describe('stancewatch statements --watch, after a run has filled the archive', () => {
  beforeAll(async () => {
    const run = await stancewatch('run', '--quiet', '--data-dir', dataDir);
    expect(run.code).toBe(0);
  });

  it("judges each statement against the watch's ledger, keeps only the watch's speakers, and stores nothing", async () => {
    const before = await archiveItems(dataDir);
    const outcome = await stancewatch('statements', '--watch', WATCH, '--data-dir', dataDir, SAMPLE_PAGE, UGLY, '--json');
    const text = await stancewatch('statements', '--watch', WATCH, '--data-dir', dataDir, SAMPLE_PAGE, UGLY);
    const after = await archiveItems(dataDir);
    expect(before.length).toBeGreaterThan(0);
    expect(after).toHaveLength(before.length);
    expect(after).toEqual(before);

    expect(outcome.code).toBe(0);
    const [sample, ugly] = jsonLines(outcome.stdout);
    // Every statement of an archived article is in the ledger already: each comes back a repeat of itself.
    expect(sample.statements.length).toBeGreaterThan(0);
    for (const row of sample.statements) {
      expect(row).toMatchObject({ speaker: 'Vladimir Putin', verdict: 'repeat', status: 'repeat', closest: { url: sample.url } });
    }
    expect(ugly.statements.every((row) => row.speaker === 'Vladimir Putin')).toBe(true);
    const withdrawal = ugly.statements.find((row) => /no longer insists/.test(row.text));
    expect(withdrawal).toMatchObject({ verdict: 'withdrawn', status: expect.stringMatching(/^(new|changed)$/) });

    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/judged against the \d+ in the ledger of russia-japan-treaty \(nothing stored\)/);
    expect(text.stdout).toMatch(/^1\. +REPEAT · condition · negative · Vladimir Putin/m);
    expect(text.stdout).toMatch(/^ +earlier: the same words \(Japan Forward, 2024-06-06\)$/m);
    // The ugly page names no title: the one the ledger knows him by is shown.
    expect(text.stdout).toMatch(/^1\. +WITHDRAWN · condition · negative · Vladimir Putin \(Russian President\)$/m);
    expect(text.stdout).not.toContain('Kamikawa');
  });

  it('names a watch the config does not have', async () => {
    const outcome = await stancewatch('statements', '--watch', 'no-such-watch', '--data-dir', dataDir, SEED);
    expect(outcome).toMatchObject({ code: 1, stdout: '', stderr: 'stancewatch: no watch "no-such-watch" in the config\n' });
  });
});
