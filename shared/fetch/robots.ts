import robotsParser from 'robots-parser';
import { FetchError } from '../errors/index.js';
import { describeTarget, fetchFailure } from './errors.js';
import type { FetchedDocument, FetchOptions } from './types.js';

/** Fetches one robots.txt; the caller supplies it so robots checks reuse the guarded HTTP path. */
export type RobotsFileFetcher = (robotsUrl: string) => Promise<FetchedDocument>;

type RobotsRules = ReturnType<typeof robotsParser>;

interface CachedRobots {
  /** Milliseconds since the epoch; `Infinity` while the file is still being fetched. */
  expiresAt: number;
  rules: Promise<RobotsRules | undefined>;
}

/** A warm function re-reads robots.txt about once per hourly run; Google caches it for up to a day. */
const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** A robots.txt that failed (5xx, timeout) is asked for again sooner, once the server has recovered. */
const ROBOTS_RETRY_TTL_MS = 10 * 60 * 1000;
/** Google reads the first 500 KiB of a robots.txt; a larger file is treated as unavailable. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** Article links reach many origins; past this many the oldest cached origin is forgotten. */
const MAX_CACHED_ORIGINS = 1000;

const HTTP_CLIENT_ERROR_MIN = 400;
const HTTP_SERVER_ERROR_MIN = 500;

/** Module-level so a warm Lambda asks each origin once per TTL, not once per page. */
const robotsCache = new Map<string, CachedRobots>();

/**
 * Refuses `target` when its origin's robots.txt disallows it for our user agent. The file is
 * fetched once per origin and cached; a missing file (4xx) allows everything, and so does an
 * unavailable one (5xx, timeout) — stricter than that would silence a source over a hiccup.
 *
 * @throws FetchError `robots` when disallowed.
 */
export async function assertAllowedByRobots(
  target: URL,
  requestedUrl: string,
  options: FetchOptions,
  fetchRobotsFile: RobotsFileFetcher,
): Promise<void> {
  const rules = await rulesForOrigin(target.origin, fetchRobotsFile);
  if (rules?.isAllowed(target.href, options.userAgent) === false) {
    throw fetchFailure(
      requestedUrl,
      'robots',
      `${describeTarget(requestedUrl, target.href)} is disallowed by ${target.origin}/robots.txt for ${productToken(options.userAgent)}; not fetched`,
    );
  }
}

/** Forgets every cached robots.txt (tests, or a long-lived process that wants fresh rules). */
export function clearRobotsCache(): void {
  robotsCache.clear();
}

function rulesForOrigin(origin: string, fetchRobotsFile: RobotsFileFetcher): Promise<RobotsRules | undefined> {
  const cached = robotsCache.get(origin);
  if (cached && cached.expiresAt > Date.now()) return cached.rules;
  const entry: CachedRobots = { expiresAt: Infinity, rules: Promise.resolve(undefined) };
  entry.rules = loadRules(origin, fetchRobotsFile).then(({ rules, ttlMs }) => {
    entry.expiresAt = Date.now() + ttlMs;
    return rules;
  });
  rememberOrigin(origin, entry);
  return entry.rules;
}

function rememberOrigin(origin: string, entry: CachedRobots): void {
  robotsCache.delete(origin);
  robotsCache.set(origin, entry);
  if (robotsCache.size > MAX_CACHED_ORIGINS) {
    const oldest = robotsCache.keys().next().value;
    if (oldest !== undefined) robotsCache.delete(oldest);
  }
}

async function loadRules(
  origin: string,
  fetchRobotsFile: RobotsFileFetcher,
): Promise<{ rules: RobotsRules | undefined; ttlMs: number }> {
  const robotsUrl = `${origin}/robots.txt`;
  try {
    const file = await fetchRobotsFile(robotsUrl);
    return { rules: robotsParser(robotsUrl, file.body.toString('utf8')), ttlMs: ROBOTS_TTL_MS };
  } catch (error) {
    return { rules: undefined, ttlMs: isMissingRobotsFile(error) ? ROBOTS_TTL_MS : ROBOTS_RETRY_TTL_MS };
  }
}

/** A 4xx means "no robots.txt here" (RFC 9309 §2.3.1.3): allow all, and that answer is stable. */
function isMissingRobotsFile(error: unknown): boolean {
  return (
    error instanceof FetchError &&
    error.reason === 'http-status' &&
    error.status !== undefined &&
    error.status >= HTTP_CLIENT_ERROR_MIN &&
    error.status < HTTP_SERVER_ERROR_MIN
  );
}

/** `Stancewatch/0.1 (+https://…)` → `Stancewatch`, the name robots.txt groups are matched against. */
function productToken(userAgent: string): string {
  return userAgent.split('/')[0]?.trim() || userAgent;
}
