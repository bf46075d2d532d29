/**
 * A press release speaks in its issuer's voice: "Under the agreement, pay rises by 6 percent" is the issuer's statement
 * though no verb of saying attributes it. Releases are recognised by a wire service's dateline ("SELDEN, Orlund
 * --(BUSINESS WIRE)--", "NEW YORK, May 5, 2025 /PRNewswire/ --"); the issuer is whoever the release's opening sentence
 * attributes ("The Dock Employers' Association today announced …").
 */
import type { AttributedClause } from './attribution.js';

/** Distribution services' datelines, as they open a release's first paragraph. */
const WIRE_DATELINE = /--\s*\(\s*(BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|PRNewswire|PR Newswire)\s*\)\s*--|\/\s*(PRNewswire(-USNewswire)?|GLOBE NEWSWIRE)\s*\/\s*--/i;

/** The paragraphs where a dateline may stand: a capture's title may come first. */
const DATELINE_PARAGRAPHS = 2;

/** "About the Dock Employers' Association:", "Media contact:": the release's own text ends there. */
const RELEASE_END = /^\s*(about (the )?\p{Lu}[^:]{0,80}:|(media )?contacts?:|for (more|further) information)/iu;

/**
 * Gives a release's unattributed clauses to its issuer (in place), up to its "About …" or contacts paragraph; other
 * articles are left as they are.
 */
export function attributeRelease(clauses: AttributedClause[], paragraphs: string[]): void {
  const dateline = paragraphs.slice(0, DATELINE_PARAGRAPHS).findIndex((paragraph) => WIRE_DATELINE.test(paragraph));
  if (dateline === -1) return;
  const issuer = clauses.find((clause) => clause.paragraphIndex === dateline && clause.speaker !== null)?.speaker;
  if (!issuer) return;
  const end = paragraphs.findIndex((paragraph, index) => index > dateline && RELEASE_END.test(paragraph));
  for (const clause of clauses) {
    if (clause.speaker !== null || clause.paragraphIndex < dateline || (end !== -1 && clause.paragraphIndex >= end)) continue;
    clause.speaker = issuer;
    clause.source = 'release';
  }
}
