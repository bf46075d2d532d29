import type { Watch } from '../../shared/config/index.js';
import { pageUrlOf } from '../../shared/dedupe/index.js';
import { StancewatchError } from '../../shared/errors/index.js';
import type { ExtractedArticle } from '../../shared/extract/types.js';
import { judgeStatement, learnSpeakers, refreshClaims, skipReasonOf, stderrLog, watchedStatements } from '../../shared/pipeline/index.js';
import { TimelineStep } from '../../shared/pipeline/timeline.js';
import { extractStatements, isAlertable, StanceStatus } from '../../shared/stances/index.js';
import type { KnownSpeaker, LedgerEntry, NoveltyVerdict, Statement } from '../../shared/stances/index.js';
import { asQuote, cutOnWord } from '../../shared/text/index.js';
import { openArchive } from '../open-archive.js';
import { extractInput, forEachInput } from './extract.js';
import { wrapText } from './output.js';

export interface StatementsOptions {
  json?: boolean;
  /** Judge each statement against this watch's ledger (and keep only its speakers' statements). */
  watch?: string;
  config?: string;
  dataDir?: string;
  wait?: boolean;
  table?: string;
  region?: string;
}

/**
 * A verdict in the words the digest and the timeline use: the ledger's status (new, changed, repeat), or the
 * timeline's `withdrawn` for a statement that gives up a condition (the ledger never calls one a repeat).
 */
export const Verdict = { ...StanceStatus, Withdrawn: TimelineStep.Withdrawn } as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/** One statement as printed: what the reader found, where it is in the article's `text`, and its verdict. */
export interface StatementRow {
  speaker: string | null;
  role?: string;
  /** Whom the speaker speaks for ("a spokeswoman for Gov. Teresa Vallin"). */
  speaksFor?: string;
  kind: Statement['kind'];
  polarity: Statement['polarity'];
  text: string;
  /** Offsets into the article's `text` (`paragraphs.join('\n\n')`), end exclusive. */
  start?: number;
  end?: number;
  paragraphIndex: number;
  claim: string;
  /** False for a claim: kept on the record, never alerted. */
  alertable: boolean;
  withdrawn?: true;
  /** With --watch. */
  verdict?: Verdict;
  /** With --watch: the status the ledger would record (`withdrawn` is `new` or `changed` there). */
  status?: NoveltyVerdict['status'];
  similarity?: number;
  closest?: Pick<LedgerEntry, 'text' | 'url' | 'outlet' | 'publishedAt'>;
}

export interface ArticleStatements {
  input: string;
  url: string;
  title: string;
  siteName?: string;
  publishedAt?: string;
  /** With --watch: why a run of the watch would not read this article (its statements are judged all the same). */
  skipReason?: string;
  /** Without --watch: the page held no article. */
  noArticleReason?: string;
  statements: StatementRow[];
}

/** The watch to judge against and its ledger, read once: the archive is held only while it is read. */
interface Judge {
  watch: Watch;
  ledger: LedgerEntry[];
  /** What the watch's articles, and the inputs read so far, said of its speakers. */
  known: Map<string, KnownSpeaker>;
}

/** A terminal's 80 columns, less the indent of a statement's lines. */
const TEXT_WIDTH = 74;
const INDENT = '     ';
/** An earlier statement is shown for context, not read whole: cut after this many characters. */
const CLOSEST_PREVIEW_CHARS = 160;

/**
 * Prints the statements of each input (a file in any charset, a plain-text capture, or a URL), and with `--watch`
 * each one's verdict against that watch's ledger, judged as a run would judge it but stored nowhere. A bad input
 * is reported and the others go on; the exit code is 1 when any failed.
 */
export async function statementsCommand(inputs: string[], options: StatementsOptions): Promise<number> {
  const judge = options.watch ? await readLedger(options.watch, options) : undefined;
  if (!judge) refuseArchiveOptions(options);
  return forEachInput(inputs, options, async (input, index) => {
    const report = readArticleStatements(input, await extractInput(input), judge);
    return options.json ? `${JSON.stringify(report)}\n` : formatReport(report, { header: inputs.length > 1, index, judge });
  });
}

/** Archive options without --watch would be ignored; say so rather than print statements judged against nothing. */
function refuseArchiveOptions(options: StatementsOptions): void {
  const given = (['config', 'dataDir', 'table', 'region', 'wait'] as const).filter((name) => options[name] !== undefined);
  if (given.length === 0) return;
  const flags = given.map((name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
  throw new StancewatchError(`${flags.join(', ')} only ${flags.length === 1 ? 'applies' : 'apply'} with --watch ID, which judges the statements against that watch's archive`);
}

/** Opens the archive as `query` does (taking the data-dir lock), reads the watch's ledger, and lets go at once. */
async function readLedger(watchId: string, options: StatementsOptions): Promise<Judge> {
  const runtime = await openArchive({ ...options, command: 'statements', use: 'read', readsSources: false, printDigests: false, log: stderrLog('warn') });
  try {
    const watch = runtime.deps.config.watches.find((candidate) => candidate.id === watchId);
    if (!watch) throw new StancewatchError(`no watch "${watchId}" in the config`);
    const { store } = runtime.deps;
    const known = new Map((await store.listKnownSpeakers(watch.id)).map((speaker) => [speaker.name, speaker]));
    const ledger = await store.listStatements(watch.id);
    // Claims an older normalisation wrote are read as a run would read them, here without storing anything.
    await refreshClaims(ledger, watch, store, [...known.values()]);
    return { watch, ledger, known };
  } finally {
    await runtime.close();
  }
}

/**
 * The statements of one article. With a watch: its speakers as hints and filter (as the pipeline reads), and each
 * statement judged in order against a copy of the ledger that grows with the article's earlier statements, as
 * `recordStatements` judges them; every article is judged against the archive as it is.
 */
function readArticleStatements(input: string, article: ExtractedArticle, judge?: Judge): ArticleStatements {
  const report: ArticleStatements = {
    input,
    url: pageUrlOf(article),
    title: article.title,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
    statements: [],
  };
  if (!judge) {
    if (article.noArticleReason) report.noArticleReason = article.noArticleReason;
    report.statements = extractStatements(article.paragraphs).map(toRow);
    return report;
  }
  const skipReason = skipReasonOf(article, judge.watch);
  if (skipReason) report.skipReason = skipReason;
  const ledger = [...judge.ledger];
  const statements = watchedStatements(article.paragraphs, judge.watch, [...judge.known.values()], article.byline);
  learnSpeakers(statements, judge.known);
  report.statements = statements.map((statement, index) => {
    const verdict = judgeStatement(statement, ledger, judge.watch);
    const { speaker, kind, text, claim, polarity } = statement;
    ledger.push({ id: `${input}#${index}`, speaker, kind, text, claim, polarity, url: report.url, publishedAt: article.publishedAt, outlet: article.siteName });
    return { ...toRow(statement), ...toVerdict(statement, verdict) };
  });
  return report;
}

function toRow(statement: Statement): StatementRow {
  const row: StatementRow = {
    speaker: statement.speaker,
    role: statement.role,
    kind: statement.kind,
    polarity: statement.polarity,
    text: statement.text,
    start: statement.start,
    end: statement.end,
    paragraphIndex: statement.paragraphIndex,
    claim: statement.claim,
    alertable: isAlertable(statement),
  };
  if (statement.withdrawn) row.withdrawn = true;
  if (statement.speaksFor) row.speaksFor = statement.speaksFor;
  return row;
}

function toVerdict(statement: Statement, verdict: NoveltyVerdict): Pick<StatementRow, 'verdict' | 'status' | 'similarity' | 'closest'> {
  const withdrawn = statement.withdrawn && verdict.status !== StanceStatus.Repeat;
  const { closest } = verdict;
  return {
    verdict: withdrawn ? Verdict.Withdrawn : verdict.status,
    status: verdict.status,
    similarity: verdict.similarity,
    closest: closest && { text: closest.text, url: closest.url, outlet: closest.outlet, publishedAt: closest.publishedAt },
  };
}

/** One block per article: title, source, then each statement (verdict, kind, speaker; the quote; where it is). */
function formatReport(report: ArticleStatements, context: { header: boolean; index: number; judge?: Judge }): string {
  const lines = context.header ? [`${context.index > 0 ? '\n' : ''}==> ${report.input} <==`] : [];
  lines.push(report.title || '(untitled)', [report.siteName, report.publishedAt?.slice(0, 10), report.url].filter(Boolean).join(' · '));
  if (report.noArticleReason) lines.push(`(no article: ${report.noArticleReason})`);
  if (report.skipReason) lines.push(`A run of ${context.judge?.watch.id} would skip this article: ${report.skipReason}.`);
  lines.push('', countLine(report.statements, context.judge));
  report.statements.forEach((row, index) => lines.push('', ...formatRow(row, index + 1)));
  return `${lines.join('\n')}\n`;
}

function countLine(rows: StatementRow[], judge?: Judge): string {
  const claims = rows.filter((row) => !row.alertable).length;
  const counted = `${rows.length} statement${rows.length === 1 ? '' : 's'}${claims > 0 ? ` (${claims === 1 ? 'one of them a claim' : `${claims} of them claims`}, never alerted)` : ''}`;
  if (!judge) return `${counted}.`;
  const speakers = judge.watch.speakers?.length ? ` by ${judge.watch.speakers.join(', ')}` : '';
  return `${counted}${speakers}, judged against the ${judge.ledger.length} in the ledger of ${judge.watch.id} (nothing stored).`;
}

function formatRow(row: StatementRow, number: number): string[] {
  const about = [row.role, row.speaksFor && `for ${row.speaksFor}`].filter(Boolean).join(', ');
  const speaker = row.speaker === null ? 'Unattributed' : about ? `${row.speaker} (${about})` : row.speaker;
  const kind = row.alertable ? row.kind : 'claim, never alerted';
  const head = [row.verdict?.toUpperCase(), kind, row.polarity, speaker].filter(Boolean).join(' · ');
  const lines = [`${`${number}.`.padEnd(INDENT.length)}${head}`, ...indent(wrapText(asQuote(singleLine(row.text)), TEXT_WIDTH))];
  const where = row.start === undefined ? [] : [`characters ${row.start}–${row.end}`];
  lines.push(`${INDENT}${[...where, `paragraph ${row.paragraphIndex + 1}`].join(' · ')}`);
  if (row.closest) lines.push(...indent(wrapText(closestLine(row), TEXT_WIDTH)));
  return lines;
}

/** The closest earlier statement (what a repeat repeats, a change changes), and where it was said. */
function closestLine(row: StatementRow): string {
  const closest = row.closest!;
  const where = [closest.outlet, closest.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
  const text = singleLine(closest.text);
  // A page read again meets its own words in the ledger; quoting them twice says nothing.
  if (text === singleLine(row.text)) return `earlier: the same words (${where || closest.url})`;
  const preview = cutOnWord(text, CLOSEST_PREVIEW_CHARS);
  return `earlier: ${asQuote(preview)} (${where || closest.url}; similarity ${row.similarity})`;
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `${INDENT}${line}`);
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
