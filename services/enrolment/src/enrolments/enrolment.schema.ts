import { recordSchema } from '@lib/persistence';

export const ENROLMENT_MODEL = 'Enrolment';
export const SEAT_CLAIM_MODEL = 'SeatClaim';
export const WAITLIST_ENTRY_MODEL = 'WaitlistEntry';
export const ENROLMENT_WITHDRAWAL_MODEL = 'EnrolmentWithdrawal';
export const ENROLMENT_COMPLETION_MODEL = 'EnrolmentCompletion';

export const ENROLMENT_COLLECTIONS = {
  enrolments: 'enrolments',
  seatClaims: 'seat_claims',
  waitlistEntries: 'waitlist_entries',
  withdrawals: 'enrolment_withdrawals',
  completions: 'enrolment_completions',
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
});
EnrolmentSchema.index({ offeringId: 1, learnerId: 1 }, { unique: true });
EnrolmentSchema.index({ learnerId: 1 });

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
SeatClaimSchema.index({ offeringId: 1 });

const offeringRecord = { offeringId: { type: String, required: true } };

export const WaitlistEntrySchema = recordSchema(
  { ...offeringRecord, waitlistedAt: { type: Date, required: true } },
  { outbox: true },
);
WaitlistEntrySchema.index({ offeringId: 1 });

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
EnrolmentWithdrawalSchema.index({ offeringId: 1 });

export const EnrolmentCompletionSchema = recordSchema(
  {
    ...offeringRecord,
    attendance: { type: String, required: true },
    recordedBy: { type: String, required: true },
    completedAt: { type: Date, required: true },
  },
  { outbox: true },
);
EnrolmentCompletionSchema.index({ offeringId: 1 });
