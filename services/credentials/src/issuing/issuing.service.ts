import { ReadCache } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import type { AchievementVersion } from '../achievements/achievement.schema';
import { AchievementsRepository } from '../achievements/achievements.repository';
import { IssuersService } from '../issuers/issuers.service';
import { decideAward, newestResult } from '../progress/award-rule';
import type { AuthorisationFact, OfferingFact } from '../progress/progress.schema';
import { ProgressRepository } from '../progress/progress.repository';
import { CredentialStatusService } from '../status-lists/credential-status.service';
import { AwardIssuer, type PendingAward } from './award-issuer';
import { awardHold, credentialKey } from './issue-builders';
import type { AwardHold } from './issued-credential.schema';
import { IssuingRepository } from './issuing.repository';

/** How long a course's achievement definition is reused; an edit made by another instance shows within this. */
const ACHIEVEMENT_TTL_MS = 5_000;
const kept = <T>(value: T | null): boolean => value !== null;

/** A learner on an offering whose facts changed; the correlation id of the event that changed them. */
export interface Evaluation {
  readonly offeringId: string;
  readonly learnerId: string;
  readonly correlationId?: string;
}

/** What an offering's awards need: the offering, its course's achievement (its awarding body is an issuer). */
interface AwardContext {
  readonly offering: OfferingFact;
  readonly achievement: AchievementVersion;
}

/**
 * Applies the award rule after facts change and issues the credential, exactly once, when it holds. Works on a
 * whole batch of learners at once: one keyed read of their progress, one of their issued credentials.
 */
@Injectable()
export class IssuingService {
  /** Offerings are facts from events, never changed: read once per process. */
  private readonly offerings = new ReadCache<OfferingFact | null>(Infinity, kept);
  private readonly courseAchievements = new ReadCache<AchievementVersion | null>(ACHIEVEMENT_TTL_MS, kept);

  constructor(
    private readonly issuing: IssuingRepository,
    private readonly progress: ProgressRepository,
    private readonly achievements: AchievementsRepository,
    private readonly issuers: IssuersService,
    private readonly statuses: CredentialStatusService,
    private readonly awards: AwardIssuer,
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
    const learners = await this.progress.learnersOf(offerings.map((offering) => offering._id));
    for (let start = 0; start < learners.length; start += 500) {
      await this.evaluateMany(learners.slice(start, start + 500));
    }
  }

  evaluate(offeringId: string, learnerId: string): Promise<void> {
    return this.evaluateMany([{ offeringId, learnerId }]);
  }

  async evaluateMany(evaluations: readonly Evaluation[]): Promise<void> {
    const pairs = [...new Map(evaluations.map((e) => [`${e.offeringId}:${e.learnerId}`, e])).values()];
    const contexts = new Map<string, AwardContext | null>();
    for (const offeringId of new Set(pairs.map((pair) => pair.offeringId)))
      contexts.set(offeringId, await this.contextOf(offeringId));
    // Without the offering, its achievement or its issuer's key there is nothing to decide yet; their events re-evaluate.
    const ready = pairs.filter((pair) => contexts.get(pair.offeringId));
    if (ready.length === 0) return;
    const keyOf = (pair: Evaluation) =>
      credentialKey(contexts.get(pair.offeringId)!.achievement, pair.offeringId, pair.learnerId);
    const [progress, issued] = await Promise.all([
      this.progress.progressOfMany(ready),
      this.issuing.credentialsByKeys(ready.map(keyOf)),
    ]);
    const holds: AwardHold[] = [];
    const granted: PendingAward[] = [];
    const authorisations = new Map<string, Promise<AuthorisationFact[]>>();
    for (const pair of ready) {
      const { offering, achievement } = contexts.get(pair.offeringId)!;
      const facts = progress.get(`${pair.offeringId}:${pair.learnerId}`) ?? [];
      const existing = issued.get(keyOf(pair));
      if (existing) {
        if (newestResult(facts)?.passed === false) await this.statuses.revokeForFailedResult(existing);
        continue;
      }
      const decision = decideAward({
        offering,
        facts,
        authorisations: await this.authorisationsFor(offering, authorisations),
        minimumMark: achievement.minimumMark,
      });
      if (decision.kind === 'hold')
        holds.push(awardHold(offering, pair.learnerId, decision.reason, new Date()));
      if (decision.kind === 'award') granted.push({ ...pair, offering, achievement, award: decision });
    }
    if (holds.length > 0) await this.issuing.insertHolds(holds);
    await this.awards.issueAll(granted);
  }

  private async contextOf(offeringId: string): Promise<AwardContext | null> {
    const offering = await this.offerings.get(offeringId, () => this.progress.offering(offeringId));
    if (!offering) return null;
    const { courseId } = offering;
    const achievement = await this.courseAchievements.get(courseId, () =>
      this.achievements.latestForCourse(courseId),
    );
    if (!achievement || !(await this.issuers.isIssuer(offering.awardingBodyId))) return null;
    return { offering, achievement };
  }

  /** A partner's authorisations for the offering's course, read once per batch; none needed for the body itself. */
  private authorisationsFor(
    offering: OfferingFact,
    read: Map<string, Promise<AuthorisationFact[]>>,
  ): Promise<AuthorisationFact[]> {
    const { deliveringOrganisationId: partnerId, courseId } = offering;
    if (partnerId === offering.awardingBodyId) return Promise.resolve([]);
    const key = `${partnerId}:${courseId}`;
    if (!read.has(key)) read.set(key, this.progress.authorisationsOf(partnerId, courseId));
    return read.get(key)!;
  }
}
