import type { MouseEvent, ReactNode } from 'react';
import { BASE, navigate } from './router';

/** A link inside the app: a real href (opens in a new tab too), followed without reloading. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={follow}>
      {children}
    </a>
  );
}
