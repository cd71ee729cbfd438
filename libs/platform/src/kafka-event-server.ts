import { contractForTopic, type EventEnvelope } from '@lib/contracts';
import {
  type ConsumerStatus,
  EventConsumer,
  type EventHandler,
  type EventMetrics,
  type RetryPolicy,
} from '@lib/messaging';
import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, EventPattern, Server } from '@nestjs/microservices';
import type { Kafka, Producer } from 'kafkajs';
import type { Db } from 'mongodb';
import { isObservable, lastValueFrom } from 'rxjs';
import type { ConsumerStatusSource } from './event-consumer-readiness';

/**
 * `@EventBatchPattern(topic)`: the handler gets the data of a whole Kafka batch's fresh events as an array (see
 * EventHandler.handleBatch), to write them with one bulk call per collection.
 */
export const EventBatchPattern = (topic: string): MethodDecorator => EventPattern(topic, { batch: true });

/** What an `@EventPattern` handler gets with `@Ctx()`: the whole CloudEvents envelope. */
export class EventContext extends BaseRpcContext<[EventEnvelope]> {
  get envelope(): EventEnvelope {
    return this.getArgByIndex(0) as EventEnvelope;
  }
}

/** What an `@EventBatchPattern` handler gets with `@Ctx()`: the envelopes, in the order of the data. */
export class EventBatchContext extends BaseRpcContext<[EventEnvelope[]]> {
  get envelopes(): EventEnvelope[] {
    return this.getArgByIndex(0) as EventEnvelope[];
  }
}

export interface KafkaEventServerOptions {
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly db: Db;
  readonly groupId: string;
  readonly topicPrefix: string;
  readonly retry?: RetryPolicy;
  readonly metrics?: EventMetrics;
}

/**
 * A Nest microservice transport over our EventConsumer: `@EventPattern(TOPICS.x)` handlers in `*.consumer.ts`
 * get validated, de-duplicated events, with retries and dead letters handled here rather than in each handler.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy, ConsumerStatusSource {
  private consumer: EventConsumer | undefined;
  private readonly log = new Logger('KafkaEventServer');

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
  }

  /** The topics the registered handlers consume. */
  get topics(): string[] {
    return [...this.getHandlers().keys()];
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaEventServer has no events to listen to');
  }

  consumerStatus(): ConsumerStatus | undefined {
    return this.consumer?.status();
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const handlers = this.topics.map((topic) => this.toEventHandler(topic));
    if (handlers.length === 0) return;
    this.consumer = new EventConsumer({ ...this.options, handlers, logger: this.log });
    await this.consumer.start();
    this.log.log(`consuming ${this.topics.join(', ')} as ${this.options.groupId}`);
  }

  private toEventHandler(topic: string): EventHandler {
    const contract = contractForTopic(topic);
    if (!contract) throw new Error(`@EventPattern('${topic}') names no event contract in @lib/contracts`);
    const handler = this.getHandlerByPattern(topic)!;
    const call = async (data: unknown, context: BaseRpcContext): Promise<void> => {
      const result: unknown = await handler(data, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
    if (handler.extras?.batch === true) {
      const batch = (envelopes: EventEnvelope[]) =>
        call(
          envelopes.map((envelope) => envelope.data),
          new EventBatchContext([envelopes]),
        );
      return { contract, handle: (envelope) => batch([envelope]), handleBatch: batch };
    }
    return { contract, handle: (envelope) => call(envelope.data, new EventContext([envelope])) };
  }
}
