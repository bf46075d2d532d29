/**
 * Stored claims brought up to the normalisation that judges new ones. A claim is a statement's words normalised
 * (shared/stances/claims.ts) by the rules of its version and the watch's synonyms; when either changes, the claims
 * stored before no longer compare like with like ("levy oppose" beside a new "levy not support"), and the first
 * restatement of each earlier stance would be judged a change. So each stored statement records the normalisation
 * that wrote its claim (`claimNorm`), and the ledger read for an article rewrites the stale entries it meets, from
 * their archived article, once: the cost falls on the first articles judged after an upgrade or a synonyms change, one
 * archived article read again per stale article in the speakers' histories.
 */
import type { Watch } from '../config/index.js';
import { normalizeText, type ArchivedArticle } from '../dedupe/index.js';
import { CLAIM_VERSION, extractStatements, type KnownSpeaker, type Ledger, type LedgerEntry } from '../stances/index.js';
import { countedTokens } from '../stances/ledger.js';
import { hashKey } from '../text/index.js';
import { watchedStatements, type ArticleLedger } from './watch-statements.js';

/** Paragraphs are kept in an archived text separated by blank lines (as extraction joins them). */
export const PARAGRAPH_BREAK = /\n{2,}/;

/** Archived articles read again at once while claims are refreshed. */
const REFRESH_CONCURRENCY = 4;

type ClaimWatch = Pick<Watch, 'id' | 'speakers' | 'synonyms' | 'sides'>;

/** The id of a watch's statement: a content key, so an article read twice stores it once. */
export function statementId(watchId: string, urlKey: string, text: string): string {
  return hashKey(`${watchId}\n${urlKey}\n${normalizeText(text)}`);
}

/**
 * The normalisation a watch's claims are written in: the claim version, and a key of the watch's synonyms when it has
 * any (their order in the config does not matter).
 */
export function claimNormOf(watch: Pick<Watch, 'synonyms'>): string {
  const synonyms = Object.entries(watch.synonyms ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return synonyms.length === 0 ? `${CLAIM_VERSION}` : `${CLAIM_VERSION}:${hashKey(JSON.stringify(synonyms)).slice(0, 12)}`;
}

/**
 * Rewrites in place the claims of `entries` that an older normalisation wrote, as the current one writes them: each
 * statement found again in its archived article (by its id, a content key), or else its own text read alone (its
 * article gone from the archive, or changed by a revision); one the rules no longer find keeps its claim. `write`, when
 * given, stores each new claim. Returns the entries that were stale.
 */
export async function refreshClaims(
  entries: LedgerEntry[],
  watch: ClaimWatch,
  archive: Pick<ClaimStore, 'getArticle'>,
  known: KnownSpeaker[],
  write?: (entry: LedgerEntry, claim: string, claimNorm: string) => Promise<unknown>,
): Promise<LedgerEntry[]> {
  const claimNorm = claimNormOf(watch);
  const stale = entries.filter((entry) => entry.claimNorm !== claimNorm);
  const articles = [...groupBy(stale, (entry) => entry.urlKey ?? '')];
  for (let start = 0; start < articles.length; start += REFRESH_CONCURRENCY) {
    await Promise.all(
      articles.slice(start, start + REFRESH_CONCURRENCY).map(async ([urlKey, group]) => {
        const found = urlKey ? claimsOfArticle(await archive.getArticle(urlKey), watch, known) : new Map<string, string>();
        for (const entry of group) {
          const claim = found.get(entry.id) ?? claimOfText(entry.text, watch) ?? entry.claim;
          await write?.(entry, claim, claimNorm);
          Object.assign(entry, { claim, claimNorm });
        }
      }),
    );
  }
  return stale;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Each of the article's statements' claims, by statement id, read as `recordStatements` reads it. */
function claimsOfArticle(article: ArchivedArticle | undefined, watch: ClaimWatch, known: KnownSpeaker[]): Map<string, string> {
  if (!article?.text) return new Map();
  const statements = watchedStatements(article.text.split(PARAGRAPH_BREAK), watch, known, article.byline);
  return new Map(statements.map((statement) => [statementId(watch.id, article.urlKey, statement.text), statement.claim]));
}

/** The claim of a statement's text read on its own, when the rules still find that text a statement. */
function claimOfText(text: string, watch: ClaimWatch): string | undefined {
  const same = normalizeText(text);
  return extractStatements([text], { speakers: watch.speakers, synonyms: watch.synonyms }).find((statement) => normalizeText(statement.text) === same)?.claim;
}

type ClaimStore = Pick<Ledger, 'refreshClaim' | 'getTermCounts'> & { getArticle(urlKey: string): Promise<ArchivedArticle | undefined> };

/**
 * `refreshClaims` for an article's ledger, written to the store (once, whoever gets there first); the ledger's term
 * counts are then read again, since they moved with the claims.
 */
export async function refreshStaleClaims(ledger: ArticleLedger, watch: ClaimWatch, store: ClaimStore, known: KnownSpeaker[]): Promise<void> {
  const stale = await refreshClaims(ledger.entries, watch, store, known, (entry, claim, claimNorm) => store.refreshClaim(watch.id, entry, claim, claimNorm));
  if (stale.length === 0) return;
  const terms = new Set([...ledger.summary.tokenCounts.keys(), ...ledger.entries.flatMap((entry) => countedTokens(entry.claim))]);
  const counts = await store.getTermCounts(watch.id, terms);
  for (const term of terms) {
    if (counts.has(term)) ledger.summary.tokenCounts.set(term, counts.get(term) ?? 0);
    else ledger.summary.tokenCounts.delete(term);
  }
}
