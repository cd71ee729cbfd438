import type { ReactElement } from 'react';
import type { ApiClients } from './api/client';
import type { Session } from './auth/session';
import type { AppConfig } from './config';
import { LEARNER_ROUTES } from './pages/learner-routes';

/** What a page is given: the typed API clients, the app's configuration and who is signed in. */
export interface PageProps {
  api: ApiClients;
  config: AppConfig;
  session: Session;
  /** The path's parameters, e.g. `{ offeringId }` for `/offerings/:offeringId`. */
  params: Record<string, string>;
}

/** A page of the app: its path pattern, the roles that may open it, and, when it is a start page, its link text. */
export interface AppRoute {
  path: string;
  roles: readonly string[];
  /** Shown on the signed-in start page for these roles when set. */
  startLink?: string;
  render: (props: PageProps) => ReactElement;
}

/** Every page, by role; each role's pages live in their own file under pages/. */
export const ROUTES: readonly AppRoute[] = [...LEARNER_ROUTES];

/** The route a path names for this session, with its parameters; undefined for no page (or not this user's). */
export function routeFor(
  path: string,
  session: Session,
): { route: AppRoute; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (!route.roles.some((role) => session.roles.includes(role))) continue;
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return params;
}
