import { describe, expect, it } from 'vitest';
import { HostPacer, type Turn } from '../../shared/fetch/index.js';
import { CLAIM_LEAD_MS, hostSlotsIn, MAX_LATE_MS, MAX_MISSED_STARTS, MAX_RESERVE_ROUNDS, type HostSlotRegister } from '../../shared/fetch/host-slots.js';
import type { PolitenessOptions } from '../../shared/fetch/types.js';
import { fakeClock, type FakeClock } from '../helpers/clock.js';
import { memoryRegister } from '../helpers/memory-slots.js';

const HOST = 'news.example:443';
const NEWS = new URL('https://news.example/a');
const INTERVAL_MS = 200;
const LIMITS: PolitenessOptions = { perHostConcurrency: 2, perHostDelayMs: INTERVAL_MS };

/** Moves the fake clock on in small steps, letting promises settle between them, until `work` is done. */
async function runToEnd<T>(clock: FakeClock, work: Promise<T>, stepMs = 5): Promise<T> {
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!done) clock.advance(stepMs);
  }
  return work;
}

describe('host slots: reserving a start across processes, on a fake clock', () => {
  it('starts an idle host after the claim lead, and queues later reservations one interval apart', async () => {
    const clock = fakeClock();
    const slots = hostSlotsIn(memoryRegister(), clock);
    const t = clock.now();
    const starts = [await slots.reserve(HOST, INTERVAL_MS), await slots.reserve(HOST, INTERVAL_MS), await slots.reserve(HOST, INTERVAL_MS)];
    expect(starts.map((at) => at - t)).toEqual([CLAIM_LEAD_MS, CLAIM_LEAD_MS + INTERVAL_MS, CLAIM_LEAD_MS + 2 * INTERVAL_MS]);
  });

  it('claims the host afresh once its next free start has passed, and keeps hosts apart', async () => {
    const clock = fakeClock();
    const register = memoryRegister();
    const slots = hostSlotsIn(register, clock);
    const t = clock.now();
    await slots.reserve(HOST, INTERVAL_MS);
    expect(await slots.reserve('other.example:443', INTERVAL_MS)).toBe(t + CLAIM_LEAD_MS);
    clock.advance(1_000);
    expect(await slots.reserve(HOST, INTERVAL_MS)).toBe(t + 1_000 + CLAIM_LEAD_MS);
    expect(register.nextAt.get(HOST)).toBe(t + 1_000 + CLAIM_LEAD_MS + INTERVAL_MS);
  });

  it('never takes an extension that would start late: a start running out mid-round is claimed in the next round', async () => {
    const clock = fakeClock();
    const register = memoryRegister();
    const slots = hostSlotsIn(register, clock);
    const t = clock.now();
    register.nextAt.set(HOST, t + CLAIM_LEAD_MS + 10); // reserved by another process, just ahead
    const claimIdle = register.claimIdle.bind(register);
    register.claimIdle = async (...args) => {
      const claimed = await claimIdle(...args);
      if (!claimed) clock.advance(20); // the round trip outlasts the other process's start
      return claimed;
    };
    expect(await slots.reserve(HOST, INTERVAL_MS)).toBe(t + 20 + CLAIM_LEAD_MS);
  });

  it('gives up after its rounds with an error naming the host', async () => {
    const clock = fakeClock();
    const stuck: HostSlotRegister = { claimIdle: async () => false, extendBusy: async () => undefined };
    await expect(hostSlotsIn(stuck, clock).reserve(HOST, INTERVAL_MS)).rejects.toThrow(
      `no start reserved for ${HOST} in ${MAX_RESERVE_ROUNDS} rounds`,
    );
  });
});

describe('HostPacer with fleet pacing, on a fake clock', () => {
  /** Three processes (pacers) asking for three starts each at one host; the least gap between any two starts. */
  async function leastGapOfThreeProcesses(clock: FakeClock, pacerOf: () => HostPacer): Promise<{ starts: number; leastGap: number }> {
    const starts: number[] = [];
    const processes = Array.from({ length: 3 }, pacerOf);
    const work = Promise.all(
      processes.flatMap((pacer) => Array.from({ length: 3 }, () => pacer.run(NEWS, LIMITS, undefined, async () => void starts.push(clock.now())))),
    );
    await runToEnd(clock, work);
    const sorted = [...starts].sort((a, b) => a - b);
    return { starts: sorted.length, leastGap: Math.min(...sorted.slice(1).map((at, i) => at - sorted[i])) };
  }

  it('keeps three processes sharing the slots one interval apart at one host', async () => {
    const clock = fakeClock();
    const register = memoryRegister();
    const shared = () => new HostPacer(clock, { slots: hostSlotsIn(register, clock), onSlotError: (error) => { throw error; } });
    expect(await leastGapOfThreeProcesses(clock, shared)).toEqual({ starts: 9, leastGap: INTERVAL_MS });
  });

  it('without shared slots, three processes start at one host together (the rate this multiplies)', async () => {
    const clock = fakeClock();
    expect(await leastGapOfThreeProcesses(clock, () => new HostPacer(clock))).toEqual({ starts: 9, leastGap: 0 });
  });

  /** Slots on `register` whose answers come `lateByMs` (of the fake clock) after the reservation was made. */
  const fail = (error: unknown) => {
    throw error;
  };

  /** The time between a request through `slow` and the next one, through an on-time process sharing the register. */
  async function gapAfter(slow: HostPacer, clock: FakeClock, register: HostSlotRegister): Promise<number> {
    const next = new HostPacer(clock, { slots: hostSlotsIn(register, clock), onSlotError: fail });
    const starts: number[] = [];
    const start = async () => void starts.push(clock.now());
    await runToEnd(clock, slow.run(NEWS, LIMITS, undefined, start), 1);
    await runToEnd(clock, next.run(NEWS, LIMITS, undefined, start), 1);
    return starts[1] - starts[0];
  }

  function slowSlots(clock: FakeClock, register: HostSlotRegister, lateByMs: number) {
    const slots = hostSlotsIn(register, clock);
    const leads: Array<number | undefined> = [];
    return {
      reservations: () => leads.length,
      leads,
      hold: slots.hold,
      async reserve(host: string, intervalMs: number, signal?: AbortSignal, leadMs?: number) {
        const startAt = await slots.reserve(host, intervalMs, signal, leadMs);
        leads.push(leadMs);
        clock.advance(lateByMs);
        return startAt;
      },
    };
  }

  it('reserves another start when the answer comes after its start has passed, rather than crowd the next holder', async () => {
    const clock = fakeClock();
    const register = memoryRegister();
    const lateByMs = CLAIM_LEAD_MS + MAX_LATE_MS + 1;
    const slots = slowSlots(clock, register, lateByMs);
    const pacer = new HostPacer(clock, { slots, onSlotError: (error) => { throw error; } });
    const t = clock.now();
    let startedAt = 0;
    await runToEnd(clock, pacer.run(NEWS, LIMITS, undefined, async () => void (startedAt = clock.now() - t)), 1);
    expect(slots.reservations()).toBe(2);
    expect(startedAt).toBe(CLAIM_LEAD_MS + INTERVAL_MS); // the start after the missed one
  });

  it('after missing MAX_MISSED_STARTS starts, each reserved with twice the lead, claims one with no lead and goes at it however late', async () => {
    const clock = fakeClock();
    const slots = slowSlots(clock, memoryRegister(), 10 * INTERVAL_MS);
    const told: unknown[] = [];
    const pacer = new HostPacer(clock, { slots, onSlotError: (error) => told.push(error) });
    expect(await runToEnd(clock, pacer.run(NEWS, LIMITS, undefined, async () => 'fetched'))).toBe('fetched');
    const doubling = Array.from({ length: MAX_MISSED_STARTS }, (_, missed) => CLAIM_LEAD_MS * 2 ** missed);
    expect(slots.leads).toEqual([...doubling, 0]);
    expect(told).toEqual([]);
  });

  it('a process held up past every start it reserved claims the one it goes at, so the next process starts an interval later', async () => {
    const clock = fakeClock();
    const register = memoryRegister();
    // Its event loop held for longer than an interval whenever it sleeps: every start it reserved has passed when it wakes.
    const heldUp = { now: () => clock.now(), sleep: (ms: number, signal: AbortSignal) => clock.sleep(ms + 2 * INTERVAL_MS, signal) };
    const slow = new HostPacer(heldUp, { slots: hostSlotsIn(register, clock), onSlotError: fail });
    expect(await gapAfter(slow, clock, register)).toBe(INTERVAL_MS);
  });

  it('a last resort whose claim is answered late holds the host an interval from when it goes, for the starts reserved after it', async () => {
    const clock = fakeClock();
    const register = memoryRegister();
    // Every answer a slow write's round trip late: each start has passed when it comes, the last resort's too.
    const slow = new HostPacer(clock, { slots: slowSlots(clock, register, 3 * INTERVAL_MS), onSlotError: fail });
    expect(await gapAfter(slow, clock, register)).toBe(INTERVAL_MS);
  });

  it('a last resort written later than the pacer let it go (a connect on a busy event loop) holds the host from its write', async () => {
    const clock = fakeClock();
    const register = memoryRegister();
    const slow = new HostPacer(clock, { slots: slowSlots(clock, register, 3 * INTERVAL_MS), onSlotError: fail });
    const next = new HostPacer(clock, { slots: hostSlotsIn(register, clock), onSlotError: fail });
    const connectMs = INTERVAL_MS / 2;
    const writes: number[] = [];
    // As the turn dispatcher does: the request is written once its connect is made, and the turn is told then.
    const connectThenWrite = async (turn: Turn) => {
      clock.advance(connectMs);
      expect(turn.isLate()).toBe(false);
      turn.writing();
      writes.push(clock.now());
    };
    await runToEnd(clock, slow.run(NEWS, LIMITS, undefined, connectThenWrite), 1);
    await runToEnd(clock, next.run(NEWS, LIMITS, undefined, async () => void writes.push(clock.now())), 1);
    expect(writes[1] - writes[0]).toBe(INTERVAL_MS);
  });

  it('paces a request by its own process alone when no start can be reserved, and tells why', async () => {
    const clock = fakeClock();
    const failing: HostSlotRegister = {
      claimIdle: async () => Promise.reject(new Error('ProvisionedThroughputExceededException')),
      extendBusy: async () => undefined,
    };
    const told: Array<{ message: string; host: string }> = [];
    const pacer = new HostPacer(clock, { slots: hostSlotsIn(failing, clock), onSlotError: (error, host) => told.push({ message: (error as Error).message, host }) });
    const t = clock.now();
    const starts: number[] = [];
    await runToEnd(clock, Promise.all([1, 2].map(() => pacer.run(NEWS, LIMITS, undefined, async () => void starts.push(clock.now() - t)))));
    expect(starts).toEqual([0, INTERVAL_MS]);
    expect(told).toEqual([
      { message: 'ProvisionedThroughputExceededException', host: HOST },
      { message: 'ProvisionedThroughputExceededException', host: HOST },
    ]);
  });

  it('fails a request whose deadline passes while it reserves with the deadline, not as a slot error', async () => {
    const clock = fakeClock();
    let asked: () => void = () => undefined;
    const reserving = new Promise<void>((resolve) => (asked = resolve));
    const hanging: HostSlotRegister = {
      claimIdle: (_host, _startAt, _nextAt, signal) =>
        new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          asked();
        }),
      extendBusy: async () => undefined,
    };
    const told: unknown[] = [];
    const pacer = new HostPacer(clock, { slots: hostSlotsIn(hanging, clock), onSlotError: (error) => told.push(error) });
    const deadline = new AbortController();
    const run = pacer.run(NEWS, LIMITS, deadline.signal, async () => 'fetched');
    await reserving;
    deadline.abort(new Error('deadline passed'));
    await expect(run).rejects.toThrow('deadline passed');
    expect(told).toEqual([]);
  });
});
