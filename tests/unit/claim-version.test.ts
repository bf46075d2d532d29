import { describe, expect, it } from 'vitest';
import { CLAIM_VERSION } from '../../shared/stances/index.js';
import { currentClaims, readClaimPin } from '../../support/stances/claim-pin.js';

/**
 * Stored claims are rewritten only when `CLAIM_VERSION` moves (shared/pipeline/claim-refresh.ts): a change to the
 * rules that changes a claim must raise it, or ledgers kept before the change compare old claims with new ones.
 */
describe('the claim version', () => {
  it('is raised whenever a claim of the storylines changes, and the pin written anew with it', () => {
    const pin = readClaimPin();
    const now = currentClaims();
    const changed = Object.entries(pin.claims)
      .filter(([text, claim]) => text in now && now[text] !== claim)
      .map(([text, claim]) => `${text.slice(0, 80)}…: "${claim}" → "${now[text]}"`);
    const advice = 'raise CLAIM_VERSION in shared/stances/claims.ts, then run `npx tsx support/stances/claim-pin.ts`';
    if (pin.version === CLAIM_VERSION) expect(changed, `claims changed under version ${CLAIM_VERSION}: ${advice}`).toEqual([]);
    else expect(pin.version, `the pin is of version ${pin.version}: run \`npx tsx support/stances/claim-pin.ts\``).toBe(CLAIM_VERSION);
    // The pin holds the storylines' statements: most are still found.
    expect(Object.keys(now).filter((text) => text in pin.claims).length).toBeGreaterThan(0.8 * Object.keys(pin.claims).length);
  });
});
