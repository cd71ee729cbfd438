import { useCallback, useEffect, useState } from 'react';

/** Loads something for a page and says so while it does; `reload` asks again (after a change). */
export function useLoaded<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const reload = useCallback(() => {
    load().then(setValue, (error: Error) => setProblem(error.message));
  }, [load]);
  useEffect(reload, [reload]);
  return { value, problem, reload };
}
