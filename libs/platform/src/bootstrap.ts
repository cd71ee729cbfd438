import { ensureTopics } from '@lib/messaging';
import { ensureOutboxPendingIndex } from '@lib/persistence';
import { runInService, startTracing } from '@lib/telemetry';
import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Kafka, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { DEFAULT_CSV_LIMIT, DEFAULT_JSON_LIMIT, type LargeBody, largeBodyParser } from './body-limits';
import { correlationMiddleware } from './correlation.middleware';
import { EventConsumerReadiness } from './event-consumer-readiness';
import { KafkaEventServer } from './kafka-event-server';
import { hardenHttp } from './http-hardening';
import { outlastClientKeepAlive } from './keep-alive';
import { promEventMetrics } from './metrics/event-metrics';
import { httpMetricsMiddleware } from './metrics/http-metrics';
import { registerMessagingMetrics } from './metrics/messaging-metrics';
import { ServiceMetrics } from './metrics/service-metrics';
import { type LogDestination, serviceLogger } from './logging';
import { setupOpenApi } from './openapi';
import type { ServiceConfig } from './service-config';
import { EVENT_PRODUCER, KAFKA } from './tokens';

export interface ServiceDefinition {
  readonly module: Type | DynamicModule;
  readonly config: ServiceConfig;
  readonly description: string;
  /** Topics the service publishes; they (and their dead-letter topics) are created at start-up. */
  readonly publishes: readonly string[];
  /** Body parsers for routes that take more than the defaults, registered before them (the first parser wins). */
  readonly largeBodies?: readonly LargeBody[];
  /** Where log lines go (standard output by default); specs capture them here. */
  readonly logDestination?: LogDestination;
}

/**
 * Builds and starts a domain service: topics created, Kafka consumers running, HTTP listening.
 * `main.ts` and the integration specs both start services through here.
 */
export async function startService(definition: ServiceDefinition): Promise<INestApplication> {
  // Everything the service creates inherits its scope, so its log lines and spans name it (see runInService).
  return runInService(definition.config.service, () => startInScope(definition));
}

async function startInScope(definition: ServiceDefinition): Promise<INestApplication> {
  const { config } = definition;
  startTracing(config.service, config.tracesEndpoint);
  const logger = serviceLogger(config.service, config.logging, definition.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(definition.module, { logger: logger.nest });
  app.use(logger.requests);
  const metrics = app.get(ServiceMetrics);
  app.use(httpMetricsMiddleware(metrics.registry));
  hardenHttp(app, config.trustProxy);
  for (const body of definition.largeBodies ?? []) app.use(body.path, largeBodyParser(body));
  app.useBodyParser('json', { limit: DEFAULT_JSON_LIMIT });
  app.useBodyParser('text', { type: 'text/csv', limit: DEFAULT_CSV_LIMIT });
  app.enableShutdownHooks();
  app.use(correlationMiddleware);
  setupOpenApi(app, config.service, definition.description, definition.largeBodies);

  const kafka = app.get<Kafka>(KAFKA);
  const events = new KafkaEventServer({
    kafka,
    producer: app.get<Producer>(EVENT_PRODUCER),
    db: app.get<Connection>(getConnectionToken()).db!,
    groupId: config.consumerGroup,
    topicPrefix: config.topicPrefix,
    retry: config.eventRetry,
    metrics: promEventMetrics(metrics.registry),
  });
  app.connectMicroservice({ strategy: events }, { inheritAppConfig: true });
  app.get(EventConsumerReadiness).attach(events);
  await app.init();
  // Unique indexes carry our guarantees (one seat, one ledger entry), so they exist before any request.
  const connection = app.get<Connection>(getConnectionToken());
  await Promise.all([
    ...Object.values(connection.models).map((model) => model.init()),
    ensureOutboxPendingIndex(connection.db!),
  ]);
  const topics = [...definition.publishes, ...events.topics].map((topic) => `${config.topicPrefix}${topic}`);
  const created = await ensureTopics(kafka, topics, {
    partitions: config.topicPartitions,
    replicationFactor: config.topicReplicationFactor,
  });
  if (created.length > 0) new Logger(config.service).log(`created topics ${created.join(', ')}`);
  registerMessagingMetrics(metrics, {
    kafka,
    db: connection.db!,
    groupId: config.consumerGroup,
    topics: events.topics,
    topicPrefix: config.topicPrefix,
  });
  await app.startAllMicroservices();
  outlastClientKeepAlive(app.getHttpServer());
  await app.listen(config.port, config.host);
  new Logger(config.service).log(`metrics on ${await metrics.serve(config.metrics)}`);
  return app;
}
