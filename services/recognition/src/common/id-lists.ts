import { isDuplicateKeyError } from '@lib/persistence';
import type { Model } from 'mongoose';
import type { IdList } from './id-list.schema';

/** The `_id` of each kind of id list, by its owner. */
export const idListKeys = {
  /** Our credentials issued to a learner. */
  learnerCredentials: (learnerId: string) => `learner-credentials:${learnerId}`,
  /** Revocations, suspensions and reinstatements of a learner's credentials. */
  learnerCredentialStatus: (learnerId: string) => `learner-credential-status:${learnerId}`,
  /** A learner's claims, in every programme. */
  learnerClaims: (learnerId: string) => `learner-claims:${learnerId}`,
  /** The credentials uploaded to a claim. */
  claimUploads: (claimId: string) => `claim-uploads:${claimId}`,
  /** A programme's modules. */
  programmeModules: (programmeId: string) => `programme-modules:${programmeId}`,
  /** A learner's credit in a programme, withdrawn or not. */
  learnerCredits: (programmeId: string, learnerId: string) => `learner-credits:${programmeId}:${learnerId}`,
  /** Credit resting on a credential, withdrawn or not. */
  credentialCredits: (credentialId: string) => `credential-credits:${credentialId}`,
  /** A credit's holds and releases. */
  creditHolds: (creditId: string) => `credit-holds:${creditId}`,
};

/**
 * Adds ids to a list, creating it when missing; call it before inserting the records, so a crash in between leaves
 * an id without a record (skipped by readers), never a record that no list names. Safe under concurrency.
 */
export async function addToIdList(lists: Model<IdList>, key: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const add = () =>
    lists.updateOne({ _id: key }, { $addToSet: { ids: { $each: [...ids] } } }, { upsert: true }).exec();
  try {
    await add();
  } catch (error) {
    // Two upserts of a missing list at once: one inserts it, the other finds it on a second try.
    if (!isDuplicateKeyError(error)) throw error;
    await add();
  }
}

/** The ids in each of the lists, in one read by `_id`; a missing list is empty. */
export async function idListsOf(
  lists: Model<IdList>,
  keys: readonly string[],
): Promise<Map<string, string[]>> {
  const found = keys.length
    ? await lists
        .find({ _id: { $in: [...new Set(keys)] } })
        .lean<IdList[]>()
        .exec()
    : [];
  const byKey = new Map(found.map((list) => [list._id, list.ids]));
  return new Map(keys.map((key) => [key, byKey.get(key) ?? []]));
}

/** The ids in one list; empty when it is missing. */
export async function idListOf(lists: Model<IdList>, key: string): Promise<string[]> {
  return (await lists.findById(key).lean<IdList>().exec())?.ids ?? [];
}

/** Every id in any of the lists, once each. */
export function allIds(lists: Map<string, string[]>): string[] {
  return [...new Set([...lists.values()].flat())];
}
