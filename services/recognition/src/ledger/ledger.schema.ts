import { recordSchema } from '@lib/persistence';
import type { Level } from '../rules/types';

export const LEDGER_ENTRY_MODEL = 'LedgerEntry';
export const CREDIT_MODEL = 'Credit';
export const CREDIT_WITHDRAWAL_MODEL = 'CreditWithdrawal';
export const CREDIT_HOLD_MODEL = 'CreditHold';
export const CREDITS_COLLECTION = 'credits';
export const CREDIT_WITHDRAWALS_COLLECTION = 'credit_withdrawals';

/**
 * A claim on something that may count only once: `_id` is `credential:<programmeId>:<credentialId>` (a credential's
 * credits, once per programme) or `module:<programmeId>:<learnerId>:<code>` (a module, credited once). The unique
 * `_id` decides between two approvals made at the same moment; withdrawing the credit deletes its entries.
 */
export interface LedgerEntry {
  _id: string;
  creditId: string;
  programmeId: string;
  learnerId: string;
  createdAt: Date;
}

/** Credit approved toward a module; carries the approved event for the outbox. Never changed after insert. */
export interface Credit {
  _id: string;
  claimId: string;
  programmeId: string;
  programmeCode: string;
  awardingBodyId: string;
  learnerId: string;
  moduleCode: string;
  credits: number;
  level: Level;
  credentialIds: string[];
  reason: string;
  decidedBy: string;
  decidedAt: Date;
}

/** Credit withdrawn (`_id` the credit id), e.g. because a credential it rested on was revoked; carries the event. */
export interface CreditWithdrawal {
  _id: string;
  programmeId: string;
  awardingBodyId: string;
  learnerId: string;
  moduleCode: string;
  credentialId: string;
  reason: string;
  withdrawnAt: Date;
}

/** Credit on hold while a credential it rests on is suspended; `_id` is `<creditId>:<credentialId>:<time>`. */
export interface CreditHold {
  _id: string;
  creditId: string;
  credentialId: string;
  awardingBodyId: string;
  action: 'hold' | 'release';
  reason: string;
  at: Date;
}

export const LedgerEntrySchema = recordSchema({
  creditId: { type: String, required: true },
  programmeId: { type: String, required: true },
  learnerId: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
// Trivially unique (`_id` is): it lets the development database serve `{ _id, creditId }`, freeing a key only
// while that credit holds it, by index instead of by a scan.
LedgerEntrySchema.index({ _id: 1, creditId: 1 }, { unique: true });

export const CreditSchema = recordSchema(
  {
    claimId: { type: String, required: true },
    programmeId: { type: String, required: true },
    programmeCode: { type: String, required: true },
    awardingBodyId: { type: String, required: true },
    learnerId: { type: String, required: true },
    moduleCode: { type: String, required: true },
    credits: { type: Number, required: true },
    level: { type: Object, required: true },
    credentialIds: { type: [String], required: true },
    reason: { type: String, required: true },
    decidedBy: { type: String, required: true },
    decidedAt: { type: Date, required: true },
  },
  { outbox: true },
);

export const CreditWithdrawalSchema = recordSchema(
  {
    programmeId: { type: String, required: true },
    awardingBodyId: { type: String, required: true },
    learnerId: { type: String, required: true },
    moduleCode: { type: String, required: true },
    credentialId: { type: String, required: true },
    reason: { type: String, required: true },
    withdrawnAt: { type: Date, required: true },
  },
  { outbox: true },
);
CreditWithdrawalSchema.index({ awardingBodyId: 1 });

export const CreditHoldSchema = recordSchema({
  creditId: { type: String, required: true },
  credentialId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  action: { type: String, required: true },
  reason: { type: String, required: true },
  at: { type: Date, required: true },
});
CreditHoldSchema.index({ awardingBodyId: 1 });
