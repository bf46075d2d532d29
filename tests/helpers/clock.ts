import type { PacerClock } from '../../shared/fetch/host-pacer.js';

/** A virtual clock: time stands still until the test calls `advance`. */
export interface FakeClock extends PacerClock {
  /** Moves time forward by `ms` and wakes every sleeper whose time has come, earliest first. */
  advance(ms: number): void;
  /** Resolves once at least `count` sleepers are waiting. */
  sleeping(count?: number): Promise<void>;
  /** Sleepers waiting now. */
  sleepers(): number;
}

interface Sleeper {
  dueAt: number;
  wake(): void;
}

/** 2026-01-01T00:00:00Z: any fixed instant; tests read differences. */
const EPOCH = Date.parse('2026-01-01T00:00:00Z');

/**
 * A clock for code that takes `now` and `sleep` (the `HostPacer`): a test starts the work, waits until
 * it sleeps, then moves time on, so waits are exact and take no wall time.
 *
 * @example
 * const clock = fakeClock();
 * const pacer = new HostPacer(clock);
 * await clock.sleeping(); // the second request waits for its turn
 * clock.advance(500);
 */
export function fakeClock(start = EPOCH): FakeClock {
  let now = start;
  let sleepers: Sleeper[] = [];
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watcher of watchers) watcher();
  };

  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper: Sleeper = { dueAt: now + Math.max(0, ms), wake: resolve };
        signal?.addEventListener('abort', () => {
          sleepers = sleepers.filter((other) => other !== sleeper);
          reject(signal.reason);
        }, { once: true });
        sleepers.push(sleeper);
        notify();
      }),
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = sleepers.filter((sleeper) => sleeper.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt)[0];
        if (!due) break;
        now = due.dueAt;
        sleepers = sleepers.filter((sleeper) => sleeper !== due);
        due.wake();
      }
      now = until;
    },
    sleeping: (count = 1) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (sleepers.length < count) return;
          watchers.delete(check);
          resolve();
        };
        watchers.add(check);
        check();
      }),
    sleepers: () => sleepers.length,
  };
}
