import { recordSchema } from '@lib/persistence';
import { Schema } from 'mongoose';

export const ENROLMENT_MODEL = 'Enrolment';
export const SEAT_CLAIM_MODEL = 'SeatClaim';
export const WAITLIST_ENTRY_MODEL = 'WaitlistEntry';
export const ENROLMENT_WITHDRAWAL_MODEL = 'EnrolmentWithdrawal';
export const ENROLMENT_COMPLETION_MODEL = 'EnrolmentCompletion';
export const OFFERING_ENROLMENT_IDS_MODEL = 'OfferingEnrolmentIds';
export const LEARNER_ENROLMENT_IDS_MODEL = 'LearnerEnrolmentIds';

export const ENROLMENT_COLLECTIONS = {
  enrolments: 'enrolments',
  seatClaims: 'seat_claims',
  waitlistEntries: 'waitlist_entries',
  withdrawals: 'enrolment_withdrawals',
  completions: 'enrolment_completions',
  offeringEnrolmentIds: 'offering_enrolment_ids',
  learnerEnrolmentIds: 'learner_enrolment_ids',
} as const;

/** A learner's request to join an offering; one per learner and offering. Where it landed is in the records below. */
export interface Enrolment {
  _id: string;
  offeringId: string;
  learnerId: string;
  /** Arrival order: the waitlist follows it. */
  requestedAt: Date;
  requestSeq: number;
  requestedBy: string;
  source: 'api' | 'bulk';
  /** The organisation's record of the learner whose details this enrolment shows; absent on older enrolments. */
  learnerRecordId?: string;
}

/**
 * Seat `seat` of an offering, held by one enrolment. `_id` is `<offeringId>:<seat>:<generation>`: a seat is
 * claimed again (next generation) only after its holder withdrew, and the unique `_id` lets one claim win.
 */
export interface SeatClaim {
  _id: string;
  offeringId: string;
  seat: number;
  generation: number;
  enrolmentId: string;
  via: 'enrolment' | 'promotion';
  claimedAt: Date;
}

export interface WaitlistEntry {
  _id: string;
  offeringId: string;
  waitlistedAt: Date;
}

export interface EnrolmentWithdrawal {
  _id: string;
  offeringId: string;
  previousStatus: 'enrolled' | 'waitlisted';
  reason?: string;
  withdrawnBy: string;
  withdrawnAt: Date;
}

export interface EnrolmentCompletion {
  _id: string;
  offeringId: string;
  attendance: 'attended' | 'did-not-attend';
  recordedBy: string;
  completedAt: Date;
}

export const EnrolmentSchema = recordSchema({
  offeringId: { type: String, required: true },
  learnerId: { type: String, required: true },
  requestedAt: { type: Date, required: true },
  requestSeq: { type: Number, required: true },
  requestedBy: { type: String, required: true },
  source: { type: String, required: true },
  learnerRecordId: String,
});
EnrolmentSchema.index({ offeringId: 1, learnerId: 1 }, { unique: true });

export const SeatClaimSchema = recordSchema(
  {
    offeringId: { type: String, required: true },
    seat: { type: Number, required: true },
    generation: { type: Number, required: true },
    enrolmentId: { type: String, required: true },
    via: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { outbox: true },
);
SeatClaimSchema.index({ enrolmentId: 1 }, { unique: true });

const offeringRecord = { offeringId: { type: String, required: true } };

export const WaitlistEntrySchema = recordSchema(
  { ...offeringRecord, waitlistedAt: { type: Date, required: true } },
  { outbox: true },
);

export const EnrolmentWithdrawalSchema = recordSchema(
  {
    ...offeringRecord,
    previousStatus: { type: String, required: true },
    reason: String,
    withdrawnBy: { type: String, required: true },
    withdrawnAt: { type: Date, required: true },
  },
  { outbox: true },
);

export const EnrolmentCompletionSchema = recordSchema(
  {
    ...offeringRecord,
    attendance: { type: String, required: true },
    recordedBy: { type: String, required: true },
    completedAt: { type: Date, required: true },
  },
  { outbox: true },
);

/**
 * The ids of an offering's enrolments (`_id` is the offering id) or of a learner's (`_id` is the learner id), so
 * both are found by key. An index, not a record of fact: ids are added (`$addToSet`, upsert) before the enrolment
 * is inserted, so a crash cannot leave an enrolment unlisted; readers skip ids that have no enrolment.
 */
export interface EnrolmentIds {
  _id: string;
  enrolmentIds: string[];
}

export const EnrolmentIdsSchema = new Schema(
  { _id: { type: String, required: true }, enrolmentIds: { type: [String], default: [] } },
  { versionKey: false, strict: 'throw' },
);
