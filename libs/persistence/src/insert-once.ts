import type { Model } from 'mongoose';
import { duplicateIndexesOf, isDuplicateKeyError } from './duplicate-key';
import { outboxPendingOf, recordOutboxIntents } from './outbox-intents';
import { signalIfOutbox } from './outbox-signal';

/** Inserts a record; false when a unique index says it (or its twin) exists already. Never an update. */
export async function insertOnce<T>(model: Model<T>, record: T): Promise<boolean> {
  await recordOutboxIntents(outboxPendingOf(model.db.db!), model.collection.collectionName, [record]);
  try {
    await model.create(record);
    signalIfOutbox([record]);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Inserts many records in one round trip, unordered: each is inserted or found to exist already (a unique
 * index said so). Returns, per record, whether it was inserted. Any other error is thrown.
 */
export async function insertManyOnce<T>(model: Model<T>, records: readonly T[]): Promise<boolean[]> {
  const inserted = records.map(() => true);
  if (records.length === 0) return inserted;
  await recordOutboxIntents(outboxPendingOf(model.db.db!), model.collection.collectionName, records);
  try {
    await model.collection.insertMany(records as never[], { ordered: false });
  } catch (error) {
    const duplicates = duplicateIndexesOf(error);
    if (!duplicates) throw error;
    for (const index of duplicates) inserted[index] = false;
  }
  signalIfOutbox(records.filter((_, index) => inserted[index]));
  return inserted;
}
