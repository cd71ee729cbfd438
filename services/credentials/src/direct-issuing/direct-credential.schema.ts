import { recordSchema } from '@lib/persistence';
import { Schema } from 'mongoose';

export const DIRECT_CREDENTIAL_MODEL = 'DirectCredential';
export const DIRECT_CREDENTIALS_COLLECTION = 'direct_credentials';

/**
 * A credential an awarding body issued through the VC-API. `_id` is the credential's id, unique across the hub (an
 * award's id included), since statuses are kept by credential id.
 */
export interface DirectCredential {
  _id: string;
  awardingBodyId: string;
  types: string[];
  /** Revocation: this credential's bit in the body's revocation list. */
  statusListId: string;
  statusIndex: number;
  /** The compact VC-JWT, or the credential with its Data Integrity proof. */
  securedCredential: string | Record<string, unknown>;
  issuedBy: string;
  issuedAt: Date;
}

export const DirectCredentialSchema = recordSchema(
  {
    awardingBodyId: { type: String, required: true },
    types: { type: [String], required: true },
    statusListId: { type: String, required: true },
    statusIndex: { type: Number, required: true },
    securedCredential: { type: Schema.Types.Mixed, required: true },
    issuedBy: { type: String, required: true },
    issuedAt: { type: Date, required: true },
  },
  { outbox: true },
);
