/**
 * A fresh process's first fetch, for the test that Node's fetch implementation is loaded before a request's paced
 * turn (tests/integration/fetch-politeness.test.ts). Run as a child process (`node --import tsx`), since the test's
 * own process has long since loaded it: fetches the URL in argv through a pacer that notes, as it lets the request
 * go, whether the module is loaded yet, and prints what it saw as JSON.
 */
import { defaultFetchOptions, fetchDocument, HostPacer, type Turn } from '../../shared/fetch/index.js';
import type { PolitenessOptions } from '../../shared/fetch/types.js';

/** Node's built-in module behind `fetch`, loaded on first use. */
const FETCH_MODULE = 'NativeModule internal/deps/undici/undici';

export interface FirstFetchProbe {
  loadedAtStart: boolean;
  /** Whether it was loaded when the pacer started the request; undefined if the pacer never did. */
  loadedAtTurn?: boolean;
  status: number;
}

const isFetchLoaded = () => (process as unknown as { moduleLoadList: string[] }).moduleLoadList.includes(FETCH_MODULE);

class TurnProbe extends HostPacer {
  loadedAtTurn: boolean | undefined;

  override run<T>(url: URL, limits: PolitenessOptions, signal: AbortSignal | undefined, task: (turn: Turn) => Promise<T>): Promise<T> {
    return super.run(url, limits, signal, (turn) => {
      this.loadedAtTurn ??= isFetchLoaded();
      return task(turn);
    });
  }
}

const loadedAtStart = isFetchLoaded();
const pacer = new TurnProbe();
const options = defaultFetchOptions({ allowPrivateNetwork: true, respectRobots: false, politeness: { paceLoopback: true }, hostPacer: pacer });
const document = await fetchDocument(process.argv[2] ?? '', options);
const probe: FirstFetchProbe = { loadedAtStart, loadedAtTurn: pacer.loadedAtTurn, status: document.status };
console.log(JSON.stringify(probe));
