import { OUTBOX_WRITTEN, type OutboxIntent, outboxSignal, recordOutboxIntents } from '@lib/persistence';
import type { Collection, Document, Filter } from 'mongodb';
import type { Producer, TopicMessages } from 'kafkajs';
import { untraced } from '@lib/telemetry';
import { outsideCorrelation } from './correlation';
import type { OutboxEntry, OutboxFields } from './outbox';
import { type MessagingLogger, silentLogger } from './logger';

export interface OutboxRelayOptions {
  /** Collections whose documents carry an outbox. */
  readonly collections: readonly Collection<Document>[];
  /** The service's `outbox_pending` collection: which documents still have events to send. */
  readonly pending: Collection<OutboxIntent>;
  /** An idempotent producer with one request in flight, so sends stay in order and are not duplicated by retries. */
  readonly producer: Producer;
  readonly pollIntervalMs?: number;
  /** Documents sent per batch. */
  readonly batchSize?: number;
  /**
   * Bytes of event values per produce request (default 512 KiB), under Kafka's 1 MiB default message limit: the
   * documents past it wait for the next pass, which follows at once.
   */
  readonly maxBatchBytes?: number;
  /** How long an intent may wait for its document before the relay takes the insert as failed. */
  readonly abandonAfterMs?: number;
  /**
   * How often the records are scanned for pending documents without an intent (default once a minute): a safety net
   * for an intent lost in a fault we have not explained (docs/reliability.md), at the cost of one scan a minute.
   */
  readonly sweepEveryMs?: number;
  readonly logger?: MessagingLogger;
  /** Prepended to every topic name; see EventConsumerOptions.topicPrefix. */
  readonly topicPrefix?: string;
  /** Test seam: runs between a send and marking it sent, where a crash would leave the entries unmarked. */
  readonly afterSend?: (entries: OutboxEntry[]) => Promise<void>;
}

type OutboxDocument = OutboxFields & { _id: string };

interface PendingItem {
  readonly intent: OutboxIntent;
  readonly collection: Collection<Document>;
  readonly document: OutboxDocument;
}

/**
 * Sends pending outbox entries to Kafka, oldest first, many documents per produce request, then marks the
 * documents sent and drops their intents.
 *
 * Pending documents are found through their intents in `outbox_pending` (written before each document), and
 * read and marked by `_id`: no pass scans the records. The relay is the only writer of a document after its
 * insert (records of fact are immutable). A crash between send and mark sends the batch again on restart:
 * delivery is at least once and consumers skip duplicates by event id.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;
  private sweptAt: number | undefined;
  private readonly logger: MessagingLogger;
  private readonly collections: Map<string, Collection<Document>>;
  private readonly onWrite = (): void => this.nudge();

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
    this.collections = new Map(
      options.collections.map((collection) => [collection.collectionName, collection]),
    );
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

  /**
   * At start and then once a minute: intents for pending documents that have none (written by a version before
   * intents existed, or whose intent a fault lost). The one scan of the records, off the event path.
   */
  async sweepOnce(): Promise<void> {
    const every = this.options.sweepEveryMs ?? 60_000;
    if (this.sweptAt !== undefined && Date.now() - this.sweptAt < every) return;
    for (const collection of this.collections.values()) {
      const documents = await collection
        .find<OutboxDocument>(
          { outboxPending: true },
          { projection: { outboxPending: 1, outboxCreatedAt: 1 } },
        )
        .toArray();
      const missing = await this.withoutIntents(collection.collectionName, documents);
      if (missing.length > 0 && this.sweptAt !== undefined)
        this.logger.warn(
          `${missing.length} pending ${collection.collectionName} had no outbox intent; sending them now`,
        );
      await recordOutboxIntents(this.options.pending, collection.collectionName, missing);
    }
    this.sweptAt = Date.now();
  }

  /** The pending documents whose intent is missing (one keyed read of the intents). */
  private async withoutIntents(collection: string, documents: OutboxDocument[]): Promise<OutboxDocument[]> {
    if (documents.length === 0) return [];
    const ids = documents.map((document) => `${collection}:${String(document._id)}`);
    const existing = new Set(
      (await this.options.pending.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map(
        (intent) => String(intent._id),
      ),
    );
    return documents.filter((document) => !existing.has(`${collection}:${String(document._id)}`));
  }

  /** Sends one batch of what is pending; returns how many documents it sent (0 when nothing was pending). */
  async relayPending(): Promise<number> {
    await this.sweepOnce();
    const intents = await this.options.pending
      .find({})
      .sort({ createdAt: 1 })
      .limit(this.options.batchSize ?? 500)
      .toArray();
    if (intents.length === 0) return 0;
    const documents = await this.documentsOf(intents);
    const ready = withinBytes(documents.ready, this.options.maxBatchBytes ?? 512 * 1024);
    const { settled } = documents;
    if (ready.length > 0) {
      const entries = ready.flatMap(({ document }) => document.outbox);
      await this.options.producer.sendBatch({ topicMessages: this.byTopic(entries) });
      await this.options.afterSend?.(entries);
      await this.markSent(ready);
    }
    const done = [...ready.map((item) => item.intent._id), ...settled];
    if (done.length > 0) await this.options.pending.deleteMany({ _id: { $in: done } });
    return ready.length;
  }

  /**
   * The documents behind the intents, in intent order: those still pending (ready), and the intents with
   * nothing left to do (settled: sent already, or no document long after the intent, so the insert failed).
   */
  private async documentsOf(intents: OutboxIntent[]): Promise<{ ready: PendingItem[]; settled: string[] }> {
    const found = new Map<string, OutboxDocument>();
    for (const [name, ids] of groupBy(intents, (intent) => intent.collection)) {
      const collection = this.collections.get(name);
      if (!collection) continue;
      const documents = await collection
        .find<OutboxDocument>(byIds(ids.map((intent) => intent.documentId)), {
          projection: { outbox: 1, outboxPending: 1 },
        })
        .toArray();
      for (const document of documents) found.set(`${name}:${document._id}`, document);
    }
    const abandonedBefore = Date.now() - (this.options.abandonAfterMs ?? 60_000);
    const ready: PendingItem[] = [];
    const settled: string[] = [];
    for (const intent of intents) {
      const document = found.get(intent._id);
      const collection = this.collections.get(intent.collection);
      if (document?.outboxPending === true && collection) ready.push({ intent, collection, document });
      else if (document || !collection || intent.createdAt.getTime() < abandonedBefore)
        settled.push(intent._id);
    }
    return { ready, settled };
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

  private async markSent(batch: PendingItem[]): Promise<void> {
    const sentAt = new Date();
    for (const collection of new Set(batch.map((item) => item.collection))) {
      const ids = batch.filter((item) => item.collection === collection).map((item) => item.document._id);
      await collection.updateMany(byIds(ids), {
        $set: { outboxPending: false, outboxSentAt: sentAt },
      });
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    // A nudge comes from a request or event; the passes are the relay's own, in neither's log scope or trace.
    this.timer = outsideCorrelation(() => untraced(() => setTimeout(() => this.onTimer(), delayMs)));
  }

  private onTimer(): void {
    this.running = this.pass().then((sent) => {
      this.running = undefined;
      // After sending, or when told of new writes meanwhile, go again at once; otherwise wait for the poll.
      const soon = sent > 0 || this.again;
      this.again = false;
      if (!this.stopped) this.schedule(soon ? 0 : (this.options.pollIntervalMs ?? 5000));
    });
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

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** Our records have string ids; the driver's default `Document` type assumes ObjectIds. */
function byIds(ids: string[]): Filter<Document> {
  return { _id: { $in: ids } } as unknown as Filter<Document>;
}

/** The leading items whose events fit in the byte budget; always at least one, so a large event still goes. */
function withinBytes(items: readonly PendingItem[], budget: number): PendingItem[] {
  let bytes = 0;
  const fitting: PendingItem[] = [];
  for (const item of items) {
    bytes += item.document.outbox.reduce((sum, entry) => sum + Buffer.byteLength(entry.value), 0);
    if (fitting.length > 0 && bytes > budget) break;
    fitting.push(item);
  }
  return fitting;
}
