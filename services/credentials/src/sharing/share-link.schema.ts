import { recordSchema } from '@lib/persistence';

export const SHARE_LINK_MODEL = 'ShareLink';
export const SHARE_LINK_WITHDRAWAL_MODEL = 'ShareLinkWithdrawal';

/** A link a learner made to show one credential to anyone holding it; `_id` is the unguessable token. */
export interface ShareLink {
  _id: string;
  credentialId: string;
  learnerId: string;
  createdAt: Date;
}

/** Withdrawing a link is a record of its own (`_id` the token), so the link stays dead. */
export interface ShareLinkWithdrawal {
  _id: string;
  withdrawnAt: Date;
}

export const ShareLinkSchema = recordSchema({
  credentialId: { type: String, required: true },
  learnerId: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
ShareLinkSchema.index({ learnerId: 1 });

export const ShareLinkWithdrawalSchema = recordSchema({ withdrawnAt: { type: Date, required: true } });
