import { lookup } from 'node:dns/promises';
import { classifyAddress, AddressCategory } from './address.js';
import { causeText, describeTarget, fetchFailure } from './errors.js';
import type { FetchOptions, HostResolver } from './types.js';

/** The real resolver: every address the system resolver returns, IPv4 and IPv6. */
export const resolveWithDns: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * The SSRF guard for one hop. With `allowPrivateNetwork` false it refuses file:// URLs (a Lambda
 * must not read its own disk) and any http(s) host that resolves to a non-public address; it is
 * called again for every redirect hop, so a public page cannot bounce us to the metadata endpoint.
 *
 * Limitation: the check runs before the request and fetch resolves the name again to connect, so
 * a DNS answer that changes in between (rebinding) is not caught; pinning the address would need a
 * custom connector.
 *
 * @throws FetchError `blocked-address` when refused, `network` when the name does not resolve.
 */
export async function assertDestinationAllowed(
  target: URL,
  requestedUrl: string,
  options: FetchOptions,
  signal?: AbortSignal,
): Promise<void> {
  if (options.allowPrivateNetwork) return;
  const where = describeTarget(requestedUrl, target.href);
  if (target.protocol === 'file:') {
    throw fetchFailure(
      requestedUrl,
      'blocked-address',
      `${where}: file:// URLs are refused when allowPrivateNetwork is false (a deployed function must not read its own disk); not read`,
    );
  }
  const addresses = await resolveAddresses(target, requestedUrl, options, signal);
  const blocked = addresses
    .map(({ address }) => ({ address, category: classifyAddress(address) }))
    .find(({ category }) => category !== AddressCategory.Public);
  if (blocked) {
    throw fetchFailure(
      requestedUrl,
      'blocked-address',
      `${where}: host ${target.hostname} resolves to ${blocked.address} (${blocked.category}); refused by the private-network guard, request not sent`,
    );
  }
}

async function resolveAddresses(
  target: URL,
  requestedUrl: string,
  options: FetchOptions,
  signal?: AbortSignal,
): Promise<ReadonlyArray<{ address: string }>> {
  const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const resolve = options.resolveHost ?? resolveWithDns;
  let addresses: ReadonlyArray<{ address: string }>;
  try {
    addresses = await abortable(resolve(hostname), signal);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw fetchFailure(
      requestedUrl,
      'network',
      `${describeTarget(requestedUrl, target.href)}: cannot resolve host ${hostname} (${causeText(cause)}); not fetched this run`,
      { cause },
    );
  }
  if (addresses.length === 0) {
    throw fetchFailure(
      requestedUrl,
      'network',
      `${describeTarget(requestedUrl, target.href)}: host ${hostname} resolves to no address; not fetched this run`,
    );
  }
  return addresses;
}

/** The system resolver cannot be cancelled; stop waiting for it when the request's deadline passes. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
