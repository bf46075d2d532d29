import { describe, expect, it } from 'vitest';
import { tableWatchesSource, watchesFor, WATCHES_MAX_AGE_MS, WATCHES_MIN_REFRESH_MS } from '../../lambdas/lib/watches-source.js';
import { parseConfig, type Config } from '../../shared/config/index.js';
import { stderrLog } from '../../shared/pipeline/index.js';

const configOf = (...ids: string[]): Config =>
  parseConfig({ watches: ids.map((id) => ({ id, name: id, keywords: ['treaty'], sources: [{ url: `https://news.example/${id}` }] })) }, 'test');

/** The table's watches as a small in-memory stand-in, counting reads; the clock is the test's. */
function fixture(initial: Config | undefined) {
  const state = { pushed: initial, reads: 0, clock: 0, errors: [] as string[], fail: false };
  const log = { ...stderrLog('silent'), error: (message: string) => void state.errors.push(message) };
  const source = tableWatchesSource(
    {
      loadWatches: async () => {
        state.reads += 1;
        if (state.fail) throw new Error('throttled');
        return state.pushed;
      },
    },
    { tableName: 'archive', log, now: () => state.clock },
  );
  return { state, source };
}

describe('the watches a Lambda container reads from the table', () => {
  it('reads once, then again only when the copy is older than a minute', async () => {
    const { state, source } = fixture(configOf('a'));
    expect(await source.get()).toEqual(configOf('a'));
    state.pushed = configOf('a', 'b');
    state.clock += WATCHES_MAX_AGE_MS - 1;
    expect((await source.get()).watches.map((w) => w.id)).toEqual(['a']);
    state.clock += 1;
    expect((await source.get()).watches.map((w) => w.id)).toEqual(['a', 'b']);
    expect(state.reads).toBe(2);
  });

  it('shares one read among the records that ask at once', async () => {
    const { state, source } = fixture(configOf('a'));
    await Promise.all([source.get(), source.get(), source.get()]);
    expect(state.reads).toBe(1);
  });

  it('reads again for a message naming a watch it does not have, at most once in a few seconds', async () => {
    const { state, source } = fixture(configOf('a'));
    await source.get();
    state.pushed = configOf('a', 'new');
    // Read a moment ago: a flood of unknown ids is not a read each.
    expect((await watchesFor(source, ['new'])).watches.map((w) => w.id)).toEqual(['a']);
    state.clock += WATCHES_MIN_REFRESH_MS;
    expect((await watchesFor(source, ['new'])).watches.map((w) => w.id)).toEqual(['a', 'new']);
    // Known watches never cause a read.
    state.clock += WATCHES_MIN_REFRESH_MS;
    await watchesFor(source, ['a', 'new']);
    expect(state.reads).toBe(2);
  });

  it('before the first push: no watches, and an error saying how to push, once a read', async () => {
    const { state, source } = fixture(undefined);
    expect(await source.get()).toEqual({ watches: [] });
    expect(await source.get()).toEqual({ watches: [] });
    expect(state.errors).toEqual(['no watches in table archive: push them with `stancewatch watches push <file> --table archive`; nothing is read or sent until then']);
  });

  it('does not keep a failed read: the next invocation reads again', async () => {
    const { state, source } = fixture(configOf('a'));
    state.fail = true;
    await expect(source.get()).rejects.toThrow('throttled');
    state.fail = false;
    expect(await source.get()).toEqual(configOf('a'));
    expect(state.reads).toBe(2);
  });
});
