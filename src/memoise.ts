// A bounded memo for pure functions of a string, shared by the pipeline's steps.

/**
 * Remembers the results of a pure function of a string. Bounded: past `limit` entries the memory is
 * emptied and starts again, so a long build never holds more than `limit` results.
 */
export function memoise<T>(compute: (key: string) => T, limit = 4096): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    // One look-up for a hit (a result may itself be undefined, hence the second test).
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as T;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
