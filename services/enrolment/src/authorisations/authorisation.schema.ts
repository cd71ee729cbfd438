import { recordSchema } from '@lib/persistence';

export const AUTHORISATION_MODEL = 'PartnerAuthorisation';
export const AUTHORISATIONS_COLLECTION = 'partner_authorisations';
export const AUTHORISATION_WITHDRAWAL_MODEL = 'AuthorisationWithdrawal';
export const AUTHORISATION_WITHDRAWALS_COLLECTION = 'authorisation_withdrawals';

/** An awarding body lets a partner deliver one course from `validFrom` (and until `validUntil`); dates are YYYY-MM-DD. */
export interface Authorisation {
  _id: string;
  awardingBodyId: string;
  partnerId: string;
  courseId: string;
  validFrom: string;
  validUntil?: string;
  grantedBy: string;
  grantedAt: Date;
}

/** Withdrawing is a record of its own, one per authorisation (its `_id`), never an edit of the grant. */
export interface AuthorisationWithdrawal {
  _id: string;
  effectiveFrom: string;
  reason: string;
  withdrawnBy: string;
  withdrawnAt: Date;
}

export const AuthorisationSchema = recordSchema(
  {
    awardingBodyId: { type: String, required: true },
    partnerId: { type: String, required: true },
    courseId: { type: String, required: true },
    validFrom: { type: String, required: true },
    validUntil: String,
    grantedBy: { type: String, required: true },
    grantedAt: { type: Date, required: true },
  },
  { outbox: true },
);
AuthorisationSchema.index({ partnerId: 1, courseId: 1, validFrom: 1 }, { unique: true });
AuthorisationSchema.index({ awardingBodyId: 1 });

export const AuthorisationWithdrawalSchema = recordSchema(
  {
    effectiveFrom: { type: String, required: true },
    reason: { type: String, required: true },
    withdrawnBy: { type: String, required: true },
    withdrawnAt: { type: Date, required: true },
  },
  { outbox: true },
);
