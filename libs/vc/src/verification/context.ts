import type { KeyObject } from 'node:crypto';
import type { StatusPurpose } from '../status-list';

/** A status entry of a credential, as read from its `credentialStatus`. */
export interface StatusEntryRef {
  /** The credential the entry belongs to (its `id`). */
  credentialId: string;
  listUrl: string;
  index: number;
  purpose: StatusPurpose;
}

export interface StatusReading {
  /** The bit: set means revoked (revocation list) or suspended (suspension list). */
  set: boolean;
  /** Why, when the issuer's own records say. */
  reason?: string;
}

/** What the partner check asks: was this partner authorised by this awarding body for this achievement that day. */
export interface PartnerQuestion {
  issuerId: string;
  partnerId: string;
  achievementId: string;
  /** YYYY-MM-DD. */
  awardedOn: string;
}

/**
 * Where a verifier gets what it cannot read from the credential itself. Each lookup may throw when the source cannot
 * be reached; the check then reports `error` and the credential cannot come out `valid`.
 */
export interface VerificationContext {
  isTrusted(issuerId: string): Promise<boolean>;
  /** The public key `kid` names, when it is a key published for that issuer; undefined when it is not. */
  resolveKey(kid: string, issuerId: string): Promise<KeyObject | undefined>;
  /** A status bit, from a status list verified as the issuer's. */
  readStatus(entry: StatusEntryRef, issuerId: string): Promise<StatusReading>;
  /**
   * A hold (suspension) the issuer's own records know of, for a credential that carries no suspension entry (Open
   * Badges 3.0 allows one status entry, revocation); undefined when this verifier cannot know (another issuer's).
   */
  readHold?(credentialId: string, issuerId: string): Promise<StatusReading | undefined>;
  /** Undefined when this verifier cannot know (another issuer's partners). */
  partnerAuthorised?(question: PartnerQuestion): Promise<boolean | undefined>;
  now?(): Date;
  /** When statuses come from a snapshot (an offline bundle), not from now: their checks say "last known at". */
  statusKnownAt?: Date;
}

/** A source that could not be reached or read: the check reports `error`, never `failed`. */
export class UnreachableError extends Error {}
