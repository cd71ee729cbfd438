import type { ViewFits } from '@lib/platform';
import { id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { SchemeView } from './schemes.service';

/** `SchemeView` as the API documents it. */
export const schemeView = z.object({
  courseId: id,
  awardingBodyId: id,
  components: z.array(z.object({ name: z.string(), weight: z.number(), passMark: z.number() })),
  overallPassMark: z.number(),
  gradeBands: z.array(z.object({ grade: z.string(), minMark: z.number() })),
  maxAttempts: z.int().min(1),
  createdAt: timestamp,
});

// What the service returns fits what the document says (checked by the compiler).
export type SchemeViewFits = ViewFits<SchemeView, typeof schemeView>;
