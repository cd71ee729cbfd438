import type { Model, UpdateQuery } from 'mongoose';

/**
 * Sets fields of the record `id` only while `unchanged` still matches it (a compare-and-set): false when it did not,
 * because another instance wrote first or the record is gone.
 */
export async function setIfUnchanged<T extends { _id: string }>(
  model: Model<T>,
  id: string,
  unchanged: Record<string, unknown>,
  fields: Partial<T>,
): Promise<boolean> {
  const { modifiedCount } = await model
    .updateOne({ ...unchanged, _id: id }, { $set: fields } as UpdateQuery<T>)
    .exec();
  return modifiedCount === 1;
}
