import { useState } from 'react';
import { signIn } from '../auth/session';
import type { AppConfig } from '../config';
import { currentAppPath } from './router';

/** Shown above the page when the session has ended: signing in again comes back to this same page. */
export function SessionEndedNotice({ config }: { config: AppConfig }) {
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <div className="notice" role="alert">
      <p>Your session has ended. Sign in again to carry on; you will come back to this page.</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          signIn(config, currentAppPath()).catch((error: Error) => setProblem(error.message));
        }}
      >
        Sign in again
      </button>
      {problem && <p>{problem}</p>}
    </div>
  );
}
