import { randomBytes, randomUUID } from 'node:crypto';
import { credentialIssuedV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import {
  achievementCredential,
  MIN_STATUS_LIST_ENTRIES,
  randomFreeIndex,
  isoSeconds,
  signCredential,
  statusEntry,
} from '@lib/vc';
import { Injectable, Logger } from '@nestjs/common';
import type { AchievementVersion } from '../achievements/achievement.schema';
import { AchievementsRepository } from '../achievements/achievements.repository';
import { AchievementsService } from '../achievements/achievements.service';
import { EVENT_SOURCE } from '../common/event-source';
import { IssuersService } from '../issuers/issuers.service';
import { type AwardDecision, decideAward, newestResult } from '../progress/award-rule';
import type { OfferingFact } from '../progress/progress.schema';
import { ProgressRepository } from '../progress/progress.repository';
import { CredentialStatusService } from '../status-lists/credential-status.service';
import type { IssuedCredential } from './issued-credential.schema';
import { IssuingRepository } from './issuing.repository';

type Award = Extract<AwardDecision, { kind: 'award' }>;

/** Applies the award rule after every fact and issues the credential, exactly once, when it holds. */
@Injectable()
export class IssuingService {
  private readonly logger = new Logger('IssuingService');

  constructor(
    private readonly issuing: IssuingRepository,
    private readonly progress: ProgressRepository,
    private readonly achievements: AchievementsRepository,
    private readonly achievementUrls: AchievementsService,
    private readonly issuers: IssuersService,
    private readonly statuses: CredentialStatusService,
  ) {}

  /** Re-evaluates every learner of a course's offerings, e.g. once its achievement is defined. */
  async evaluateCourse(courseId: string): Promise<void> {
    await this.evaluateOfferings(await this.progress.offeringsOfCourse(courseId));
  }

  /** Re-evaluates every learner of an awarding body's offerings, e.g. once it has become an issuer. */
  async evaluateAwardingBody(awardingBodyId: string): Promise<void> {
    await this.evaluateOfferings(await this.progress.offeringsOfAwardingBody(awardingBodyId));
  }

  private async evaluateOfferings(offerings: OfferingFact[]): Promise<void> {
    for (const { offeringId, learnerId } of await this.progress.learnersOf(
      offerings.map((offering) => offering._id),
    )) {
      await this.evaluate(offeringId, learnerId);
    }
  }

  async evaluate(offeringId: string, learnerId: string): Promise<void> {
    const offering = await this.progress.offering(offeringId);
    const achievement = offering ? await this.achievements.latestForCourse(offering.courseId) : null;
    // Without the offering, its achievement or its issuer's key there is nothing to decide yet; their events re-evaluate.
    if (!offering || !achievement || !(await this.issuers.isIssuer(offering.awardingBodyId))) return;
    const facts = await this.progress.progressOf(offeringId, learnerId);
    const issued = await this.issuing.credential(credentialKey(achievement, offeringId, learnerId));
    if (issued) {
      if (newestResult(facts)?.passed === false) await this.statuses.revokeForFailedResult(issued);
      return;
    }
    const decision = decideAward({
      offering,
      facts,
      authorisations: await this.progress.authorisationsOf(
        offering.deliveringOrganisationId,
        offering.courseId,
      ),
      minimumMark: achievement.minimumMark,
    });
    if (decision.kind === 'hold') {
      await this.issuing.insertHold({
        _id: `${offeringId}:${learnerId}`,
        offeringId,
        learnerId,
        awardingBodyId: offering.awardingBodyId,
        reason: decision.reason,
        heldAt: new Date(),
      });
    }
    if (decision.kind === 'award') await this.issue(offering, achievement, learnerId, decision);
  }

  private async issue(
    offering: OfferingFact,
    achievement: AchievementVersion,
    learnerId: string,
    award: Award,
  ): Promise<void> {
    const key = credentialKey(achievement, offering._id, learnerId);
    const listId = `${offering.awardingBodyId}-revocation-1`;
    const index = await this.allocateIndex(listId, key);
    const suspensionListId = `${offering.awardingBodyId}-suspension-1`;
    const suspensionIndex = await this.allocateIndex(suspensionListId, key);
    const issuedAt = new Date();
    const credentialId = `urn:uuid:${randomUUID()}`;
    const issuerId = this.issuers.issuerUrl(offering.awardingBodyId);
    const validUntil = achievement.validityMonths
      ? addMonths(issuedAt, achievement.validityMonths)
      : undefined;
    const credential = achievementCredential({
      id: credentialId,
      issuer: { ...(await this.issuers.profileInput(offering.awardingBodyId)), id: issuerId },
      validFrom: isoSeconds(issuedAt),
      ...(validUntil ? { validUntil: isoSeconds(validUntil) } : {}),
      awardedDate: isoSeconds(issuedAt),
      subject: {
        id: `urn:uuid:${learnerId}`,
        name: `${award.learner.givenName} ${award.learner.familyName}`,
        email: award.learner.email,
        emailSalt: randomBytes(12).toString('base64url'),
      },
      achievement: this.achievementInput(achievement),
      creditsEarned: achievement.credits,
      results: [
        {
          resultDescription: `${this.achievementUrls.url(achievement.achievementId)}/results/mark`,
          value: String(award.result.overallMark),
        },
        {
          resultDescription: `${this.achievementUrls.url(achievement.achievementId)}/results/grade`,
          value: award.result.grade,
        },
      ],
      activityStartDate: `${offering.startDate}T00:00:00Z`,
      activityEndDate: `${offering.endDate}T23:59:59Z`,
      ...(await this.source(offering)),
      evidence: [
        {
          name: `${offering.courseTitle} (${offering.courseCode}), ${offering.startDate}${offering.location ? `, ${offering.location}` : ''}`,
          narrative: `Attended, and assessed with an overall mark of ${award.result.overallMark}% (${award.result.grade}), ratified by the exam board.`,
        },
      ],
      credentialStatus: [
        statusEntry(`${this.issuers.statusListsUrl()}/${listId}`, index, 'revocation'),
        statusEntry(`${this.issuers.statusListsUrl()}/${suspensionListId}`, suspensionIndex, 'suspension'),
      ],
    });
    const jwt = signCredential(credential, await this.issuers.signingKey(offering.awardingBodyId), issuedAt);
    const record: IssuedCredential = {
      _id: key,
      credentialId,
      learnerId,
      offeringId: offering._id,
      awardingBodyId: offering.awardingBodyId,
      achievementId: achievement.achievementId,
      achievementVersion: achievement.version,
      achievementName: achievement.name,
      statusListId: listId,
      statusIndex: index,
      suspensionListId,
      suspensionIndex,
      jwt,
      issuedAt,
    };
    const event = outboxEvent(credentialIssuedV1, {
      credentialId,
      learnerId,
      achievementId: this.achievementUrls.url(achievement.achievementId),
      achievementVersion: achievement.version,
      achievementName: achievement.name,
      courseId: achievement.courseId,
      courseCode: achievement.courseCode,
      offeringId: offering._id,
      issuerId,
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
    if (await this.issuing.insertCredential({ ...record, ...withOutbox(EVENT_SOURCE, event) })) {
      this.logger.log(`issued ${credentialId} to learner ${learnerId} for ${achievement.courseCode}`);
    }
  }

  /** A random free index of the list, claimed by an insert under a unique key (retried when another took it). */
  private async allocateIndex(listId: string, credentialKey: string): Promise<number> {
    for (;;) {
      const index = randomFreeIndex(MIN_STATUS_LIST_ENTRIES, new Set());
      if (
        await this.issuing.allocate({
          _id: `${listId}:${index}`,
          listId,
          index,
          credentialKey,
          allocatedAt: new Date(),
        })
      )
        return index;
    }
  }

  private achievementInput(achievement: AchievementVersion) {
    const url = this.achievementUrls.url(achievement.achievementId);
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
          resultType: 'Percent' as const,
          ...(achievement.minimumMark !== undefined
            ? { requiredValue: String(achievement.minimumMark) }
            : {}),
        },
        { id: `${url}/results/grade`, name: 'Grade', resultType: 'LetterGrade' as const },
      ],
    };
  }

  /** The delivering partner, named as `source`, when it is not the awarding body itself. */
  private async source(offering: OfferingFact) {
    if (offering.deliveringOrganisationId === offering.awardingBodyId) return {};
    const partner = await this.progress.organisation(offering.deliveringOrganisationId);
    return {
      source: {
        id: `urn:uuid:${offering.deliveringOrganisationId}`,
        name: partner?.name ?? 'Partner organisation',
        ...(partner?.url ? { url: partner.url } : {}),
      },
    };
  }
}

export function credentialKey(
  achievement: Pick<AchievementVersion, 'achievementId'>,
  offeringId: string,
  learnerId: string,
): string {
  return `${achievement.achievementId}:${offeringId}:${learnerId}`;
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}
