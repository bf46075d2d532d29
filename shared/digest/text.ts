/**
 * The plain-text digest: what an SNS e-mail shows. Each article once, between rule lines: its headline, outlet, date
 * and link, then its statements, each with its word diff (`[-removed-]{+added+}`) where one is shown.
 */
import { formatTextDiff, wordDiff } from '../dedupe/index.js';
import { asQuote } from '../text/index.js';
import type { DigestPage, PageGroup } from './kept.js';
import {
  ARTICLES_HEADING,
  attentionOf,
  diffBase,
  digestSummary,
  formatDate,
  revisionNote,
  repeatsLine,
  singleLine,
  sourceHealthLabel,
  sourceHealthLine,
  sourceParts,
  SOURCES_HEADING,
  speakerLabel,
  statusLabel,
  stuckArticleLabel,
  stuckArticleLine,
} from './labels.js';
import { ownRevision, type ArticleGroup } from './order.js';
import type { DigestInput, DigestItem } from './types.js';

/** Column width of the plain-text rule lines; 60 keeps them on one line in a phone's mail app. */
const TEXT_RULE_WIDTH = 60;

const RULE = '-'.repeat(TEXT_RULE_WIDTH);

/** The text body as a page (see `DigestPage`), so the kept copy can cut it between articles or statements. */
export function renderText(input: DigestInput, items: DigestItem[], groups: ArticleGroup[]): DigestPage {
  const head = [
    `Stancewatch — ${singleLine(input.watch.name)}`,
    `${digestSummary(items, attentionOf(input))} · ${formatDate(input.generatedAt) ?? input.generatedAt}`,
  ];
  return { head, groups: groups.map(renderTextGroup), end: renderTextEnd(input) };
}

/** A rule, then the headline: title, then outlet · date (· revision), then the link. */
function renderTextGroup(group: ArticleGroup): PageGroup {
  const lines = ['', RULE];
  if (group.title) lines.push(singleLine(group.title));
  const source = sourceParts({ outlet: group.outlet, publishedAt: group.publishedAt, revisedAt: group.revisedAt });
  if (source.length > 0) lines.push(source.map(singleLine).join(' · '));
  lines.push(group.url);
  return { open: lines.join('\n'), statements: group.statements.map((item) => renderTextStatement(group, item)) };
}

function renderTextStatement(group: ArticleGroup, item: DigestItem): string {
  const revision = ownRevision(group, item);
  const header = [statusLabel(item), item.kind, singleLine(speakerLabel(item)), revision && revisionNote(revision)];
  const lines = ['', header.filter(Boolean).join(' · '), asQuote(singleLine(item.text))];
  const closest = diffBase(item);
  if (closest) {
    const earlier = sourceParts(closest);
    lines.push('', `Compared with the earlier statement${earlier.length ? ` (${earlier.map(singleLine).join(', ')})` : ''}:`);
    lines.push(formatTextDiff(wordDiff(singleLine(closest.text), singleLine(item.text))));
    lines.push(closest.url);
  }
  return lines.join('\n');
}

function renderTextEnd(input: DigestInput): string[] {
  const lines = ['', RULE, repeatsLine(input.repeats), ''];
  const sources = input.sources ?? [];
  if (sources.length > 0) {
    lines.push(`${SOURCES_HEADING}:`, ...sources.map((source) => `- ${sourceHealthLabel(source)}: ${sourceHealthLine(source)}`), '');
  }
  const articles = input.articles ?? [];
  if (articles.length > 0) {
    lines.push(`${ARTICLES_HEADING}:`, ...articles.map((article) => `- ${stuckArticleLabel(article)}: ${stuckArticleLine(article)}`), '');
  }
  return lines;
}

