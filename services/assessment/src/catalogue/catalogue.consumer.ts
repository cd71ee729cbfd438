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
import { CatalogueService } from './catalogue.service';

/** Kafka handlers for the enrolment events assessment learns from: each hands its event to the catalogue. */
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

  @EventPattern(TOPICS.enrolmentEnrolmentCreated)
  enrolmentCreated(@Payload() event: EnrolmentCreatedV1): Promise<void> {
    return this.catalogue.learnEnrolmentFact(event, event.status, event.enrolledAt);
  }

  @EventPattern(TOPICS.enrolmentWaitlistPromoted)
  waitlistPromoted(@Payload() event: WaitlistPromotedV1): Promise<void> {
    return this.catalogue.learnEnrolmentFact(event, 'promoted', event.promotedAt);
  }

  @EventPattern(TOPICS.enrolmentEnrolmentWithdrawn)
  enrolmentWithdrawn(@Payload() event: EnrolmentWithdrawnV1): Promise<void> {
    return this.catalogue.learnEnrolmentFact(event, 'withdrawn', event.withdrawnAt);
  }

  @EventPattern(TOPICS.enrolmentEnrolmentCompleted)
  enrolmentCompleted(@Payload() event: EnrolmentCompletedV1): Promise<void> {
    return this.catalogue.learnEnrolmentFact(event, event.attendance, event.completedAt);
  }
}
