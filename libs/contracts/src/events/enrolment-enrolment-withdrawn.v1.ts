import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, enrolmentScope, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * A learner left an offering, from a seat or from the waitlist; a freed seat goes to the waitlist's first.
 *
 * - Producer: enrolment. Consumers: assessment, credentials.
 * - Key: `learnerId`.
 */
export const enrolmentWithdrawnV1 = defineEvent({
  topic: TOPICS.enrolmentEnrolmentWithdrawn,
  keyField: 'learnerId',
  description: 'An enrolment was withdrawn.',
  schema: z.object({
    ...enrolmentScope,
    previousStatus: z.enum(['enrolled', 'waitlisted']),
    reason: z.string().optional(),
    withdrawnBy: actor,
    withdrawnAt: timestamp,
  }),
});

export type EnrolmentWithdrawnV1 = z.output<typeof enrolmentWithdrawnV1.schema>;
