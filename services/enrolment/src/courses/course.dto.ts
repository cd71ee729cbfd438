import { plainLine, plainText } from '@lib/contracts';
import { z } from 'zod';

/** The level ranges of each framework: FHEQ 4 to 8, RQF 1 to 8, SCQF 1 to 12; EQF 1 to 8. */
const LEVEL_RANGES = { FHEQ: [4, 8], RQF: [1, 8], SCQF: [1, 12] } as const;

export const levelBody = z
  .strictObject({
    framework: z.enum(['FHEQ', 'RQF', 'SCQF']),
    level: z.int(),
    eqfLevel: z.int().min(1).max(8),
  })
  .superRefine((value, context) => {
    const [min, max] = LEVEL_RANGES[value.framework];
    if (value.level < min || value.level > max) {
      context.addIssue({
        code: 'custom',
        path: ['level'],
        message: `${value.framework} levels run from ${min} to ${max}`,
      });
    }
  });

export const publishCourseBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'a course code is 2 to 32 capital letters, digits and hyphens'),
  title: plainLine(200),
  description: plainText(5000),
  learningOutcomes: z.array(plainLine(500)).min(1).max(30),
  format: z.enum(['workshop', 'short-course', 'hack-day', 'online']),
  notionalHours: z.number().positive().max(2000),
  credits: z
    .number()
    .positive()
    .max(180)
    .multipleOf(0.5)
    .describe('UK credits (1 UK credit = 10 notional hours)'),
  level: levelBody,
});

export type PublishCourseBody = z.output<typeof publishCourseBody>;
