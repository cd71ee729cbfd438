import type { CredentialSummary } from '../summary';

/** What a verifier concludes about a credential, first of all. */
export type VerificationStatus =
  | 'valid'
  | 'invalid'
  | 'revoked'
  | 'suspended'
  | 'expired'
  | 'not-yet-valid'
  | 'untrusted-issuer'
  | 'unverifiable';

export type CheckOutcome = 'passed' | 'failed' | 'skipped' | 'error';

/** The checks, in the order credentials-standards.md section 4 lists them. */
export const CHECKS = {
  format: 'Format and size',
  header: 'Header',
  key: 'Signing key',
  signature: 'Signature',
  claims: 'Claims agree with the credential',
  shape: 'Open Badges 3.0 shape',
  validity: 'Validity period',
  revocation: 'Not revoked',
  suspension: 'Not suspended',
  trust: 'Issuer on the trust list',
  partner: 'Delivering partner authorised',
  holder: 'Holder',
} as const;

export type CheckId = keyof typeof CHECKS;

export interface Check {
  id: CheckId;
  title: string;
  outcome: CheckOutcome;
  message: string;
}

export interface VerificationResult {
  status: VerificationStatus;
  verified: boolean;
  /** The result in plain words, for a person. */
  headline: string;
  /** Why a credential is revoked or suspended, when its issuer says. */
  reason?: string;
  checks: Check[];
  summary: CredentialSummary;
  checkedAt: string;
  /**
   * A learner record (CLR 2.0) only: each credential it holds, verified on its own, in order; `index` is its place
   * in the record's `credentialSubject.verifiableCredential`.
   */
  heldCredentials?: (Omit<VerificationResult, 'heldCredentials'> & { index: number })[];
}

const HEADLINES: Record<VerificationStatus, string> = {
  valid: 'Valid: issued by a trusted issuer, unchanged since it was signed, and in good standing.',
  invalid: 'Not valid: this credential failed a check and must not be relied on.',
  revoked: 'Revoked: the issuer has withdrawn this credential.',
  suspended: 'Suspended: the issuer has suspended this credential for now.',
  expired: 'Expired: this credential is past its validity period.',
  'not-yet-valid': 'Not yet valid: this credential’s validity period has not started.',
  'untrusted-issuer': 'Issuer not trusted: this credential comes from an issuer not on our trust list.',
  unverifiable: 'Could not be checked: a key or status list could not be fetched. Try again later.',
};

export function headlineOf(status: VerificationStatus): string {
  return HEADLINES[status];
}

/**
 * The overall status from the checks: the most serious finding wins. A check that could not run (`error`) makes the
 * result `unverifiable` unless something definite was already found; it is never `valid`.
 */
export function statusOf(checks: readonly Check[]): VerificationStatus {
  const outcome = (id: CheckId) => checks.find((check) => check.id === id)?.outcome;
  const failed = (...ids: CheckId[]) => ids.some((id) => outcome(id) === 'failed');
  if (failed('format', 'header', 'key', 'signature')) return 'invalid';
  if (outcome('key') === 'error') return 'unverifiable';
  if (failed('trust')) return 'untrusted-issuer';
  if (failed('claims', 'shape')) return 'invalid';
  if (failed('revocation')) return 'revoked';
  if (failed('suspension')) return 'suspended';
  if (failed('partner', 'holder')) return 'invalid';
  if (failed('validity')) {
    const message = checks.find((check) => check.id === 'validity')!.message;
    return message.startsWith('Not valid until') ? 'not-yet-valid' : 'expired';
  }
  if (checks.some((check) => check.outcome === 'error')) return 'unverifiable';
  return 'valid';
}
