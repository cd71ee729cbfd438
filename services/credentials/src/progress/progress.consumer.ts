import {
  type AuthorisationGrantedV1,
  type AuthorisationWithdrawnV1,
  type EnrolmentCompletedV1,
  type EnrolmentCreatedV1,
  type EnrolmentWithdrawnV1,
  type OfferingPublishedV1,
  type ResultAmendedV1,
  type ResultRatifiedV1,
  TOPICS,
  type WaitlistPromotedV1,
} from '@lib/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IssuingService } from '../issuing/issuing.service';
import { ProgressRepository } from './progress.repository';
import type { ProgressFact } from './progress.schema';

/** Keeps credentials' progress record per (learner, offering) from enrolment and assessment events, then applies the award rule. */
@Controller()
export class ProgressConsumer {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly awards: IssuingService,
  ) {}

  @EventPattern(TOPICS.enrolmentOfferingPublished)
  async offeringPublished(@Payload() offering: OfferingPublishedV1): Promise<void> {
    await this.progress.addOffering({
      _id: offering.offeringId,
      courseId: offering.courseId,
      courseCode: offering.courseCode,
      courseTitle: offering.courseTitle,
      awardingBodyId: offering.awardingBodyId,
      deliveringOrganisationId: offering.deliveringOrganisationId,
      startDate: offering.startDate,
      endDate: offering.endDate,
      ...(offering.location ? { location: offering.location } : {}),
    });
    await this.awards.evaluateCourse(offering.courseId);
  }

  @EventPattern(TOPICS.enrolmentAuthorisationGranted)
  async authorisationGranted(@Payload() grant: AuthorisationGrantedV1): Promise<void> {
    await this.progress.addAuthorisation({
      _id: grant.authorisationId,
      authorisationId: grant.authorisationId,
      partnerId: grant.partnerId,
      courseId: grant.courseId,
      validFrom: grant.validFrom,
      ...(grant.validUntil ? { validUntil: grant.validUntil } : {}),
    });
    await this.awards.evaluateCourse(grant.courseId);
  }

  @EventPattern(TOPICS.enrolmentAuthorisationWithdrawn)
  async authorisationWithdrawn(@Payload() withdrawal: AuthorisationWithdrawnV1): Promise<void> {
    await this.progress.addAuthorisation({
      _id: `${withdrawal.authorisationId}:withdrawn`,
      authorisationId: withdrawal.authorisationId,
      partnerId: withdrawal.partnerId,
      courseId: withdrawal.courseId,
      withdrawnFrom: withdrawal.effectiveFrom,
    });
  }

  @EventPattern(TOPICS.enrolmentEnrolmentCreated)
  enrolmentCreated(@Payload() event: EnrolmentCreatedV1): Promise<void> {
    return this.record(event, `${event.enrolmentId}:${event.status}`, event.status, event.enrolledAt, {
      learner: event.learner,
    });
  }

  @EventPattern(TOPICS.enrolmentWaitlistPromoted)
  waitlistPromoted(@Payload() event: WaitlistPromotedV1): Promise<void> {
    return this.record(event, `${event.enrolmentId}:promoted`, 'promoted', event.promotedAt);
  }

  @EventPattern(TOPICS.enrolmentEnrolmentWithdrawn)
  enrolmentWithdrawn(@Payload() event: EnrolmentWithdrawnV1): Promise<void> {
    return this.record(event, `${event.enrolmentId}:withdrawn`, 'withdrawn', event.withdrawnAt);
  }

  @EventPattern(TOPICS.enrolmentEnrolmentCompleted)
  enrolmentCompleted(@Payload() event: EnrolmentCompletedV1): Promise<void> {
    return this.record(event, `${event.enrolmentId}:completion`, event.attendance, event.completedAt);
  }

  @EventPattern(TOPICS.assessmentResultRatified)
  resultRatified(@Payload() event: ResultRatifiedV1): Promise<void> {
    return this.recordResult(event, event.ratifiedAt);
  }

  @EventPattern(TOPICS.assessmentResultAmended)
  resultAmended(@Payload() event: ResultAmendedV1): Promise<void> {
    return this.recordResult(event, event.amendedAt);
  }

  private recordResult(event: ResultRatifiedV1 | ResultAmendedV1, at: string): Promise<void> {
    const { resultId, attempt, version, overallMark, grade, passed } = event;
    return this.record(event, `${resultId}:${version}`, 'result', at, {
      result: { resultId, attempt, version, overallMark, grade, passed },
    });
  }

  private async record(
    event: { offeringId: string; learnerId: string },
    id: string,
    kind: ProgressFact['kind'],
    at: string,
    extra: Pick<ProgressFact, 'learner' | 'result'> = {},
  ): Promise<void> {
    await this.progress.addProgress({
      _id: id,
      offeringId: event.offeringId,
      learnerId: event.learnerId,
      kind,
      at: new Date(at),
      ...extra,
    });
    await this.awards.evaluate(event.offeringId, event.learnerId);
  }
}
