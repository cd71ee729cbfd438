import { recordSchema } from '@lib/persistence';
import type { EncryptedSecret } from '../issuers/key-encryption';

export const TRUST_LIST_KEY_MODEL = 'TrustListKey';

/**
 * The hub's own key for signing its trust list (trust snapshots), `_id` "hub": one per deployment, made on first use
 * and never changed, so that a snapshot an employer saved years ago still names the key the hub publishes. It signs
 * nothing else; the awarding bodies sign their credentials with their own keys.
 */
export interface TrustListKeyRecord {
  _id: string;
  /** ES256 (the only one made so far). */
  algorithm: string;
  publicJwk: Record<string, string>;
  encryptedPrivateKey: EncryptedSecret;
  createdAt: Date;
}

export const TrustListKeySchema = recordSchema({
  algorithm: { type: String, required: true },
  publicJwk: { type: Object, required: true },
  encryptedPrivateKey: { type: Object, required: true },
  createdAt: { type: Date, required: true },
});
