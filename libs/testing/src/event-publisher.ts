import { encodeEvent, type EventContract, type EventData } from '@lib/contracts';
import { createIdempotentProducer, createKafka, silentLogger } from '@lib/messaging';
import type { Producer } from 'kafkajs';
import { testStack } from './test-stack';

/** Publishes events on a spec's prefixed topics, as the service that owns them would. */
export class EventPublisher {
  private readonly producer: Producer;

  /** `brokers`: a Kafka of the spec's own (default: the test stack's). */
  constructor(
    private readonly topicPrefix: string,
    private readonly source = '/spec',
    brokers: string[] = testStack().kafkaBrokers,
  ) {
    this.producer = createIdempotentProducer(
      createKafka({ brokers, clientId: 'spec-publisher', logger: silentLogger }),
    );
  }

  start(): Promise<void> {
    return this.producer.connect();
  }

  stop(): Promise<void> {
    return this.producer.disconnect();
  }

  /** One event; `id` fixes its event id (e.g. to send the same event twice). */
  publish<C extends EventContract>(contract: C, data: EventData<C>, id?: string): Promise<void> {
    return this.publishAll(contract, [data], id);
  }

  /** Several events of one contract in one produce request (so they tend to arrive in one Kafka batch). */
  async publishAll<C extends EventContract>(contract: C, data: EventData<C>[], id?: string): Promise<void> {
    const messages = data.map((one) =>
      encodeEvent(contract, one, { source: this.source, correlationId: 'spec', ...(id ? { id } : {}) }),
    );
    await this.producer.send({ topic: `${this.topicPrefix}${contract.topic}`, messages });
  }
}
