import { recordSchema } from '@lib/persistence';

export const TRUSTED_ISSUER_MODEL = 'TrustedIssuer';

/**
 * An issuer outside this system whose credentials we accept (another Code4Health hub, say); `_id` is its issuer id.
 * Our own awarding bodies are trusted without an entry. Removal keeps the entry, with who removed it and when.
 */
export interface TrustedIssuer {
  _id: string;
  name: string;
  jwksUrl: string;
  addedBy: string;
  addedByOrganisation: string;
  addedAt: Date;
  removedBy?: string;
  removedAt?: Date;
}

export const TrustedIssuerSchema = recordSchema({
  name: { type: String, required: true },
  jwksUrl: { type: String, required: true },
  addedBy: { type: String, required: true },
  addedByOrganisation: { type: String, required: true },
  addedAt: { type: Date, required: true },
  removedBy: { type: String },
  removedAt: { type: Date },
});
