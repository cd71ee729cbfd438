import { asObject, asText, jwtPayloadOf } from '@lib/vc';
import type { AchievementVersion } from '../achievements/achievement.schema';
import type { OfferingFact } from '../progress/progress.schema';
import type { CurrentStatus } from '../status-lists/credential-status';
import type { AwardHold, IssuedCredential } from './issued-credential.schema';

/** A learner's credential as the API shows it: the signed JWT and what to list it by. */
export function credentialView(credential: IssuedCredential) {
  return {
    credentialId: credential.credentialId,
    achievementName: credential.achievementName,
    achievementVersion: credential.achievementVersion,
    awardingBodyId: credential.awardingBodyId,
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

/** What a registrar's list shows besides the record: its achievement version, offering and status. */
export interface BodyCredentialContext {
  achievement: AchievementVersion | undefined;
  offering: OfferingFact | undefined;
  status: CurrentStatus;
}

/**
 * One of an awarding body's credentials as its registrar sees it. The learner's name is the one the signed
 * credential records (the record keeps only their id); course, credits and level are its achievement version's.
 */
export function bodyCredentialView(credential: IssuedCredential, context: BodyCredentialContext) {
  const { achievement, offering, status } = context;
  const learnerName = asText(asObject(jwtPayloadOf(credential.jwt)?.credentialSubject).name);
  const courseTitle = offering?.courseTitle;
  return {
    credentialId: credential.credentialId,
    learner: { id: credential.learnerId, ...(learnerName ? { name: learnerName } : {}) },
    course: {
      ...(achievement ? { id: achievement.courseId, code: achievement.courseCode } : {}),
      ...(courseTitle ? { title: courseTitle } : {}),
    },
    achievementName: credential.achievementName,
    achievementVersion: credential.achievementVersion,
    ...(achievement ? { credits: achievement.credits, level: achievement.level } : {}),
    offeringId: credential.offeringId,
    issuedAt: credential.issuedAt.toISOString(),
    status: {
      state: status.state,
      ...(status.reason ? { reason: status.reason } : {}),
      ...(status.changedAt ? { changedAt: status.changedAt.toISOString() } : {}),
    },
  };
}
