import { useEffect, useState } from 'react';

/** The app's pages live under /app/; links move with the History API so a page change never reloads the app. */
export const BASE = '/app';

export function navigate(path: string): void {
  window.history.pushState(null, '', `${BASE}${path}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The current page's path below /app (e.g. `/credentials`), kept in step with the address bar. */
export function useAppPath(): string {
  const [path, setPath] = useState(currentAppPath());
  useEffect(() => {
    const changed = () => setPath(currentAppPath());
    window.addEventListener('popstate', changed);
    return () => window.removeEventListener('popstate', changed);
  }, []);
  return path;
}

/** The path below /app the browser is on now. */
export function currentAppPath(): string {
  const path = window.location.pathname.slice(BASE.length) || '/';
  return path.startsWith('/') ? path : `/${path}`;
}
