import { Schema } from 'mongoose';

export const APPROVED_CREDITS_MODEL = 'ApprovedCredits';

/** MSc credit recognition approved from a learner's credentials, as its event stated it. */
export interface ApprovedCredit {
  creditId: string;
  programmeId: string;
  programmeCode: string;
  moduleCode: string;
  credits: number;
  sourceCredentialIds: string[];
  decidedAt: Date;
}

/**
 * A learner's approved credit, learnt from recognition's events: `_id` is the learner id, so a learner record reads
 * it in one keyed read. A withdrawal is remembered, so an approval delivered after it is not taken back in.
 */
export interface ApprovedCredits {
  _id: string;
  credits: ApprovedCredit[];
  withdrawnCreditIds: string[];
}

const ApprovedCreditSchema = new Schema<ApprovedCredit>(
  {
    creditId: { type: String, required: true },
    programmeId: { type: String, required: true },
    programmeCode: { type: String, required: true },
    moduleCode: { type: String, required: true },
    credits: { type: Number, required: true },
    sourceCredentialIds: { type: [String], required: true },
    decidedAt: { type: Date, required: true },
  },
  { _id: false },
);

export const ApprovedCreditsSchema = new Schema(
  {
    _id: { type: String, required: true },
    credits: { type: [ApprovedCreditSchema], default: [] },
    withdrawnCreditIds: { type: [String], default: [] },
  },
  { versionKey: false, strict: 'throw' },
);
