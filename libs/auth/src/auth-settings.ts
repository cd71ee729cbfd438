import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, DevIdentityProvider } from './dev-identity-provider';
import type { KeySource } from './key-set';
import { DEFAULT_TOKEN_TIME_POLICY, type TokenTimePolicy } from './token-times';

export interface AuthSettings extends TokenTimePolicy {
  readonly keys: KeySource;
  readonly issuer: string;
  readonly audience: string;
}

export interface AuthEnvironment {
  readonly environment: 'development' | 'test' | 'production';
  readonly jwksUrl?: string;
  readonly jwksFile?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly devIdpDir?: string;
  readonly maxTokenLifetimeSeconds?: number;
  readonly clockSkewSeconds?: number;
}

/**
 * Which identity provider to trust. A configured JWKS (URL or file) always wins; without one, development
 * trusts the local development identity provider (`npm run -s token`), and production refuses to start.
 */
export function resolveAuthSettings(env: AuthEnvironment): AuthSettings | string {
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
    return { keys, issuer: env.issuer ?? DEV_ISSUER, audience: env.audience ?? DEV_AUDIENCE, ...times };
  }
  if (env.environment === 'production') return 'AUTH_JWKS_URL or AUTH_JWKS_FILE: required in production';
  const idp = new DevIdentityProvider(env.devIdpDir ?? join(process.cwd(), '.run', 'dev-idp'));
  return { keys: { file: idp.jwksFile }, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, ...times };
}
