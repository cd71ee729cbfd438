import { z } from 'zod';
import { defineEvent } from '../contract';
import { enrolmentScope, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * A waitlisted learner got a seat that was freed; from now on they are enrolled.
 *
 * - Producer: enrolment. Consumers: assessment, credentials.
 * - Key: `learnerId`.
 */
export const waitlistPromotedV1 = defineEvent({
  topic: TOPICS.enrolmentWaitlistPromoted,
  keyField: 'learnerId',
  description: 'A learner was promoted from the waitlist to a seat.',
  schema: z.object({ ...enrolmentScope, promotedAt: timestamp }),
});

export type WaitlistPromotedV1 = z.output<typeof waitlistPromotedV1.schema>;
