import { z } from 'zod';
import { actor, id, timestamp } from './fields';

/** The facts every result event carries, so a consumer never asks assessment for them. */
export const resultFields = {
  resultId: id,
  version: z.int().positive(),
  learnerId: id,
  offeringId: id,
  courseId: id,
  attempt: z.int().positive(),
  components: z.array(
    z.object({
      name: z.string().min(1),
      weight: z.number().min(0).max(100),
      mark: z.number().min(0).max(100),
    }),
  ),
  overallMark: z.number().min(0).max(100),
  grade: z.string().min(1),
  passed: z.boolean(),
  recordedBy: actor,
  recordedAt: timestamp,
};
