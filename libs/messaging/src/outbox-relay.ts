import { OUTBOX_WRITTEN, outboxSignal } from '@lib/persistence';
import type { Collection, Document, Filter, ObjectId } from 'mongodb';
import type { Producer, TopicMessages } from 'kafkajs';
import type { OutboxEntry, OutboxFields } from './outbox';
import { type MessagingLogger, silentLogger } from './logger';

export interface OutboxRelayOptions {
  /** Collections whose documents carry an outbox. */
  readonly collections: readonly Collection<Document>[];
  /** An idempotent producer with one request in flight, so sends stay in order and are not duplicated by retries. */
  readonly producer: Producer;
  readonly pollIntervalMs?: number;
  /** Documents sent per batch. */
  readonly batchSize?: number;
  readonly logger?: MessagingLogger;
  /** Prepended to every topic name; see EventConsumerOptions.topicPrefix. */
  readonly topicPrefix?: string;
  /** Test seam: runs between a send and marking it sent, where a crash would leave the entries unmarked. */
  readonly afterSend?: (entries: OutboxEntry[]) => Promise<void>;
}

type OutboxDocument = OutboxFields & { _id: ObjectId | string };

/**
 * Sends pending outbox entries to Kafka, oldest documents first, a batch per send, then marks the documents sent.
 *
 * The relay is the only writer of a document after its insert (records of fact are immutable), so marking
 * does not race the service (FerretDB v1 loses one of two concurrent updates). A crash between send and
 * mark sends the batch again on restart: delivery is at least once and consumers skip duplicates by event id.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;
  private readonly logger: MessagingLogger;
  private readonly onWrite = (): void => this.nudge();

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    this.stopped = false;
    outboxSignal.on(OUTBOX_WRITTEN, this.onWrite);
    this.schedule(0);
  }

  /** Sends now rather than at the next poll: right away when idle, straight after the pass under way otherwise. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    outboxSignal.off(OUTBOX_WRITTEN, this.onWrite);
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends one batch of what is pending; returns how many documents it sent (0 when nothing was pending). */
  async relayPending(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    const pending: { collection: Collection<Document>; document: OutboxDocument }[] = [];
    for (const collection of this.options.collections) {
      const documents = await collection
        .find<OutboxDocument>({ outboxPending: true }, { projection: { outbox: 1, outboxCreatedAt: 1 } })
        .sort({ outboxCreatedAt: 1 })
        .limit(batchSize)
        .toArray();
      pending.push(...documents.map((document) => ({ collection, document })));
    }
    const batch = pending
      .sort((a, b) => a.document.outboxCreatedAt.getTime() - b.document.outboxCreatedAt.getTime())
      .slice(0, batchSize);
    if (batch.length === 0) return 0;
    const entries = batch.flatMap(({ document }) => document.outbox);
    await this.options.producer.sendBatch({ topicMessages: this.byTopic(entries) });
    await this.options.afterSend?.(entries);
    await this.markSent(batch);
    return batch.length;
  }

  /** Messages grouped by topic, each topic's in outbox order (so one key's events stay in order). */
  private byTopic(entries: OutboxEntry[]): TopicMessages[] {
    const topics = new Map<string, TopicMessages>();
    for (const entry of entries) {
      const topic = `${this.options.topicPrefix ?? ''}${entry.topic}`;
      const group = topics.get(topic) ?? { topic, messages: [] };
      group.messages.push({ key: entry.key, value: entry.value, headers: entry.headers });
      topics.set(topic, group);
    }
    return [...topics.values()];
  }

  private async markSent(
    batch: { collection: Collection<Document>; document: OutboxDocument }[],
  ): Promise<void> {
    const sentAt = new Date();
    for (const collection of new Set(batch.map((item) => item.collection))) {
      const ids = batch.filter((item) => item.collection === collection).map((item) => item.document._id);
      await collection.updateMany({ _id: { $in: ids } } as Filter<Document>, {
        $set: { outboxPending: false, outboxSentAt: sentAt },
      });
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().then((sent) => {
        this.running = undefined;
        // After sending, or when told of new writes meanwhile, go again at once; otherwise wait for the poll.
        const soon = sent > 0 || this.again;
        this.again = false;
        if (!this.stopped) this.schedule(soon ? 0 : (this.options.pollIntervalMs ?? 5000));
      });
    }, delayMs);
  }

  private async pass(): Promise<number> {
    try {
      return await this.relayPending();
    } catch (error) {
      this.logger.warn(`outbox relay pass failed, will retry: ${(error as Error).message}`);
      return 0;
    }
  }
}
