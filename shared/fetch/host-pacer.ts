import { setTimeout as sleepFor } from 'node:timers/promises';
import { StancewatchError } from '../errors/index.js';
import { AddressCategory, classifyAddress } from './address.js';
import { CLAIM_LEAD_MS, MAX_LATE_MS, MAX_MISSED_STARTS, type HostSlots } from './host-slots.js';
import type { PolitenessOptions } from './types.js';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };
const LOCALHOST = 'localhost';
const LOCALHOST_SUFFIX = '.localhost';
/** Article links reach many hosts; past this many, hosts with nothing pending and no delay left are forgotten. */
const MAX_TRACKED_HOSTS = 1000;
/** A concurrency below one would queue a host's requests forever. */
const MIN_CONCURRENCY = 1;
/** The last start a request reserves, after missing the others, is claimed for now: it goes as soon as it holds it. */
const LAST_RESORT_LEAD_MS = 0;

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

/** A request's turn at its host, as its task sees it. */
export interface Turn {
  /**
   * True once the request is later than `MAX_LATE_MS` past the start it reserved across the fleet: written now, it would
   * crowd the next holder. A fetch asks at the last moment before it writes the request (after making any connection,
   * which leaves the event loop to other work), and throws {@link MissedStartError} instead of sending.
   */
  isLate(): boolean;
  /**
   * Told as the request is written (the turn dispatcher calls it once `isLate` let the request go). A request going at
   * its last start however late holds the host for an interval from here: the connect before it can hold the event loop
   * for a while after the pacer let it go (bench:scale saw a robots.txt written 132 ms after its hold, and the next
   * request to the host 868 ms after it).
   */
  writing(): void;
}

/** Thrown by a task that found its turn late before sending anything: the pacer reserves another start and runs it again. */
export class MissedStartError extends StancewatchError {}

/** The turn of a request with no start reserved across the fleet, or going at its last one however late. */
const NEVER_LATE: Turn = { isLate: () => false, writing: () => undefined };

/** Pacing shared with the other processes of the fleet: see host-slots.ts. */
export interface FleetPacing {
  slots: HostSlots;
  /**
   * Told when a start could not be reserved (the shared record unreachable, throttled, or its rounds ran out): that
   * request goes ahead paced by this process alone, since one bad call must not stop a run.
   */
  onSlotError(error: unknown, host: string): void;
}

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
 * Given {@link FleetPacing}, a request that passes this process's pacing then reserves its start in the fleet's shared
 * slots and waits for it, so the delay holds across processes; concurrency stays per process. This pacer stays in front
 * so that a process asks the shared record once per delay per host, not once per queued request.
 *
 * @example
 * const pacer = new HostPacer(); // a fresh one per test; `new HostPacer(fakeClock)` runs on virtual time
 * await pacer.run(url, { perHostConcurrency: 1, perHostDelayMs: 500, paceLoopback: true }, signal, () => fetch(url));
 */
export class HostPacer {
  readonly #hosts = new Map<string, HostState>();
  readonly #clock: PacerClock;
  readonly #fleet: FleetPacing | undefined;

  constructor(clock: PacerClock = systemPacerClock, fleet?: FleetPacing) {
    this.#clock = clock;
    this.#fleet = fleet;
  }

  /**
   * Runs `task` once `url`'s host has a free slot and its delay since the last start has passed;
   * the slot is held until `task` settles. Waiting ends with `signal`'s reason when it aborts. With fleet pacing, a task
   * that throws {@link MissedStartError} (it found its {@link Turn} late) runs again at another start, as a missed one.
   */
  async run<T>(url: URL, limits: PolitenessOptions, signal: AbortSignal | undefined, task: (turn: Turn) => Promise<T>): Promise<T> {
    if (!limits.paceLoopback && isLoopbackHost(url.hostname)) return task(NEVER_LATE);
    const host = hostKeyOf(url);
    const state = this.#stateOf(host);
    await this.#acquire(state, limits, signal);
    try {
      if (!this.#fleet) return await task(NEVER_LATE); // no await before it: task starts in this tick
      const misses = { count: 0 };
      for (;;) {
        const turn = await this.#awaitFleetTurn(this.#fleet, host, limits, misses, signal);
        try {
          return await task(turn);
        } catch (error) {
          if (!(error instanceof MissedStartError) || turn === NEVER_LATE || misses.count >= MAX_MISSED_STARTS) throw error;
          misses.count++;
        }
      }
    } finally {
      state.inFlight -= 1;
      this.#pump(state);
    }
  }

  /**
   * With fleet pacing, waits for a start reserved across processes; the local slot is held meanwhile. A start this
   * process gets to too late is missed (starting then would crowd the next holder), and another is reserved with twice
   * the lead, which outgrows a slow write or a busy event loop. After `MAX_MISSED_STARTS` the request reserves a start
   * with no lead and goes at it however late. Not at its last missed start: a process whose event loop is held for
   * seconds (a processor loading its models) gets there after every start it reserved and the one after have passed,
   * when the host's record reads idle, and the next request claims a start beside this one (bench:scale saw 68 ms
   * between two). The claim written first, the host is crowded by the write's round trip at most, when it was idle;
   * and since that write can take 150 ms on a busy table, a request that goes later than its claim also holds the host
   * for an interval from when it goes, and from when it is written, for the starts reserved after it.
   *
   * A start the request's task found late before sending (see {@link Turn}) counts as a miss too: the pacer checks when
   * it wakes, but a fetch that must first connect gives the event loop to other work, which can hold it for a second.
   */
  async #awaitFleetTurn(fleet: FleetPacing, host: string, limits: PolitenessOptions, misses: { count: number }, signal: AbortSignal | undefined): Promise<Turn> {
    if (limits.perHostDelayMs <= 0) return NEVER_LATE;
    try {
      for (; misses.count < MAX_MISSED_STARTS; misses.count++) {
        const startAt = await this.#waitForReservedStart(fleet.slots, host, limits.perHostDelayMs, CLAIM_LEAD_MS * 2 ** misses.count, signal);
        if (!this.#isLateFor(startAt)) return { isLate: () => this.#isLateFor(startAt), writing: () => undefined };
      }
      const startAt = await this.#waitForReservedStart(fleet.slots, host, limits.perHostDelayMs, LAST_RESORT_LEAD_MS, signal);
      return this.#lastResortTurn(fleet, host, startAt, limits.perHostDelayMs);
    } catch (error) {
      signal?.throwIfAborted(); // the fetch's deadline passed: that is the fetch's failure, not the slots'
      fleet.onSlotError(error, host);
    }
    return NEVER_LATE;
  }

  /**
   * The turn of a request going at its last start however late: never late, but holding the host for an interval from
   * when it goes, and again from when it is written if that is later still (each hold a write: only when late by more
   * than `MAX_LATE_MS` since the last).
   */
  #lastResortTurn(fleet: FleetPacing, host: string, startAt: number, intervalMs: number): Turn {
    let heldFrom = startAt;
    const holdIfLate = () => {
      if (this.#clock.now() - heldFrom <= MAX_LATE_MS) return;
      heldFrom = this.#clock.now();
      this.#holdFromNow(fleet, host, intervalMs);
    };
    holdIfLate();
    return { isLate: () => false, writing: holdIfLate };
  }

  /** Holds the host for an interval from now, beside the request going now (not waited for: it is going anyway). */
  #holdFromNow(fleet: FleetPacing, host: string, intervalMs: number): void {
    fleet.slots.hold(host, this.#clock.now() + intervalMs).catch((error: unknown) => fleet.onSlotError(error, host));
  }

  /** Reserves a start and sleeps until it; answers the start. */
  async #waitForReservedStart(slots: HostSlots, host: string, intervalMs: number, leadMs: number, signal: AbortSignal | undefined): Promise<number> {
    const startAt = await slots.reserve(host, intervalMs, signal, leadMs);
    const waitMs = startAt - this.#clock.now();
    if (waitMs > 0) await this.#clock.sleep(waitMs, signal ?? new AbortController().signal); // no signal: a wait nobody cancels
    return startAt;
  }

  /** Past a reserved start by more than `MAX_LATE_MS`: starting now would crowd the process holding the next one. */
  #isLateFor(startAt: number): boolean {
    return this.#clock.now() - startAt > MAX_LATE_MS;
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
