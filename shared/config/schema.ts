import { z } from 'zod';

/** A source is a feed (RSS, Atom, JSON Feed), an article page, a file:// URL or a directory of captures. */
const SourceSchema = z.object({
  url: z
    .string()
    .refine((value) => /^(https?|file):\/\//i.test(value), 'expected an http(s) or file URL'),
  /** Optional label shown in logs and source health. */
  name: z.string().optional(),
});

const DigestSchema = z.object({
  /** Addresses subscribed to this watch's digests (SNS email with a filter policy; SES HTML when set up). */
  email: z.array(z.string().email()).optional(),
  /** Publish this watch's digests to an existing topic instead of the stack's. */
  snsTopicArn: z.string().regex(/^arn:aws[a-z-]*:sns:/, 'expected an SNS topic ARN').optional(),
});

const WatchSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lowercase letters, digits and dashes'),
  name: z.string().min(1),
  /** An article is kept for the watch when any keyword appears in its title or body (case-insensitive). */
  keywords: z.array(z.string().min(1)).min(1),
  /** When given, only statements by these speakers (surname match) are tracked. */
  speakers: z.array(z.string().min(1)).optional(),
  sources: z.array(SourceSchema).min(1),
  /** EventBridge schedule expression for the deployed stack. */
  schedule: z.string().default('rate(1 hour)'),
  digest: DigestSchema.optional(),
});

export const ConfigSchema = z
  .object({ watches: z.array(WatchSchema).min(1) })
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
