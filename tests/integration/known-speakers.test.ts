import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { defaultFetchOptions } from '../../shared/fetch/index.js';
import { runPass, stderrLog, type PipelineDeps } from '../../shared/pipeline/index.js';
import { useTestTable } from '../helpers/dynamo.js';

const captures = mkdtempSync(join(tmpdir(), 'stancewatch-known-'));
afterAll(() => rmSync(captures, { recursive: true, force: true }));

/** A captured article page with a date, as a `file://` source's folder holds them. */
function capture(name: string, date: string, title: string, paragraphs: string[]): void {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  const html = `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="${date}T09:00:00Z"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
  writeFileSync(join(captures, name), html);
}

describe("a watch's known speakers, in dynalite", () => {
  const table = useTestTable();

  it('keeps the fullest role and principal each speaker was given, field by field', async () => {
    const { store } = table;
    await store.rememberSpeakers('rates', [{ name: 'Peter Walsh', speaksFor: 'Corran Bay Water' }, { name: 'Lena Dorn', role: 'Mayor' }]);
    // Fewer words: kept out; as many: the later one; a field not given before: added.
    await store.rememberSpeakers('rates', [{ name: 'Peter Walsh', role: 'spokesman', speaksFor: 'utility' }, { name: 'Lena Dorn', role: 'Deputy Mayor' }]);
    await store.rememberSpeakers('rates', [{ name: 'Lena Dorn', role: 'Acting Mayor' }]);
    const known = await store.listKnownSpeakers('rates');
    expect(known.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Lena Dorn', role: 'Acting Mayor' },
      { name: 'Peter Walsh', role: 'spokesman', speaksFor: 'Corran Bay Water' },
    ]);
    expect(await store.listKnownSpeakers('another-watch')).toEqual([]);
  });

  it("follows a spokesman a later article names only as the utility's, from what an earlier one said of him", async () => {
    const watch = {
      id: 'water',
      name: 'Corran water rates',
      keywords: ['water rates'],
      speakers: ['Lena Dorn'],
      sides: { utility: ['Corran Bay Water'] },
      sources: [{ url: pathToFileURL(`${captures}/`).href }],
    };
    const deps: PipelineDeps = {
      config: parseConfig({ watches: [watch] }, 'test'),
      store: table.store,
      notifiers: [],
      fetchOptions: defaultFetchOptions({ allowPrivateNetwork: true }),
      log: stderrLog('silent'),
      now: () => new Date('2026-04-01T10:00:00Z'),
    };
    capture('first.html', '2026-03-02', 'Utility holds water rates', [
      'Mayor Lena Dorn said the city would not accept any rise in water rates above inflation.',
      'Corran Bay Water spokesman Peter Walsh said the utility would not lower its proposed water rates.',
    ]);
    await runPass(deps, 'run-1');
    capture('second.html', '2026-03-20', 'Utility sets a deadline on water rates', [
      'The council met again on Tuesday to discuss water rates and the pipes.',
      'A spokesman for the utility, Peter Walsh, said it would withdraw the rate rise only if the council paid for the new pipes by May.',
    ]);
    const report = await runPass(deps, 'run-2');
    const second = report.stances.filter((stance) => stance.url.endsWith('second.html'));
    expect(second).toEqual([expect.objectContaining({ speaker: 'Peter Walsh', kind: 'condition', text: expect.stringContaining('only if the council paid') })]);
  });
});
