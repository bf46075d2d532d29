/**
 * The pin of the claim normalisation: the claim of every statement of the written and held-out storylines, with the
 * `CLAIM_VERSION` that wrote them. tests/unit/claim-version.test.ts compares today's claims with the pin, so a change
 * that changes a claim cannot land without raising the version, which is what brings stored claims up to date
 * (shared/pipeline/claim-refresh.ts).
 *
 * @example
 * npx tsx support/stances/claim-pin.ts   # after raising CLAIM_VERSION: writes the pin anew
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLAIM_VERSION, extractStatements } from '../../shared/stances/index.js';
import { HELDOUT_STORYLINE_DIRS, loadStoryline, loadStorylineInfo, STORYLINE_DIRS } from './storyline.js';

export const CLAIM_PIN_FILE = fileURLToPath(new URL('../../tests/fixtures/stances/claim-pin.json', import.meta.url));

export interface ClaimPin {
  version: number;
  /** Statement text → claim, each statement read in its article with its storyline's speakers and synonyms. */
  claims: Record<string, string>;
}

/** Today's claims of the storylines' statements, text → claim (the first, where one text is said twice). */
export function currentClaims(): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const dir of [...STORYLINE_DIRS, ...HELDOUT_STORYLINE_DIRS]) {
    const { speakers, synonyms } = loadStorylineInfo(dir);
    for (const article of loadStoryline(dir)) {
      for (const statement of extractStatements(article.paragraphs, { speakers, synonyms })) claims[statement.text] ??= statement.claim;
    }
  }
  return claims;
}

export function readClaimPin(): ClaimPin {
  return JSON.parse(readFileSync(CLAIM_PIN_FILE, 'utf8')) as ClaimPin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pin: ClaimPin = { version: CLAIM_VERSION, claims: currentClaims() };
  writeFileSync(CLAIM_PIN_FILE, `${JSON.stringify(pin, null, 2)}\n`);
  console.log(`${CLAIM_PIN_FILE}: ${Object.keys(pin.claims).length} claims of version ${CLAIM_VERSION}`);
}
