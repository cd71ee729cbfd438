import { useEffect, useRef, useState } from 'react';
import { completeSignIn, currentSession, type Session } from '../auth/session';
import type { AppConfig } from '../config';
import { Link } from '../ui/link';
import { navigate } from '../ui/router';

/** Where the identity provider sends the browser back: the code is exchanged, then the user is where they were. */
export function CallbackPage({
  config,
  onSignedIn,
}: {
  config: AppConfig;
  onSignedIn: (s?: Session) => void;
}) {
  const [problem, setProblem] = useState<string | undefined>();
  const started = useRef(false);
  useEffect(() => {
    // Once only: a code can be exchanged once (React runs effects twice in development).
    if (started.current) return;
    started.current = true;
    completeSignIn(config, new URL(window.location.href)).then(
      (returnTo) => {
        onSignedIn(currentSession());
        navigate(returnTo);
      },
      (error: Error) => setProblem(error.message),
    );
  }, [config, onSignedIn]);
  if (!problem) return <p aria-busy="true">Signing you in…</p>;
  return (
    <>
      <h1>Sign-in did not finish</h1>
      <p role="alert">{problem}</p>
      <p>
        <Link to="/">Try again</Link>
      </p>
    </>
  );
}
