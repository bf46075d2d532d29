import * as z from 'zod';
import { formatPath } from './path.js';
import { suggestName } from './suggest.js';

/**
 * An object that refuses fields it does not know, naming each with the closest known one: a typo such as
 * `speaker` must not quietly turn a watch into one that tracks everyone.
 */
function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? describeUnknownFields(issue.keys, issue.path ?? [], fields) : undefined),
  });
}

/** One line per unknown field: `unknown field "speaker" in watches[0] (did you mean "speakers"?)`. */
function describeUnknownFields(keys: string[], path: readonly PropertyKey[], fields: string[]): string {
  const where = path.length > 0 ? `in ${formatPath(path)}` : 'at the top level';
  return keys
    .map((key) => {
      const suggestion = suggestName(key, fields);
      return `unknown field "${key}" ${where} (${suggestion ? `did you mean "${suggestion}"?` : `known: ${fields.join(', ')}`})`;
    })
    .join('\n');
}

/**
 * An EventBridge schedule: `rate(1 hour)`, `rate(15 minutes)` (singular unit for 1, plural otherwise) or a
 * six-field `cron(...)`. Checked at load so a local run catches what `cdk deploy` would refuse.
 */
const ScheduleSchema = z.string().superRefine((value, ctx) => {
  const problem = scheduleProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const RATE_PATTERN = /^rate\((\d+) (minute|hour|day)(s?)\)$/;
const CRON_PATTERN = /^cron\(([^()]+)\)$/;
/** EventBridge cron: minutes hours day-of-month month day-of-week year. */
const CRON_FIELDS = 6;

function scheduleProblem(value: string): string | undefined {
  const rate = RATE_PATTERN.exec(value);
  if (rate) {
    const [, count, unit, plural] = rate;
    if (Number(count) === 0) return `a rate must be at least 1, got "${value}"`;
    if ((Number(count) === 1) !== (plural === '')) return `EventBridge wants "rate(${count} ${unit}${Number(count) === 1 ? '' : 's'})", got "${value}"`;
    return undefined;
  }
  const cron = CRON_PATTERN.exec(value);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/).length;
    return fields === CRON_FIELDS ? undefined : `a cron expression has ${CRON_FIELDS} fields (minutes hours day month weekday year), got ${fields} in "${value}"`;
  }
  return `expected rate(<n> minutes|hours|days) or cron(<${CRON_FIELDS} fields>), got "${value}"`;
}

/** A source is a feed (RSS, Atom, JSON Feed), an article page, a file:// URL or a directory of captures. */
const SourceSchema = strictObject({
  url: z
    .string()
    .refine((value) => /^(https?|file):\/\//i.test(value), 'expected an http(s) or file URL'),
  /** Optional label shown in logs and source health. */
  name: z.string().optional(),
});

const DigestSchema = strictObject({
  /** Addresses subscribed to this watch's digests (SNS email with a filter policy; SES HTML when set up). */
  email: z.array(z.string().email()).optional(),
  /** Publish this watch's digests to an existing topic instead of the stack's. */
  snsTopicArn: z.string().regex(/^arn:aws[a-z-]*:sns:/, 'expected an SNS topic ARN').optional(),
});

/** One group of keywords: whole words or phrases, case-insensitive (see `isRelevant` in shared/pipeline). */
const KeywordListSchema = z.array(z.string().trim().min(1, 'a keyword cannot be empty')).min(1, 'expected at least one keyword');

/**
 * Which articles a watch keeps. `any`: at least one of these; `all`: every one of these; `none`: not one of these.
 * An article must pass every group given, and `any` or `all` must be given: `none` alone would keep the whole feed.
 */
const KeywordGroupsSchema = strictObject({
  any: KeywordListSchema.optional(),
  all: KeywordListSchema.optional(),
  none: KeywordListSchema.optional(),
}).refine((groups) => groups.any || groups.all, {
  message: 'give "any" or "all" (or both) beside "none": "none" alone would keep every article it does not exclude',
  // An unknown field ("non") is the mistake to report, not the group it leaves missing.
  when: (payload) => payload.issues.length === 0,
});

/** A plain list is the `any` group, as keywords were before groups: `["peace treaty", "Japan"]`. */
const KeywordsSchema = z
  .union([KeywordListSchema, KeywordGroupsSchema], {
    error: (issue) => (issue.code === 'invalid_union' ? 'expected a list of keywords or {"any": [...], "all": [...], "none": [...]}' : undefined),
  })
  .transform((keywords): KeywordGroups => (Array.isArray(keywords) ? { any: keywords } : keywords));

export interface KeywordGroups {
  any?: string[];
  all?: string[];
  none?: string[];
}

const WatchSchema = strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lowercase letters, digits and dashes'),
  name: z.string().min(1),
  /** Which articles the watch keeps, by words in their title or body: a list (any of them) or `any`/`all`/`none` groups. */
  keywords: KeywordsSchema,
  /** When given, only statements by these speakers (surname match) are tracked. */
  speakers: z.array(z.string().min(1)).optional(),
  /**
   * The story's own vocabulary, folded into one token when statements are compared: `{"Tokyo": "japan", "security
   * pact": "alliance"}`. Keys are words or phrases (any case); the rules know only the language's general synonyms.
   */
  synonyms: z.record(z.string().min(1), z.string().regex(/\S/, 'expected a word')).optional(),
  /**
   * Who speaks for one side, by side: `{"Russia": ["Vladimir Putin", "Dmitry Peskov", "Kremlin"]}`. Their statements are
   * tracked with the watch's speakers, and a restatement by anyone on a side is a repeat, not news.
   */
  sides: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
  sources: z.array(SourceSchema).min(1),
  /** EventBridge schedule expression for the deployed stack. */
  schedule: ScheduleSchema.default('rate(1 hour)'),
  digest: DigestSchema.optional(),
});

export const ConfigSchema = strictObject({ watches: z.array(WatchSchema).min(1) })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.watches.forEach((watch, index) => {
      if (seen.has(watch.id)) {
        ctx.addIssue({ code: 'custom', path: ['watches', index, 'id'], message: `duplicate watch id "${watch.id}"` });
      }
      seen.add(watch.id);
    });
  });

export type Config = z.infer<typeof ConfigSchema>;
export type Watch = Config['watches'][number];
export type Source = Watch['sources'][number];
