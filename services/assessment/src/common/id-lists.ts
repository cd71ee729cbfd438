import { isDuplicateKeyError } from '@lib/persistence';
import type { Model } from 'mongoose';
import type { IdList } from './id-list.schema';

/**
 * Adds ids to lists (list `_id` to the ids it gains), creating missing lists, in one round trip. Call it before
 * inserting the records, so a crash in between leaves an id without a record, never a record no list names.
 */
export async function addToIdLists(
  lists: Model<IdList>,
  additions: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  const operations = [...additions]
    .filter(([, ids]) => ids.length > 0)
    .map(([key, ids]) => ({
      updateOne: {
        filter: { _id: key },
        update: { $addToSet: { ids: { $each: [...ids] } } },
        upsert: true,
      },
    }));
  if (operations.length === 0) return;
  const add = () => lists.bulkWrite(operations, { ordered: false });
  try {
    await add();
  } catch (error) {
    // Two upserts of a missing list at once: one inserts it, the other finds it on a second try ($addToSet repeats safely).
    if (!isDuplicateKeyError(error)) throw error;
    await add();
  }
}

/** The ids in each of the lists, in one read by `_id`; a missing list is empty. */
export async function idListsOf(
  lists: Model<IdList>,
  keys: readonly string[],
): Promise<Map<string, string[]>> {
  const unique = [...new Set(keys)];
  const found = unique.length
    ? await lists
        .find({ _id: { $in: unique } })
        .lean<IdList[]>()
        .exec()
    : [];
  const byKey = new Map(found.map((list) => [list._id, list.ids]));
  return new Map(unique.map((key) => [key, byKey.get(key) ?? []]));
}

/** Every id in any of the lists, once each. */
export function allIds(lists: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set([...lists.values()].flat())];
}
