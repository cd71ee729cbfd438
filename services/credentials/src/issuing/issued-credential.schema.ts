import { recordSchema } from '@lib/persistence';
import { Schema } from 'mongoose';

export const ISSUED_CREDENTIAL_MODEL = 'IssuedCredential';
export const STATUS_ALLOCATION_MODEL = 'StatusAllocation';
export const AWARD_HOLD_MODEL = 'AwardHold';
export const ISSUED_CREDENTIALS_COLLECTION = 'issued_credentials';

/**
 * A credential issued. `_id` is `<achievementId>:<offeringId>:<learnerId>`: the unique key that makes issuing
 * happen exactly once, whatever the order, repetition or timing of the events behind it.
 */
export interface IssuedCredential {
  _id: string;
  credentialId: string;
  learnerId: string;
  offeringId: string;
  awardingBodyId: string;
  achievementId: string;
  achievementVersion: number;
  achievementName: string;
  /** Revocation: this credential's bit in a revocation list. */
  statusListId: string;
  statusIndex: number;
  /** Suspension: its bit in a suspension list. */
  suspensionListId: string;
  suspensionIndex: number;
  jwt: string;
  issuedAt: Date;
}

/** A status list index taken: `_id` is `<listId>:<index>`, so no two credentials share one. */
export interface StatusAllocation {
  _id: string;
  listId: string;
  index: number;
  credentialKey: string;
  allocatedAt: Date;
}

/** A credential earned but not issued, with why; the registrar sees these. */
export interface AwardHold {
  _id: string;
  offeringId: string;
  learnerId: string;
  awardingBodyId: string;
  reason: string;
  heldAt: Date;
}

export const IssuedCredentialSchema = recordSchema(
  {
    credentialId: { type: String, required: true },
    learnerId: { type: String, required: true },
    offeringId: { type: String, required: true },
    awardingBodyId: { type: String, required: true },
    achievementId: { type: String, required: true },
    achievementVersion: { type: Number, required: true },
    achievementName: { type: String, required: true },
    statusListId: { type: String, required: true },
    statusIndex: { type: Number, required: true },
    suspensionListId: { type: String, required: true },
    suspensionIndex: { type: Number, required: true },
    jwt: { type: String, required: true },
    issuedAt: { type: Date, required: true },
  },
  { outbox: true },
);
IssuedCredentialSchema.index({ credentialId: 1 }, { unique: true });
// The registrar's search of their body's credentials, newest first: all of them, by learner (and course), by course.
IssuedCredentialSchema.index({ awardingBodyId: 1, issuedAt: -1 });
IssuedCredentialSchema.index({ awardingBodyId: 1, learnerId: 1, achievementId: 1, issuedAt: -1 });
IssuedCredentialSchema.index({ awardingBodyId: 1, achievementId: 1, issuedAt: -1 });

export const LEARNER_CREDENTIALS_MODEL = 'LearnerCredentials';

/**
 * The keys of a learner's credentials: `_id` is the learner id, so the learner's own list is one keyed read and
 * one read by `_id`s. A key is added before its credential is inserted (a crash leaves a key without a credential,
 * which readers skip, never a credential the learner cannot see); two processes issuing at once add the same key.
 */
export interface LearnerCredentials {
  _id: string;
  credentialKeys: string[];
}

export const LearnerCredentialsSchema = new Schema(
  { _id: { type: String, required: true }, credentialKeys: { type: [String], default: [] } },
  { versionKey: false, strict: 'throw' },
);

export const StatusAllocationSchema = recordSchema({
  listId: { type: String, required: true },
  index: { type: Number, required: true },
  credentialKey: { type: String, required: true },
  allocatedAt: { type: Date, required: true },
});
StatusAllocationSchema.index({ listId: 1 });

export const AwardHoldSchema = recordSchema({
  offeringId: { type: String, required: true },
  learnerId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  reason: { type: String, required: true },
  heldAt: { type: Date, required: true },
});
AwardHoldSchema.index({ awardingBodyId: 1 });
