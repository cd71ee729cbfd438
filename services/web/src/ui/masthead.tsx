import { signOut, type Session } from '../auth/session';
import type { AppConfig } from '../config';
import { Link } from './link';

/** The site's name, and who is signed in with a way out. */
export function Masthead({ config, session }: { config?: AppConfig; session?: Session }) {
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <span className="masthead__name">
          <Link to="/">Credit Bridge</Link>
        </span>
        {session && config && (
          <span className="masthead__session">
            <span className="masthead__who">{session.name ?? roleName(session.roles)}</span>
            <button type="button" className="button button--quiet" onClick={() => void signOut(config)}>
              Sign out
            </button>
          </span>
        )}
      </div>
    </header>
  );
}

const ROLE_NAMES: Record<string, string> = {
  admin: 'Administrator',
  registrar: 'Registrar',
  partner: 'Partner organiser',
  assessor: 'Assessor',
  learner: 'Learner',
};

export function roleName(roles: string[]): string {
  return roles.map((role) => ROLE_NAMES[role] ?? role).join(', ');
}
