/** What the gateway tells the app about where it runs: the identity provider and this app's client. */
export interface AppConfig {
  /** The OpenID Provider's issuer URL; absent when sign-in is not configured. */
  issuer?: string;
  clientId: string;
  scope: string;
  /** The API the access token is for (RFC 8707), when the provider needs to be told. */
  resource?: string;
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/app/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The app's configuration could not be read (${response.status}).`);
  return (await response.json()) as AppConfig;
}

/** Where the provider sends the browser back after sign-in: this app's own origin, as the client is registered. */
export const redirectUri = (): string => `${window.location.origin}/app/callback`;

/** Where it sends it after sign-out. */
export const postLogoutRedirectUri = (): string => `${window.location.origin}/app/`;
