import { credentialIssuedV1 } from '@lib/contracts';
import { outboxEvent, type PendingEvent } from '@lib/messaging';
import {
  type AchievementInput,
  achievementCredential,
  isoSeconds,
  type ProfileInput,
  statusEntry,
} from '@lib/vc';
import type { AchievementVersion } from '../achievements/achievement.schema';
import type { AwardDecision } from '../progress/award-rule';
import type { OfferingFact, OrganisationFact } from '../progress/progress.schema';
import type { AwardHold, IssuedCredential } from './issued-credential.schema';

export type Award = Extract<AwardDecision, { kind: 'award' }>;

/** A credential's bit in one status list. */
export interface StatusSlot {
  listId: string;
  index: number;
}

/**
 * Everything one credential is made of, read or drawn by the service beforehand (ids, salt and time included), so
 * the builders below are pure: the same facts always give the same credential, record and event.
 */
export interface IssueFacts {
  credentialId: string;
  issuedAt: Date;
  emailSalt: string;
  learnerId: string;
  offering: OfferingFact;
  achievement: AchievementVersion;
  /** The achievement's public URL. */
  achievementUrl: string;
  award: Award;
  /** The awarding body as issuer, `id` its public URL. */
  issuer: ProfileInput;
  /** The delivering partner's record, when a partner delivered (null when it is not known). */
  partner: OrganisationFact | null;
  statusListsUrl: string;
  revocation: StatusSlot;
  suspension: StatusSlot;
}

/** The unique key that makes issuing happen once per achievement, offering and learner. */
export function credentialKey(
  achievement: Pick<AchievementVersion, 'achievementId'>,
  offeringId: string,
  learnerId: string,
): string {
  return `${achievement.achievementId}:${offeringId}:${learnerId}`;
}

/** The awarding body's revocation and suspension lists that new credentials take a bit of. */
export function statusListIds(awardingBodyId: string): { revocation: string; suspension: string } {
  return { revocation: `${awardingBodyId}-revocation-1`, suspension: `${awardingBodyId}-suspension-1` };
}

/** The credential before signing: an Open Badges 3.0 AchievementCredential. */
export function credentialToSign(facts: IssueFacts) {
  const { offering, achievement, award, issuedAt } = facts;
  const validUntil = validUntilOf(issuedAt, achievement.validityMonths);
  return achievementCredential({
    id: facts.credentialId,
    issuer: facts.issuer,
    validFrom: isoSeconds(issuedAt),
    ...(validUntil ? { validUntil: isoSeconds(validUntil) } : {}),
    awardedDate: isoSeconds(issuedAt),
    subject: {
      id: `urn:uuid:${facts.learnerId}`,
      name: `${award.learner.givenName} ${award.learner.familyName}`,
      email: award.learner.email,
      emailSalt: facts.emailSalt,
    },
    achievement: achievementInput(achievement, facts.achievementUrl),
    creditsEarned: achievement.credits,
    results: [
      { resultDescription: `${facts.achievementUrl}/results/mark`, value: String(award.result.overallMark) },
      { resultDescription: `${facts.achievementUrl}/results/grade`, value: award.result.grade },
    ],
    activityStartDate: `${offering.startDate}T00:00:00Z`,
    activityEndDate: `${offering.endDate}T23:59:59Z`,
    ...sourceOf(offering, facts.partner),
    evidence: [evidenceOf(offering, award.result)],
    // Open Badges 3.0 allows one entry (0..1): revocation, which any verifier reads. Holds (suspension) are kept in
    // the awarding body's suspension list and our records, and shown by our verification (README, "Holds").
    credentialStatus: statusEntry(
      `${facts.statusListsUrl}/${facts.revocation.listId}`,
      facts.revocation.index,
      'revocation',
    ),
  });
}

/** The record stored for a signed credential and the event announcing it, written together. */
export function issuedRecord(
  facts: IssueFacts,
  jwt: string,
): { record: IssuedCredential; event: PendingEvent } {
  const { offering, achievement, issuedAt } = facts;
  const validUntil = validUntilOf(issuedAt, achievement.validityMonths);
  const record: IssuedCredential = {
    _id: credentialKey(achievement, offering._id, facts.learnerId),
    credentialId: facts.credentialId,
    learnerId: facts.learnerId,
    offeringId: offering._id,
    awardingBodyId: offering.awardingBodyId,
    achievementId: achievement.achievementId,
    achievementVersion: achievement.version,
    achievementName: achievement.name,
    statusListId: facts.revocation.listId,
    statusIndex: facts.revocation.index,
    suspensionListId: facts.suspension.listId,
    suspensionIndex: facts.suspension.index,
    jwt,
    issuedAt,
  };
  const event = outboxEvent(credentialIssuedV1, {
    credentialId: facts.credentialId,
    learnerId: facts.learnerId,
    achievementId: facts.achievementUrl,
    achievementVersion: achievement.version,
    achievementName: achievement.name,
    courseId: achievement.courseId,
    courseCode: achievement.courseCode,
    offeringId: offering._id,
    issuerId: facts.issuer.id,
    awardingBodyId: offering.awardingBodyId,
    deliveringOrganisationId: offering.deliveringOrganisationId,
    credits: { value: achievement.credits, scheme: 'UK' },
    level: achievement.level,
    ...(achievement.fieldOfStudy ? { fieldOfStudy: achievement.fieldOfStudy } : {}),
    learningOutcomes: achievement.learningOutcomes,
    awardedAt: issuedAt.toISOString(),
    ...(validUntil ? { validUntil: validUntil.toISOString() } : {}),
    jwt,
  });
  return { record, event };
}

/** A credential earned but held, with why; one per learner and offering. */
export function awardHold(
  offering: OfferingFact,
  learnerId: string,
  reason: string,
  heldAt: Date,
): AwardHold {
  return {
    _id: `${offering._id}:${learnerId}`,
    offeringId: offering._id,
    learnerId,
    awardingBodyId: offering.awardingBodyId,
    reason,
    heldAt,
  };
}

/** The achievement as the credential describes it, with its mark and grade result descriptions. */
export function achievementInput(achievement: AchievementVersion, url: string): AchievementInput {
  return {
    id: url,
    name: achievement.name,
    description: achievement.description,
    criteria: achievement.criteria,
    achievementType: achievement.achievementType,
    credits: achievement.credits,
    level: achievement.level,
    humanCode: achievement.courseCode,
    version: String(achievement.version),
    learningOutcomes: achievement.learningOutcomes,
    ...(achievement.fieldOfStudy ? { fieldOfStudy: achievement.fieldOfStudy } : {}),
    resultDescriptions: [
      {
        id: `${url}/results/mark`,
        name: 'Overall mark',
        resultType: 'Percent',
        ...(achievement.minimumMark !== undefined ? { requiredValue: String(achievement.minimumMark) } : {}),
      },
      { id: `${url}/results/grade`, name: 'Grade', resultType: 'LetterGrade' },
    ],
  };
}

/** The delivering partner, named as `source`, when it is not the awarding body itself. */
export function sourceOf(
  offering: OfferingFact,
  partner: OrganisationFact | null,
): { source?: ProfileInput } {
  if (offering.deliveringOrganisationId === offering.awardingBodyId) return {};
  return {
    source: {
      id: `urn:uuid:${offering.deliveringOrganisationId}`,
      name: partner?.name ?? 'Partner organisation',
      ...(partner?.url ? { url: partner.url } : {}),
    },
  };
}

/** What was attended and how it was assessed. */
export function evidenceOf(
  offering: OfferingFact,
  result: Award['result'],
): { name: string; narrative: string } {
  const where = offering.location ? `, ${offering.location}` : '';
  return {
    name: `${offering.courseTitle} (${offering.courseCode}), ${offering.startDate}${where}`,
    narrative: `Attended, and assessed with an overall mark of ${result.overallMark}% (${result.grade}), ratified by the exam board.`,
  };
}

/** When a credential issued at `issuedAt` expires; none when the achievement sets no validity. */
export function validUntilOf(issuedAt: Date, validityMonths: number | undefined): Date | undefined {
  if (!validityMonths) return undefined;
  const next = new Date(issuedAt);
  next.setUTCMonth(next.getUTCMonth() + validityMonths);
  return next;
}
