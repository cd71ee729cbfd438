import { DEFAULT_RETRY, type RetryPolicy } from '@lib/messaging';
import { z } from 'zod';
import { type AuthSettings, resolveAuthSettings } from '@lib/auth';
import { formatIssues } from '@lib/contracts';
import { type MetricsSettings, metricsSettingsOf, metricsVariables } from './metrics/metrics-settings';
import { tracesEndpoint } from '@lib/telemetry';
import { logEnvironmentSchema, type LogSettings, logSettingsOf } from './logging/log-settings';
import { trustProxySetting } from './trust-proxy';

const csv = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((part) => part.trim()));

/** OpenTelemetry's own variables for the OTLP exporter: tracing is off without an endpoint. */
function tracingEnvironmentSchema() {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
  };
}

/** The environment every domain service reads at start-up; see `.env.example`. */
export const serviceEnvironmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  MONGODB_URL: z.url().default('mongodb://127.0.0.1:27017'),
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  KAFKA_BROKERS: csv.default(['127.0.0.1:9092']),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(256).default(6),
  /** Replicas of the topics a service creates: 1 on one broker; a cluster's replication (3) so none is left single. */
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(16).default(1),
  KAFKA_GROUP_ID: z.string().min(1).optional(),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*\.$/,
      'lower-case letters, digits and hyphens, ending with a dot, e.g. "staging."',
    )
    .optional(),
  /** Attempts before an event whose handler keeps failing with an unknown error is dead-lettered (default: 30+ min). */
  EVENT_RETRY_UNKNOWN_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .default(DEFAULT_RETRY.unknownErrorAttempts),
  /** The cap of the backoff between tries of an event that cannot be handled yet, in milliseconds. */
  EVENT_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(100).max(600000).default(DEFAULT_RETRY.maxDelayMs),
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_JWKS_FILE: z.string().min(1).optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** The longest access-token lifetime accepted (exp - iat, or what remains of it without iat). */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(86400).default(3600),
  /** How far the identity provider's clock may be from ours when exp, nbf and iat are checked. */
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  DEV_IDP_DIR: z.string().min(1).optional(),
  /** The development sign-in provider's issuer URL, whose tokens are accepted too (development and test only). */
  DEV_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: trustProxySetting,
  ...metricsVariables,
  ...logEnvironmentSchema,
  ...tracingEnvironmentSchema(),
});

export interface ServiceConfig {
  readonly service: string;
  readonly environment: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly mongoUrl: string;
  readonly databaseName: string;
  readonly kafkaBrokers: readonly string[];
  readonly topicPartitions: number;
  readonly topicReplicationFactor: number;
  readonly consumerGroup: string;
  /** Prepended to every Kafka topic name; empty by default. */
  readonly topicPrefix: string;
  /** How the event consumer retries (see libs/messaging's failure classes). */
  readonly eventRetry: RetryPolicy;
  readonly publicBaseUrl: string;
  readonly auth: AuthSettings;
  /** Proxies whose X-Forwarded-Proto is believed (Express `trust proxy`); none when undefined. */
  readonly trustProxy?: readonly string[];
  /** Where `/metrics` is served: a port of its own, never the public API's. */
  readonly metrics: MetricsSettings;
  readonly logging: LogSettings;
  /** The OTLP/HTTP traces endpoint; tracing is off without one. */
  readonly tracesEndpoint?: string;
}

export class ConfigError extends Error {
  constructor(service: string, problems: string[]) {
    super(`${service}: invalid configuration: ${problems.join('; ')}`);
  }
}

/** Validates the common environment once, at start-up, and says every problem at once. */
export function loadServiceConfig(
  service: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  return loadServiceEnvironment(service, defaultPort, {}, env).config;
}

/**
 * A service's one configuration schema: the common variables extended with its own, validated together at start-up
 * so a bad value of either kind stops the service with every problem named. `own` holds the service's own variables.
 */
export function loadServiceEnvironment<Own extends z.ZodRawShape>(
  service: string,
  defaultPort: number,
  ownSchema: Own,
  env: NodeJS.ProcessEnv = process.env,
): { config: ServiceConfig; own: z.output<z.ZodObject<Own>> } {
  const schema = serviceEnvironmentSchema.extend(ownSchema);
  const parsed = schema.safeParse({ PORT: String(defaultPort), ...definedOnly(env) });
  if (!parsed.success) throw new ConfigError(service, formatIssues(parsed.error.issues));
  // The extended schema's output holds the common variables and the service's own; split them back apart.
  const values = parsed.data as Record<string, unknown>;
  const own = Object.fromEntries(Object.keys(ownSchema).map((name) => [name, values[name]]));
  return {
    config: serviceConfigOf(service, values as z.output<typeof serviceEnvironmentSchema>),
    own: own as z.output<z.ZodObject<Own>>,
  };
}

function serviceConfigOf(service: string, e: z.output<typeof serviceEnvironmentSchema>): ServiceConfig {
  const auth = resolveAuthSettings({
    environment: e.NODE_ENV,
    jwksUrl: e.AUTH_JWKS_URL,
    jwksFile: e.AUTH_JWKS_FILE,
    issuer: e.AUTH_ISSUER,
    audience: e.AUTH_AUDIENCE,
    devIdpDir: e.DEV_IDP_DIR,
    devSignInIssuer: e.DEV_OIDC_ISSUER,
    maxTokenLifetimeSeconds: e.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    clockSkewSeconds: e.AUTH_CLOCK_SKEW_SECONDS,
  });
  if (typeof auth === 'string') throw new ConfigError(service, [auth]);
  return {
    service,
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    mongoUrl: e.MONGODB_URL,
    databaseName: e.MONGODB_DATABASE ?? `credit_bridge_${service}`,
    kafkaBrokers: e.KAFKA_BROKERS,
    topicPartitions: e.KAFKA_TOPIC_PARTITIONS,
    topicReplicationFactor: e.KAFKA_TOPIC_REPLICATION_FACTOR,
    consumerGroup: e.KAFKA_GROUP_ID ?? `credit-bridge.${service}`,
    topicPrefix: e.KAFKA_TOPIC_PREFIX ?? '',
    eventRetry: {
      ...DEFAULT_RETRY,
      unknownErrorAttempts: e.EVENT_RETRY_UNKNOWN_ATTEMPTS,
      maxDelayMs: e.EVENT_RETRY_MAX_DELAY_MS,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
    auth,
    ...(e.TRUST_PROXY ? { trustProxy: e.TRUST_PROXY } : {}),
    metrics: metricsSettingsOf(e),
    logging: logSettingsOf(e.NODE_ENV, e),
    ...optional('tracesEndpoint', tracesEndpoint(tracingVariables(e))),
  };
}

function tracingVariables(e: z.output<typeof serviceEnvironmentSchema>): Record<string, string | undefined> {
  const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_SDK_DISABLED } = e;
  return { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_SDK_DISABLED };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** The environment without unset or empty variables, so schema defaults apply to them. */
export function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}
