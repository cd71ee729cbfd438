import { recordSchema } from '@lib/persistence';
import type { IssuerKeyAlgorithm } from '@lib/vc';
import type { EncryptedSecret } from './key-encryption';

export const ISSUER_MODEL = 'Issuer';
export const SIGNING_KEY_MODEL = 'SigningKey';

/** An awarding body as an issuer of credentials; `_id` is its organisation id. */
export interface Issuer {
  _id: string;
  name: string;
  url?: string;
  email?: string;
  ukprn?: string;
  createdAt: Date;
}

/**
 * One signing key of an issuer; `_id` is the public key's thumbprint. Keys are never changed or removed: rotation
 * adds a newer key, which becomes the active one, and older keys stay published so credentials they signed verify.
 */
export interface SigningKeyRecord {
  _id: string;
  issuerId: string;
  algorithm: IssuerKeyAlgorithm;
  publicJwk: Record<string, string>;
  encryptedPrivateKey: EncryptedSecret;
  createdBy: string;
  createdAt: Date;
}

export const IssuerSchema = recordSchema({
  name: { type: String, required: true },
  url: String,
  email: String,
  ukprn: String,
  createdAt: { type: Date, required: true },
});

export const SigningKeySchema = recordSchema({
  issuerId: { type: String, required: true },
  algorithm: { type: String, required: true },
  publicJwk: { type: Object, required: true },
  encryptedPrivateKey: { type: Object, required: true },
  createdBy: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
SigningKeySchema.index({ issuerId: 1, createdAt: -1 });
// The start-up re-encryption after a key-encryption key's rotation looks keys up by the key that encrypted them.
SigningKeySchema.index({ 'encryptedPrivateKey.kekId': 1 });
