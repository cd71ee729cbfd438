import { pingDatabase } from '@lib/persistence';
import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { flushTraces } from '@lib/telemetry';
import { type AccessTable, AccessTokenGuard } from '@lib/auth';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ErrorFilter } from './error.filter';
import { EventConsumerReadiness } from './event-consumer-readiness';
import { HealthController } from './health.controller';
import { KafkaReadiness, kafkaProviders } from './kafka.providers';
import { ServiceMetrics } from './metrics/service-metrics';
import type { ReadinessCheck } from './readiness';
import type { ServiceConfig } from './service-config';
import {
  EVENT_PRODUCER,
  KAFKA,
  OUTBOX_RELAY,
  READINESS_CHECKS,
  SERVICE_CONFIG,
  SERVICE_NAME,
} from './tokens';

export interface ServicePlatformOptions {
  readonly config: ServiceConfig;
  /** Who may call each route: the access guard enforces it, and refuses a route it lacks. */
  readonly access: AccessTable;
  /** Collections whose documents carry an outbox for the relay to send. */
  readonly outboxCollections?: readonly string[];
}

/** Sends the spans still buffered when the service stops (a no-op when tracing is off). */
class TracesFlush implements OnApplicationShutdown {
  constructor(private readonly service: string) {}

  async onApplicationShutdown(): Promise<void> {
    await flushTraces(this.service);
  }
}

/**
 * What every domain service has: validated config, its own database, Kafka with the outbox relay,
 * `/health` and `/ready`, and the one error shape.
 */
@Module({})
export class ServicePlatformModule {
  static forService({ config, access, outboxCollections = [] }: ServicePlatformOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        MongooseModule.forRoot(config.mongoUrl, {
          dbName: config.databaseName,
          // A request waits at most this long for an absent database before its 503.
          serverSelectionTimeoutMS: 5000,
          // The driver notices a database that came back within two seconds (default ten), so /ready recovers fast.
          heartbeatFrequencyMS: 2000,
          // A service started while the database is away keeps trying for about five minutes before it gives up.
          retryAttempts: 40,
          retryDelay: 2000,
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: config.service },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useFactory: () => new AccessTokenGuard(config.auth, access) },
        ...kafkaProviders(outboxCollections),
        EventConsumerReadiness,
        { provide: ServiceMetrics, useFactory: () => new ServiceMetrics(config.service) },
        { provide: TracesFlush, useValue: new TracesFlush(config.service) },
        {
          provide: READINESS_CHECKS,
          inject: [getConnectionToken(), EventConsumerReadiness],
          useFactory: (connection: Connection, events: EventConsumerReadiness): ReadinessCheck[] => [
            { name: 'database', isReady: () => pingDatabase(connection) },
            new KafkaReadiness(config.kafkaBrokers),
            events,
          ],
        },
      ],
      exports: [SERVICE_CONFIG, KAFKA, EVENT_PRODUCER, OUTBOX_RELAY, EventConsumerReadiness, ServiceMetrics],
    };
  }
}
