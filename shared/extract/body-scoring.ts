/**
 * Stage 3 of the HTML path, without semantic markup: Readability's scoring picks the block that collects the most
 * paragraph score (see `pickScoredContainer`).
 */
import type { CheerioAPI } from 'cheerio/slim';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { BLOCK_TAGS, findElements, measureText, pageBody } from './dom.js';
import {
  GRANDPARENT_SCORE_SHARE,
  MAX_LENGTH_POINTS,
  MIN_SCORED_PARAGRAPH_CHARS,
  SCORE_CHARS_PER_POINT,
  SIBLING_SCORE_SHARE,
} from './patterns.js';
import { NormalizedTextMeasure } from './text.js';

/** The element(s) holding the article body and how they were found, or why no element does. */
export type BodyChoice =
  | { containers: Element[]; via: 'articleBody' | 'article' | 'scored'; winnerIndex?: number }
  | { reason: string };

/** Elements whose text votes for its parent when scoring blocks (divs only when they hold no blocks). */
const SCORED_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'blockquote', 'div', 'section']);

/**
 * Readability's scoring: each paragraph gives its parent 1 point, 1 per comma and 1 per 100 characters
 * (at most 3), and its grandparent half that; a block's score is then discounted by its link density.
 * Siblings of the winner that score well are kept with it (bodies split around an ad slot).
 */
export function pickScoredContainer($: CheerioAPI): BodyChoice {
  const scores = scoreBlocks(pageBody($)[0]);
  const finalScores = new Map<Element, number>();
  const finalScore = (element: Element): number => {
    let score = finalScores.get(element);
    if (score === undefined) {
      score = (scores.get(element) ?? 0) * (1 - linkDensity(element));
      finalScores.set(element, score);
    }
    return score;
  };
  // The first block with the highest final score. Link density only lowers a score, so a block whose raw score
  // is no higher than the best final score so far cannot win and its links are never counted.
  let best: readonly [Element, number] | undefined;
  for (const [element, score] of scores) {
    if (best && score <= best[1]) continue;
    const final = finalScore(element);
    if (!best || final > best[1]) best = [element, final];
  }
  if (!best || best[1] <= 0) {
    return { reason: `no paragraph of ${MIN_SCORED_PARAGRAPH_CHARS}+ characters left after removing navigation and page chrome` };
  }
  const [winner, winningScore] = best;
  const siblings = (winner.parent?.children ?? [winner])
    .filter(isTag)
    .filter((element) => element === winner || (scores.has(element) && finalScore(element) >= winningScore * SIBLING_SCORE_SHARE));
  return { containers: siblings, via: 'scored', winnerIndex: siblings.indexOf(winner) };
}

/** Raw scores (before link density) of the blocks paragraphs vote for, in the order they first got a vote. */
function scoreBlocks(root: AnyNode | undefined): Map<Element, number> {
  const scores = new Map<Element, number>();
  const addScore = (node: AnyNode | null, points: number) => {
    if (node && isTag(node)) scores.set(node, (scores.get(node) ?? 0) + points);
  };
  for (const element of findElements(root, (element) => SCORED_TAGS.has(element.name))) {
    // A div mixing loose text with blocks (`text<br>text<div>…</div>`) votes with its loose text for itself.
    const paragraphLike = isParagraphLike(element);
    const text = paragraphLike ? measureText(element) : measureLooseText(element);
    if (text.length < MIN_SCORED_PARAGRAPH_CHARS) continue;
    const points = 1 + text.commas + Math.min(Math.floor(text.length / SCORE_CHARS_PER_POINT), MAX_LENGTH_POINTS);
    const voter = paragraphLike ? element.parent : element;
    addScore(voter, points);
    addScore(voter?.parent ?? null, points * GRANDPARENT_SCORE_SHARE);
  }
  return scores;
}

/** The text of an element outside its block children (text nodes and inline markup; a block counts as a space), measured. */
function measureLooseText(element: Element): NormalizedTextMeasure {
  const measure = new NormalizedTextMeasure();
  for (const child of element.children) {
    if (isTag(child) && BLOCK_TAGS.has(child.name)) measure.add(' ');
    else measureText(child, measure);
  }
  return measure;
}

/** Paragraph elements, and divs/sections that hold text but no blocks (div-soup pages without `<p>`). */
function isParagraphLike(element: Element): boolean {
  if (element.name !== 'div' && element.name !== 'section') return true;
  return !element.children.some((child) => isTag(child) && BLOCK_TAGS.has(child.name));
}

function linkDensity(element: Element): number {
  const textLength = measureText(element).length;
  if (!textLength) return 0;
  const linkLength = findElements(element, (candidate) => candidate.name === 'a').reduce((sum, link) => sum + measureText(link).length, 0);
  return Math.min(linkLength / textLength, 1);
}
