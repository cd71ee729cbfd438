import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * A learner enrolled on an offering, with a seat or on the waitlist.
 *
 * - Producer: enrolment. Consumers: assessment, credentials, recognition.
 * - Key: `learnerId`, so one learner's enrolment events stay in order.
 * - Carries the learner's name and email because credentials needs them for the credential
 *   (the email only ever leaves credentials hashed).
 */
export const enrolmentCreatedV1 = defineEvent({
  topic: TOPICS.enrolmentEnrolmentCreated,
  keyField: 'learnerId',
  description:
    'A learner enrolled on an offering (status enrolled) or joined its waitlist (status waitlisted).',
  schema: z.object({
    enrolmentId: id,
    learnerId: id,
    offeringId: id,
    courseId: id,
    deliveringOrganisationId: id,
    awardingBodyId: id,
    status: z.enum(['enrolled', 'waitlisted']),
    learner: z.object({
      givenName: z.string().min(1),
      familyName: z.string().min(1),
      email: z.email(),
    }),
    enrolledBy: actor,
    enrolledAt: timestamp,
  }),
});

export type EnrolmentCreatedV1 = z.output<typeof enrolmentCreatedV1.schema>;
