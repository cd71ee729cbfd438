import { recordSchema } from '@lib/persistence';

export const WALLET_OFFER_MODEL = 'WalletOffer';
export const WALLET_DELIVERY_MODEL = 'WalletDelivery';

/**
 * A learner's one-time offer of one of their credentials to a wallet (a W3C VC-API exchange): `_id` is the
 * unguessable exchange id in the offer's URL; the wallet must sign `challenge` to receive the credential.
 */
export interface WalletOffer {
  _id: string;
  credentialId: string;
  learnerId: string;
  awardingBodyId: string;
  challenge: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * What an offer delivered, once: `_id` is the offer's, so a second delivery of one offer cannot be recorded. The
 * credential is kept as delivered, bound to the wallet's DID (as JSON text: JSON-LD keys are not all Mongo keys).
 */
export interface WalletDelivery {
  _id: string;
  credentialId: string;
  learnerId: string;
  holder: string;
  deliveredAt: Date;
  credentialJson: string;
}

// Both are read by `_id` only.
export const WalletOfferSchema = recordSchema({
  credentialId: { type: String, required: true },
  learnerId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  challenge: { type: String, required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
});

export const WalletDeliverySchema = recordSchema({
  credentialId: { type: String, required: true },
  learnerId: { type: String, required: true },
  holder: { type: String, required: true },
  deliveredAt: { type: Date, required: true },
  credentialJson: { type: String, required: true },
});
