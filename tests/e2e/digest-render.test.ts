import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startSampleServer, type SampleServer } from '../../bin/sample-server.js';
import { loadConfigFile } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import type { OutgoingDigest } from '../../shared/notify/index.js';
import { runPass, stderrLog } from '../../shared/pipeline/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { startTestTable, type TestTable } from '../helpers/dynamo.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const DOCS = new URL('../../docs/', import.meta.url).pathname;
const WIDTHS = { phone: 375, desktop: 1280 } as const;

describe('the digest of the sample coverage, as a reader sees it', () => {
  let table: TestTable;
  let server: SampleServer;
  let browser: Browser;
  let digest: OutgoingDigest;

  beforeAll(async () => {
    [table, server, browser] = await Promise.all([startTestTable(), startSampleServer(`${SAMPLES}sites`), launchChromium()]);
    const sent: OutgoingDigest[] = [];
    await runPass(
      {
        config: loadConfigFile(`${SAMPLES}watches.json`, { SAMPLES_URL: server.baseUrl }),
        store: table.store,
        notifiers: [{ name: 'test', deliver: async (outgoing) => (sent.push(outgoing), ['test']) }],
        fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true }),
        log: stderrLog('silent'),
        // A fixed clock keeps the committed screenshots stable.
        now: () => new Date('2026-11-23T09:00:00Z'),
      },
      'render-test',
    );
    [digest] = sent;
    mkdirSync(DOCS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await table?.close();
  });

  it('reads as plain text in an SNS e-mail: no markup, the 2024 condition with speaker, outlet, date and link', () => {
    expect(digest.text).not.toMatch(/<[a-z][^>]*>/i);
    const entry = digest.text.split(/\n-{20,}\n/).find((block) => block.includes('position on the war in Ukraine'));
    expect(entry).toMatch(/condition/i);
    expect(entry).toMatch(/Vladimir Putin/);
    expect(entry).toMatch(/2024-06-06/);
    expect(entry).toMatch(/https:\/\/japan-forward\.example\//);
  });

  for (const [device, width] of Object.entries(WIDTHS)) {
    it(`fits a ${device} screen (${width}px) without sideways scrolling and keeps text readable`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.route('**/*', (route) => route.abort()); // the e-mail must need nothing from outside
      await page.setContent(digest.html, { waitUntil: 'load' });
      const layout = await page.evaluate(() => {
        const quotes = [...document.querySelectorAll('blockquote, p')].map((node) => Number.parseFloat(getComputedStyle(node).fontSize));
        return {
          scrollWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          smallestFont: Math.min(...quotes),
          columnWidth: Math.max(...[...document.body.children].map((node) => node.getBoundingClientRect().width)),
          externalAssets: document.querySelectorAll('img[src^="http"], link[rel="stylesheet"], script[src]').length,
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.smallestFont).toBeGreaterThanOrEqual(12);
      expect(layout.columnWidth).toBeLessThanOrEqual(Math.min(width, 700));
      expect(layout.externalAssets).toBe(0);
      await page.screenshot({ path: `${DOCS}digest-${device}.png`, clip: { x: 0, y: 0, width, height: 900 } });
      await page.close();
    });
  }
});
