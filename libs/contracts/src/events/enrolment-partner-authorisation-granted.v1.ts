import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, date, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * An awarding body authorised a partner to deliver one of its courses from a date, optionally until a date.
 *
 * - Producer: enrolment. Consumers: credentials (a credential needs an authorised partner on the completion date).
 * - Key: `authorisationId`.
 */
export const authorisationGrantedV1 = defineEvent({
  topic: TOPICS.enrolmentAuthorisationGranted,
  keyField: 'authorisationId',
  description: 'A partner was authorised by an awarding body to deliver a course.',
  schema: z.object({
    authorisationId: id,
    awardingBodyId: id,
    partnerId: id,
    courseId: id,
    courseCode: z.string().min(1),
    validFrom: date,
    validUntil: date.optional(),
    grantedBy: actor,
    grantedAt: timestamp,
  }),
});

export type AuthorisationGrantedV1 = z.output<typeof authorisationGrantedV1.schema>;
