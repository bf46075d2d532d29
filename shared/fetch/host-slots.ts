/**
 * Politeness for the fleet: one host's request starts kept `perHostDelayMs` apart across every process that fetches,
 * not only within one (the `HostPacer` alone gives a host N times the rate when N processors run at once).
 *
 * Each host has one shared record, its next free start (`nextAt`, epoch ms). A request reserves a start with two
 * conditional writes whose conditions between them cover every state of the record:
 * - `claimIdle`: the host's next free start is not in the future, so this request starts now (plus a small lead)
 *   and the next free start becomes that plus the interval;
 * - `extendBusy`: the next free start is in the future, so this request takes it and moves it on by the interval,
 *   an atomic add: processes queueing on a busy host never fail each other's condition.
 * A round fails only when the host's last reserved start passed between the two writes; the next round then claims
 * it idle. So there is no read-then-compare race to back off from, and no jitter is needed.
 *
 * Where it runs (see the composition roots): Lambda shares it through the archive table by default, since many
 * processors run at once; the local CLI is one process and keeps the per-process pacer unless
 * `STANCEWATCH_SHARED_PACING=1` asks for the table's (several CLIs on one deployed table).
 */
import { StancewatchError } from '../errors/index.js';
import type { PacerClock } from './host-pacer.js';

/**
 * A start is reserved at least this far ahead of the clock read it was reserved by: the write's round trip passes
 * before the request can start, and the next process may start one interval after the reserved time, not after the
 * real start. A request that missed its start asks for twice the lead the next time (see `HostPacer`).
 */
export const CLAIM_LEAD_MS = 50;
/**
 * A process that gets to its reserved start later than this (a slow write answer, a busy event loop) has missed it,
 * and reserves another: starting late would crowd the process holding the start after it.
 */
export const MAX_LATE_MS = 10;
/** Starts a request may miss (the lead doubling each time) before it claims one with no lead and goes at it however late. */
export const MAX_MISSED_STARTS = 4;
/** Rounds before a reservation gives up: a round fails only when the host's last start ran out mid-round. */
export const MAX_RESERVE_ROUNDS = 4;

/** The shared record of each host's next free start, as the two conditional writes a reservation needs. */
export interface HostSlotRegister {
  /**
   * Takes the start `startAt` for a request, and sets the host's next free start to `nextAt`, when the host has none
   * or its next free start is at or before `startAt`; true when it did.
   */
  claimIdle(host: string, startAt: number, nextAt: number, signal?: AbortSignal): Promise<boolean>;
  /**
   * Takes the host's next free start for a request when it lies after `after`, and moves it on by `intervalMs`;
   * answers the start taken, or undefined when there was none after `after` and nothing was written.
   */
  extendBusy(host: string, after: number, intervalMs: number, signal?: AbortSignal): Promise<number | undefined>;
}

/** Starts reserved across the fleet: what the `HostPacer` asks before each request when it is given one. */
export interface HostSlots {
  /**
   * Reserves the next start for `host` at least `intervalMs` after the one reserved before it and `leadMs` (by default
   * `CLAIM_LEAD_MS`) from now, and answers when (epoch ms) this request may start. Throws when the shared record cannot
   * be reached or the rounds run out.
   */
  reserve(host: string, intervalMs: number, signal?: AbortSignal, leadMs?: number): Promise<number>;
  /**
   * Moves the host's next free start on to `untilAt`, unless a later one is reserved already: what a request that
   * goes later than its start writes, so that the starts reserved after it follow its real one.
   */
  hold(host: string, untilAt: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Host slots kept in `register`, dated by `clock` (the one the pacer sleeps on).
 *
 * @example
 * const slots = hostSlotsIn(dynamoHostSlotRegister(client, tableName));
 * const pacer = new HostPacer(systemPacerClock, { slots, onSlotError: (error) => log.warn(error.message) });
 */
export function hostSlotsIn(register: HostSlotRegister, clock: Pick<PacerClock, 'now'>): HostSlots {
  return {
    reserve: (host, intervalMs, signal, leadMs = CLAIM_LEAD_MS) => reserveHostSlot(register, clock, { host, intervalMs, leadMs, signal }),
    // A claim of the start `untilAt` that holds nothing after it: written only when no start after it is reserved.
    hold: async (host, untilAt, signal) => void (await register.claimIdle(host, untilAt, untilAt, signal)),
  };
}

/** What one reservation asks for. */
interface SlotRequest {
  host: string;
  intervalMs: number;
  leadMs: number;
  signal: AbortSignal | undefined;
}

async function reserveHostSlot(register: HostSlotRegister, clock: Pick<PacerClock, 'now'>, request: SlotRequest): Promise<number> {
  const { host } = request;
  for (let round = 1; round <= MAX_RESERVE_ROUNDS; round++) {
    const reserved = await takeStart(register, clock, request);
    if (reserved !== undefined) return reserved;
  }
  throw new StancewatchError(`no start reserved for ${host} in ${MAX_RESERVE_ROUNDS} rounds; paced by this process alone this time`);
}

/** One round: the start this request took, or undefined when the host's last start ran out between the two writes. */
async function takeStart(
  register: HostSlotRegister,
  clock: Pick<PacerClock, 'now'>,
  { host, intervalMs, leadMs, signal }: SlotRequest,
): Promise<number | undefined> {
  const startAt = clock.now() + leadMs;
  if (await register.claimIdle(host, startAt, startAt + intervalMs, signal)) return startAt;
  // A fresh clock read: the start taken must still lie ahead when the answer comes.
  return register.extendBusy(host, clock.now() + leadMs, intervalMs, signal);
}
