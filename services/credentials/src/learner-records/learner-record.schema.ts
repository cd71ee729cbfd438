import { recordSchema } from '@lib/persistence';
import { Schema } from 'mongoose';
import type { ApprovedCredit } from './approved-credit.schema';

export const LEARNER_RECORD_MODEL = 'LearnerRecord';
export const LEARNER_RECORDS_COLLECTION = 'learner_records';

/**
 * A learner's Comprehensive Learner Record (CLR 2.0) from one awarding body. `_id` is the record's credential id.
 * `follows` is `<learnerId>:<awardingBodyId>:<the record it follows, or "first">`, unique: two requests at the same
 * moment cannot both supersede the same record.
 */
export interface LearnerRecord {
  _id: string;
  learnerId: string;
  awardingBodyId: string;
  follows: string;
  /** What the record states (its credentials and credit), hashed: an unchanged record is not issued again. */
  contentKey: string;
  credentialIds: string[];
  /** The approved MSc credit the record states. */
  credits: ApprovedCredit[];
  /** Revocation: the record's bit in the body's revocation list. */
  statusListId: string;
  statusIndex: number;
  jwt: string;
  issuedAt: Date;
}

export const LearnerRecordSchema = recordSchema(
  {
    learnerId: { type: String, required: true },
    awardingBodyId: { type: String, required: true },
    follows: { type: String, required: true },
    contentKey: { type: String, required: true },
    credentialIds: { type: [String], required: true },
    credits: { type: [Schema.Types.Mixed], default: [] },
    statusListId: { type: String, required: true },
    statusIndex: { type: Number, required: true },
    jwt: { type: String, required: true },
    issuedAt: { type: Date, required: true },
  },
  { outbox: true },
);
LearnerRecordSchema.index({ follows: 1 }, { unique: true });
// The learner's records, newest first; and their newest from one body.
LearnerRecordSchema.index({ learnerId: 1, issuedAt: -1 });
LearnerRecordSchema.index({ learnerId: 1, awardingBodyId: 1, issuedAt: -1 });
