import { recordSchema } from '@lib/persistence';

export const OID4VCI_OFFER_MODEL = 'Oid4vciOffer';
export const OID4VCI_GRANT_MODEL = 'Oid4vciGrant';

/**
 * A learner's one-time OpenID4VCI credential offer (pre-authorised code flow): `_id` is the pre-authorised code;
 * `txCode` the PIN shown to the learner beside the QR code; `wrongCodes` the PINs tried wrongly so far.
 */
export interface Oid4vciOffer {
  _id: string;
  credentialId: string;
  learnerId: string;
  txCode: string;
  wrongCodes: number;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * The code exchanged for an access token, once: `_id` is the pre-authorised code, so a second exchange of it cannot be
 * recorded; `accessTokenHash` (sha-256 of the token) and `cNonce` are what the credential request must show.
 */
export interface Oid4vciGrant {
  _id: string;
  accessTokenHash: string;
  cNonce: string;
  expiresAt: Date;
}

export const Oid4vciOfferSchema = recordSchema({
  credentialId: { type: String, required: true },
  learnerId: { type: String, required: true },
  txCode: { type: String, required: true },
  wrongCodes: { type: Number, required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
});

// Read by `_id` and by the access token's hash (the credential request).
export const Oid4vciGrantSchema = recordSchema({
  accessTokenHash: { type: String, required: true },
  cNonce: { type: String, required: true },
  expiresAt: { type: Date, required: true },
});
Oid4vciGrantSchema.index({ accessTokenHash: 1 }, { unique: true });
