import {
  type CoursePublishedV1,
  type EnrolmentCompletedV1,
  type EnrolmentCreatedV1,
  type EnrolmentWithdrawnV1,
  type OfferingPublishedV1,
  TOPICS,
  type WaitlistPromotedV1,
} from '@lib/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ResultsService } from '../results/results.service';
import { CatalogueRepository } from './catalogue.repository';
import type { EnrolmentFact } from './catalogue.schema';

/** Learns courses, offerings and enrolments from the enrolment service; every write is an idempotent insert. */
@Controller()
export class CatalogueConsumer {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly results: ResultsService,
  ) {}

  @EventPattern(TOPICS.enrolmentCoursePublished)
  async coursePublished(@Payload() course: CoursePublishedV1): Promise<void> {
    await this.catalogue.addCourse({
      _id: course.courseId,
      awardingBodyId: course.awardingBodyId,
      code: course.code,
      title: course.title,
    });
  }

  @EventPattern(TOPICS.enrolmentOfferingPublished)
  async offeringPublished(@Payload() offering: OfferingPublishedV1): Promise<void> {
    await this.catalogue.addOffering({
      _id: offering.offeringId,
      courseId: offering.courseId,
      awardingBodyId: offering.awardingBodyId,
      deliveringOrganisationId: offering.deliveringOrganisationId,
    });
  }

  @EventPattern(TOPICS.enrolmentEnrolmentCreated)
  enrolmentCreated(@Payload() event: EnrolmentCreatedV1): Promise<void> {
    return this.addFact(event, event.status, event.enrolledAt);
  }

  @EventPattern(TOPICS.enrolmentWaitlistPromoted)
  waitlistPromoted(@Payload() event: WaitlistPromotedV1): Promise<void> {
    return this.addFact(event, 'promoted', event.promotedAt);
  }

  @EventPattern(TOPICS.enrolmentEnrolmentWithdrawn)
  enrolmentWithdrawn(@Payload() event: EnrolmentWithdrawnV1): Promise<void> {
    return this.addFact(event, 'withdrawn', event.withdrawnAt);
  }

  @EventPattern(TOPICS.enrolmentEnrolmentCompleted)
  enrolmentCompleted(@Payload() event: EnrolmentCompletedV1): Promise<void> {
    return this.addFact(event, event.attendance, event.completedAt);
  }

  /** Records the fact, then announces marks that were waiting for this learner's enrolment. */
  private async addFact(
    event: { enrolmentId: string; offeringId: string; learnerId: string },
    fact: EnrolmentFact['fact'],
    at: string,
  ): Promise<void> {
    await this.catalogue.addFact({
      _id: `${event.enrolmentId}:${fact}`,
      enrolmentId: event.enrolmentId,
      offeringId: event.offeringId,
      learnerId: event.learnerId,
      fact,
      at: new Date(at),
    });
    await this.results.releaseWaiting(event.offeringId, event.learnerId);
  }
}
