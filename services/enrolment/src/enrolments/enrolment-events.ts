import { enrolmentCreatedV1, waitlistPromotedV1 } from '@lib/contracts';
import { outboxEvent } from '@lib/messaging';
import type { Learner } from '../learners/learner.schema';
import type { Offering } from '../offerings/offering.schema';
import type { Enrolment } from './enrolment.schema';

/** The facts every enrolment event repeats about its offering, so consumers need no lookup. */
export function enrolmentScope(enrolment: Enrolment, offering: Offering) {
  return {
    enrolmentId: enrolment._id,
    learnerId: enrolment.learnerId,
    offeringId: offering._id,
    courseId: offering.courseId,
    deliveringOrganisationId: offering.deliveringOrganisationId,
    awardingBodyId: offering.awardingBodyId,
  };
}

export function createdEvent(
  enrolment: Enrolment,
  offering: Offering,
  learner: Learner,
  status: 'enrolled' | 'waitlisted',
) {
  return outboxEvent(enrolmentCreatedV1, {
    ...enrolmentScope(enrolment, offering),
    status,
    learner: { givenName: learner.givenName, familyName: learner.familyName, email: learner.email },
    enrolledBy: enrolment.requestedBy,
    enrolledAt: enrolment.requestedAt.toISOString(),
  });
}

export function promotedEvent(enrolment: Enrolment, offering: Offering, at: Date) {
  return outboxEvent(waitlistPromotedV1, {
    ...enrolmentScope(enrolment, offering),
    promotedAt: at.toISOString(),
  });
}
