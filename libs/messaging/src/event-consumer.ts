import {
  decodeEvent,
  deadLetterTopic,
  headersToStrings,
  type EventContract,
  type EventData,
  type EventEnvelope,
} from '@lib/contracts';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { Db } from 'mongodb';
import { runWithCorrelationId } from './correlation';
import { DLQ_HEADERS, type DeadLetterKind } from './dead-letter-headers';
import { PermanentEventError } from './errors';
import { type MessagingLogger, silentLogger } from './logger';
import { ProcessedEvents } from './processed-events';
import { DEFAULT_RETRY, backoffDelay, sleep, type RetryPolicy } from './retry';

export interface EventHandler<C extends EventContract = EventContract> {
  readonly contract: C;
  handle(envelope: EventEnvelope<EventData<C>>): Promise<void>;
}

export interface EventConsumerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly db: Db;
  readonly handlers: readonly EventHandler[];
  /** Sends dead letters; shared with the outbox relay in a service. */
  readonly producer: Producer;
  readonly retry?: RetryPolicy;
  readonly logger?: MessagingLogger;
  /** Prepended to every topic name, e.g. `staging.`: several environments (or test runs) can share a cluster. */
  readonly topicPrefix?: string;
}

interface Failure {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly attempts: number;
}

/**
 * Consumes events for a set of contracts: validates each message, skips events the group already
 * handled, retries transient failures with backoff, and sends what cannot be handled to `<topic>.dlq`
 * so the partition moves on.
 *
 * The processed marker is written after the handler succeeds: a crash in between replays the event,
 * so handlers must themselves be idempotent (their writes are inserts guarded by unique indexes).
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly processed: ProcessedEvents;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: EventConsumerOptions) {
    for (const handler of options.handlers) {
      const topic = `${options.topicPrefix ?? ''}${handler.contract.topic}`;
      if (this.handlers.has(topic)) throw new Error(`two handlers for ${topic}`);
      this.handlers.set(topic, handler);
    }
    this.consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.processed = new ProcessedEvents(options.db);
    this.logger = options.logger ?? silentLogger;
  }

  get topics(): string[] {
    return [...this.handlers.keys()];
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async onMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, message } = payload;
    const handler = this.handlers.get(topic)!;
    const decoded = decodeEvent(handler.contract, headersToStrings(message.headers), message.value);
    if (!decoded.ok) {
      return this.deadLetter(payload, { kind: 'invalid', reason: decoded.problems.join('; '), attempts: 0 });
    }
    const { envelope } = decoded;
    const failure = await runWithCorrelationId(envelope.correlationId, () =>
      this.handleWithRetry(payload, handler, envelope),
    );
    if (failure) await this.deadLetter(payload, failure);
  }

  private async handleWithRetry(
    payload: EachMessagePayload,
    handler: EventHandler,
    envelope: EventEnvelope,
  ): Promise<Failure | undefined> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (await this.processed.wasProcessed(this.options.groupId, envelope.id)) return undefined;
        await handler.handle(envelope);
        await this.processed.markProcessed(this.options.groupId, envelope.id, payload.topic);
        return undefined;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentEventError) return { kind: 'rejected', reason, attempts: attempt };
        if (attempt >= policy.attempts) return { kind: 'poison', reason, attempts: attempt };
        this.logger.warn(
          `${payload.topic} event ${envelope.id} failed (attempt ${attempt}), retrying: ${reason}`,
        );
        await sleep(backoffDelay(policy, attempt));
        await payload.heartbeat();
      }
    }
  }

  /** If the dead letter cannot be sent the error propagates, so the offset is not committed and nothing is lost. */
  private async deadLetter(
    { topic, partition, message }: EachMessagePayload,
    failure: Failure,
  ): Promise<void> {
    this.logger.error(
      `${topic}[${partition}]@${message.offset} sent to ${deadLetterTopic(topic)}: ${failure.reason}`,
    );
    await this.options.producer.send({
      topic: deadLetterTopic(topic),
      messages: [
        {
          key: message.key ?? `${topic}:${partition}:${message.offset}`,
          value: message.value,
          headers: {
            ...headersToStrings(message.headers),
            [DLQ_HEADERS.reason]: failure.reason.slice(0, 2000),
            [DLQ_HEADERS.kind]: failure.kind,
            [DLQ_HEADERS.originalTopic]: topic,
            [DLQ_HEADERS.originalPartition]: String(partition),
            [DLQ_HEADERS.originalOffset]: message.offset,
            [DLQ_HEADERS.consumerGroup]: this.options.groupId,
            [DLQ_HEADERS.attempts]: String(failure.attempts),
            [DLQ_HEADERS.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
  }
}
