import { asList, asObject, type JsonObject } from '../json-reading';
import type { VerificationResult } from './result';

/** One credential a CLR 2.0 record holds (its ClrSubject's `verifiableCredential`), verified on its own. */
export type HeldCredentialResult = NonNullable<VerificationResult['heldCredentials']>[number];

/** More than this many held credentials are not verified one by one (a record this large is refused). */
export const MAX_HELD_CREDENTIALS = 200;

/** True for a Comprehensive Learner Record (1EdTech CLR 2.0), whose subject holds other credentials. */
export function isLearnerRecord(credential: JsonObject): boolean {
  return asList(credential.type).includes('ClrCredential');
}

/** The credentials a record's subject holds, as they are there (enveloped VC-JWTs, or with embedded proofs). */
export function heldCredentialsOf(credential: JsonObject): unknown[] {
  const subject = asList(credential.credentialSubject)[0];
  return asList(asObject(subject).verifiableCredential);
}

/**
 * A record's result with each held credential's own: the record's status stays its own (its signature and status),
 * and the headline says how many of the credentials it holds did not verify, so none passes unnoticed.
 */
export function withHeldResults(
  record: VerificationResult,
  held: HeldCredentialResult[],
): VerificationResult {
  const failing = held.filter((result) => !result.verified).length;
  const outcome =
    held.length === 1
      ? failing === 0
        ? 'The credential it holds verifies.'
        : 'The credential it holds did not verify: see it below.'
      : failing === 0
        ? `Each of the ${held.length} credentials it holds verifies.`
        : `${failing} of the ${held.length} credentials it holds did not verify: see each below.`;
  const headline = `${record.headline} ${outcome}`;
  return { ...record, headline, heldCredentials: held };
}
