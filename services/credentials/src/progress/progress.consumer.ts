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
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventBatchContext, EventBatchPattern } from '@lib/platform';
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

  @EventBatchPattern(TOPICS.enrolmentEnrolmentCreated)
  enrolmentCreated(
    @Payload() events: EnrolmentCreatedV1[],
    @Ctx() context: EventBatchContext,
  ): Promise<void> {
    return this.record(context, events, (event) => ({
      _id: `${event.enrolmentId}:${event.status}`,
      kind: event.status,
      at: event.enrolledAt,
      learner: event.learner,
    }));
  }

  @EventBatchPattern(TOPICS.enrolmentWaitlistPromoted)
  waitlistPromoted(
    @Payload() events: WaitlistPromotedV1[],
    @Ctx() context: EventBatchContext,
  ): Promise<void> {
    return this.record(context, events, (event) => ({
      _id: `${event.enrolmentId}:promoted`,
      kind: 'promoted',
      at: event.promotedAt,
    }));
  }

  @EventBatchPattern(TOPICS.enrolmentEnrolmentWithdrawn)
  enrolmentWithdrawn(
    @Payload() events: EnrolmentWithdrawnV1[],
    @Ctx() context: EventBatchContext,
  ): Promise<void> {
    return this.record(context, events, (event) => ({
      _id: `${event.enrolmentId}:withdrawn`,
      kind: 'withdrawn',
      at: event.withdrawnAt,
    }));
  }

  @EventBatchPattern(TOPICS.enrolmentEnrolmentCompleted)
  enrolmentCompleted(
    @Payload() events: EnrolmentCompletedV1[],
    @Ctx() context: EventBatchContext,
  ): Promise<void> {
    return this.record(context, events, (event) => ({
      _id: `${event.enrolmentId}:completion`,
      kind: event.attendance,
      at: event.completedAt,
    }));
  }

  @EventBatchPattern(TOPICS.assessmentResultRatified)
  resultRatified(@Payload() events: ResultRatifiedV1[], @Ctx() context: EventBatchContext): Promise<void> {
    return this.record(context, events, (event) => resultFact(event, event.ratifiedAt));
  }

  @EventBatchPattern(TOPICS.assessmentResultAmended)
  resultAmended(@Payload() events: ResultAmendedV1[], @Ctx() context: EventBatchContext): Promise<void> {
    return this.record(context, events, (event) => resultFact(event, event.amendedAt));
  }

  /** Records a batch's facts in one bulk write, then applies the award rule to every learner they concern. */
  private async record<E extends { offeringId: string; learnerId: string }>(
    context: EventBatchContext,
    events: E[],
    factOf: (event: E) => FactFields,
  ): Promise<void> {
    await this.progress.addProgressMany(
      events.map((event) => {
        const { at, ...fact } = factOf(event);
        return { ...fact, offeringId: event.offeringId, learnerId: event.learnerId, at: new Date(at) };
      }),
    );
    await this.awards.evaluateMany(
      events.map(({ offeringId, learnerId }, n) => ({
        offeringId,
        learnerId,
        correlationId: context.envelopes[n]!.correlationId,
      })),
    );
  }
}

/** A fact as an event states it: its natural key, kind, time (ISO) and what it carries. */
type FactFields = Pick<ProgressFact, '_id' | 'kind' | 'learner' | 'result'> & { at: string };

function resultFact(event: ResultRatifiedV1 | ResultAmendedV1, at: string): FactFields {
  const { resultId, attempt, version, overallMark, grade, passed } = event;
  return {
    _id: `${resultId}:${version}`,
    kind: 'result',
    at,
    result: { resultId, attempt, version, overallMark, grade, passed },
  };
}
