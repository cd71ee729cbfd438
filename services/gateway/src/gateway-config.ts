import { formatIssues } from '@lib/contracts';
import {
  ConfigError,
  definedOnly,
  type MetricsSettings,
  metricsSettingsOf,
  metricsVariables,
  logEnvironmentSchema,
  type LogSettings,
  logSettingsOf,
  trustProxySetting,
} from '@lib/platform';
import { z } from 'zod';

/** The services behind the gateway, each reached under `/api/<name>/...`. */
export const UPSTREAM_SERVICES = ['enrolment', 'assessment', 'credentials', 'recognition'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ENROLMENT_URL: z.url().default('http://127.0.0.1:3001'),
  ASSESSMENT_URL: z.url().default('http://127.0.0.1:3002'),
  CREDENTIALS_URL: z.url().default('http://127.0.0.1:3003'),
  RECOGNITION_URL: z.url().default('http://127.0.0.1:3004'),
  TRUST_PROXY: trustProxySetting,
  WEB_OIDC_ISSUER: z.url().optional(),
  WEB_OIDC_CLIENT_ID: z.string().min(1).default('credit-bridge-web'),
  WEB_OIDC_SCOPE: z.string().min(1).default('openid profile'),
  WEB_OIDC_RESOURCE: z.url().optional(),
  ...metricsVariables,
  ...logEnvironmentSchema,
});

/** How the web app signs people in: the OpenID Provider and the app's public client there. */
export interface WebAppConfig {
  /** None: the app says sign-in is not configured. */
  readonly issuer?: string;
  readonly clientId: string;
  readonly scope: string;
  /** The API the access tokens are for (RFC 8707), when the provider asks for one. */
  readonly resource?: string;
}

export interface GatewayConfig {
  readonly environment: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly upstreams: Readonly<Record<UpstreamService, string>>;
  /** The TLS-terminating proxies in front whose X-Forwarded-Proto is believed (HSTS); none when undefined. */
  readonly trustProxy?: readonly string[];
  readonly webApp: WebAppConfig;
  /** Where the gateway's own `/metrics` is served: not the public port. */
  readonly metrics: MetricsSettings;
  readonly logging: LogSettings;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = schema.safeParse(definedOnly(env));
  if (!parsed.success) throw new ConfigError('gateway', formatIssues(parsed.error.issues));
  const e = parsed.data;
  return {
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    upstreams: {
      enrolment: e.ENROLMENT_URL,
      assessment: e.ASSESSMENT_URL,
      credentials: e.CREDENTIALS_URL,
      recognition: e.RECOGNITION_URL,
    },
    ...(e.TRUST_PROXY ? { trustProxy: e.TRUST_PROXY } : {}),
    webApp: {
      ...(e.WEB_OIDC_ISSUER ? { issuer: e.WEB_OIDC_ISSUER } : {}),
      clientId: e.WEB_OIDC_CLIENT_ID,
      scope: e.WEB_OIDC_SCOPE,
      ...(e.WEB_OIDC_RESOURCE ? { resource: e.WEB_OIDC_RESOURCE } : {}),
    },
    metrics: metricsSettingsOf(e),
    logging: logSettingsOf(e.NODE_ENV, e),
  };
}
