/**
 * A stand-in for an object a `beforeAll` hook creates later: every property read is passed to the real
 * object, and a read before the hook has run fails with `notYet` instead of an undefined deep inside a test.
 */
export function lazyHandle<T extends object>(current: () => T | undefined, notYet: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const target = current();
      if (target === undefined) throw new Error(notYet);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
