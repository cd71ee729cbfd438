import * as oidc from 'openid-client';
import { jwtPayload } from '../api/jwt-payload';
import { type AppConfig, postLogoutRedirectUri, redirectUri } from '../config';

/** Who is signed in, as the access token says (the services verify it; the app only reads it to choose pages). */
export interface Session {
  accessToken: string;
  idToken?: string;
  expiresAt: number;
  subject: string;
  roles: string[];
  organisationId?: string;
  name?: string;
}

const SESSION_KEY = 'credit-bridge.session';
const PENDING_KEY = 'credit-bridge.sign-in';

interface PendingSignIn {
  verifier: string;
  state: string;
  /** The page to come back to. */
  returnTo: string;
}

/** The provider's metadata, discovered once per page load. */
async function providerOf(config: AppConfig): Promise<oidc.Configuration> {
  if (!config.issuer) throw new Error('Sign-in is not configured for this site.');
  const issuer = new URL(config.issuer);
  // A development provider on http://localhost; anything else must be https.
  const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(issuer.hostname);
  return oidc.discovery(issuer, config.clientId, undefined, oidc.None(), {
    ...(local ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
}

/** Sends the browser to the provider (authorisation code with PKCE), to come back to `returnTo`. */
export async function signIn(config: AppConfig, returnTo: string): Promise<void> {
  const provider = await providerOf(config);
  const verifier = oidc.randomPKCECodeVerifier();
  const pending: PendingSignIn = { verifier, state: oidc.randomState(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri(),
    scope: config.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    ...(config.resource ? { resource: config.resource } : {}),
  });
  window.location.assign(url.href);
}

/** Completes a sign-in on the callback page; answers the page to go back to. */
export async function completeSignIn(config: AppConfig, callbackUrl: URL): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingSignIn | null;
  if (!pending)
    throw new Error('This sign-in was not started here, or has already been used. Sign in again.');
  sessionStorage.removeItem(PENDING_KEY);
  const tokens = await oidc.authorizationCodeGrant(await providerOf(config), callbackUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
  });
  const session = sessionOf(tokens.access_token, tokens.id_token, tokens.expiresIn());
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return pending.returnTo;
}

/** The current session, or undefined when there is none or it has expired. */
export function currentSession(now = Date.now()): Session | undefined {
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
  if (!session || session.expiresAt <= now) return undefined;
  return session;
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** Ends the session here and at the provider, which sends the browser back to the app. */
export async function signOut(config: AppConfig): Promise<void> {
  const session = currentSession();
  forgetSession();
  if (!config.issuer) return;
  const url = oidc.buildEndSessionUrl(await providerOf(config), {
    post_logout_redirect_uri: postLogoutRedirectUri(),
    ...(session?.idToken ? { id_token_hint: session.idToken } : {}),
  });
  window.location.assign(url.href);
}

function sessionOf(accessToken: string, idToken: string | undefined, expiresIn = 300): Session {
  const claims = jwtPayload(accessToken);
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((r): r is string => typeof r === 'string')
    : [];
  return {
    accessToken,
    ...(idToken ? { idToken } : {}),
    expiresAt: Date.now() + expiresIn * 1000,
    subject: typeof claims.sub === 'string' ? claims.sub : '',
    roles,
    ...(typeof claims.org === 'string' ? { organisationId: claims.org } : {}),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
  };
}
