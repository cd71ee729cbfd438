import { useEffect, useState } from 'react';
import type { Session } from './session';

const ENDED = 'credit-bridge:session-ended';

/** Raised when the services refuse the access token (it expired or was revoked): the app asks for a new sign-in. */
export class SessionEnded extends Error {
  constructor() {
    super('Not done: your session has ended. Sign in again, then try once more.');
  }
}

/** For every 401 from the services: tells the app shell, which offers a sign-in back to the same page. */
export function sessionEnded(): SessionEnded {
  window.dispatchEvent(new Event(ENDED));
  return new SessionEnded();
}

/**
 * Whether this session has ended: a service refused its token, or its expiry time passed while the page was open.
 * The page stays as it was underneath, so nothing on it is lost before the user signs in again.
 */
export function useSessionEnded(session: Session | undefined): boolean {
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    setEnded(false);
    const end = () => setEnded(true);
    window.addEventListener(ENDED, end);
    // setTimeout's longest wait is about 24.8 days; a session never lasts that long.
    const timer = session ? setTimeout(end, Math.max(0, session.expiresAt - Date.now())) : undefined;
    return () => {
      window.removeEventListener(ENDED, end);
      clearTimeout(timer);
    };
  }, [session]);
  return ended;
}
