import { type DependencyList, useCallback, useEffect, useState } from 'react';

/** Data a page reads: still loading, there, or the reason it could not be read. */
export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: Error };

/** Loads once per change of `deps`; `reload` reads again (after an action changed what is shown). */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // The caller names what the load depends on, as for useEffect.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    stableLoad().then(
      (data) => current && setLoaded({ state: 'ready', data }),
      (error: Error) => current && setLoaded({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [stableLoad, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [loaded, reload];
}
