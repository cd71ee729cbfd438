import {
  decodeEvent,
  deadLetterTopic,
  headersToStrings,
  type EventContract,
  type EventData,
  type EventEnvelope,
} from '@lib/contracts';
import { mapConcurrently } from '@lib/persistence';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
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
  /**
   * The fresh events of a whole Kafka batch at once, in offset order, so the handler can write them with one bulk
   * call per collection. Only for handlers whose outcome does not depend on the order of different keys' events.
   * When it fails after its retries, the events are handled one by one with `handle`, so only a poison event is
   * dead-lettered.
   */
  handleBatch?(envelopes: EventEnvelope<EventData<C>>[]): Promise<void>;
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
  /** Partitions handled at once (default 6, the topics' default partition count). */
  readonly partitionsConcurrently?: number;
  /** Within a batch, message keys handled at once; one key's messages always in order (default 16). */
  readonly keysConcurrently?: number;
}

/** One message of a batch with where it came from; what `deadLetter` needs. */
interface Delivery {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  heartbeat(): Promise<void>;
}

interface Decoded {
  readonly delivery: Delivery;
  readonly handler: EventHandler;
  readonly envelope: EventEnvelope;
}

interface Failure {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly attempts: number;
}

/**
 * Consumes events for a set of contracts in Kafka batches: validates each message, skips events the group
 * already handled (one keyed read per batch), handles the rest with messages of one key in order and different
 * keys side by side, retries transient failures with backoff, sends what cannot be handled to `<topic>.dlq`,
 * then writes the batch's processed markers in one insert and commits its offsets.
 *
 * The markers are written after the handlers succeed: a crash in between replays the batch, so handlers must
 * themselves be idempotent (their writes are inserts guarded by unique keys).
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
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 6,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = (): Promise<void> => payload.heartbeat();
    const handler = this.handlers.get(batch.topic)!;
    const valid: Decoded[] = [];
    for (const message of batch.messages) {
      const delivery = { topic: batch.topic, partition: batch.partition, message, heartbeat };
      const decoded = decodeEvent(handler.contract, headersToStrings(message.headers), message.value);
      if (decoded.ok) valid.push({ delivery, handler, envelope: decoded.envelope });
      else
        await this.deadLetter(delivery, {
          kind: 'invalid',
          reason: decoded.problems.join('; '),
          attempts: 0,
        });
    }
    const done = await this.processed.processedOf(
      this.options.groupId,
      valid.map(({ envelope }) => envelope.id),
    );
    const fresh = valid.filter(({ envelope }) => !done.has(envelope.id));
    const handled =
      handler.handleBatch && fresh.length > 1 && (await this.handledAsBatch(handler, fresh))
        ? fresh.map(({ envelope, delivery }) => ({ eventId: envelope.id, topic: delivery.topic }))
        : (
            await mapConcurrently(
              [...groupByKey(fresh).values()],
              this.options.keysConcurrently ?? 16,
              (group) => this.handleInOrder(group),
            )
          ).flat();
    await this.processed.markManyProcessed(this.options.groupId, handled);
    const last = batch.messages.at(-1);
    if (last) payload.resolveOffset(last.offset);
    await payload.commitOffsetsIfNecessary();
  }

  /** The batch in one call, retried with backoff; false when it keeps failing (then each event goes alone). */
  private async handledAsBatch(handler: EventHandler, items: Decoded[]): Promise<boolean> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    const envelopes = items.map((item) => item.envelope);
    for (let attempt = 1; attempt <= policy.attempts; attempt += 1) {
      try {
        await handler.handleBatch!(envelopes);
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          `a batch of ${items.length} ${items[0]!.delivery.topic} events failed (attempt ${attempt}): ${reason}`,
        );
        if (error instanceof PermanentEventError) return false;
        if (attempt < policy.attempts) await sleep(backoffDelay(policy, attempt));
        await items[0]!.delivery.heartbeat();
      }
    }
    return false;
  }

  /** One key's messages in offset order; returns the events handled (dead letters are sent, not marked). */
  private async handleInOrder(group: Decoded[]): Promise<{ eventId: string; topic: string }[]> {
    const handled: { eventId: string; topic: string }[] = [];
    for (const item of group) {
      const failure = await runWithCorrelationId(item.envelope.correlationId, () =>
        this.handleWithRetry(item),
      );
      if (failure) await this.deadLetter(item.delivery, failure);
      else handled.push({ eventId: item.envelope.id, topic: item.delivery.topic });
    }
    await group[0]?.delivery.heartbeat();
    return handled;
  }

  private async handleWithRetry({ delivery, handler, envelope }: Decoded): Promise<Failure | undefined> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    for (let attempt = 1; ; attempt += 1) {
      try {
        // A retry may follow a crash of the handler after its writes; a marker from elsewhere means done.
        if (attempt > 1 && (await this.processed.wasProcessed(this.options.groupId, envelope.id))) return;
        await handler.handle(envelope);
        return undefined;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentEventError) return { kind: 'rejected', reason, attempts: attempt };
        if (attempt >= policy.attempts) return { kind: 'poison', reason, attempts: attempt };
        this.logger.warn(
          `${delivery.topic} event ${envelope.id} failed (attempt ${attempt}), retrying: ${reason}`,
        );
        await sleep(backoffDelay(policy, attempt));
        await delivery.heartbeat();
      }
    }
  }

  /** If the dead letter cannot be sent the error propagates, so the offset is not committed and nothing is lost. */
  private async deadLetter({ topic, partition, message }: Delivery, failure: Failure): Promise<void> {
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

/** Messages by Kafka key, each key's in offset order; messages without a key each stand alone. */
function groupByKey(items: readonly Decoded[]): Map<string, Decoded[]> {
  const groups = new Map<string, Decoded[]>();
  for (const item of items) {
    const { message } = item.delivery;
    const key = message.key ? `k:${message.key.toString()}` : `o:${message.offset}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
