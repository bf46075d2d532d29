/**
 * Attribution benchmark on PolNeAR (political news, every attribution hand-marked as source, cue and content): who said
 * each statement Stancewatch reports, against the annotators. Develop on `train`, measure on `dev`; `test` is never read.
 *
 * Reports, per split, for Stancewatch and for a naive baseline in the same run (definitions in bench/lib/attribution/
 * score.ts): speaker accuracy, coverage of named-source speech attributions, and the share of statements that are no
 * one's. Bars on dev: accuracy ≥ 0.92, coverage ≥ 0.5, no one's ≤ 0.25. Writes `bench/results/attribution.json`; exit
 * code 1 below a bar.
 *
 * @example
 * npm run bench:attribution -- --polnear ~/PolNeAR            # dev
 * npm run bench:attribution -- --polnear ~/PolNeAR --split train --limit 200 --misses 40   # while developing
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractStatements } from '../shared/stances/index.js';
import { baselineStatements } from './lib/attribution/baseline.js';
import { paragraphsOf, polnearDataDir, readSplit, type Split } from '../support/polnear.js';
import { emptyTally, figuresOf, hasNamedSource, isRightSpeaker, isSpeech, matchAttribution, tallyArticle, type ScoredStatement } from './lib/attribution/score.js';

const BARS = { accuracy: 0.92, coverage: 0.5, noOnesShare: 0.25 } as const;
const RESULTS_FILE = fileURLToPath(new URL('./results/attribution.json', import.meta.url));

const { values } = parseArgs({ options: { polnear: { type: 'string' }, split: { type: 'string', default: 'dev' }, misses: { type: 'string', default: '0' }, limit: { type: 'string' }, offset: { type: 'string', default: '0' } } });
if (!values.polnear) {
  console.error('usage: npm run bench:attribution -- --polnear DIR [--split dev|train] [--misses N]   (DIR: a copy of networkdynamics/PolNeAR)');
  process.exit(2);
}
const split = values.split as Split;
if (split !== 'dev' && split !== 'train') {
  console.error(`--split ${split}: only dev and train are read; test stays unseen`);
  process.exit(2);
}

const first = Number(values.offset);
const articles = readSplit(polnearDataDir(values.polnear), split).slice(first, values.limit ? first + Number(values.limit) : undefined);
const ours = emptyTally();
const baseline = emptyTally();
const misses: string[] = [];
const started = performance.now();
for (const article of articles) {
  const paragraphs = paragraphsOf(article.text);
  const body = paragraphs.slice(1); // the first paragraph is the headline; the pipeline reads the body
  const offset = body[0]?.start ?? 0;
  const statements: ScoredStatement[] = extractStatements(body.map((p) => p.text)).map((statement) => ({
    speaker: statement.speaker,
    start: toFileOffset(statement.start ?? 0, body, offset),
    end: toFileOffset((statement.end ?? 0) - 1, body, offset) + 1,
  }));
  tallyArticle(ours, statements, article.attributions);
  tallyArticle(baseline, baselineStatements(body), article.attributions);
  if (misses.length < Number(values.misses)) collectMisses(article.text, statements, article.attributions);
}
const elapsedMs = Math.round(performance.now() - started);

/** Article-text offsets (paragraphs joined by a blank line) back to offsets in the corpus file. */
function toFileOffset(offset: number, body: Array<{ text: string; start: number }>, first: number): number {
  let joined = 0;
  for (const paragraph of body) {
    if (offset < joined + paragraph.text.length + 2) return paragraph.start + (offset - joined);
    joined += paragraph.text.length + 2;
  }
  return first + offset;
}

function collectMisses(text: string, statements: ScoredStatement[], attributions: ReturnType<typeof readSplit>[number]['attributions']): void {
  const covered = new Set<(typeof attributions)[number]>();
  const flat = (span: string) => span.replace(/\s+/g, ' ');
  for (const statement of statements) {
    const attribution = matchAttribution(statement, attributions);
    const said = flat(text.slice(statement.start, statement.end)).slice(0, 160);
    if (!attribution) misses.push(`no one's   [${statement.speaker}] ${said}`);
    else if (hasNamedSource(attribution) && !isRightSpeaker(statement.speaker, attribution)) {
      misses.push(`wrong      [${statement.speaker} ≠ ${attribution.sourceText}] ${said}`);
    } else covered.add(attribution);
  }
  // The coverage misses: named speech attributions no statement reported with the right speaker.
  for (const attribution of attributions.filter((candidate) => hasNamedSource(candidate) && isSpeech(candidate) && !covered.has(candidate))) {
    const content = attribution.content.map((span) => flat(text.slice(span.start, span.end))).join(' … ');
    misses.push(`missed     [${flat(attribution.sourceText)} | ${flat(attribution.cueText)}] ${content.slice(0, 160)}`);
  }
}

const result = {
  generatedAt: new Date().toISOString(),
  split,
  articles: articles.length,
  bars: BARS,
  stancewatch: figuresOf(ours),
  baseline: figuresOf(baseline),
  elapsedMs,
  passed: false,
};
const s = result.stancewatch;
result.passed = split === 'dev' && s.accuracy >= BARS.accuracy && s.coverage >= BARS.coverage && s.noOnesShare <= BARS.noOnesShare;
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
if (split === 'dev') writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);

console.log(`attribution on PolNeAR ${split} (${articles.length} articles, ${elapsedMs} ms)`);
console.log('row              statements  accuracy  coverage  no one\'s');
for (const [name, row] of [['stancewatch', result.stancewatch], ['naive baseline', result.baseline]] as const) {
  console.log(`${name.padEnd(16)} ${String(row.statements).padStart(10)}  ${row.accuracy.toFixed(3).padStart(8)}  ${row.coverage.toFixed(3).padStart(8)}  ${row.noOnesShare.toFixed(3).padStart(8)}`);
}
const verdict = split !== 'dev' ? `not judged on ${split}` : result.passed ? 'passed' : 'FAILED';
console.log(`bars on dev: accuracy ≥ ${BARS.accuracy}, coverage ≥ ${BARS.coverage}, no one's ≤ ${BARS.noOnesShare}: ${verdict}`);
for (const miss of misses) console.log(`  ${miss}`);
if (split === 'dev') console.log(`written ${RESULTS_FILE}`);
// Only dev is measured against the bars; a train run is for development and exits 0.
if (split === 'dev' && !result.passed) process.exitCode = 1;
