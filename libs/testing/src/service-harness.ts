import { randomUUID } from 'node:crypto';
import { startService, type ServiceDefinition } from '@lib/platform';
import type { INestApplication } from '@nestjs/common';
import { testIdentityProvider } from './test-auth';
import { testStack } from './test-stack';

export interface TestServiceOptions {
  /** Kafka topic prefix: services of one spec share it, other specs never see their events. */
  readonly topicPrefix?: string;
  /** Reuse a database and consumer group, e.g. to restart a service where it left off. */
  readonly database?: string;
  readonly consumerGroup?: string;
  readonly mongoServerUrl?: string;
  /** More settings, e.g. PUBLIC_BASE_URL when a spec runs the gateway as the public origin. */
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningService {
  readonly app: INestApplication;
  readonly url: string;
  readonly database: string;
  readonly consumerGroup: string;
  stop(): Promise<void>;
}

/** A fresh topic prefix for one spec's services. */
export function testTopicPrefix(): string {
  return `t${randomUUID().slice(0, 8)}.`;
}

/** Starts a service in this process against the test stack: an ephemeral port, its own database and group. */
export async function startTestService(
  name: string,
  definition: (env: NodeJS.ProcessEnv) => ServiceDefinition,
  options: TestServiceOptions = {},
): Promise<RunningService> {
  const stack = testStack();
  const run = randomUUID().slice(0, 8);
  const database = options.database ?? `spec_${name}_${run}`;
  const consumerGroup = options.consumerGroup ?? `spec-${name}-${run}`;
  const app = await startService(
    definition({
      NODE_ENV: 'test',
      PORT: '0',
      MONGODB_URL: options.mongoServerUrl ?? stack.mongoServerUrl,
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      KAFKA_GROUP_ID: consumerGroup,
      ...(options.topicPrefix ? { KAFKA_TOPIC_PREFIX: options.topicPrefix } : {}),
      AUTH_JWKS_FILE: testIdentityProvider().jwksFile,
      // Specs' other issuers (ExternalIssuer) listen on 127.0.0.1: the credentials service may fetch from there.
      OUTBOUND_FETCH_ALLOW: '127.0.0.1/32',
      ...options.env,
    }),
  );
  return { app, url: await app.getUrl(), database, consumerGroup, stop: () => app.close() };
}
