/**
 * Stance benchmark: precision and recall of "new or changed" over every labelled statement of the storylines, run as
 * the pipeline runs them: articles in date order, the watch's speakers only, each statement judged against the ledger
 * so far. Three sets of storylines:
 * - written: `tests/fixtures/stances/` (seeds, labour dispute, trade negotiation), always run;
 * - held out: `tests/fixtures/stances/heldout/*`, written and labelled by someone who had not read the rules (wire
 *   copy, a feature and a column), always run;
 * - PolNeAR: `tests/fixtures/stances/polnear/*`, real articles labelled before any rule was run on them, run with
 *   `--polnear DIR`, a local copy of the corpus (its root or its `data/` folder); reported as skipped without it. The
 *   corpus may not be redistributed: the labels are offsets, the text is read from DIR. Storylines of its `train`
 *   split (set `polnear`) are where rules are developed; those of its `dev` split (set `polnear-dev`) only measure
 *   them: their misses are counted by cause, never listed (not on the console, not in the results file), so that no
 *   one reads them to tune a rule.
 *
 * - A reported item is a statement judged `new` or `changed`. It is a true positive when it matches a label whose
 *   status is `new` or `changed`; otherwise (it matches a `repeat` label, a `none` label, or no label) a false "new".
 * - A label with status `new` or `changed` is recalled when some reported item of its article matches it. A label
 *   missed is counted by why: no statement matches it (`notFound`), only statements of speakers the watch does not
 *   follow do (`otherSpeaker`: a wrong speaker, or one the labels give the watched speaker), those of watched speakers
 *   that do are claims (`claim`), or they are stances judged a repeat (`repeat`).
 * - Matching: the statement's text contains the label's quote. On PolNeAR, where a statement may be one clause of the
 *   labelled sentence, also the quote containing the statement's text.
 * - Readers: a PolNeAR storyline labelled a second time, blind to the first labels (`_second-reading.json`), is
 *   scored against the first labels the same way, the second reader's new and changed labels being what is reported
 *   (support/stances/agreement.ts): how far two careful readers agree, the ceiling to read the bars against. It needs
 *   no corpus text and always runs.
 * Bars, on every storyline run: precision ≥ 0.9 and recall ≥ 0.9. Writes `bench/results/stances.json` (per storyline,
 * per set and overall); exit code 1 when a storyline is below a bar.
 *
 * @example
 * npm run bench:stances
 * npm run bench:stances -- --polnear ~/PolNeAR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractStatements, isAlertable } from '../shared/stances/index.js';
import { readersAgreement, readSecondReading, SECOND_READING_FILE } from '../support/stances/agreement.js';
import type { StanceFixture, StanceLabel } from '../support/stances/make-fixture.js';
import {
  loadPolnearStoryline,
  loadStoryline,
  loadStorylineInfo,
  polnearDataDir,
  HELDOUT_STORYLINE_DIRS,
  POLNEAR_STORYLINE_DIRS,
  readPolnearStoryline,
  runStoryline,
  STORYLINE_DIRS,
  type JudgedStatement,
  type PolnearFixture,
  type StorylineInfo,
} from '../support/stances/storyline.js';

const BARS = { precision: 0.9, recall: 0.9 } as const;
const RESULTS_FILE = fileURLToPath(new URL('./results/stances.json', import.meta.url));
const REPORTED = new Set(['new', 'changed']);
/** What a digest reports: a stance judged new or changed (a bare claim is kept on the record, never alerted). */
const isReported = (item: JudgedStatement) => REPORTED.has(item.verdict.status) && isAlertable(item.statement);
/** A clause shorter than this is not taken as the labelled statement on its own (PolNeAR matching). */
const MIN_CLAUSE_CHARS = 20;

/** `polnear` storylines are PolNeAR `train` articles, where rules are developed; `polnear-dev` only measures them. */
type StorylineSet = 'written' | 'heldout' | 'polnear' | 'polnear-dev';
const isCorpusSet = (set: StorylineSet) => set === 'polnear' || set === 'polnear-dev';
type Matcher = (judged: JudgedStatement, label: StanceLabel) => boolean;

interface Storyline {
  set: StorylineSet;
  info: StorylineInfo;
  articles: StanceFixture[];
  matches: Matcher;
}

interface Miss {
  set: StorylineSet;
  storyline: string;
  date: string;
  kind: 'false positive' | 'false negative';
  /** Printed, never written for PolNeAR (its text may not be redistributed): `where` locates it instead. */
  text: string;
  where?: string;
  got?: string;
  expected?: string;
  note?: string;
}

const normalize = (text: string) => text.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ');
/** The written storylines' rule, unchanged: the statement contains the quote. */
const containsQuote: Matcher = (judged, label) => normalize(judged.statement.text).includes(normalize(label.quote));
/** PolNeAR quotes keep the corpus's typography (`''` for a closing quote in NYT copy). */
const normalizeCorpus = (text: string) => normalize(text.replace(/''/g, '"')).trim();
const overlapsQuote: Matcher = (judged, label) => {
  const statement = normalizeCorpus(judged.statement.text);
  const quote = normalizeCorpus(label.quote);
  return statement.includes(quote) || (statement.length >= MIN_CLAUSE_CHARS && quote.includes(statement));
};

const isPolnear = (article: StanceFixture): article is PolnearFixture => 'paragraphStarts' in article;

/** Where a PolNeAR miss is in its text file (`document [start, end)`), so the results file needs none of the text. */
function whereOf(article: StanceFixture, span: { statement?: JudgedStatement['statement']; label?: StanceLabel }): string | undefined {
  if (!isPolnear(article)) return undefined;
  if (span.label) {
    const label = article.labels.find((candidate) => candidate === span.label);
    return label ? `${article.id} [${label.start}, ${label.end})` : article.id;
  }
  const statement = span.statement!;
  const paragraph = article.paragraphs[statement.paragraphIndex] ?? '';
  const start = (article.paragraphStarts[statement.paragraphIndex] ?? 0) + Math.max(0, paragraph.indexOf(statement.text));
  return `${article.id} [${start}, ${start + statement.text.length})`;
}

function scoreStoryline({ set, info, articles, matches }: Storyline) {
  const judged = runStoryline(articles, info.speakers, { watchedOnly: true, synonyms: info.synonyms, sides: info.sides });
  const misses: Miss[] = [];
  const falseNew = { repeat: 0, none: 0, unlabelled: 0 };
  let truePositives = 0;
  let kindAgreement = 0;
  let speakerAgreement = 0;
  let matched = 0;
  for (const item of judged) {
    const labels = (item.article.labels ?? []).filter((label) => matches(item, label));
    const positive = labels.find((label) => REPORTED.has(label.status)) ?? labels.find((label) => label.status === 'repeat') ?? labels[0];
    if (positive && positive.status !== 'none') {
      matched += 1;
      if (positive.kind === item.statement.kind) kindAgreement += 1;
      if (positive.speaker === item.statement.speaker) speakerAgreement += 1;
    }
    if (!isReported(item)) continue;
    if (positive && REPORTED.has(positive.status)) {
      truePositives += 1;
      continue;
    }
    falseNew[positive ? (positive.status as 'repeat' | 'none') : 'unlabelled'] += 1;
    misses.push({
      set,
      storyline: info.name,
      date: item.article.publishedAt,
      kind: 'false positive',
      text: item.statement.text,
      where: whereOf(item.article, { statement: item.statement }),
      got: `${item.verdict.status} ${item.statement.kind} (${item.statement.speaker ?? 'unattributed'}, similarity ${item.verdict.similarity})`,
      expected: positive ? `${positive.status}${positive.speaker && positive.speaker !== item.statement.speaker ? ` (said by ${positive.speaker})` : ''}` : 'no statement',
      note: positive?.note,
    });
  }
  const falsePositives = falseNew.repeat + falseNew.none + falseNew.unlabelled;
  const missed = { notFound: 0, otherSpeaker: 0, claim: 0, repeat: 0 };
  // An article's statements by anyone, extracted once however many of its labels are missed.
  const everyone = new Map<StanceFixture, JudgedStatement[]>();
  const saidInArticle = (article: StanceFixture) => {
    if (!everyone.has(article)) everyone.set(article, saidByAnyone(article, info));
    return everyone.get(article)!;
  };
  let positives = 0;
  let recalled = 0;
  for (const article of articles) {
    for (const label of article.labels ?? []) {
      if (!REPORTED.has(label.status)) continue;
      positives += 1;
      const found = judged.filter((item) => item.article === article && matches(item, label));
      if (found.some(isReported)) recalled += 1;
      else {
        missed[whyMissed(found, () => saidInArticle(article).some((item) => matches(item, label)))] += 1;
        misses.push({
          set,
          storyline: info.name,
          date: article.publishedAt,
          kind: 'false negative',
          text: label.quote,
          where: whereOf(article, { label }),
          got: found.length ? found.map((item) => `${item.verdict.status} ${item.statement.kind} (${item.statement.speaker ?? 'unattributed'}, similarity ${item.verdict.similarity})`).join('; ') : 'not extracted',
          expected: `${label.status} ${label.kind}`,
          note: label.note,
        });
      }
    }
  }
  const figures = figuresOf({ tp: truePositives, fp: falsePositives, positives, recalled });
  return {
    storyline: info.name,
    set,
    articles: articles.length,
    statements: judged.length,
    ...figures,
    falseNew: { total: falsePositives, ...falseNew },
    missed: { total: positives - recalled, ...missed },
    kindAgreement: matched ? round(kindAgreement / matched) : 1,
    speakerAgreement: matched ? round(speakerAgreement / matched) : 1,
    misses,
  };
}

/** Why a label none of whose statements was reported was missed (see the header). */
function whyMissed(found: JudgedStatement[], saidByOthers: () => boolean): 'notFound' | 'otherSpeaker' | 'claim' | 'repeat' {
  if (found.length === 0) return saidByOthers() ? 'otherSpeaker' : 'notFound';
  return found.some((item) => isAlertable(item.statement)) ? 'repeat' : 'claim';
}

/** Every statement of an article, whoever said it, as items a matcher can take. */
function saidByAnyone(article: StanceFixture, info: StorylineInfo): JudgedStatement[] {
  return extractStatements(article.paragraphs, { speakers: info.speakers, synonyms: info.synonyms }).map((statement) => ({
    article,
    statement,
    verdict: { status: 'new', similarity: 0 },
  }));
}

interface Tally {
  tp: number;
  fp: number;
  positives: number;
  recalled: number;
}

function figuresOf({ tp, fp, positives, recalled }: Tally) {
  const precision = round(tp + fp === 0 ? 1 : tp / (tp + fp));
  const recall = round(positives === 0 ? 1 : recalled / positives);
  return {
    precision,
    recall,
    reported: tp + fp,
    truePositives: tp,
    falsePositives: fp,
    labelledNewOrChanged: positives,
    recalled,
    passed: precision >= BARS.precision && recall >= BARS.recall,
  };
}

type Scored = ReturnType<typeof scoreStoryline>;

/** Dev misses are counted, never listed: the dev storylines only measure (see the header). */
const isListed = (miss: Miss) => miss.set !== 'polnear-dev';

/** A miss as the results file keeps it: PolNeAR's text is printed for the reader, never written. */
function withoutCorpusText(miss: Miss): Omit<Miss, 'text'> & { text?: string } {
  if (!isCorpusSet(miss.set)) return miss;
  const { text: _text, ...located } = miss;
  return located;
}

function totalOf(storylines: Scored[]) {
  const tally = storylines.reduce(
    (sum, s) => ({ tp: sum.tp + s.truePositives, fp: sum.fp + s.falsePositives, positives: sum.positives + s.labelledNewOrChanged, recalled: sum.recalled + s.recalled }),
    { tp: 0, fp: 0, positives: 0, recalled: 0 },
  );
  return { storylines: storylines.length, ...figuresOf(tally), falseNew: tally.fp };
}

/** The storylines to run: the written ones always, PolNeAR's when a copy of the corpus is given. */
function loadStorylines(polnear: string | undefined): { storylines: Storyline[]; skipped: Array<{ storyline: string; reason: string }> } {
  const fromFolder = (set: StorylineSet) => (dir: string): Storyline => ({ set, info: loadStorylineInfo(dir), articles: loadStoryline(dir), matches: containsQuote });
  const written = [...STORYLINE_DIRS.map(fromFolder('written')), ...HELDOUT_STORYLINE_DIRS.map(fromFolder('heldout'))];
  if (!polnear) {
    const reason = 'no --polnear DIR (a local copy of networkdynamics/PolNeAR)';
    return { storylines: written, skipped: POLNEAR_STORYLINE_DIRS.map((dir) => ({ storyline: loadStorylineInfo(dir).name, reason })) };
  }
  const dataDir = polnearDataDir(polnear);
  const real: Storyline[] = POLNEAR_STORYLINE_DIRS.map((dir) => {
    const { info, split, articles } = loadPolnearStoryline(dir, dataDir);
    return { set: split === 'dev' ? 'polnear-dev' : 'polnear', info, articles, matches: overlapsQuote };
  });
  return { storylines: [...written, ...real], skipped: [] };
}

/**
 * Each PolNeAR storyline read twice: the second reading scored against the first, and, with the corpus, the software
 * scored against the second reading as against the first, side by side.
 */
function readersOf(polnear: string | undefined) {
  return POLNEAR_STORYLINE_DIRS.flatMap((dir) => {
    const second = readSecondReading(dir);
    if (!second) return [];
    const first = readPolnearStoryline(dir);
    const software = polnear ? againstSecondReading(dir, polnearDataDir(polnear)) : undefined;
    return [{ storyline: first.name, split: first.split, ...readersAgreement(first, second), ...(software ? { software } : {}) }];
  });
}

type Readers = ReturnType<typeof readersOf>;

/** The readers' rows of one split pooled: the second readers against the first, the software against the second. */
function readersTotalOf(readers: Readers) {
  const sum = (pick: (r: Readers[number]) => number) => readers.reduce((total, r) => total + pick(r), 0);
  const second = figuresOf({ tp: sum((r) => r.agreed), fp: sum((r) => r.reported - r.agreed), positives: sum((r) => r.firstNewOrChanged), recalled: sum((r) => r.recalled) });
  const software = readers.every((r) => r.software)
    ? figuresOf({
        tp: sum((r) => r.software!.truePositives),
        fp: sum((r) => r.software!.reported - r.software!.truePositives),
        positives: sum((r) => r.software!.labelledNewOrChanged),
        recalled: sum((r) => r.software!.recalled),
      })
    : undefined;
  return {
    storylines: readers.length,
    precision: second.precision,
    recall: second.recall,
    ...(software ? { software: { precision: software.precision, recall: software.recall } } : {}),
  };
}

function againstSecondReading(dir: string, dataDir: string) {
  const { info, split, articles } = loadPolnearStoryline(dir, dataDir, SECOND_READING_FILE);
  const scored = scoreStoryline({ set: split === 'dev' ? 'polnear-dev' : 'polnear', info, articles, matches: overlapsQuote });
  return { precision: scored.precision, recall: scored.recall, reported: scored.reported, truePositives: scored.truePositives, labelledNewOrChanged: scored.labelledNewOrChanged, recalled: scored.recalled };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const { values } = parseArgs({ options: { polnear: { type: 'string' } } });
const started = performance.now();
const { storylines: runs, skipped } = loadStorylines(values.polnear);
const storylines = runs.map(scoreStoryline);
const overall = totalOf(storylines);
const readers = readersOf(values.polnear);
const readerSets = Object.fromEntries(
  (['train', 'dev'] as const).filter((split) => readers.some((r) => r.split === split)).map((split) => [split, readersTotalOf(readers.filter((r) => r.split === split))]),
);
const sets = {
  written: totalOf(storylines.filter((s) => s.set === 'written')),
  heldout: totalOf(storylines.filter((s) => s.set === 'heldout')),
  ...(values.polnear ? { polnear: totalOf(storylines.filter((s) => s.set === 'polnear')) } : {}),
  ...(storylines.some((s) => s.set === 'polnear-dev') ? { 'polnear-dev': totalOf(storylines.filter((s) => s.set === 'polnear-dev')) } : {}),
};
const result = {
  generatedAt: new Date().toISOString(),
  bars: BARS,
  ...overall,
  passed: storylines.every((s) => s.passed),
  elapsedMs: Math.round(performance.now() - started),
  sets,
  storylines: storylines.map(({ misses, ...rest }) => rest),
  readers,
  readerSets,
  skipped,
  misses: storylines.flatMap((s) => s.misses).filter(isListed).map(withoutCorpusText),
};
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);

const line = (figures: ReturnType<typeof figuresOf>, falseNew: number) =>
  `P ${figures.precision} (${figures.truePositives}/${figures.reported}), R ${figures.recall} (${figures.recalled}/${figures.labelledNewOrChanged}), false "new" ${falseNew}`;
console.log(`stances: ${line(overall, overall.falseNew)}; bars P ≥ ${BARS.precision}, R ≥ ${BARS.recall} on every storyline: ${result.passed ? 'passed' : 'FAILED'}`);
for (const [name, total] of Object.entries(sets)) console.log(`  ${name} (${total.storylines} storylines): ${line(total, total.falseNew)}`);
for (const s of result.storylines) {
  const breakdown = `${s.falseNew.repeat} repeat, ${s.falseNew.none} none, ${s.falseNew.unlabelled} unlabelled`;
  const missedWhy = `${s.missed.notFound} not found, ${s.missed.otherSpeaker} another speaker's, ${s.missed.claim} claims, ${s.missed.repeat} judged repeat`;
  console.log(`  [${s.set}] ${s.storyline}: ${line(s, s.falseNew.total)} (${breakdown}), missed ${s.missed.total} (${missedWhy}); ${s.statements} statements; kind ${s.kindAgreement}, speaker ${s.speakerAgreement}${s.passed ? '' : ' — below a bar'}`);
}
for (const [split, total] of Object.entries(readerSets)) {
  const software = total.software ? `; software against the second reader P ${total.software.precision}, R ${total.software.recall}` : '';
  console.log(`  readers, ${split} (${total.storylines} storylines): second reader against the first P ${total.precision}, R ${total.recall}${software}`);
}
for (const r of readers) {
  const breakdown = `${r.falseNew.repeat} repeat, ${r.falseNew.none} none, ${r.falseNew.unlabelled} unlabelled`;
  console.log(`  [readers] ${r.storyline}, second reader against the first: P ${r.precision} (${r.agreed}/${r.reported}), R ${r.recall} (${r.recalled}/${r.firstNewOrChanged}), false "new" ${r.reported - r.agreed} (${breakdown}); kind ${r.kindAgreement}`);
  const { software } = r;
  if (software) console.log(`  [readers] ${r.storyline}, software against the second reader: P ${software.precision} (${software.truePositives}/${software.reported}), R ${software.recall} (${software.recalled}/${software.labelledNewOrChanged})`);
}
for (const s of skipped) console.log(`  skipped: ${s.storyline} — ${s.reason}`);
for (const miss of storylines.flatMap((s) => s.misses).filter(isListed)) {
  console.log(`  ${miss.kind}: [${miss.date}${miss.where ? ` ${miss.where}` : ''}] ${miss.text.slice(0, 110)} — got ${miss.got}, expected ${miss.expected}${miss.note ? ` (${miss.note})` : ''}`);
}
console.log(`written ${RESULTS_FILE}`);
if (!result.passed) process.exitCode = 1;
