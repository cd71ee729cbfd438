import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';

/** Inserts a record; false when a unique index says it (or its twin) exists already. Never an update. */
export async function insertOnce<T>(model: Model<T>, record: T): Promise<boolean> {
  try {
    await model.create(record);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
