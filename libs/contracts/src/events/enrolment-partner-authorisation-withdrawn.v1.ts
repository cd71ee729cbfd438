import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, date, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * An awarding body withdrew a partner's authorisation; it no longer holds from `effectiveFrom` on.
 *
 * - Producer: enrolment. Consumers: credentials.
 * - Key: `authorisationId`.
 */
export const authorisationWithdrawnV1 = defineEvent({
  topic: TOPICS.enrolmentAuthorisationWithdrawn,
  keyField: 'authorisationId',
  description: 'A partner authorisation was withdrawn from a date, with the reason.',
  schema: z.object({
    authorisationId: id,
    awardingBodyId: id,
    partnerId: id,
    courseId: id,
    effectiveFrom: date,
    reason: z.string().min(1),
    withdrawnBy: actor,
    withdrawnAt: timestamp,
  }),
});

export type AuthorisationWithdrawnV1 = z.output<typeof authorisationWithdrawnV1.schema>;
