/** Inserts under the record's `_id` unless taken, as the unique `_id` index does; false when taken. */
export function insertInto<T extends { _id: string }>(records: Map<string, T>, record: T): boolean {
  if (records.has(record._id)) return false;
  records.set(record._id, record);
  return true;
}
