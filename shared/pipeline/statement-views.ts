/**
 * What the run report and a digest show of a stored statement. Their types pick from `StoredStatement`; the field
 * sets below are checked against those types both ways (a field missing or one too many fails to compile), so a field
 * added to a view is copied by the same change.
 */
import type { DigestItem } from '../digest/index.js';
import type { StoredStatement } from '../stances/index.js';
import type { StanceReport } from './types.js';

/** Every field of `T`, optional ones included, each once. */
type FieldSet<T> = { readonly [K in keyof T]-?: true };

/** In the order `run --json` prints them. */
const STANCE_REPORT_FIELDS = {
  status: true,
  speaker: true,
  kind: true,
  text: true,
  url: true,
  outlet: true,
  publishedAt: true,
} as const satisfies FieldSet<Omit<StanceReport, 'watch'>>;

const DIGEST_ITEM_FIELDS = {
  status: true,
  speaker: true,
  kind: true,
  text: true,
  url: true,
  outlet: true,
  title: true,
  publishedAt: true,
  revisedAt: true,
  closest: true,
  withdrawn: true,
} as const satisfies FieldSet<DigestItem>;

/** A statement stored by this run, as the run report lists it. */
export function toStanceReport(statement: StoredStatement): StanceReport {
  return { watch: statement.watchId, ...pickFields(statement, STANCE_REPORT_FIELDS) };
}

/** A statement as its digest shows it. */
export function toDigestItem(statement: StoredStatement): DigestItem {
  return pickFields(statement, DIGEST_ITEM_FIELDS);
}

/** The named fields of `source`, in the order they are named (absent ones as `undefined`, as a literal would have them). */
function pickFields<T, K extends keyof T>(source: T, fields: Readonly<Record<K, true>>): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const field of Object.keys(fields) as K[]) picked[field] = source[field];
  return picked;
}
