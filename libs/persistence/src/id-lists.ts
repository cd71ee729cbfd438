import { type Model, Schema, type UpdateQuery } from 'mongoose';
import { duplicateIndexesOf } from './duplicate-key';

export const ID_LIST_MODEL = 'IdList';
export const ID_LISTS_COLLECTION = 'id_lists';

/**
 * The ids of the records that belong to one owner, e.g. a learner's result versions: `_id` is `<kind>:<owner>` (each
 * service's `idListKeys`), so a per-owner read is one lookup by `_id` instead of a scan by a non-unique field. An
 * index, not a record of fact: ids are added with `$addToSet` before the record is inserted, so a crash in between
 * leaves an id without a record (readers skip it), never a record that no list names.
 */
export interface IdList {
  _id: string;
  ids: string[];
}

export const IdListSchema = new Schema(
  { _id: { type: String, required: true }, ids: { type: [String], default: [] } },
  { versionKey: false, strict: 'throw' },
);

/** A keyed list document: the shared `IdList`, or a service's own shape with a named ids field. */
export interface KeyedList {
  _id: string;
}

/** The fields of `T` that hold ids, e.g. `enrolmentIds`. */
export type IdListField<T> = { [K in keyof T]-?: T[K] extends readonly string[] ? K : never }[keyof T] &
  string;

/**
 * The name of the field that holds the ids, as the last argument: optional for an `IdList` (it is `ids`), required
 * for any other shape, so a service's own list collection cannot be read or written under the wrong field.
 */
export type IdListFieldArgument<T> = T extends IdList ? [field?: 'ids'] : [field: IdListField<T>];

const fieldOf = ([field]: readonly [field?: string]): string => field ?? 'ids';

/**
 * An upsert that adds ids to one list; `$addToSet` repeats nothing, so it is safe to run twice. The field is checked
 * by `IdListFieldArgument` at the call; mongoose's types cannot follow a computed key, hence the cast.
 */
function addition<T>(field: string, key: string, ids: readonly string[]) {
  return {
    filter: { _id: key },
    update: { $addToSet: { [field]: { $each: [...ids] } } } as UpdateQuery<T>,
    upsert: true,
  };
}

/** Two upserts of a missing list at once: one inserts it, the other fails on `_id` and finds it on a second try. */
async function retriedOnceOnDuplicateKey(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!duplicateIndexesOf(error)) throw error;
    await write();
  }
}

/**
 * Adds ids to one list, creating it when missing. Call it before inserting the records, so a crash in between leaves
 * an id without a record (skipped by readers), never a record that no list names. Safe under concurrency.
 */
export async function addToIdList<T extends KeyedList>(
  lists: Model<T>,
  key: string,
  ids: readonly string[],
  ...field: IdListFieldArgument<T>
): Promise<void> {
  if (ids.length === 0) return;
  const { filter, update, upsert } = addition<T>(fieldOf(field), key, ids);
  await retriedOnceOnDuplicateKey(() => lists.updateOne(filter, update, { upsert }).exec());
}

/**
 * Adds ids to many lists (list `_id` to the ids it gains), creating missing lists, in one round trip (an unordered
 * bulk write). Call it before inserting the records, as `addToIdList`. Safe under concurrency.
 */
export async function addToIdLists<T extends KeyedList>(
  lists: Model<T>,
  additions: ReadonlyMap<string, readonly string[]>,
  ...field: IdListFieldArgument<T>
): Promise<void> {
  const operations = [...additions]
    .filter(([, ids]) => ids.length > 0)
    .map(([key, ids]) => ({ updateOne: addition(fieldOf(field), key, ids) }));
  if (operations.length === 0) return;
  // The driver's bulk types cannot relate mongoose's update of a generic `T`; each operation is `addition`'s upsert.
  await retriedOnceOnDuplicateKey(() => lists.bulkWrite(operations as never, { ordered: false }));
}

/**
 * Removes ids from many lists (list `_id` to the ids it loses) in one round trip. Call it after the write that makes
 * the ids no longer belong (e.g. a ratification), and let readers check what they find: a crash before it leaves the
 * ids listed, never a record unlisted. Missing lists stay missing.
 */
export async function removeFromIdLists<T extends KeyedList>(
  lists: Model<T>,
  removals: ReadonlyMap<string, readonly string[]>,
  ...field: IdListFieldArgument<T>
): Promise<void> {
  const operations = [...removals]
    .filter(([, ids]) => ids.length > 0)
    .map(([key, ids]) => ({
      updateOne: {
        filter: { _id: key },
        update: { $pull: { [fieldOf(field)]: { $in: [...ids] } } } as UpdateQuery<T>,
      },
    }));
  if (operations.length === 0) return;
  // As in `addToIdLists`, the driver's bulk types cannot relate mongoose's update of a generic `T`.
  await lists.bulkWrite(operations as never, { ordered: false });
}

/** The ids in each of the lists, in one read by `_id`; a missing list is empty. */
export async function idListsOf<T extends KeyedList>(
  lists: Model<T>,
  keys: readonly string[],
  ...field: IdListFieldArgument<T>
): Promise<Map<string, string[]>> {
  const unique = [...new Set(keys)];
  const found = unique.length
    ? await lists
        .find({ _id: { $in: unique } })
        .lean<Record<string, unknown>[]>()
        .exec()
    : [];
  const byKey = new Map(found.map((list) => [list._id as string, idsIn(list, fieldOf(field))]));
  return new Map(unique.map((key) => [key, byKey.get(key) ?? []]));
}

/** The ids in one list, read by `_id`; empty when it is missing. */
export async function idListOf<T extends KeyedList>(
  lists: Model<T>,
  key: string,
  ...field: IdListFieldArgument<T>
): Promise<string[]> {
  const list = await lists.findById(key).lean<Record<string, unknown>>().exec();
  return list ? idsIn(list, fieldOf(field)) : [];
}

function idsIn(list: Record<string, unknown>, field: string): string[] {
  return (list[field] as string[] | undefined) ?? [];
}

/** Every id in any of the lists, once each. */
export function allIds(lists: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set([...lists.values()].flat())];
}

/** Ids grouped by the list they go in, in the order given. */
export function groupIds<T>(
  items: readonly T[],
  listOf: (item: T) => string,
  idOf: (item: T) => string,
): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const item of items) {
    const list = lists.get(listOf(item)) ?? [];
    list.push(idOf(item));
    lists.set(listOf(item), list);
  }
  return lists;
}
