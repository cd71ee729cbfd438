import type { AwardHold, IssuedCredential } from './issued-credential.schema';

/** A learner's credential as the API shows it: the signed JWT and what to list it by. */
export function credentialView(credential: IssuedCredential) {
  return {
    credentialId: credential.credentialId,
    achievementName: credential.achievementName,
    achievementVersion: credential.achievementVersion,
    offeringId: credential.offeringId,
    issuedAt: credential.issuedAt.toISOString(),
    jwt: credential.jwt,
  };
}

/** A held award as the registrar sees it. */
export function holdView(hold: AwardHold) {
  return {
    offeringId: hold.offeringId,
    learnerId: hold.learnerId,
    reason: hold.reason,
    heldAt: hold.heldAt.toISOString(),
  };
}
