import { FetchError } from '../errors/index.js';
import { ACCEPT_HEADER, NOT_MODIFIED_STATUS, REDIRECT_STATUSES } from './constants.js';
import { causeText, describeTarget, fetchFailure } from './errors.js';
import { assertDestinationAllowed } from './guard.js';
import { assertAllowedByRobots, ROBOTS_MAX_BYTES } from './robots.js';
import type { ConditionalState, FetchedDocument, FetchOptions } from './types.js';

const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * GETs an http(s) URL under one deadline for all hops and the body:
 * `checkHop (guard → robots) → request → followRedirect | readResponse`.
 * Redirects are followed here, not by fetch, so every hop passes the SSRF guard and robots.txt.
 */
export async function fetchHttpDocument(
  requestedUrl: string,
  target: URL,
  options: FetchOptions,
  validators?: ConditionalState,
): Promise<FetchedDocument> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = target;
  try {
    for (let redirects = 0; ; redirects++) {
      await checkHop(current, requestedUrl, options, signal);
      const response = await requestOnce(current, options, validators, signal);
      if (!REDIRECT_STATUSES.has(response.status)) {
        return await readResponse(response, requestedUrl, current, options, validators);
      }
      current = await nextHop(response, requestedUrl, current, redirects, options);
    }
  } catch (error) {
    throw asFetchError(error, requestedUrl, current, options, signal);
  }
}

/** True for URLs `fetchHttpDocument` handles. */
function isHttpUrl(url: URL): boolean {
  return HTTP_PROTOCOLS.has(url.protocol);
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

/** robots.txt goes through the same guarded path, without a robots check of its own. */
function fetchRobotsFile(robotsUrl: string, options: FetchOptions): Promise<FetchedDocument> {
  const robotsOptions: FetchOptions = {
    ...options,
    respectRobots: false,
    maxBytes: Math.min(options.maxBytes, ROBOTS_MAX_BYTES),
  };
  return fetchHttpDocument(robotsUrl, new URL(robotsUrl), robotsOptions);
}

function requestOnce(
  current: URL,
  options: FetchOptions,
  validators: ConditionalState | undefined,
  signal: AbortSignal,
): Promise<Response> {
  const fetchImpl = options.fetchImpl ?? fetch;
  return fetchImpl(current.href, {
    method: 'GET',
    headers: buildRequestHeaders(options, validators),
    redirect: 'manual',
    signal,
  });
}

function buildRequestHeaders(options: FetchOptions, validators?: ConditionalState): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': options.userAgent, Accept: ACCEPT_HEADER };
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

async function nextHop(
  response: Response,
  requestedUrl: string,
  current: URL,
  redirectsSoFar: number,
  options: FetchOptions,
): Promise<URL> {
  await discardBody(response);
  const location = response.headers.get('location');
  const where = describeTarget(requestedUrl, current.href);
  if (!location) {
    throw fetchFailure(requestedUrl, 'http-status', `GET ${where} answered ${response.status} without a Location; skipped this run`, {
      status: response.status,
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
    await discardBody(response);
    throw fetchFailure(
      requestedUrl,
      'http-status',
      `GET ${describeTarget(requestedUrl, current.href)} answered ${response.status}; skipped this run`,
      { status: response.status },
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

/** Releases the connection of a response whose body we do not want. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function asFetchError(
  error: unknown,
  requestedUrl: string,
  current: URL,
  options: FetchOptions,
  signal: AbortSignal,
): FetchError {
  if (error instanceof FetchError) return error;
  const where = describeTarget(requestedUrl, current.href);
  if (signal.aborted) {
    return fetchFailure(
      requestedUrl,
      'timeout',
      `GET ${where} did not finish within ${options.timeoutMs} ms; request aborted, skipped this run`,
      { cause: error },
    );
  }
  return fetchFailure(requestedUrl, 'network', `GET ${where} failed: ${causeText(error)}; skipped this run`, { cause: error });
}
