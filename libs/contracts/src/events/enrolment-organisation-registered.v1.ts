import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * An organisation was registered: an awarding body (the university) or a partner that delivers its courses.
 *
 * - Producer: enrolment. Consumers: credentials (issuer profiles, partner names), recognition.
 * - Key: `organisationId`.
 */
export const organisationRegisteredV1 = defineEvent({
  topic: TOPICS.enrolmentOrganisationRegistered,
  keyField: 'organisationId',
  description: 'An awarding body or partner organisation was registered.',
  schema: z.object({
    organisationId: id,
    kind: z.enum(['awarding-body', 'partner']),
    name: z.string().min(1),
    url: z.url().optional(),
    email: z.email().optional(),
    ukprn: z
      .string()
      .regex(/^1\d{7}$/)
      .optional(),
    registeredBy: actor,
    registeredAt: timestamp,
  }),
});

export type OrganisationRegisteredV1 = z.output<typeof organisationRegisteredV1.schema>;
