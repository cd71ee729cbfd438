import { DEFAULT_RETRY } from '@lib/messaging';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, loadServiceConfig, loadServiceEnvironment } from './service-config';

const devIdp = { DEV_IDP_DIR: mkdtempSync(join(tmpdir(), 'idp-')) };

describe('loadServiceConfig', () => {
  it('gives each service its own port, database and consumer group by default', () => {
    expect(loadServiceConfig('enrolment', 3001, devIdp)).toEqual({
      service: 'enrolment',
      environment: 'development',
      host: '127.0.0.1',
      port: 3001,
      mongoUrl: 'mongodb://127.0.0.1:27017',
      databaseName: 'credit_bridge_enrolment',
      kafkaBrokers: ['127.0.0.1:9092'],
      topicPartitions: 6,
      topicReplicationFactor: 1,
      consumerGroup: 'credit-bridge.enrolment',
      topicPrefix: '',
      eventRetry: DEFAULT_RETRY,
      publicBaseUrl: 'http://localhost:3000',
      auth: {
        keys: { file: join(devIdp.DEV_IDP_DIR, 'jwks.json') },
        issuer: 'credit-bridge-dev-idp',
        audience: 'credit-bridge',
        maxLifetimeSeconds: 3600,
        clockSkewSeconds: 30,
      },
      metrics: { host: '127.0.0.1', port: 9461 },
      logging: { level: 'info', format: 'pretty' },
    });
  });

  it('creates topics with the replication a cluster asks for', () => {
    const config = loadServiceConfig('enrolment', 3001, { ...devIdp, KAFKA_TOPIC_REPLICATION_FACTOR: '3' });
    expect(config.topicReplicationFactor).toBe(3);
    expect(() =>
      loadServiceConfig('enrolment', 3001, { ...devIdp, KAFKA_TOPIC_REPLICATION_FACTOR: '0' }),
    ).toThrow('KAFKA_TOPIC_REPLICATION_FACTOR');
  });

  it('serves /metrics beside the HTTP port unless told where, on a free port when the HTTP port is', () => {
    const at = (env: Record<string, string>) =>
      loadServiceConfig('credentials', 3003, { ...devIdp, ...env }).metrics;
    expect(at({})).toEqual({ host: '127.0.0.1', port: 9463 });
    expect(at({ PORT: '3013', HOST: '0.0.0.0' })).toEqual({ host: '0.0.0.0', port: 9473 });
    expect(at({ PORT: '0' })).toEqual({ host: '127.0.0.1', port: 0 });
    expect(at({ PORT: '60000' })).toEqual({ host: '127.0.0.1', port: 0 });
    expect(at({ METRICS_HOST: '0.0.0.0', METRICS_PORT: '9464' })).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(() => at({ METRICS_PORT: '70000' })).toThrow('METRICS_PORT');
  });

  it('logs JSON at info outside development, warn under test, and as LOG_LEVEL and LOG_FORMAT say', () => {
    const logging = (env: NodeJS.ProcessEnv) =>
      loadServiceConfig('enrolment', 3001, { ...devIdp, ...env }).logging;
    expect(logging({ NODE_ENV: 'test' })).toEqual({ level: 'warn', format: 'json' });
    expect(logging({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' })).toEqual({ level: 'debug', format: 'json' });
    expect(() => logging({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL');
  });

  it('traces only when an OTLP endpoint is configured', () => {
    const endpoint = (env: NodeJS.ProcessEnv) =>
      loadServiceConfig('enrolment', 3001, { ...devIdp, ...env }).tracesEndpoint;
    expect(endpoint({})).toBeUndefined();
    expect(endpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(endpoint({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/traces' })).toBe(
      'http://collector:4318/traces',
    );
    expect(
      endpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }),
    ).toBeUndefined();
    expect(() => endpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
    );
  });

  it('takes how long events are retried from the environment', () => {
    const config = loadServiceConfig('enrolment', 3001, {
      ...devIdp,
      EVENT_RETRY_UNKNOWN_ATTEMPTS: '40',
      EVENT_RETRY_MAX_DELAY_MS: '5000',
    });
    expect(config.eventRetry).toEqual({ ...DEFAULT_RETRY, unknownErrorAttempts: 40, maxDelayMs: 5000 });
    expect(() =>
      loadServiceConfig('enrolment', 3001, { ...devIdp, EVENT_RETRY_UNKNOWN_ATTEMPTS: '0' }),
    ).toThrow('EVENT_RETRY_UNKNOWN_ATTEMPTS');
  });

  it('trusts the development identity provider only outside production', () => {
    expect(() => loadServiceConfig('enrolment', 3001, { NODE_ENV: 'production' })).toThrow(
      'enrolment: invalid configuration: AUTH_JWKS_URL or AUTH_JWKS_FILE: required in production',
    );
    const production = loadServiceConfig('enrolment', 3001, {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://login.example.ac.uk/.well-known/jwks.json',
      AUTH_ISSUER: 'https://login.example.ac.uk',
    });
    expect(production.auth).toEqual({
      keys: { url: 'https://login.example.ac.uk/.well-known/jwks.json' },
      issuer: 'https://login.example.ac.uk',
      audience: 'credit-bridge',
      maxLifetimeSeconds: 3600,
      clockSkewSeconds: 30,
    });
  });

  it("accepts the development sign-in provider's issuer outside production only", () => {
    const development = loadServiceConfig('enrolment', 3001, {
      ...devIdp,
      DEV_OIDC_ISSUER: 'http://localhost:3005',
    });
    expect(development.auth).toMatchObject({
      issuer: 'credit-bridge-dev-idp',
      signInIssuer: 'http://localhost:3005',
    });
    expect(() =>
      loadServiceConfig('enrolment', 3001, {
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'https://login.example.ac.uk/.well-known/jwks.json',
        AUTH_ISSUER: 'https://login.example.ac.uk',
        DEV_OIDC_ISSUER: 'http://localhost:3005',
      }),
    ).toThrow('DEV_OIDC_ISSUER: the development sign-in provider is never trusted in production');
    expect(() =>
      loadServiceConfig('enrolment', 3001, { ...devIdp, DEV_OIDC_ISSUER: 'localhost:3005' }),
    ).toThrow('DEV_OIDC_ISSUER');
  });

  it('takes the access-token lifetime, clock skew and audience from the environment, within bounds', () => {
    const config = loadServiceConfig('enrolment', 3001, {
      ...devIdp,
      AUTH_JWKS_FILE: '/etc/credit-bridge/jwks.json',
      AUTH_AUDIENCE: 'https://credits.example.ac.uk',
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '900',
      AUTH_CLOCK_SKEW_SECONDS: '5',
    });
    expect(config.auth).toMatchObject({
      audience: 'https://credits.example.ac.uk',
      maxLifetimeSeconds: 900,
      clockSkewSeconds: 5,
    });
    const load = () =>
      loadServiceConfig('enrolment', 3001, {
        ...devIdp,
        AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0',
        AUTH_CLOCK_SKEW_SECONDS: 'a while',
      });
    expect(load).toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS: .+; AUTH_CLOCK_SKEW_SECONDS: .+/);
  });

  it('trusts no proxy unless TRUST_PROXY lists addresses, ranges or Express range names', () => {
    expect(loadServiceConfig('enrolment', 3001, devIdp).trustProxy).toBeUndefined();
    expect(
      loadServiceConfig('enrolment', 3001, { ...devIdp, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' })
        .trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example'])
      expect(() => loadServiceConfig('enrolment', 3001, { ...devIdp, TRUST_PROXY: bad })).toThrow(
        'TRUST_PROXY: a comma-separated list of addresses',
      );
  });

  it('reads brokers as a list and drops a trailing slash from the public URL', () => {
    const config = loadServiceConfig('credentials', 3003, {
      ...devIdp,
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      PUBLIC_BASE_URL: 'https://credits.example.ac.uk/',
    });
    expect(config.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
    expect(config.publicBaseUrl).toBe('https://credits.example.ac.uk');
  });

  it('stops with every bad setting named at once', () => {
    const load = () =>
      loadServiceConfig('assessment', 3002, {
        PORT: 'eighty',
        MONGODB_URL: 'not a url',
        KAFKA_TOPIC_PARTITIONS: '0',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /^assessment: invalid configuration: PORT: .+; MONGODB_URL: .+; KAFKA_TOPIC_PARTITIONS: .+$/,
    );
  });
});

describe('loadServiceEnvironment', () => {
  const own = { VERIFY_RATE_LIMIT: z.coerce.number().int().min(0).default(600) };

  it("gives a service's own variables with their defaults beside the common configuration", () => {
    const { config, own: values } = loadServiceEnvironment('credentials', 3003, own, devIdp);
    expect(config.port).toBe(3003);
    expect(values).toEqual({ VERIFY_RATE_LIMIT: 600 });
  });

  it('stops with a message naming every bad variable, common or own', () => {
    expect(() =>
      loadServiceEnvironment('credentials', 3003, own, { ...devIdp, VERIFY_RATE_LIMIT: 'lots', PORT: 'x' }),
    ).toThrow(/credentials: invalid configuration: .*PORT.*VERIFY_RATE_LIMIT|VERIFY_RATE_LIMIT.*PORT/);
  });
});
