/**
 * Holds a request to its turn until the moment it is written. Node's fetch (undici) first connects when it has no
 * open connection to the host, and the connect's callback waits for the event loop, which a busy processor can hold
 * for a second (bench:scale saw 1.4 s while one loaded its models): the pacer found the request on time when it let
 * it go, but the host would get it late, beside the next holder's request. undici calls the request's handler
 * `onConnect` right before it writes the request, after any connect; the turn is asked again there, and a late
 * request is aborted unsent with a `MissedStartError`, so that the pacer reserves it another start; a request that goes
 * is told so (`Turn.writing`), for a turn that holds the host from when it is written.
 */
import { MissedStartError, type Turn } from './host-pacer.js';

/** Where Node's fetch keeps its dispatcher, undici's global one (the key every copy of undici shares). */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** What a guard needs of undici's dispatcher and of a request's handler. */
interface Dispatcher {
  dispatch(options: unknown, handler: DispatchHandler): boolean;
}
interface DispatchHandler {
  onConnect?(abort: (reason: Error) => void): void;
}

/**
 * A dispatcher for one request: Node's own, asking `turn` again as the request is about to be written. Undefined
 * while Node's fetch is not loaded (http.ts loads it before a request waits its turn).
 *
 * @example
 * fetch(url, { signal, dispatcher: turnDispatcher(turn, `GET ${url}`) } as RequestInit);
 */
export function turnDispatcher(turn: Turn, request: string): Dispatcher | undefined {
  const base = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER] as Dispatcher | undefined;
  if (!base) return undefined;
  return { dispatch: (options, handler) => base.dispatch(options, guarded(handler, turn, request)) };
}

/** The request's handler, with `onConnect` aborting the request when its turn has passed; everything else its own. */
function guarded(handler: DispatchHandler, turn: Turn, request: string): DispatchHandler {
  return new Proxy(handler, {
    get(target, key, receiver) {
      if (key !== 'onConnect') return Reflect.get(target, key, receiver);
      return (abort: (reason: Error) => void) => {
        if (turn.isLate()) return abort(new MissedStartError(`${request}: its start at the host passed before it was written; not sent`));
        turn.writing();
        return target.onConnect?.(abort);
      };
    },
  });
}

/** The `MissedStartError` a fetch failed with (Node's fetch wraps it as the cause of "fetch failed"), if it did. */
export function missedStartIn(error: unknown): MissedStartError | undefined {
  if (error instanceof MissedStartError) return error;
  return error instanceof Error && error.cause instanceof MissedStartError ? error.cause : undefined;
}
