import { randomBytes, randomUUID } from 'node:crypto';
import { withOutbox } from '@lib/messaging';
import { ReadCache } from '@lib/persistence';
import { MIN_STATUS_LIST_ENTRIES, randomFreeIndex, signCredential } from '@lib/vc';
import { Injectable, Logger } from '@nestjs/common';
import type { AchievementVersion } from '../achievements/achievement.schema';
import { AchievementsRepository } from '../achievements/achievements.repository';
import { AchievementsService } from '../achievements/achievements.service';
import { EVENT_SOURCE } from '../common/event-source';
import { IssuersService } from '../issuers/issuers.service';
import { decideAward, newestResult } from '../progress/award-rule';
import type { OfferingFact, OrganisationFact } from '../progress/progress.schema';
import { ProgressRepository } from '../progress/progress.repository';
import { CredentialStatusService } from '../status-lists/credential-status.service';
import {
  type Award,
  awardHold,
  credentialKey,
  credentialToSign,
  type IssueFacts,
  issuedRecord,
  statusListIds,
} from './issue-builders';
import { IssuingRepository } from './issuing.repository';

/** How long a course's achievement definition is reused; an edit made by another instance shows within this. */
const ACHIEVEMENT_TTL_MS = 5_000;
const kept = <T>(value: T | null): boolean => value !== null;

/** Applies the award rule after every fact and issues the credential, exactly once, when it holds. */
@Injectable()
export class IssuingService {
  private readonly logger = new Logger('IssuingService');
  /** Offerings and organisations are facts from events, never changed: read once per process. */
  private readonly offerings = new ReadCache<OfferingFact | null>(Infinity, kept);
  private readonly organisations = new ReadCache<OrganisationFact | null>(Infinity, kept);
  private readonly courseAchievements = new ReadCache<AchievementVersion | null>(ACHIEVEMENT_TTL_MS, kept);

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
    this.courseAchievements.forget(courseId);
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
    const offering = await this.offerings.get(offeringId, () => this.progress.offering(offeringId));
    const achievement = offering ? await this.achievementOf(offering.courseId) : null;
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
      await this.issuing.insertHold(awardHold(offering, learnerId, decision.reason, new Date()));
    }
    if (decision.kind === 'award') await this.issue(offering, achievement, learnerId, decision);
  }

  private achievementOf(courseId: string): Promise<AchievementVersion | null> {
    return this.courseAchievements.get(courseId, () => this.achievements.latestForCourse(courseId));
  }

  /** Reads and draws what the credential is made of, builds and signs it, and stores it with its event at once. */
  private async issue(
    offering: OfferingFact,
    achievement: AchievementVersion,
    learnerId: string,
    award: Award,
  ): Promise<void> {
    const facts = await this.issueFacts(offering, achievement, learnerId, award);
    const signingKey = await this.issuers.signingKey(offering.awardingBodyId);
    const jwt = signCredential(credentialToSign(facts), signingKey, facts.issuedAt);
    const { record, event } = issuedRecord(facts, jwt);
    await this.issuing.listForLearner(learnerId, record._id);
    if (await this.issuing.insertCredential({ ...record, ...withOutbox(EVENT_SOURCE, event) })) {
      this.logger.log(`issued ${facts.credentialId} to learner ${learnerId} for ${achievement.courseCode}`);
    }
  }

  private async issueFacts(
    offering: OfferingFact,
    achievement: AchievementVersion,
    learnerId: string,
    award: Award,
  ): Promise<IssueFacts> {
    const key = credentialKey(achievement, offering._id, learnerId);
    const lists = statusListIds(offering.awardingBodyId);
    const revocation = { listId: lists.revocation, index: await this.allocateIndex(lists.revocation, key) };
    const suspension = { listId: lists.suspension, index: await this.allocateIndex(lists.suspension, key) };
    const issuer = await this.issuers.profileInput(offering.awardingBodyId);
    return {
      credentialId: `urn:uuid:${randomUUID()}`,
      issuedAt: new Date(),
      emailSalt: randomBytes(12).toString('base64url'),
      learnerId,
      offering,
      achievement,
      achievementUrl: this.achievementUrls.url(achievement.achievementId),
      award,
      issuer: { ...issuer, id: this.issuers.issuerUrl(offering.awardingBodyId) },
      partner: await this.partnerOf(offering),
      statusListsUrl: this.issuers.statusListsUrl(),
      revocation,
      suspension,
    };
  }

  /** A random free index of the list, claimed by an insert under a unique key (retried when another took it). */
  private async allocateIndex(listId: string, key: string): Promise<number> {
    for (;;) {
      const index = randomFreeIndex(MIN_STATUS_LIST_ENTRIES, new Set());
      if (
        await this.issuing.allocate({
          _id: `${listId}:${index}`,
          listId,
          index,
          credentialKey: key,
          allocatedAt: new Date(),
        })
      )
        return index;
    }
  }

  /** The delivering partner's record, read only when a partner (not the awarding body) delivered. */
  private async partnerOf(offering: OfferingFact): Promise<OrganisationFact | null> {
    if (offering.deliveringOrganisationId === offering.awardingBodyId) return null;
    const id = offering.deliveringOrganisationId;
    return this.organisations.get(id, () => this.progress.organisation(id));
  }
}
