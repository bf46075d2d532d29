import { describe, expect, it } from 'vitest';
import { HostPacer } from '../../shared/fetch/index.js';
import type { PolitenessOptions } from '../../shared/fetch/types.js';
import { fakeClock, type FakeClock } from '../helpers/clock.js';

const NEWS = new URL('https://news.example/a');
const OTHER = new URL('https://other.example/a');

function limits(perHostConcurrency: number, perHostDelayMs: number): PolitenessOptions {
  return { perHostConcurrency, perHostDelayMs, paceLoopback: false };
}

/** A pacer on a fake clock, recording when (virtual ms since the start) each task began. */
function pacedRun(clock: FakeClock) {
  const pacer = new HostPacer(clock);
  const origin = clock.now();
  const starts: Array<{ label: string; at: number }> = [];
  const run = (label: string, url: URL, options: PolitenessOptions, signal?: AbortSignal, task: () => Promise<void> = async () => undefined) =>
    pacer.run(url, options, signal, async () => {
      starts.push({ label, at: clock.now() - origin });
      await task();
    });
  return { run, starts };
}

describe('HostPacer on a fake clock', () => {
  it('starts requests to one host exactly perHostDelayMs apart, first come first served', async () => {
    const clock = fakeClock();
    const { run, starts } = pacedRun(clock);
    const all = Promise.all(['a', 'b', 'c'].map((label) => run(label, NEWS, limits(5, 300))));
    await clock.sleeping();
    expect(starts).toEqual([{ label: 'a', at: 0 }]);
    clock.advance(299);
    await clock.sleeping();
    expect(starts.map((start) => start.label)).toEqual(['a']);
    clock.advance(1);
    await clock.sleeping();
    clock.advance(300);
    await all;
    expect(starts).toEqual([
      { label: 'a', at: 0 },
      { label: 'b', at: 300 },
      { label: 'c', at: 600 },
    ]);
  });

  it('holds a host to perHostConcurrency tasks at once, and starts the next when one settles', async () => {
    const clock = fakeClock();
    const { run, starts } = pacedRun(clock);
    const releases: Array<() => void> = [];
    const held = () => new Promise<void>((resolve) => releases.push(resolve));
    const all = Promise.all(['a', 'b', 'c'].map((label) => run(label, NEWS, limits(2, 0), undefined, held)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(starts.map((start) => start.label)).toEqual(['a', 'b']);
    releases[0]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(starts.map((start) => start.label)).toEqual(['a', 'b', 'c']);
    for (const release of releases.slice(1)) release();
    await all;
    expect(clock.sleepers()).toBe(0);
  });

  it('does not pace two hosts against each other', async () => {
    const clock = fakeClock();
    const { run, starts } = pacedRun(clock);
    const first = run('news 1', NEWS, limits(1, 1_000));
    const second = run('news 2', NEWS, limits(1, 1_000));
    const elsewhere = run('other', OTHER, limits(1, 1_000));
    await Promise.all([first, elsewhere]);
    await clock.sleeping();
    clock.advance(1_000);
    await second;
    expect(starts).toEqual([
      { label: 'news 1', at: 0 },
      { label: 'other', at: 0 },
      { label: 'news 2', at: 1_000 },
    ]);
  });

  it('leaves loopback hosts unpaced unless paceLoopback is set', async () => {
    const clock = fakeClock();
    const { run, starts } = pacedRun(clock);
    const loopback = new URL('http://127.0.0.1:8080/a');
    await Promise.all(['a', 'b', 'c'].map((label) => run(label, loopback, limits(1, 10_000))));
    expect(starts.map((start) => start.at)).toEqual([0, 0, 0]);
    const paced = run('paced', loopback, { ...limits(1, 10_000), paceLoopback: true });
    await paced;
    const next = run('paced again', loopback, { ...limits(1, 10_000), paceLoopback: true });
    await clock.sleeping();
    clock.advance(10_000);
    await next;
    expect(starts.slice(3)).toEqual([
      { label: 'paced', at: 0 },
      { label: 'paced again', at: 10_000 },
    ]);
  });

  it('gives up a turn when its signal aborts, with the reason, and the queue goes on', async () => {
    const clock = fakeClock();
    const { run, starts } = pacedRun(clock);
    await run('a', NEWS, limits(1, 600));
    const giveUp = new AbortController();
    const abandoned = run('abandoned', NEWS, limits(1, 600), giveUp.signal);
    const next = run('next', NEWS, limits(1, 600));
    await clock.sleeping();
    giveUp.abort(new Error('deadline passed'));
    await expect(abandoned).rejects.toThrow('deadline passed');
    await clock.sleeping();
    clock.advance(600);
    await next;
    expect(starts).toEqual([
      { label: 'a', at: 0 },
      { label: 'next', at: 600 },
    ]);
  });

  it('cancels the wait of the last waiter that gives up: nothing is left sleeping', async () => {
    const clock = fakeClock();
    const { run } = pacedRun(clock);
    await run('a', NEWS, limits(1, 600));
    const giveUp = new AbortController();
    const abandoned = run('abandoned', NEWS, limits(1, 600), giveUp.signal);
    await clock.sleeping();
    giveUp.abort(new Error('stop'));
    await expect(abandoned).rejects.toThrow('stop');
    expect(clock.sleepers()).toBe(0);
  });

  it('refuses at once a signal that has already aborted', async () => {
    const { run, starts } = pacedRun(fakeClock());
    await expect(run('late', NEWS, limits(1, 0), AbortSignal.abort(new Error('too late')))).rejects.toThrow('too late');
    expect(starts).toEqual([]);
  });
});
