/**
 * A stand-in for a value a `beforeAll` creates: reading it forwards to the value once `set` has run,
 * so suites can declare it with `const` next to the hook that fills it.
 */
export function setInBeforeAll<T extends object>(what: string): { value: T; set(value: T): void } {
  let current: T | undefined;
  const value = new Proxy({} as T, {
    get(_, key) {
      if (!current) throw new Error(`${what} is not ready: use it in hooks and tests only`);
      const field = Reflect.get(current, key) as unknown;
      return typeof field === 'function' ? field.bind(current) : field;
    },
    // So that `instanceof` sees the value's class (Playwright checks the pages passed to it).
    getPrototypeOf: () => (current ? Reflect.getPrototypeOf(current) : Object.prototype),
  });
  return { value, set: (v) => void (current = v) };
}
