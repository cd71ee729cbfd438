import { useEffect, useMemo, useState } from 'react';
import { apiClients } from './api/client';
import { currentSession, type Session } from './auth/session';
import { useSessionEnded } from './auth/session-ended';
import { type AppConfig, loadConfig } from './config';
import { CallbackPage } from './pages/callback-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { routeFor } from './routes';
import { Masthead } from './ui/masthead';
import { useAppPath } from './ui/router';
import { SessionEndedNotice } from './ui/session-ended-notice';

/** The shell: the masthead, then the page the address names, for whoever is signed in. */
export function App() {
  const path = useAppPath();
  const [config, setConfig] = useState<AppConfig | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [session, setSession] = useState<Session | undefined>(() => currentSession());
  const api = useMemo(() => apiClients(() => currentSession()?.accessToken), []);
  const ended = useSessionEnded(session);

  useEffect(() => {
    loadConfig().then(setConfig, (error: Error) => setProblem(error.message));
  }, []);
  // A page change re-reads the session, so an expired one sends the user to sign in again.
  useEffect(() => setSession(currentSession()), [path]);

  const page = () => {
    if (problem) return <p role="alert">{problem}</p>;
    if (!config) return <p aria-busy="true">Loading…</p>;
    if (path === '/callback') return <CallbackPage config={config} onSignedIn={setSession} />;
    if (path === '/') return <HomePage config={config} session={session} />;
    if (!session) return <HomePage config={config} session={session} />;
    const found = routeFor(path, session);
    if (!found) return <NotFoundPage />;
    return found.route.render({ api, config, session, params: found.params });
  };

  return (
    <>
      <Masthead config={config} session={session} />
      <main className="page" id="main">
        {ended && config && <SessionEndedNotice config={config} />}
        {page()}
      </main>
    </>
  );
}
