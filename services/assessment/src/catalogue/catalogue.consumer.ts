import {
  type CoursePublishedV1,
  type EnrolmentCompletedV1,
  type EnrolmentCreatedV1,
  type EnrolmentWithdrawnV1,
  type OfferingPublishedV1,
  TOPICS,
  type WaitlistPromotedV1,
} from '@lib/contracts';
import { EventBatchPattern } from '@lib/platform';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CatalogueService } from './catalogue.service';

/**
 * Kafka handlers for the enrolment events assessment learns from: each hands its event to the catalogue. Enrolment
 * events come as whole batches (the facts are keyed and a standing ignores their order), so a batch costs a few
 * round trips; courses and offerings, rare, come one at a time.
 */
@Controller()
export class CatalogueConsumer {
  constructor(private readonly catalogue: CatalogueService) {}

  @EventPattern(TOPICS.enrolmentCoursePublished)
  coursePublished(@Payload() course: CoursePublishedV1): Promise<void> {
    return this.catalogue.learnCourse(course);
  }

  @EventPattern(TOPICS.enrolmentOfferingPublished)
  offeringPublished(@Payload() offering: OfferingPublishedV1): Promise<void> {
    return this.catalogue.learnOffering(offering);
  }

  @EventBatchPattern(TOPICS.enrolmentEnrolmentCreated)
  enrolmentCreated(@Payload() events: EnrolmentCreatedV1[]): Promise<void> {
    return this.catalogue.learnEnrolmentFacts(
      events.map((event) => ({ event, fact: event.status, at: event.enrolledAt })),
    );
  }

  @EventBatchPattern(TOPICS.enrolmentWaitlistPromoted)
  waitlistPromoted(@Payload() events: WaitlistPromotedV1[]): Promise<void> {
    return this.catalogue.learnEnrolmentFacts(
      events.map((event) => ({ event, fact: 'promoted', at: event.promotedAt })),
    );
  }

  @EventBatchPattern(TOPICS.enrolmentEnrolmentWithdrawn)
  enrolmentWithdrawn(@Payload() events: EnrolmentWithdrawnV1[]): Promise<void> {
    return this.catalogue.learnEnrolmentFacts(
      events.map((event) => ({ event, fact: 'withdrawn', at: event.withdrawnAt })),
    );
  }

  @EventBatchPattern(TOPICS.enrolmentEnrolmentCompleted)
  enrolmentCompleted(@Payload() events: EnrolmentCompletedV1[]): Promise<void> {
    return this.catalogue.learnEnrolmentFacts(
      events.map((event) => ({ event, fact: event.attendance, at: event.completedAt })),
    );
  }
}
