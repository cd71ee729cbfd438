import { recordSchema } from '@lib/persistence';
import { Schema } from 'mongoose';

export const AUTHORISATION_MODEL = 'PartnerAuthorisation';
export const AUTHORISATIONS_COLLECTION = 'partner_authorisations';
export const AUTHORISATION_WITHDRAWAL_MODEL = 'AuthorisationWithdrawal';
export const AUTHORISATION_WITHDRAWALS_COLLECTION = 'authorisation_withdrawals';
export const PARTNER_AUTHORISATION_IDS_MODEL = 'PartnerAuthorisationIds';
export const PARTNER_AUTHORISATION_IDS_COLLECTION = 'partner_authorisation_ids';

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

/**
 * The ids of a partner's authorisations (`_id` is the partner id), so they are found by key. An index, not a
 * record of fact: an id is added (`$addToSet`, upsert) before its grant is inserted; readers skip ids with no grant.
 */
export interface PartnerAuthorisationIds {
  _id: string;
  authorisationIds: string[];
}

export const PartnerAuthorisationIdsSchema = new Schema(
  { _id: { type: String, required: true }, authorisationIds: { type: [String], default: [] } },
  { versionKey: false, strict: 'throw' },
);
