import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassReport } from '../../shared/pipeline/index.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/stancewatch.mjs', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'stancewatch-report-'));
const captures = join(folder, 'captures');
const dataDir = join(folder, 'archive');
const config = join(folder, 'watches.json');

/** A page as a Russian outlet publishes it: the same story, in Russian. */
function pageIn(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs
    .map((text) => `<p>${text}</p>`)
    .join('')}</article></body></html>`;
}

const RUSSIAN = pageIn('Путин: мирный договор с Японией возможен только после смены её позиции', [
  'Президент России Владимир Путин заявил в среду, что условий для возобновления переговоров с Японией о мирном договоре сейчас нет.',
  'По словам главы государства, Токио сам испортил двусторонние отношения, поддержав Украину, и для диалога Японии сначала нужно изменить свою позицию.',
  'Путин добавил, что Россия не отказывается от переговоров, но продолжать их в нынешних условиях невозможно, и напомнил о декларации 1956 года.',
]);
const UKRAINIAN = pageIn('Путін заявив, що мирний договір з Японією неможливий', [
  'Президент Росії Володимир Путін заявив у середу, що умов для відновлення переговорів з Японією щодо мирного договору зараз немає.',
  'За його словами, Токіо сам зіпсував двосторонні відносини, підтримавши Україну, і для діалогу Японії спочатку потрібно змінити свою позицію.',
  'Путін додав, що Росія не відмовляється від переговорів, але продовжувати їх у нинішніх умовах неможливо.',
]);

async function stancewatch(...args: string[]): Promise<string> {
  try {
    return (await run(process.execPath, [CLI, ...args, '--config', config, '--data-dir', dataDir], { cwd: folder, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    // A run with a failed page exits 1; its report is what this file looks at.
    return (error as { stdout: string }).stdout;
  }
}

beforeAll(() => {
  mkdirSync(captures);
  writeFileSync(join(captures, 'putin-japan-ru.html'), RUSSIAN);
  const watch = {
    id: 'russia-japan-treaty',
    name: 'Russia–Japan peace treaty',
    keywords: ['peace treaty', 'Japan'],
    // The second spelling is the one Russian coverage uses: English coverage never matches it.
    speakers: ['Vladimir Putin', 'Владимир Путин'],
    sources: [{ url: '${SAMPLES_URL}/feed.xml' }, { url: pathToFileURL(`${captures}/`).href }],
  };
  writeFileSync(config, JSON.stringify({ watches: [watch] }));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('stancewatch run reports what it could not read', () => {
  it('skips a Russian article with its language, and names the speaker no article quotes', async () => {
    const report = JSON.parse(await stancewatch('run', '--json')) as PassReport;
    expect(report.skips).toContainEqual({
      watch: 'russia-japan-treaty',
      url: pathToFileURL(join(captures, 'putin-japan-ru.html')).href,
      reason: 'language not supported (ru)',
    });
    expect(report.articles.new).toBe(5);
    expect(report.stances.some((stance) => stance.speaker === 'Vladimir Putin')).toBe(true);
    expect(report.unmatchedSpeakers).toEqual([
      { watch: 'russia-japan-treaty', speaker: 'Владимир Путин', reason: 'no statement by this speaker in any article of the watch yet' },
    ]);
  });

  it('lists both in the text summary of a later run', async () => {
    writeFileSync(join(captures, 'putin-japan-uk.html'), UKRAINIAN);
    const summary = await stancewatch('run');
    expect(summary).toContain(`Skipped: ${pathToFileURL(join(captures, 'putin-japan-uk.html')).href}: language not supported (uk)`);
    expect(summary).toContain('Speaker not found: "Владимир Путин" (russia-japan-treaty) is quoted in none of the watch\'s articles');
    expect(summary).not.toContain('Speaker not found: "Vladimir Putin"');
  });
});
