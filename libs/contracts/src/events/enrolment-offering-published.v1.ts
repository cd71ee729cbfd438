import { z } from 'zod';
import { defineEvent } from '../contract';
import { credits, date, id, level, timestamp, actor } from '../fields';
import { TOPICS } from '../topics';

/**
 * An offering of a course is open for enrolment.
 *
 * - Producer: enrolment. Consumers: assessment, credentials, recognition.
 * - Key: `offeringId`.
 * - Carries the course facts (code, title, credits, level, awarding body) so consumers need not ask for them.
 */
export const offeringPublishedV1 = defineEvent({
  topic: TOPICS.enrolmentOfferingPublished,
  keyField: 'offeringId',
  description:
    'An offering of a course was published by its awarding body, delivered by an authorised organisation.',
  schema: z.object({
    offeringId: id,
    courseId: id,
    courseCode: z.string().min(1),
    courseTitle: z.string().min(1),
    awardingBodyId: id,
    deliveringOrganisationId: id,
    startDate: date,
    endDate: date,
    mode: z.enum(['in-person', 'online', 'blended']),
    location: z.string().optional(),
    capacity: z.int().positive(),
    credits,
    level,
    publishedBy: actor,
    publishedAt: timestamp,
  }),
});

export type OfferingPublishedV1 = z.output<typeof offeringPublishedV1.schema>;
