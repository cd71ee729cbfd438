import { formatIssues } from '@lib/contracts';
import {
  ConfigError,
  definedOnly,
  logEnvironmentSchema,
  type LogSettings,
  logSettingsOf,
} from '@lib/platform';
import { join } from 'node:path';
import { z } from 'zod';

export const SERVICE_NAME = 'dev-identity';
export const DEFAULT_PORT = 3005;

const httpUrl = z.url({ protocol: /^https?$/ });
const urls = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(httpUrl).min(1));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  /** The provider's issuer identifier: the URL browsers and the web app reach it at. */
  DEV_OIDC_ISSUER: httpUrl.optional(),
  /** The folder of the development identity provider's key (`npm run -s token`'s), whose jwks.json services trust. */
  DEV_IDP_DIR: z.string().min(1).optional(),
  /** Where organisations and learners are read: the enrolment service, directly or through the gateway. */
  ENROLMENT_URL: httpUrl.default('http://127.0.0.1:3001'),
  /** The public origin of the web app (the gateway): the default redirect URIs are under `/app/`. */
  PUBLIC_BASE_URL: httpUrl.default('http://localhost:3000'),
  WEB_CLIENT_REDIRECT_URIS: urls.optional(),
  WEB_CLIENT_POST_LOGOUT_REDIRECT_URIS: urls.optional(),
  AUTH_AUDIENCE: z.string().min(1).default('credit-bridge'),
  /** The services' longest accepted access-token lifetime; tokens issued here never live longer. */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(86400).default(3600),
  /** Present only when the services trust a real identity provider: then this one must not run. */
  AUTH_JWKS_URL: z.string().optional(),
  AUTH_ISSUER: z.string().optional(),
  ...logEnvironmentSchema,
});

export interface DevIdentityConfig {
  readonly host: string;
  readonly port: number;
  readonly issuer: string;
  readonly keyDirectory: string;
  readonly enrolmentUrl: string;
  /** The resource indicator of the Credit Bridge API (RFC 8707); its access tokens carry `audience`. */
  readonly apiResource: string;
  readonly audience: string;
  readonly accessTokenSeconds: number;
  readonly webClient: {
    readonly redirectUris: readonly string[];
    readonly postLogoutRedirectUris: readonly string[];
  };
  readonly logging: LogSettings;
}

/** Access tokens last a quarter of an hour, or less when the services accept less. */
const ACCESS_TOKEN_SECONDS = 900;

/**
 * The development sign-in provider's settings. It hands out tokens for any role to whoever asks, so it refuses to
 * start in production, or beside a real identity provider's settings (AUTH_JWKS_URL, AUTH_ISSUER).
 */
export function loadDevIdentityConfig(env: NodeJS.ProcessEnv = process.env): DevIdentityConfig {
  const parsed = schema.safeParse(definedOnly(env));
  if (!parsed.success) throw new ConfigError(SERVICE_NAME, formatIssues(parsed.error.issues));
  const e = parsed.data;
  const refusals = [
    ...(e.NODE_ENV === 'production'
      ? ['NODE_ENV is production: the development sign-in provider never runs in production']
      : []),
    ...(e.AUTH_JWKS_URL || e.AUTH_ISSUER
      ? ['AUTH_JWKS_URL or AUTH_ISSUER is set: the services trust a real identity provider, sign in there']
      : []),
  ];
  if (refusals.length > 0) throw new ConfigError(SERVICE_NAME, refusals);
  const origin = e.PUBLIC_BASE_URL.replace(/\/$/, '');
  return {
    host: e.HOST,
    port: e.PORT,
    issuer: (e.DEV_OIDC_ISSUER ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    keyDirectory: e.DEV_IDP_DIR ?? join(process.cwd(), '.run', 'dev-idp'),
    enrolmentUrl: e.ENROLMENT_URL.replace(/\/$/, ''),
    apiResource: `${origin}/api`,
    audience: e.AUTH_AUDIENCE,
    accessTokenSeconds: Math.min(ACCESS_TOKEN_SECONDS, e.AUTH_MAX_TOKEN_LIFETIME_SECONDS),
    webClient: {
      redirectUris: e.WEB_CLIENT_REDIRECT_URIS ?? [`${origin}/app/callback`],
      postLogoutRedirectUris: e.WEB_CLIENT_POST_LOGOUT_REDIRECT_URIS ?? [`${origin}/app/`],
    },
    logging: logSettingsOf(e.NODE_ENV, e),
  };
}
