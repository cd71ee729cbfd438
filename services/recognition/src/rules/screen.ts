import type { CandidateCredential, EvaluationInput, Proposal, Unusable } from './types';

export type UnusedEntry = Proposal['unused'][number];

const UNUSABLE: Record<Unusable, (credential: CandidateCredential) => string> = {
  revoked: () => 'its issuer has revoked it',
  suspended: () => 'its issuer has suspended it',
  'untrusted-issuer': (credential) => `its issuer ${credential.issuerId} is not on the trust list`,
  invalid: () => 'it did not pass verification',
  'external-not-accepted': (credential) =>
    `it is from another institution (${credential.issuerId}), and this programme does not accept external credentials`,
};

/** Calendar years back from now, in UTC, so the answer does not depend on the server's time zone. */
function recencyCutoff(now: Date, years: number): number {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff.getTime();
}

/** Why a credential cannot be tried against any rule: its status first, then the programme's policy, then the ledger. */
function screenOne(credential: CandidateCredential, input: EvaluationInput): UnusedEntry | undefined {
  const { credentialId } = credential;
  const { policy } = input;
  if (credential.unusable) {
    return {
      credentialId,
      reason: credential.unusable,
      explanation: UNUSABLE[credential.unusable](credential),
    };
  }
  if (credential.external && !policy.acceptExternal) {
    const explanation = UNUSABLE['external-not-accepted'](credential);
    return { credentialId, reason: 'external-not-accepted', explanation };
  }
  const awarded = Date.parse(credential.awardedAt);
  if (Number.isNaN(awarded)) {
    return {
      credentialId,
      reason: 'invalid',
      explanation: `its award date "${credential.awardedAt}" cannot be read`,
    };
  }
  if (awarded < recencyCutoff(input.now, policy.recencyYears)) {
    const explanation = `it was awarded on ${credential.awardedAt.slice(0, 10)}, more than ${policy.recencyYears} years ago; this programme counts only recent learning`;
    return { credentialId, reason: 'too-old', explanation };
  }
  if (input.usedCredentialIds.has(credentialId)) {
    return {
      credentialId,
      reason: 'already-used',
      explanation: 'it has already been used for credit in this programme, and a credential counts once',
    };
  }
  return undefined;
}

export function screenCredentials(input: EvaluationInput): {
  usable: CandidateCredential[];
  unused: UnusedEntry[];
} {
  const usable: CandidateCredential[] = [];
  const unused: UnusedEntry[] = [];
  for (const credential of input.credentials) {
    const entry = screenOne(credential, input);
    if (entry) unused.push(entry);
    else usable.push(credential);
  }
  return { usable, unused };
}
