import { enrolmentCompletedV1, enrolmentCreatedV1, waitlistPromotedV1 } from '@lib/contracts';
import { type OutboxFields, outboxEvent, withOutbox } from '@lib/messaging';
import { EVENT_SOURCE } from '../common/event-source';
import type { Learner } from '../learners/learner.schema';
import type { Offering } from '../offerings/offering.schema';
import type { Enrolment, EnrolmentCompletion } from './enrolment.schema';

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

/** The completion record of an enrolment with its event in the outbox: the same for one call and for a CSV row. */
export function completionRecord(
  enrolment: Enrolment,
  offering: Offering,
  attendance: EnrolmentCompletion['attendance'],
  recordedBy: string,
  completedAt: Date,
): EnrolmentCompletion & OutboxFields {
  const event = outboxEvent(enrolmentCompletedV1, {
    ...enrolmentScope(enrolment, offering),
    attendance,
    recordedBy,
    completedAt: completedAt.toISOString(),
  });
  return {
    _id: enrolment._id,
    offeringId: enrolment.offeringId,
    attendance,
    recordedBy,
    completedAt,
    ...withOutbox(EVENT_SOURCE, event),
  };
}
