import { createIdempotentProducer, createKafka, OutboxRelay } from '@lib/messaging';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { outboxPendingOf } from '@lib/persistence';
import type { Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { ReadinessCheck } from './readiness';
import type { ServiceConfig } from './service-config';
import { EVENT_PRODUCER, KAFKA, OUTBOX_RELAY, SERVICE_CONFIG } from './tokens';

/** The Kafka client, the idempotent producer (connected at start) and the outbox relay of a service. */
export function kafkaProviders(outboxCollections: readonly string[]): Provider[] {
  return [
    {
      provide: KAFKA,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) =>
        createKafka({
          brokers: config.kafkaBrokers,
          clientId: `credit-bridge-${config.service}`,
          logger: new Logger('kafkajs'),
        }),
    },
    {
      provide: EVENT_PRODUCER,
      inject: [KAFKA],
      useFactory: async (kafka: Kafka) => {
        const producer = createIdempotentProducer(kafka);
        await producer.connect();
        return producer;
      },
    },
    {
      provide: OUTBOX_RELAY,
      inject: [EVENT_PRODUCER, getConnectionToken(), SERVICE_CONFIG],
      useFactory: (producer: Producer, connection: Connection, config: ServiceConfig) =>
        new OutboxRelay({
          topicPrefix: config.topicPrefix,
          producer,
          collections: outboxCollections.map((name) => connection.db!.collection<Document>(name)),
          pending: outboxPendingOf(connection.db!),
          logger: new Logger('OutboxRelay'),
        }),
    },
    MessagingLifecycle,
  ];
}

/** Starts the relay once the app is up and stops relay and producer on shutdown, so nothing is sent half-way. */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(EVENT_PRODUCER) private readonly producer: Producer,
  ) {}

  onModuleInit(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
  }
}

/** Kafka answers a metadata request; a client of its own without retries, so a dead broker fails fast. */
export class KafkaReadiness implements ReadinessCheck {
  readonly name = 'kafka';
  private readonly kafka: Kafka;

  constructor(brokers: readonly string[]) {
    this.kafka = new Kafka({
      clientId: 'credit-bridge-readiness',
      brokers: [...brokers],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 2000,
      retry: { retries: 0 },
    });
  }

  async isReady(): Promise<boolean> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      return (await admin.describeCluster()).brokers.length > 0;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
