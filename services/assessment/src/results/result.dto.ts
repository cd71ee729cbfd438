import { plainText } from '@lib/contracts';
import { z } from 'zod';

const marks = z
  .record(
    z.string().min(1).max(100),
    z.number().min(0, 'a mark is at least 0').max(100, 'a mark is at most 100'),
  )
  .refine((value) => Object.keys(value).length > 0, 'give at least one component mark');

export const recordMarksBody = z.strictObject({ learnerId: z.uuid(), marks });
export const amendBody = z.strictObject({ marks, reason: plainText(1000) });

export type RecordMarksBody = z.output<typeof recordMarksBody>;
export type AmendBody = z.output<typeof amendBody>;
