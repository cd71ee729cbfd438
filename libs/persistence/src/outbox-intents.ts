import type { Collection, Db } from 'mongodb';
import { duplicateIndexesOf } from './duplicate-key';

/** The collection of a service's database that lists documents whose outbox is not sent yet. */
export const OUTBOX_PENDING_COLLECTION = 'outbox_pending';

/**
 * A document whose outbox the relay has to send: `_id` is `<collection>:<document id>`. Written before the
 * document itself, so a crash in between leaves an intent without a document (the relay drops it once it is
 * old), never a document the relay cannot find. It lets the relay find pending events by key in a collection
 * that holds only what is unsent, instead of scanning every record for `outboxPending`.
 */
export interface OutboxIntent {
  _id: string;
  collection: string;
  documentId: string;
  createdAt: Date;
}

interface OutboxCarrier {
  _id?: unknown;
  outboxPending?: unknown;
  outboxCreatedAt?: unknown;
}

/** A database's `outbox_pending` collection. */
export function outboxPendingOf(db: Db): Collection<OutboxIntent> {
  return db.collection<OutboxIntent>(OUTBOX_PENDING_COLLECTION);
}

/** Records intents for the records that carry pending events; repeated intents (a retried insert) are no-ops. */
export async function recordOutboxIntents(
  pending: Collection<OutboxIntent>,
  collection: string,
  records: readonly unknown[],
): Promise<void> {
  const intents = (records as OutboxCarrier[])
    .filter((record) => record.outboxPending === true)
    .map((record): OutboxIntent => ({
      _id: `${collection}:${String(record._id)}`,
      collection,
      documentId: String(record._id),
      createdAt: record.outboxCreatedAt instanceof Date ? record.outboxCreatedAt : new Date(),
    }));
  if (intents.length === 0) return;
  try {
    await pending.insertMany(intents, { ordered: false });
  } catch (error) {
    if (!duplicateIndexesOf(error)) throw error;
  }
}

/**
 * The index the relay's oldest-first read and the oldest intent's age (a metric) are served by, so neither sorts
 * the collection; created at start-up.
 */
export async function ensureOutboxPendingIndex(db: Db): Promise<void> {
  await outboxPendingOf(db).createIndex({ createdAt: 1 }, { name: 'createdAt_1' });
}

/** How many documents wait for the relay (from the collection's count, no scan) and the oldest one's time. */
export async function outboxBacklog(
  pending: Collection<OutboxIntent>,
): Promise<{ pending: number; oldestAt: Date | undefined }> {
  const [count, oldest] = await Promise.all([
    pending.estimatedDocumentCount(),
    pending
      .find({}, { projection: { createdAt: 1 } })
      .sort({ createdAt: 1 })
      .limit(1)
      .toArray(),
  ]);
  return { pending: count, oldestAt: oldest[0]?.createdAt };
}
