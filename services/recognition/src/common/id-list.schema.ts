import { Schema } from 'mongoose';

export const ID_LIST_MODEL = 'IdList';
export const ID_LISTS_COLLECTION = 'id_lists';

/**
 * The ids of the records that belong to one owner, e.g. a learner's credentials: `_id` is `<kind>:<owner>` (see
 * `idListKeys`), so a per-learner or per-claim read is one lookup by `_id` instead of a scan by a non-unique field.
 * Ids are added with `$addToSet` before the record is inserted; readers skip ids whose record is missing.
 */
export interface IdList {
  _id: string;
  ids: string[];
}

export const IdListSchema = new Schema(
  { _id: { type: String, required: true }, ids: { type: [String], default: [] } },
  { versionKey: false, strict: 'throw' },
);
