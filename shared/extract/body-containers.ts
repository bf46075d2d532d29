/**
 * Stage 3 of the HTML path: the element(s) holding the article body. Semantic markup (`[itemprop=articleBody]`,
 * `<article>`) that holds the best-scoring block wins; without it, the best-scoring block (body-scoring.ts).
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { pickScoredContainer, type BodyChoice } from './body-scoring.js';
import { findElements, measureText } from './dom.js';
import { MIN_SCORED_PARAGRAPH_CHARS } from './patterns.js';

export type { BodyChoice } from './body-scoring.js';

/** Semantic body markup, most specific first: schema.org's articleBody, then `<article>`. */
const SEMANTIC_CONTAINERS = [
  [(element: Element) => element.attribs.itemprop === 'articleBody', 'articleBody'],
  [(element: Element) => element.name === 'article', 'article'],
] as const;

/** Stage 3. Semantic markup first; without it, the block that collects the most paragraph score. */
export function pickBodyContainers($: CheerioAPI): BodyChoice[] {
  const scored = pickScoredContainer($);
  const lengths = new TextLengths();
  const semanticElements = findSemanticContainers($.root()[0]);
  for (const [via, elements] of semanticElements) {
    // Any prose paragraph inside makes the element's own text long enough, so one check covers both.
    const candidates = elements.filter((element) => lengths.of(element) >= MIN_SCORED_PARAGRAPH_CHARS);
    const semantic = pickSemanticContainer(candidates, scored, lengths);
    if (semantic) return [{ containers: [semantic], via }, scored];
    // Loose text in an unrelated articleBody (no <p> to score) is still better than a boilerplate-only block.
    if (candidates.length && 'containers' in scored) return [scored, { containers: [lengths.largest(candidates)], via }];
  }
  return [scored];
}

type SemanticVia = (typeof SEMANTIC_CONTAINERS)[number][1];

/** The elements of each `SEMANTIC_CONTAINERS` kind, most specific kind first, each in document order: one walk. */
function findSemanticContainers(root: AnyNode | undefined): Map<SemanticVia, Element[]> {
  const found = new Map<SemanticVia, Element[]>(SEMANTIC_CONTAINERS.map(([, via]) => [via, []]));
  for (const element of findElements(root, (element) => SEMANTIC_CONTAINERS.some(([matches]) => matches(element)))) {
    for (const [matches, via] of SEMANTIC_CONTAINERS) if (matches(element)) found.get(via)!.push(element);
  }
  return found;
}

/** Normalized text lengths of elements, each measured once: several candidates are compared over and over. */
class TextLengths {
  private readonly lengths = new Map<AnyNode, number>();

  of(node: AnyNode): number {
    let length = this.lengths.get(node);
    if (length === undefined) {
      length = measureText(node).length;
      this.lengths.set(node, length);
    }
    return length;
  }

  /** The element with the most text; the first of equals. */
  largest(elements: Element[]): Element {
    return elements.reduce((best, element) => (this.of(element) > this.of(best) ? element : best));
  }
}

/**
 * The semantic container to trust: the largest one that wraps (or sits inside) the best-scoring block,
 * else the largest one if it holds at least as much text as that block. An `<article>` elsewhere on
 * the page is a teaser card or a related story, not the body.
 */
function pickSemanticContainer(candidates: Element[], scored: BodyChoice, lengths: TextLengths): Element | undefined {
  if (!candidates.length) return undefined;
  if ('reason' in scored) return lengths.largest(candidates);
  const winner = scored.containers[scored.winnerIndex ?? 0];
  const related = candidates.filter((candidate) => contains(candidate, winner) || contains(winner, candidate));
  if (related.length) return lengths.largest(related);
  const largest = lengths.largest(candidates);
  const scoredChars = scored.containers.reduce((sum, element) => sum + lengths.of(element), 0);
  return lengths.of(largest) >= scoredChars ? largest : undefined;
}

/** Whether `ancestor` is `node` or one of its ancestors. */
function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
