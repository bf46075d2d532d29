import { setTimeout as sleepFor } from 'node:timers/promises';
import { AddressCategory, classifyAddress } from './address.js';
import type { PolitenessOptions } from './types.js';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };
const LOCALHOST = 'localhost';
const LOCALHOST_SUFFIX = '.localhost';
/** Article links reach many hosts; past this many, hosts with nothing pending and no delay left are forgotten. */
const MAX_TRACKED_HOSTS = 1000;
/** A concurrency below one would queue a host's requests forever. */
const MIN_CONCURRENCY = 1;

interface Waiter {
  limits: PolitenessOptions;
  start(): void;
}

/**
 * The time a pacer reads and waits on. Tests pass a fake one, so pacing runs on a virtual clock instead
 * of the wall clock.
 */
export interface PacerClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects (with any reason) once `signal` aborts, and then must hold nothing open. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The wall clock: `Date.now` and a cancellable timer. */
export const systemPacerClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleepFor(ms, undefined, { signal }),
};

interface HostState {
  inFlight: number;
  /** When the last request to this host started (ms since the epoch). */
  lastStartAt: number;
  /** When the delay after the last start runs out; an idle host past it has nothing to remember. */
  quietAt: number;
  /** First come, first served. */
  waiting: Waiter[];
  /** Set while the head of the queue waits out the delay; aborting it cancels the wait. */
  timer?: AbortController;
}

/**
 * Keeps the requests we send to one host (`hostname:port`) polite: at most `perHostConcurrency` in
 * flight, and starts at least `perHostDelayMs` apart. One instance serves the whole process (see
 * {@link sharedHostPacer}): Powertools' BatchProcessor runs a batch's SQS records in parallel, and
 * watches that share a news site would otherwise hit it together.
 *
 * The limits come with each call, so they follow the `FetchOptions` of the fetch that asks.
 *
 * @example
 * const pacer = new HostPacer(); // a fresh one per test; `new HostPacer(fakeClock)` runs on virtual time
 * await pacer.run(url, { perHostConcurrency: 1, perHostDelayMs: 500, paceLoopback: true }, signal, () => fetch(url));
 */
export class HostPacer {
  readonly #hosts = new Map<string, HostState>();
  readonly #clock: PacerClock;

  constructor(clock: PacerClock = systemPacerClock) {
    this.#clock = clock;
  }

  /**
   * Runs `task` once `url`'s host has a free slot and its delay since the last start has passed;
   * the slot is held until `task` settles. Waiting ends with `signal`'s reason when it aborts.
   */
  async run<T>(url: URL, limits: PolitenessOptions, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    if (!limits.paceLoopback && isLoopbackHost(url.hostname)) return task();
    const state = this.#stateOf(hostKeyOf(url));
    await this.#acquire(state, limits, signal);
    try {
      return await task();
    } finally {
      state.inFlight -= 1;
      this.#pump(state);
    }
  }

  #acquire(state: HostState, limits: PolitenessOptions, signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        state.waiting = state.waiting.filter((waiting) => waiting !== waiter);
        if (state.waiting.length === 0) this.#clearTimer(state);
        else this.#pump(state); // the next in line may ask for different limits
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        limits,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiting.push(waiter);
      this.#pump(state);
    });
  }

  /** Starts waiters from the head of the queue while a slot is free and the delay has passed. */
  #pump(state: HostState): void {
    while (state.timer === undefined && state.waiting.length > 0) {
      const next = state.waiting[0];
      if (state.inFlight >= Math.max(MIN_CONCURRENCY, next.limits.perHostConcurrency)) return; // a finishing request pumps again
      const now = this.#clock.now();
      const waitMs = state.lastStartAt + next.limits.perHostDelayMs - now;
      if (waitMs > 0) return this.#wait(state, waitMs);
      state.waiting.shift();
      state.inFlight += 1;
      state.lastStartAt = now;
      state.quietAt = now + next.limits.perHostDelayMs;
      next.start();
    }
  }

  /** Pumps again once `ms` have passed, unless the wait is cleared first. */
  #wait(state: HostState, ms: number): void {
    const timer = new AbortController();
    state.timer = timer;
    this.#clock.sleep(ms, timer.signal).then(
      () => {
        if (state.timer !== timer) return;
        state.timer = undefined;
        this.#pump(state);
      },
      () => undefined, // cleared: whoever cleared it pumps if there is anything left to start
    );
  }

  #clearTimer(state: HostState): void {
    state.timer?.abort();
    state.timer = undefined;
  }

  #stateOf(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      if (this.#hosts.size >= MAX_TRACKED_HOSTS) this.#forgetQuietHosts();
      state = { inFlight: 0, lastStartAt: Number.NEGATIVE_INFINITY, quietAt: 0, waiting: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #forgetQuietHosts(): void {
    const now = this.#clock.now();
    for (const [host, state] of this.#hosts) {
      if (state.inFlight === 0 && state.waiting.length === 0 && state.quietAt <= now) this.#hosts.delete(host);
    }
  }
}

/** The pacer every fetch uses unless its options bring their own: one per process (one per warm Lambda). */
export const sharedHostPacer = new HostPacer();

/** `http://News.example/a` → `news.example:80`; http and https of one name are two hosts, as they are two ports. */
export function hostKeyOf(url: URL): string {
  return `${url.hostname}:${url.port || DEFAULT_PORTS[url.protocol] || ''}`;
}

/** True for `localhost` (and `*.localhost`) and loopback literals: 127.0.0.0/8, ::1, ::ffff:127.x. */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === LOCALHOST || name.endsWith(LOCALHOST_SUFFIX)) return true;
  return classifyAddress(name) === AddressCategory.Loopback;
}
