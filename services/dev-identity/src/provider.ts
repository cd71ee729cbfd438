import { randomBytes } from 'node:crypto';
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import type { AccountStore } from './accounts';
import type { DevIdentityConfig } from './dev-identity.definition';
import { logoutPage, providerErrorPage, signedOutPage } from './provider-pages';

export const WEB_CLIENT_ID = 'credit-bridge-web';
/** `npm run -s sign-in`: a native client whose redirect URI is a loopback address on any port (RFC 8252). */
export const TERMINAL_CLIENT_ID = 'credit-bridge-terminal';
export const TERMINAL_REDIRECT_URI = 'http://127.0.0.1/callback';
/** The scope of the Credit Bridge API's resource: what the web app asks for besides `openid`. */
export const API_SCOPE = 'api';

/**
 * The OpenID Provider (panva's certified `oidc-provider`): authorisation code with PKCE (S256) for one public
 * client, the web app; ES256 ID tokens and RFC 9068 JWT access tokens for the Credit Bridge API, signed with the
 * development identity provider's key; RP-initiated logout. The interactions are ours (interaction.ts).
 */
export function createProvider(
  config: DevIdentityConfig,
  signingKey: object,
  accounts: AccountStore,
): Provider {
  const configuration: Configuration = {
    clients: [webClient(config), terminalClient()],
    jwks: { keys: [signingKey] },
    responseTypes: ['code'],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name'] },
    scopes: ['openid', 'profile'],
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => apiResourceServer(config, resource),
      },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: signedOutPage },
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.find(sub);
      return account && { accountId: sub, claims: () => ({ sub, name: account.name }) };
    },
    // The access token carries the claims the services read, exactly as `npm run -s token` mints them.
    extraTokenClaims: (_ctx, token) => {
      const account = 'accountId' in token && token.accountId ? accounts.find(token.accountId) : undefined;
      return account && { roles: account.roles, ...(account.org ? { org: account.org } : {}) };
    },
    // A first-party client in development: consent is implicit, so no consent prompt is ever shown.
    loadExistingGrant: (ctx) => implicitGrant(ctx, config.apiResource),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AccessToken: config.accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: config.accessTokenSeconds,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    // The web app may exchange its code from the browser: only its own origins get CORS answers.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    renderError: providerErrorPage,
  };
  return new Provider(config.issuer, configuration);
}

function webClient(config: DevIdentityConfig) {
  return {
    client_id: WEB_CLIENT_ID,
    client_name: 'Credit Bridge',
    application_type: 'web' as const,
    token_endpoint_auth_method: 'none' as const,
    grant_types: ['authorization_code'],
    response_types: ['code' as const],
    redirect_uris: [...config.webClient.redirectUris],
    post_logout_redirect_uris: [...config.webClient.postLogoutRedirectUris],
    id_token_signed_response_alg: 'ES256' as const,
  };
}

function terminalClient() {
  return {
    client_id: TERMINAL_CLIENT_ID,
    client_name: 'Credit Bridge sign-in from a terminal',
    application_type: 'native' as const,
    token_endpoint_auth_method: 'none' as const,
    grant_types: ['authorization_code'],
    response_types: ['code' as const],
    redirect_uris: [TERMINAL_REDIRECT_URI],
    id_token_signed_response_alg: 'ES256' as const,
  };
}

function apiResourceServer(config: DevIdentityConfig, resource: string) {
  if (resource !== config.apiResource)
    throw new errors.InvalidTarget(`the only resource here is the Credit Bridge API, ${config.apiResource}`);
  return {
    scope: API_SCOPE,
    audience: config.audience,
    accessTokenTTL: config.accessTokenSeconds,
    accessTokenFormat: 'jwt' as const,
    jwt: { sign: { alg: 'ES256' as const } },
  };
}

async function implicitGrant(ctx: KoaContextWithOIDC, apiResource: string) {
  const { client, session, provider, result } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId =
    (result?.consent as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  if (existing) return existing;
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope('openid profile');
  grant.addResourceScope(apiResource, API_SCOPE);
  await grant.save();
  return grant;
}
