import { useState } from 'react';
import { signIn, type Session } from '../auth/session';
import type { AppConfig } from '../config';
import { Link } from '../ui/link';
import { currentAppPath } from '../ui/router';
import { roleName } from '../ui/masthead';
import { ROUTES } from '../routes';

/** Signed out: what the app is and a way in. Signed in: the pages of the user's role. */
export function HomePage({ config, session }: { config: AppConfig; session?: Session }) {
  const [problem, setProblem] = useState<string | undefined>();
  if (!session) {
    const start = () => {
      signIn(config, currentAppPath()).catch((error: Error) => setProblem(error.message));
    };
    return (
      <>
        <h1>Your learning record</h1>
        <p>
          Sign in to see your courses and credentials, download certificates and share them, or, for
          university and partner staff, to run courses, marks and awards.
        </p>
        <p>
          Checking a credential someone gave you? <a href="/verify">Verify it here</a>, no sign-in needed.
        </p>
        <button type="button" className="button" onClick={start} disabled={!config.issuer}>
          Sign in
        </button>
        {!config.issuer && <p role="status">Sign-in is not configured for this site yet.</p>}
        {problem && <p role="alert">{problem}</p>}
      </>
    );
  }
  return (
    <>
      <h1>Signed in as {roleName(session.roles)}</h1>
      <ul className="start-links">
        {ROUTES.filter((route) => route.startLink && route.roles.some((r) => session.roles.includes(r))).map(
          (route) => (
            <li key={route.path}>
              <Link to={route.path}>{route.startLink}</Link>
            </li>
          ),
        )}
      </ul>
    </>
  );
}
