import type { ViewFits } from '@lib/platform';
import { id, level, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { CourseView } from './courses.service';

/** `CourseView` as the API documents it. */
export const courseView = z.object({
  id,
  awardingBodyId: id,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  learningOutcomes: z.array(z.string()),
  format: z.enum(['workshop', 'short-course', 'hack-day', 'online']),
  notionalHours: z.number(),
  credits: z.object({ value: z.number(), scheme: z.literal('UK') }),
  level,
  publishedBy: z.string(),
  publishedAt: timestamp,
});

// What the service returns fits what the document says (checked by the compiler).
export type CourseViewFits = ViewFits<CourseView, typeof courseView>;
