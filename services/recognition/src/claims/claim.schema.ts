import { recordSchema } from '@lib/persistence';

export const CLAIM_MODEL = 'Claim';
export const EXTERNAL_CREDENTIAL_MODEL = 'ExternalCredential';
export const DECISION_MODEL = 'Decision';

/** A learner's claim for credit in a programme; the proposal is worked out afresh whenever it is read. */
export interface Claim {
  _id: string;
  programmeId: string;
  awardingBodyId: string;
  learnerId: string;
  openedBy: string;
  openedAt: Date;
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
});

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
