import { contractForTopic, type EventEnvelope } from '@lib/contracts';
import { EventConsumer, type EventHandler } from '@lib/messaging';
import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { Kafka, Producer } from 'kafkajs';
import type { Db } from 'mongodb';
import { isObservable, lastValueFrom } from 'rxjs';

/** What an `@EventPattern` handler gets with `@Ctx()`: the whole CloudEvents envelope. */
export class EventContext extends BaseRpcContext<[EventEnvelope]> {
  get envelope(): EventEnvelope {
    return this.getArgByIndex(0) as EventEnvelope;
  }
}

export interface KafkaEventServerOptions {
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly db: Db;
  readonly groupId: string;
  readonly topicPrefix: string;
}

/**
 * A Nest microservice transport over our EventConsumer: `@EventPattern(TOPICS.x)` handlers in `*.consumer.ts`
 * get validated, de-duplicated events, with retries and dead letters handled here rather than in each handler.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
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
    return {
      contract,
      handle: async (envelope) => {
        const result: unknown = await handler(envelope.data, new EventContext([envelope]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      },
    };
  }
}
