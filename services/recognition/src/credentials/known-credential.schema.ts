import { recordSchema } from '@lib/persistence';
import type { Level } from '../rules/types';

export const KNOWN_CREDENTIAL_MODEL = 'KnownCredential';
export const CREDENTIAL_STATUS_FACT_MODEL = 'CredentialStatusFact';
export const KNOWN_LEARNER_MODEL = 'KnownLearner';

/** A credential our awarding bodies issued, as the issued event described it; `_id` is the credential id. */
export interface KnownCredential {
  _id: string;
  learnerId: string;
  achievementId: string;
  name: string;
  credits: number;
  level: Level;
  fieldOfStudy?: string;
  learningOutcomes: string[];
  issuerId: string;
  awardingBodyId: string;
  awardedAt: Date;
}

/** A revocation, suspension or reinstatement of a credential; `_id` is `<credentialId>:<action>:<time>`. */
export interface CredentialStatusFact {
  _id: string;
  credentialId: string;
  action: 'revoke' | 'suspend' | 'reinstate';
  reason?: string;
  at: Date;
}

/** A learner's email, from enrolment: an uploaded credential must carry it (hashed) to count for them. */
export interface KnownLearner {
  _id: string;
  email: string;
}

export const KnownCredentialSchema = recordSchema({
  learnerId: { type: String, required: true },
  achievementId: { type: String, required: true },
  name: { type: String, required: true },
  credits: { type: Number, required: true },
  level: { type: Object, required: true },
  fieldOfStudy: { type: String },
  learningOutcomes: { type: [String], default: [] },
  issuerId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  awardedAt: { type: Date, required: true },
});

export const CredentialStatusFactSchema = recordSchema({
  credentialId: { type: String, required: true },
  action: { type: String, required: true },
  reason: { type: String },
  at: { type: Date, required: true },
});

export const KnownLearnerSchema = recordSchema({ email: { type: String, required: true } });
