import { recordSchema } from '@lib/persistence';
import { CLAIM_STATES, type ClaimState } from './claim-state';

export type { ClaimState };

export const CLAIM_MODEL = 'Claim';
export const EXTERNAL_CREDENTIAL_MODEL = 'ExternalCredential';
export const DECISION_MODEL = 'Decision';

/**
 * A learner's claim for credit in a programme; the proposal is worked out afresh whenever it is read. `state` is
 * the one field that changes (to `decided`, by the last decision), so the exam board's list is read by index;
 * claims opened before it was recorded have none and count as awaiting.
 */
export interface Claim {
  _id: string;
  programmeId: string;
  awardingBodyId: string;
  learnerId: string;
  openedBy: string;
  openedAt: Date;
  state?: ClaimState;
  decidedAt?: Date;
}

/** A credential from another issuer, uploaded to a claim; `_id` is `<claimId>:<sha256 of the JWT>`. */
export interface ExternalCredential {
  _id: string;
  claimId: string;
  jwt: string;
  addedAt: Date;
}

/** The exam board's decision on one module of a claim; `_id` is `<claimId>:<moduleCode>`: decided once. */
export interface Decision {
  _id: string;
  claimId: string;
  moduleCode: string;
  decision: 'approved' | 'rejected';
  reason: string;
  creditId?: string;
  decidedBy: string;
  decidedAt: Date;
}

export const ClaimSchema = recordSchema({
  programmeId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  learnerId: { type: String, required: true },
  openedBy: { type: String, required: true },
  openedAt: { type: Date, required: true },
  state: { type: String, enum: CLAIM_STATES },
  decidedAt: { type: Date },
});
// The exam board's lists: a body's claims in a state, oldest first, over all its programmes or one.
ClaimSchema.index({ awardingBodyId: 1, state: 1, openedAt: 1 });
ClaimSchema.index({ awardingBodyId: 1, programmeId: 1, state: 1, openedAt: 1 });

export const ExternalCredentialSchema = recordSchema({
  claimId: { type: String, required: true },
  jwt: { type: String, required: true },
  addedAt: { type: Date, required: true },
});

export const DecisionSchema = recordSchema({
  claimId: { type: String, required: true },
  moduleCode: { type: String, required: true },
  decision: { type: String, required: true },
  reason: { type: String, required: true },
  creditId: { type: String },
  decidedBy: { type: String, required: true },
  decidedAt: { type: Date, required: true },
});
