import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, DevIdentityProvider } from './dev-identity-provider';
import type { KeySource } from './key-set';
import { DEFAULT_TOKEN_TIME_POLICY, type TokenTimePolicy } from './token-times';

export interface AuthSettings extends TokenTimePolicy {
  readonly keys: KeySource;
  readonly issuer: string;
  /** The development sign-in provider's issuer (`DEV_OIDC_ISSUER`), accepted beside `issuer`; never in production. */
  readonly signInIssuer?: string;
  readonly audience: string;
}

export interface AuthEnvironment {
  readonly environment: 'development' | 'test' | 'production';
  readonly jwksUrl?: string;
  readonly jwksFile?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly devIdpDir?: string;
  /** The issuer URL of the development sign-in provider (services/dev-identity): development and test only. */
  readonly devSignInIssuer?: string;
  readonly maxTokenLifetimeSeconds?: number;
  readonly clockSkewSeconds?: number;
}

/**
 * Which identity provider to trust. A configured JWKS (URL or file) always wins; without one, development
 * trusts the local development identity provider (`npm run -s token`), and production refuses to start. Outside
 * production, tokens of the development sign-in provider (same key, its URL as issuer) are accepted too when
 * `DEV_OIDC_ISSUER` names it; production accepts exactly one issuer, `AUTH_ISSUER`.
 */
export function resolveAuthSettings(env: AuthEnvironment): AuthSettings | string {
  if (env.devSignInIssuer && env.environment === 'production')
    return 'DEV_OIDC_ISSUER: the development sign-in provider is never trusted in production; set AUTH_ISSUER to your identity provider';
  const signIn = env.devSignInIssuer ? { signInIssuer: env.devSignInIssuer } : {};
  const times: TokenTimePolicy = {
    maxLifetimeSeconds: env.maxTokenLifetimeSeconds ?? DEFAULT_TOKEN_TIME_POLICY.maxLifetimeSeconds,
    clockSkewSeconds: env.clockSkewSeconds ?? DEFAULT_TOKEN_TIME_POLICY.clockSkewSeconds,
  };
  const keys: KeySource | undefined = env.jwksUrl
    ? { url: env.jwksUrl }
    : env.jwksFile
      ? { file: env.jwksFile }
      : undefined;
  if (keys) {
    if (!env.issuer && env.environment === 'production')
      return 'AUTH_ISSUER: required with AUTH_JWKS_URL or AUTH_JWKS_FILE in production';
    return {
      keys,
      issuer: env.issuer ?? DEV_ISSUER,
      ...signIn,
      audience: env.audience ?? DEV_AUDIENCE,
      ...times,
    };
  }
  if (env.environment === 'production') return 'AUTH_JWKS_URL or AUTH_JWKS_FILE: required in production';
  const idp = new DevIdentityProvider(env.devIdpDir ?? join(process.cwd(), '.run', 'dev-idp'));
  return { keys: { file: idp.jwksFile }, issuer: DEV_ISSUER, ...signIn, audience: DEV_AUDIENCE, ...times };
}
