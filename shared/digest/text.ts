/** The plain-text digest: what an SNS e-mail shows, diffs as `[-removed-]{+added+}`. */
import { formatTextDiff, wordDiff } from '../dedupe/index.js';
import {
  ARTICLES_HEADING,
  attentionOf,
  diffBase,
  digestSummary,
  formatDate,
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
import type { DigestInput, DigestItem } from './types.js';

/** Column width of the plain-text rule lines; 60 keeps them on one line in a phone's mail app. */
const TEXT_RULE_WIDTH = 60;

export function renderText(input: DigestInput, items: DigestItem[]): string {
  const rule = '-'.repeat(TEXT_RULE_WIDTH);
  const lines = [
    `Stancewatch — ${singleLine(input.watch.name)}`,
    `${digestSummary(items, attentionOf(input))} · ${formatDate(input.generatedAt) ?? input.generatedAt}`,
  ];
  for (const item of items) {
    lines.push('', rule, `${statusLabel(item)} · ${item.kind} · ${singleLine(speakerLabel(item))}`, '');
    lines.push(`“${singleLine(item.text)}”`, '');
    const source = sourceParts(item);
    if (source.length > 0) lines.push(source.map(singleLine).join(' · '));
    lines.push(item.url);
    const closest = diffBase(item);
    if (closest) {
      const earlier = sourceParts(closest);
      lines.push('', `Compared with the earlier statement${earlier.length ? ` (${earlier.map(singleLine).join(', ')})` : ''}:`);
      lines.push(formatTextDiff(wordDiff(singleLine(closest.text), singleLine(item.text))));
      lines.push(closest.url);
    }
  }
  lines.push('', rule, repeatsLine(input.repeats), '');
  const sources = input.sources ?? [];
  if (sources.length > 0) {
    lines.push(`${SOURCES_HEADING}:`, ...sources.map((source) => `- ${sourceHealthLabel(source)}: ${sourceHealthLine(source)}`), '');
  }
  const articles = input.articles ?? [];
  if (articles.length > 0) {
    lines.push(`${ARTICLES_HEADING}:`, ...articles.map((article) => `- ${stuckArticleLabel(article)}: ${stuckArticleLine(article)}`), '');
  }
  return lines.join('\n');
}
