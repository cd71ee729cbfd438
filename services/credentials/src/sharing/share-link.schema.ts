import { recordSchema } from '@lib/persistence';

export const SHARE_LINK_MODEL = 'ShareLink';
export const SHARE_LINK_WITHDRAWAL_MODEL = 'ShareLinkWithdrawal';

/**
 * A link that shows one credential to anyone holding it; `_id` is the unguessable token. A learner makes `share`
 * links; the certificate PDF's QR code carries a `certificate` link, made when the first PDF is downloaded.
 */
export interface ShareLink {
  _id: string;
  credentialId: string;
  learnerId: string;
  purpose: ShareLinkPurpose;
  createdAt: Date;
}

export type ShareLinkPurpose = 'share' | 'certificate';

/** Withdrawing a link is a record of its own (`_id` the token), so the link stays dead. */
export interface ShareLinkWithdrawal {
  _id: string;
  withdrawnAt: Date;
}

export const ShareLinkSchema = recordSchema({
  credentialId: { type: String, required: true },
  learnerId: { type: String, required: true },
  purpose: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
ShareLinkSchema.index({ learnerId: 1 });
ShareLinkSchema.index({ credentialId: 1 });

export const ShareLinkWithdrawalSchema = recordSchema({ withdrawnAt: { type: Date, required: true } });
