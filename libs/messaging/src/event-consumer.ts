import { decodeEvent, headersToStrings } from '@lib/contracts';
import { mapConcurrently } from '@lib/persistence';
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { Db } from 'mongodb';
import { BatchProgress } from './batch-progress';
import { ConsumerWatchdog, disconnectWithin } from './consumer-watchdog';
import { type DeadLetterFailure, sendDeadLetter } from './dead-letter-sender';
import type { EventHandler } from './event-handler';
import { type EventMetrics, noEventMetrics } from './event-metrics';
import {
  type Decoded,
  EventRunner,
  HeartbeatFailure,
  type KeyOutcome,
  reasonOf,
  type Stall,
  stall,
} from './event-runner';
import { type MessagingLogger, silentLogger } from './logger';
import { type ConsumerStatus, PartitionPauses } from './partition-pauses';
import { ProcessedEvents } from './processed-events';
import { DEFAULT_RETRY, backoffDelay, sleep, type RetryPolicy } from './retry';

export type { EventHandler } from './event-handler';

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
  /** Counts of events handled, retried and dead-lettered; none kept when not given. */
  readonly metrics?: EventMetrics;
}

/** How long KafkaJS may take to rejoin the group after a crash it restarts itself, before the consumer is rebuilt. */
const REJOIN_GRACE_MS = 60_000;

const DISCONNECT_TIMEOUT_MS = 10_000;

/**
 * Consumes events for a set of contracts in Kafka batches: validates each message, skips events the group already
 * handled (one keyed read per batch), and handles the rest, one key's messages in order and different keys side by
 * side. Failures are treated by class (see `failureClassOf`): a contract violation or a permanent error goes to
 * `<topic>.dlq` at once; a transient one (the database or Kafka away) pauses that partition only and resumes it after
 * a growing backoff, for as long as the outage lasts; an unknown one does the same a bounded number of times (the
 * policy's `unknownErrorAttempts`, at least 30 minutes by default) before the dead-letter topic. Offsets are resolved
 * only through the last message done, after its processed markers are written; a crash in between replays the
 * batch, so handlers are idempotent (their writes are inserts guarded by unique keys).
 *
 * If KafkaJS gives up on its run loop (a crash it will not restart itself), the consumer is built again and rejoins.
 */
export class EventConsumer {
  private consumer: Consumer;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly processed: ProcessedEvents;
  private readonly logger: MessagingLogger;
  private readonly policy: RetryPolicy;
  private readonly pauses: PartitionPauses;
  private readonly runner: EventRunner;
  private readonly metrics: EventMetrics;
  private running = false;
  private stopping = false;
  private rebuilding = false;
  private readonly watchdog = new ConsumerWatchdog((reason) => {
    if (this.running && !this.stopping) void this.rebuild(new Error(reason));
  });

  constructor(private readonly options: EventConsumerOptions) {
    for (const handler of options.handlers) {
      const topic = `${options.topicPrefix ?? ''}${handler.contract.topic}`;
      if (this.handlers.has(topic)) throw new Error(`two handlers for ${topic}`);
      this.handlers.set(topic, handler);
    }
    this.processed = new ProcessedEvents(options.db);
    this.logger = options.logger ?? silentLogger;
    this.policy = options.retry ?? DEFAULT_RETRY;
    this.pauses = new PartitionPauses(this.policy);
    this.metrics = options.metrics ?? noEventMetrics;
    this.runner = new EventRunner(
      this.policy,
      this.processed,
      options.groupId,
      (item, failure) => this.deadLetter(item, failure),
      this.metrics,
    );
    this.consumer = this.newConsumer();
  }

  get topics(): string[] {
    return [...this.handlers.keys()];
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.run(this.consumer);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.watchdog.stop();
    this.pauses.clear();
    this.running = false;
    await this.consumer.disconnect();
  }

  /** Paused partitions, lag and whether the run loop is up: for `/ready` and the logs. */
  status(): ConsumerStatus {
    return { groupId: this.options.groupId, running: this.running, ...this.pauses.status() };
  }

  private newConsumer(): Consumer {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.FETCH, () => {
      if (consumer === this.consumer) this.watchdog.fetched();
    });
    // KafkaJS restarts its run loop itself after most crashes; joining the group again is when it runs. A restart
    // it does not attempt, or one that has not rejoined after a while (seen after a broker restart), is rebuilt here.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (consumer === this.consumer) this.running = true;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (consumer !== this.consumer || this.stopping) return;
      this.running = false;
      if (!payload.restart) return void this.rebuild(payload.error);
      setTimeout(() => {
        if (consumer === this.consumer && !this.running && !this.stopping) void this.rebuild(payload.error);
      }, REJOIN_GRACE_MS).unref();
    });
    return consumer;
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 6,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.running = true;
    this.watchdog.start();
  }

  /** A new consumer in place of one KafkaJS will not restart, tried until it runs or the service stops. */
  private async rebuild(error: Error): Promise<void> {
    if (this.rebuilding) return;
    this.rebuilding = true;
    try {
      await this.rebuildNow(error);
    } finally {
      this.rebuilding = false;
    }
  }

  private async rebuildNow(error: Error): Promise<void> {
    this.logger.error(`consumer ${this.options.groupId} stopped (${error.message}); starting it again`);
    this.running = false;
    this.pauses.clear();
    this.watchdog.stop();
    for (let attempt = 1; !this.stopping; attempt += 1) {
      await disconnectWithin(this.consumer, DISCONNECT_TIMEOUT_MS);
      this.consumer = this.newConsumer();
      try {
        await this.run(this.consumer);
        this.logger.log(`consumer ${this.options.groupId} running again`);
        return;
      } catch (failure) {
        this.logger.warn(
          `consumer ${this.options.groupId} could not start yet: ${(failure as Error).message}`,
        );
        await sleep(backoffDelay(this.policy, attempt));
      }
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const key = `${payload.batch.topic}[${payload.batch.partition}]`;
    await this.watchdog.batch(key, () => this.handleWholeBatch(payload));
  }

  private async handleWholeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    this.pauses.lagSeen(batch.topic, batch.partition, Number(batch.offsetLag()));
    const progress = new BatchProgress(batch.messages);
    let stalled: Stall | undefined;
    try {
      stalled = await this.handleBatch(payload, progress);
    } catch (error) {
      if (error instanceof HeartbeatFailure) throw error.original;
      // The database or Kafka failed outside a handler (markers, the dead-letter topic): the rest waits.
      stalled = stall(reasonOf(error));
    }
    const through = progress.doneThrough();
    if (through !== undefined) payload.resolveOffset(through);
    const pending = progress.firstPending();
    if (stalled && pending !== undefined) this.pause(payload, pending, stalled);
    else this.recovered(batch.topic, batch.partition);
    await payload.commitOffsetsIfNecessary();
  }

  private pause(payload: EachBatchPayload, offset: string, { reason }: Stall): void {
    const { topic, partition } = payload.batch;
    const delay = this.pauses.pause({ topic, partition, offset, reason }, payload.pause());
    this.logger.warn(
      `${topic}[${partition}] paused at offset ${offset}, lag ${payload.batch.offsetLag()}, ` +
        `trying again in ${Math.round(delay / 100) / 10} s: ${reason}`,
    );
  }

  private recovered(topic: string, partition: number): void {
    const was = this.pauses.recovered(topic, partition);
    if (was) this.logger.log(`${topic}[${partition}] moving again after pauses since ${was.since}`);
  }

  /** Handles what it can of a batch, marking messages done; a stall when some must wait. */
  private async handleBatch(payload: EachBatchPayload, progress: BatchProgress): Promise<Stall | undefined> {
    const { batch } = payload;
    const heartbeat = () =>
      payload.heartbeat().catch((error: unknown) => Promise.reject(new HeartbeatFailure(error)));
    const handler = this.handlers.get(batch.topic)!;
    const valid: Decoded[] = [];
    for (const message of batch.messages) {
      const decoded = decodeEvent(handler.contract, headersToStrings(message.headers), message.value);
      const item = { topic: batch.topic, partition: batch.partition, message, handler };
      if (decoded.ok) {
        valid.push({ ...item, envelope: decoded.envelope });
        continue;
      }
      await this.deadLetter(item, { kind: 'invalid', reason: decoded.problems.join('; '), attempts: 0 });
      progress.markDone(message.offset);
    }
    const done = await this.processed.processedOf(
      this.options.groupId,
      valid.map(({ envelope }) => envelope.id),
    );
    for (const item of valid) if (done.has(item.envelope.id)) progress.markDone(item.message.offset);
    const fresh = valid.filter(({ envelope }) => !done.has(envelope.id));
    if (handler.handleBatch && fresh.length > 1) {
      const whole = await this.runner.asBatch(handler, fresh, heartbeat);
      if (whole === 'handled') return this.finish([{ handled: fresh, deadLettered: [] }], progress);
      if (whole !== 'one-by-one') return whole;
    }
    const groups = await mapConcurrently(
      [...groupByKey(fresh).values()],
      this.options.keysConcurrently ?? 16,
      (group) => this.runner.inOrder(group, heartbeat),
    );
    return this.finish(groups, progress);
  }

  /** Writes the handled events' markers, then counts them done; the first stall, if any, for the batch. */
  private async finish(outcomes: readonly KeyOutcome[], progress: BatchProgress): Promise<Stall | undefined> {
    for (const item of outcomes.flatMap((outcome) => outcome.deadLettered))
      progress.markDone(item.message.offset);
    const handled = outcomes.flatMap((outcome) => outcome.handled);
    await this.processed.markManyProcessed(
      this.options.groupId,
      handled.map(({ envelope, topic }) => ({ eventId: envelope.id, topic })),
    );
    for (const item of handled) progress.markDone(item.message.offset);
    if (handled.length > 0) this.metrics.consumed(handled[0]!.handler.contract.topic, handled.length);
    return outcomes.find((outcome) => outcome.stall)?.stall;
  }

  private async deadLetter(item: Omit<Decoded, 'envelope'>, failure: DeadLetterFailure): Promise<void> {
    await sendDeadLetter(this.options.producer, this.options.groupId, item, failure);
    this.metrics.deadLettered(item.handler.contract.topic, failure.kind);
    this.logger.error(
      `${item.topic}[${item.partition}]@${item.message.offset} sent to the dead-letter topic ` +
        `(${failure.kind}, ${failure.attempts} attempts): ${failure.reason}`,
    );
  }
}

/** Messages by Kafka key, each key's in offset order; messages without a key each stand alone. */
function groupByKey(items: readonly Decoded[]): Map<string, Decoded[]> {
  const groups = new Map<string, Decoded[]>();
  for (const item of items) {
    const { message } = item;
    const key = message.key ? `k:${message.key.toString()}` : `o:${message.offset}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
