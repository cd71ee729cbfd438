import { testIdentityProvider } from './test-auth';
import { testStack } from './test-stack';

/**
 * The environment of a built service a spec runs as a process of its own (`spawnService`): the test stack, a
 * database and consumer group of its own named after `run`, and the spec's topic prefix.
 */
export function spawnedServiceEnv(
  run: string,
  topicPrefix: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    MONGODB_URL: testStack().mongoServerUrl,
    MONGODB_DATABASE: `spec_${run.replace('-', '_')}`,
    KAFKA_BROKERS: testStack().kafkaBrokers.join(','),
    KAFKA_GROUP_ID: `spec-${run}`,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    AUTH_JWKS_FILE: testIdentityProvider().jwksFile,
    ...extra,
  };
}
