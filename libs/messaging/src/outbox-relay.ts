import type { Collection, Document, Filter, ObjectId } from 'mongodb';
import type { Producer } from 'kafkajs';
import type { OutboxEntry, OutboxFields } from './outbox';
import { type MessagingLogger, silentLogger } from './logger';

export interface OutboxRelayOptions {
  /** Collections whose documents carry an outbox. */
  readonly collections: readonly Collection<Document>[];
  /** An idempotent producer with one request in flight, so sends stay in order and are not duplicated by retries. */
  readonly producer: Producer;
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly logger?: MessagingLogger;
  /** Prepended to every topic name; see EventConsumerOptions.topicPrefix. */
  readonly topicPrefix?: string;
  /** Test seam: runs between a send and marking it sent, where a crash would leave the entry unmarked. */
  readonly afterSend?: (entry: OutboxEntry) => Promise<void>;
}

type OutboxDocument = OutboxFields & { _id: ObjectId | string };

/**
 * Sends pending outbox entries to Kafka, one at a time, oldest first, then marks each sent.
 *
 * The relay is the only writer of a document after its insert (records of fact are immutable), so marking
 * does not race the service (FerretDB v1 loses one of two concurrent updates). A crash between send and
 * mark sends the entry again on restart: delivery is at least once and consumers skip duplicates by event id.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private stopping = false;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends everything pending now, oldest first across all collections; returns how many entries were sent. */
  async relayPending(): Promise<number> {
    const pending: { collection: Collection<Document>; document: OutboxDocument }[] = [];
    for (const collection of this.options.collections) {
      const documents = await collection
        .find<OutboxDocument>({ outboxPending: true })
        .sort({ outboxCreatedAt: 1 })
        .limit(this.options.batchSize ?? 100)
        .toArray();
      pending.push(...documents.map((document) => ({ collection, document })));
    }
    pending.sort((a, b) => a.document.outboxCreatedAt.getTime() - b.document.outboxCreatedAt.getTime());
    let sent = 0;
    for (const { collection, document } of pending) {
      if (this.stopping) return sent;
      sent += await this.relayDocument(collection, document);
    }
    return sent;
  }

  private async relayDocument(collection: Collection<Document>, document: OutboxDocument): Promise<number> {
    const outbox = [...document.outbox];
    let sent = 0;
    for (const [index, entry] of outbox.entries()) {
      if (entry.sentAt) continue;
      await this.options.producer.send({
        topic: `${this.options.topicPrefix ?? ''}${entry.topic}`,
        messages: [{ key: entry.key, value: entry.value, headers: entry.headers }],
      });
      await this.options.afterSend?.(entry);
      outbox[index] = { ...entry, sentAt: new Date() };
      const pending = outbox.some((candidate) => !candidate.sentAt);
      await collection.updateOne({ _id: document._id } as Filter<Document>, {
        $set: { outbox, outboxPending: pending },
      });
      sent += 1;
    }
    return sent;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.options.pollIntervalMs ?? 500);
      });
    }, delayMs);
  }

  private async pass(): Promise<void> {
    try {
      await this.relayPending();
    } catch (error) {
      this.logger.warn(`outbox relay pass failed, will retry: ${(error as Error).message}`);
    }
  }
}
