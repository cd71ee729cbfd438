import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * The organiser recorded whether an enrolled learner completed the offering.
 *
 * - Producer: enrolment. Consumers: credentials (award rule), assessment.
 * - Key: `learnerId`.
 */
export const enrolmentCompletedV1 = defineEvent({
  topic: TOPICS.enrolmentEnrolmentCompleted,
  keyField: 'learnerId',
  description: 'Completion of an enrolment was recorded: attended or did not attend.',
  schema: z.object({
    enrolmentId: id,
    learnerId: id,
    offeringId: id,
    courseId: id,
    deliveringOrganisationId: id,
    awardingBodyId: id,
    attendance: z.enum(['attended', 'did-not-attend']),
    recordedBy: actor,
    completedAt: timestamp,
  }),
});

export type EnrolmentCompletedV1 = z.output<typeof enrolmentCompletedV1.schema>;
