import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, credits, id, level, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * An awarding body published a course: what is learned, at what level, for how many credits.
 *
 * - Producer: enrolment. Consumers: assessment (schemes), credentials (achievements), recognition.
 * - Key: `courseId`.
 */
export const coursePublishedV1 = defineEvent({
  topic: TOPICS.enrolmentCoursePublished,
  keyField: 'courseId',
  description: 'A course was published by its awarding body.',
  schema: z.object({
    courseId: id,
    awardingBodyId: id,
    code: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    learningOutcomes: z.array(z.string().min(1)).min(1),
    format: z.enum(['workshop', 'short-course', 'hack-day', 'online']),
    notionalHours: z.number().positive(),
    credits,
    level,
    publishedBy: actor,
    publishedAt: timestamp,
  }),
});

export type CoursePublishedV1 = z.output<typeof coursePublishedV1.schema>;
