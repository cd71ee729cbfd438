import { recordSchema } from '@lib/persistence';

export const TRUSTED_ISSUER_MODEL = 'TrustedIssuer';

/**
 * An issuer outside this system whose credentials are accepted (another Code4Health hub, say), on one trust list:
 * the hub-wide one (`trustedBy` "hub", kept by admins) or one awarding body's (`trustedBy` its organisation id, kept
 * by its registrars). `_id` is `<trustedBy>:<issuerId>` (trust-list-keys.ts). Our own awarding bodies are trusted without an entry.
 * Removal keeps the entry, with who removed it and when.
 */
export interface TrustedIssuer {
  _id: string;
  trustedBy: string;
  issuerId: string;
  name: string;
  /** Where an http(s) issuer publishes its keys; none for a did:key issuer, which is its own key. */
  jwksUrl?: string;
  addedBy: string;
  /** The organisation of whoever added it; none for an admin. */
  addedByOrganisation?: string;
  addedAt: Date;
  removedBy?: string;
  removedAt?: Date;
}

/** An entry stored before there was a list per awarding body: `_id` was the issuer id, and no `trustedBy`. */
export type LegacyTrustedIssuer = Omit<TrustedIssuer, 'trustedBy' | 'issuerId'>;

export const TrustedIssuerSchema = recordSchema({
  trustedBy: { type: String, required: true },
  issuerId: { type: String, required: true },
  name: { type: String, required: true },
  jwksUrl: { type: String },
  addedBy: { type: String, required: true },
  addedByOrganisation: { type: String },
  addedAt: { type: Date, required: true },
  removedBy: { type: String },
  removedAt: { type: Date },
});
