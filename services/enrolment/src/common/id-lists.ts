import { duplicateIndexesOf } from '@lib/persistence';
import type { Model } from 'mongoose';

/**
 * Adds ids to keyed lists (`_id` is the owner's id, `field` holds the ids), creating missing lists, in one round
 * trip. Call it before inserting the records, so a crash in between leaves an id without a record (readers skip
 * it), never a record that no list names. Safe under concurrency: `$addToSet` repeats nothing.
 */
export async function addToIdLists<T extends { _id: string }>(
  lists: Model<T>,
  field: Exclude<keyof T, '_id'> & string,
  ids: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  if (ids.size === 0) return;
  const upserts = [...ids].map(([listId, listed]) => ({
    updateOne: {
      filter: { _id: listId },
      update: { $addToSet: { [field]: { $each: [...listed] } } },
      upsert: true,
    },
  }));
  const write = () => lists.bulkWrite(upserts as never, { ordered: false });
  try {
    await write();
  } catch (error) {
    // Two upserts of a missing list at once: one inserts it, the other finds it on a second try.
    if (!duplicateIndexesOf(error)) throw error;
    await write();
  }
}

/** Ids grouped by the list they go in. */
export function groupIds<T>(items: readonly T[], listOf: (item: T) => string, idOf: (item: T) => string) {
  const lists = new Map<string, string[]>();
  for (const item of items) {
    const list = lists.get(listOf(item)) ?? [];
    list.push(idOf(item));
    lists.set(listOf(item), list);
  }
  return lists;
}
