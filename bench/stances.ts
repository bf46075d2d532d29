/**
 * Stance benchmark: precision and recall of "new or changed" over every labelled statement of the storylines in
 * `tests/fixtures/stances/` (seeds, labour dispute, trade negotiation), run as the pipeline runs them: articles in
 * date order, the watch's speakers only, each statement judged against the ledger so far.
 *
 * - A reported item is a statement judged `new` or `changed`. It is a true positive when it contains the quote of a
 *   label whose status is `new` or `changed`; otherwise (a repeat, a `none` label, or no label at all) a false one.
 * - A label with status `new` or `changed` is recalled when some reported item contains its quote.
 * Bars: precision ≥ 0.9 and recall ≥ 0.9. Writes `bench/results/stances.json`; exit code 1 below a bar.
 *
 * @example
 * npm run bench:stances
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StanceLabel } from '../tests/fixtures/stances/make-fixture.js';
import { loadStoryline, loadStorylineInfo, runStoryline, STORYLINE_DIRS, type JudgedStatement } from '../tests/fixtures/stances/storyline.js';

const BARS = { precision: 0.9, recall: 0.9 } as const;
const RESULTS_FILE = fileURLToPath(new URL('./results/stances.json', import.meta.url));
const REPORTED = new Set(['new', 'changed']);

interface Miss {
  storyline: string;
  date: string;
  kind: 'false positive' | 'false negative';
  text: string;
  got?: string;
  expected?: string;
  note?: string;
}

const matches = (judged: JudgedStatement, label: StanceLabel) => normalize(judged.statement.text).includes(normalize(label.quote));
const normalize = (text: string) => text.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ');

function scoreStoryline(dir: string) {
  const info = loadStorylineInfo(dir);
  const articles = loadStoryline(dir);
  const judged = runStoryline(articles, info.speakers, { watchedOnly: true });
  const misses: Miss[] = [];
  let truePositives = 0;
  let falsePositives = 0;
  let kindAgreement = 0;
  let speakerAgreement = 0;
  let matched = 0;
  for (const item of judged) {
    const labels = (item.article.labels ?? []).filter((label) => matches(item, label));
    const positive = labels.find((label) => REPORTED.has(label.status)) ?? labels[0];
    if (positive && positive.status !== 'none') {
      matched += 1;
      if (positive.kind === item.statement.kind) kindAgreement += 1;
      if (positive.speaker === item.statement.speaker) speakerAgreement += 1;
    }
    if (!REPORTED.has(item.verdict.status)) continue;
    if (positive && REPORTED.has(positive.status)) truePositives += 1;
    else {
      falsePositives += 1;
      misses.push({
        storyline: info.name,
        date: item.article.publishedAt,
        kind: 'false positive',
        text: item.statement.text,
        got: `${item.verdict.status} ${item.statement.kind} (${item.statement.speaker ?? 'unattributed'}, similarity ${item.verdict.similarity})`,
        expected: positive ? `${positive.status}` : 'no statement',
        note: positive?.note,
      });
    }
  }
  let positives = 0;
  let recalled = 0;
  for (const article of articles) {
    for (const label of article.labels ?? []) {
      if (!REPORTED.has(label.status)) continue;
      positives += 1;
      const found = judged.filter((item) => item.article === article && matches(item, label));
      if (found.some((item) => REPORTED.has(item.verdict.status))) recalled += 1;
      else {
        misses.push({
          storyline: info.name,
          date: article.publishedAt,
          kind: 'false negative',
          text: label.quote,
          got: found.length ? found.map((item) => `${item.verdict.status} ${item.statement.kind} (similarity ${item.verdict.similarity})`).join('; ') : 'not extracted',
          expected: `${label.status} ${label.kind}`,
          note: label.note,
        });
      }
    }
  }
  return {
    storyline: info.name,
    articles: articles.length,
    statements: judged.length,
    reported: truePositives + falsePositives,
    truePositives,
    falsePositives,
    labelledNewOrChanged: positives,
    recalled,
    kindAgreement: matched ? round(kindAgreement / matched) : 1,
    speakerAgreement: matched ? round(speakerAgreement / matched) : 1,
    misses,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const started = performance.now();
const storylines = STORYLINE_DIRS.map(scoreStoryline);
const totals = storylines.reduce(
  (sum, s) => ({ tp: sum.tp + s.truePositives, fp: sum.fp + s.falsePositives, positives: sum.positives + s.labelledNewOrChanged, recalled: sum.recalled + s.recalled }),
  { tp: 0, fp: 0, positives: 0, recalled: 0 },
);
const precision = round(totals.tp + totals.fp === 0 ? 1 : totals.tp / (totals.tp + totals.fp));
const recall = round(totals.positives === 0 ? 1 : totals.recalled / totals.positives);
const result = {
  generatedAt: new Date().toISOString(),
  bars: BARS,
  precision,
  recall,
  reported: totals.tp + totals.fp,
  truePositives: totals.tp,
  falsePositives: totals.fp,
  labelledNewOrChanged: totals.positives,
  recalled: totals.recalled,
  passed: precision >= BARS.precision && recall >= BARS.recall,
  elapsedMs: Math.round(performance.now() - started),
  storylines: storylines.map(({ misses, ...rest }) => rest),
  misses: storylines.flatMap((s) => s.misses),
};
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);

console.log(`stances: precision ${precision} (${totals.tp}/${totals.tp + totals.fp}), recall ${recall} (${totals.recalled}/${totals.positives}); bars P ≥ ${BARS.precision}, R ≥ ${BARS.recall}: ${result.passed ? 'passed' : 'FAILED'}`);
for (const s of result.storylines) {
  console.log(`  ${s.storyline}: ${s.statements} statements, ${s.reported} reported, TP ${s.truePositives}, FP ${s.falsePositives}, recalled ${s.recalled}/${s.labelledNewOrChanged}; kind ${s.kindAgreement}, speaker ${s.speakerAgreement}`);
}
for (const miss of result.misses) {
  console.log(`  ${miss.kind}: [${miss.date}] ${miss.text.slice(0, 110)} — got ${miss.got}, expected ${miss.expected}${miss.note ? ` (${miss.note})` : ''}`);
}
console.log(`written ${RESULTS_FILE}`);
if (!result.passed) process.exitCode = 1;
