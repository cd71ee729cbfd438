import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';

/** What a page knows about something it loads from the API. */
export type Loaded<T> =
  | { state: 'loading' }
  /** The API does not know it yet: a fact still travelling between services. */
  | { state: 'processing' }
  | { state: 'not-found' }
  | { state: 'failed'; message: string; error: Error }
  | { state: 'ready'; data: T };

const RETRY_MS = 1500;

/**
 * Loads once the dependencies change, and again on `reload()`. With `stillTravelling`, a 404 means the fact has not
 * reached this service yet (e.g. a new course in assessment): it shows as "processing" and is retried by itself.
 */
export function useLoaded<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  { stillTravelling = false }: { stillTravelling?: boolean } = {},
): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      load().then(
        (data) => current && setLoaded({ state: 'ready', data }),
        (error: Error) => {
          if (!current) return;
          const missing = error instanceof ApiError && error.problem.status === 404;
          if (missing && stillTravelling) {
            setLoaded({ state: 'processing' });
            timer = setTimeout(attempt, RETRY_MS);
          } else if (missing) setLoaded({ state: 'not-found' });
          else setLoaded({ state: 'failed', message: error.message, error });
        },
      );
    };
    attempt();
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The caller names what the load depends on.
  }, [...deps, round]);
  return [loaded, reload];
}
