import type { Model } from 'mongoose';

/** Those of the ids that a record of the collection has, read by `_id` in one round trip. */
export async function existingIds<T>(model: Model<T>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await model
    .find({ _id: { $in: ids } }, { _id: 1 })
    .lean<{ _id: string }[]>()
    .exec();
  return new Set(found.map((record) => record._id));
}
