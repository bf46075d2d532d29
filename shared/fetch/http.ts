import { setTimeout as sleep } from 'node:timers/promises';
import { FetchError } from '../errors/index.js';
import { ACCEPT_HEADER, DEFAULT_POLITENESS, DEFAULT_RETRY, NOT_MODIFIED_STATUS, REDIRECT_STATUSES } from './constants.js';
import { causeText, describeTarget, fetchFailure } from './errors.js';
import { assertDestinationAllowed } from './guard.js';
import { sharedHostPacer, type Turn } from './host-pacer.js';
import { isRetryableStatus, isTransientNetworkError, parseRetryAfter, planRetry, type RetryStop } from './retry.js';
import { assertAllowedByRobots, ROBOTS_MAX_BYTES } from './robots.js';
import { missedStartIn, turnDispatcher } from './turn-dispatcher.js';
import type { ConditionalState, FetchedDocument, FetchOptions } from './types.js';

const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** Statuses that bot-protection services answer with a challenge page (Cloudflare: 403 or 503, DataDome: 403). */
const BOT_WALL_STATUSES: ReadonlySet<number> = new Set([403, 429, 503]);
/** Every challenge marker sits in the first screen of the page. */
const ERROR_BODY_HEAD_BYTES = 16 * 1024;

/** The fetch's one deadline: a signal for the I/O, and the time left for deciding whether a retry fits. */
interface Deadline {
  signal: AbortSignal;
  remainingMs(): number;
  /** Where the fetch last was, to say where a passed deadline went: the checks (address, robots.txt), the host's turn, or a request. */
  phase?: 'checks' | 'turn' | 'sent';
}

/** One hop of a fetch: the URL asked for, the URL this hop requests, and what every attempt shares. */
interface Hop {
  requestedUrl: string;
  url: URL;
  options: FetchOptions;
  validators: ConditionalState | undefined;
  deadline: Deadline;
}

/** A hop ends in the document, or in a redirect for the next hop. */
type HopAnswer = { document: FetchedDocument; redirect?: never } | { document?: never; redirect: Redirect };

interface Redirect {
  status: number;
  location: string | null;
}

/**
 * GETs an http(s) URL under one deadline for all hops, retries and the body:
 * `per hop: (checkHop (guard → robots) → paced request) × retries → next hop | document`.
 * Redirects are followed here, not by fetch, so every hop passes the SSRF guard and robots.txt.
 *
 * One deadline, not one per attempt: `timeoutMs` stays the most one URL can cost its caller (a Lambda
 * batch with other sources waiting), however it is spent — slow answers, backoffs, a turn at a busy
 * host. A retry whose wait would not fit in what is left is not started.
 */
export async function fetchHttpDocument(
  requestedUrl: string,
  target: URL,
  options: FetchOptions,
  validators?: ConditionalState,
): Promise<FetchedDocument> {
  const deadline = startDeadline(options.timeoutMs);
  let current = target;
  try {
    for (let redirects = 0; ; redirects++) {
      const answer = await fetchHop({ requestedUrl, url: current, options, validators, deadline });
      if (answer.document) return answer.document;
      current = nextHop(answer.redirect, requestedUrl, current, redirects, options);
    }
  } catch (error) {
    throw asFetchError(error, requestedUrl, current, options, deadline);
  }
}

function startDeadline(timeoutMs: number): Deadline {
  const endsAt = Date.now() + timeoutMs;
  return { signal: AbortSignal.timeout(timeoutMs), remainingMs: () => endsAt - Date.now() };
}

/** True for URLs `fetchHttpDocument` handles. */
function isHttpUrl(url: URL): boolean {
  return HTTP_PROTOCOLS.has(url.protocol);
}

/** One hop, tried again after a 429, a 500/502/503/504 or a broken connection, as `planRetry` decides. */
async function fetchHop(hop: Hop): Promise<HopAnswer> {
  const retry = hop.options.retry ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptHop(hop);
    } catch (error) {
      // A passed deadline is final: a retry would have no time left to run in.
      if (hop.deadline.signal.aborted || !isRetryable(error)) throw error;
      const retryAfterSeconds = error instanceof FetchError ? error.retryAfterSeconds : undefined;
      const plan = planRetry({ attempt, retryAfterSeconds, remainingMs: hop.deadline.remainingMs() }, retry);
      if (!plan.retry) throw givingUp(error, plan.why, attempt, hop);
      await sleep(plan.delayMs, undefined, { signal: hop.deadline.signal });
    }
  }
}

/**
 * Every attempt runs the hop's checks again (the guard re-resolves the host; robots.txt comes from its
 * cache), then waits for the host's pacer. The checks come first so that robots.txt, which goes
 * through the pacer too, is not queued behind a slot this hop already holds.
 */
async function attemptHop(hop: Hop): Promise<HopAnswer> {
  hop.deadline.phase = 'checks';
  await checkHop(hop.url, hop.requestedUrl, hop.options, hop.deadline.signal);
  hop.deadline.phase = 'turn';
  loadFetchBeforeTurn(hop.options);
  const pacer = hop.options.hostPacer ?? sharedHostPacer;
  const politeness = hop.options.politeness ?? DEFAULT_POLITENESS;
  return pacer.run(hop.url, politeness, hop.deadline.signal, (turn) => exchange(hop, turn));
}

/**
 * Node loads its fetch implementation (undici) on the first call to `fetch`: 30 to 50 ms of synchronous work, more on a
 * busy CPU. Inside a turn that would make the process's first request late after the pacer found it on time (bench:scale's
 * first pass saw one go 84 ms after its start, 904 ms before the next request to that host; now the turn dispatcher
 * would stop it and it would wait for another start). Reading `Response` loads the same module, so it is done before the wait.
 */
function loadFetchBeforeTurn(options: FetchOptions): void {
  if (options.fetchImpl === undefined) void globalThis.Response;
}

/** One request and its body; the pacer slot is held until the body is read or dropped. */
async function exchange(hop: Hop, turn: Turn): Promise<HopAnswer> {
  hop.deadline.phase = 'sent';
  const response = await requestOnce(hop.url, hop.options, hop.validators, hop.deadline.signal, turn).catch((error: unknown) => {
    const missed = missedStartIn(error);
    if (!missed) throw error;
    hop.deadline.phase = 'turn'; // not sent: it waits for another start
    throw missed;
  });
  if (REDIRECT_STATUSES.has(response.status)) {
    await discardBody(response);
    return { redirect: { status: response.status, location: response.headers.get('location') } };
  }
  return { document: await readResponse(response, hop.requestedUrl, hop.url, hop.options, hop.validators) };
}

/** A 429 or 5xx we raised from the response, or a connection refused, reset or cut off mid-body. */
function isRetryable(error: unknown): boolean {
  if (error instanceof FetchError) {
    return error.reason === 'http-status' && error.status !== undefined && isRetryableStatus(error.status);
  }
  return isTransientNetworkError(error);
}

/** The error a hop fails with once it stops retrying; it names the attempts and keeps the last failure as cause. */
function givingUp(error: unknown, why: RetryStop, attempt: number, hop: Hop): unknown {
  const where = describeTarget(hop.requestedUrl, hop.url.href);
  const status = error instanceof FetchError ? error.status : undefined;
  const retryAfterSeconds = error instanceof FetchError ? error.retryAfterSeconds : undefined;
  const reason = status === undefined ? 'network' : 'http-status';
  const failed = status === undefined ? `failed (${causeText(error)})` : `answered ${status}`;
  const details = { cause: error, status, retryAfterSeconds, bodyHead: error instanceof FetchError ? error.bodyHead : undefined };
  if (why === 'wait-too-long') {
    const message = `GET ${where} answered ${status} and asks to wait ${retryAfterSeconds} s; not retried before the next run`;
    return fetchFailure(hop.requestedUrl, reason, message, details);
  }
  if (why === 'no-time-left') {
    const message = `GET ${where} ${failed} on attempt ${attempt}, with too little of the ${hop.options.timeoutMs} ms deadline left to retry; skipped this run`;
    return fetchFailure(hop.requestedUrl, reason, message, details);
  }
  // Retries off: the first failure already says everything.
  if (attempt === 1) return error;
  return fetchFailure(hop.requestedUrl, reason, `GET ${where} ${failed} ${attempt} times in a row; skipped this run`, details);
}

async function checkHop(current: URL, requestedUrl: string, options: FetchOptions, signal: AbortSignal): Promise<void> {
  if (!isHttpUrl(current)) {
    throw fetchFailure(
      requestedUrl,
      'bad-url',
      `${describeTarget(requestedUrl, current.href)}: redirects may only lead to http(s) URLs; not followed`,
    );
  }
  await assertDestinationAllowed(current, requestedUrl, options, signal);
  if (options.respectRobots) {
    await assertAllowedByRobots(current, requestedUrl, options, (robotsUrl) => fetchRobotsFile(robotsUrl, options));
  }
}

/**
 * robots.txt goes through the same guarded, paced path, without a robots check of its own and without
 * retries: an unavailable file already means "allow" for a short while (see robots.ts), so a retry would
 * only add load to a struggling server before the page itself is asked for.
 */
function fetchRobotsFile(robotsUrl: string, options: FetchOptions): Promise<FetchedDocument> {
  const robotsOptions: FetchOptions = {
    ...options,
    respectRobots: false,
    maxBytes: Math.min(options.maxBytes, ROBOTS_MAX_BYTES),
    retry: { ...(options.retry ?? DEFAULT_RETRY), maxAttempts: 1 },
  };
  return fetchHttpDocument(robotsUrl, new URL(robotsUrl), robotsOptions);
}

function requestOnce(
  current: URL,
  options: FetchOptions,
  validators: ConditionalState | undefined,
  signal: AbortSignal,
  turn: Turn,
): Promise<Response> {
  const fetchImpl = options.fetchImpl ?? fetch;
  // `dispatcher` is Node's (undici's) own option: the DOM's RequestInit does not know it.
  const init = { method: 'GET', headers: buildRequestHeaders(options, validators), redirect: 'manual', signal, dispatcher: turnDispatcher(turn, `GET ${current.href}`) };
  return fetchImpl(current.href, init as RequestInit);
}

function buildRequestHeaders(options: FetchOptions, validators?: ConditionalState): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': options.userAgent, Accept: ACCEPT_HEADER };
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

function nextHop(redirect: Redirect, requestedUrl: string, current: URL, redirectsSoFar: number, options: FetchOptions): URL {
  const { location, status } = redirect;
  const where = describeTarget(requestedUrl, current.href);
  if (!location) {
    throw fetchFailure(requestedUrl, 'http-status', `GET ${where} answered ${status} without a Location; skipped this run`, {
      status,
    });
  }
  if (redirectsSoFar >= options.maxRedirects) {
    throw fetchFailure(
      requestedUrl,
      'too-many-redirects',
      `GET ${requestedUrl} redirected more than ${options.maxRedirects} times (last hop ${current.href} → ${location}); gave up, skipped this run`,
    );
  }
  try {
    return new URL(location, current);
  } catch (cause) {
    throw fetchFailure(requestedUrl, 'bad-url', `GET ${where} redirected to an invalid URL ${JSON.stringify(location)}; not followed`, {
      cause,
    });
  }
}

async function readResponse(
  response: Response,
  requestedUrl: string,
  current: URL,
  options: FetchOptions,
  sentValidators: ConditionalState | undefined,
): Promise<FetchedDocument> {
  const document = {
    requestedUrl,
    url: current.href,
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
  };
  if (response.status === NOT_MODIFIED_STATUS) {
    await discardBody(response);
    // A 304 may omit the validators; keep the ones we sent so the next GET stays conditional.
    const validators = { ...sentValidators, ...readValidators(response) };
    return { ...document, notModified: true, body: Buffer.alloc(0), validators };
  }
  if (!response.ok) {
    let bodyHead: string | undefined;
    if (BOT_WALL_STATUSES.has(response.status)) bodyHead = await readBodyHead(response);
    else await discardBody(response);
    throw fetchFailure(
      requestedUrl,
      'http-status',
      `GET ${describeTarget(requestedUrl, current.href)} answered ${response.status}; skipped this run`,
      { status: response.status, retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')), bodyHead },
    );
  }
  const body = await readCappedBody(response, requestedUrl, current, options.maxBytes);
  return { ...document, notModified: false, body, validators: readValidators(response) };
}

function readValidators(response: Response): ConditionalState {
  const validators: ConditionalState = {};
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return validators;
}

/** Reads the body chunk by chunk and cancels the stream as soon as it passes `maxBytes`. */
async function readCappedBody(response: Response, requestedUrl: string, current: URL, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    fetchFailure(
      requestedUrl,
      'too-large',
      `GET ${describeTarget(requestedUrl, current.href)} sent more than ${maxBytes} bytes; download aborted, skipped this run`,
    );
  const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declaredLength > maxBytes) {
    await discardBody(response);
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The first {@link ERROR_BODY_HEAD_BYTES} of an error answer's body as text, the rest dropped. Bot-protection
 * services answer 403, 429 or 503 with their challenge page; its head is enough to tell which.
 */
async function readBodyHead(response: Response): Promise<string | undefined> {
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < ERROR_BODY_HEAD_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks, total).subarray(0, ERROR_BODY_HEAD_BYTES).toString('utf8');
}

/** Releases the connection of a response whose body we do not want. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function asFetchError(error: unknown, requestedUrl: string, current: URL, options: FetchOptions, deadline: Deadline): FetchError {
  if (error instanceof FetchError) return error;
  const where = describeTarget(requestedUrl, current.href);
  if (deadline.signal.aborted && deadline.phase === 'turn') {
    // The site was not slow: the request waited for its turn at a busy host (politeness) until the deadline passed.
    const message = `GET ${where} was still waiting its turn at ${current.host} (other requests to the host went first) when its ${options.timeoutMs} ms deadline passed; not sent, skipped this run`;
    return fetchFailure(requestedUrl, 'timeout', message, { cause: error });
  }
  if (deadline.signal.aborted) {
    return fetchFailure(
      requestedUrl,
      'timeout',
      `GET ${where} did not finish within ${options.timeoutMs} ms; request aborted, skipped this run`,
      { cause: error },
    );
  }
  return fetchFailure(requestedUrl, 'network', `GET ${where} failed: ${causeText(error)}; skipped this run`, { cause: error });
}
