import { plainLine } from '@lib/contracts';
import { z } from 'zod';

const mark = z.number().min(0).max(100);

export const createSchemeBody = z
  .strictObject({
    courseId: z.uuid(),
    components: z
      .array(
        z.strictObject({
          name: plainLine(100),
          weight: z.number().positive().max(100),
          passMark: mark,
        }),
      )
      .min(1)
      .max(20),
    overallPassMark: mark,
    gradeBands: z
      .array(z.strictObject({ grade: plainLine(50), minMark: mark }))
      .max(10)
      .default([]),
    maxAttempts: z.int().min(1).max(10),
  })
  .superRefine((body, context) => {
    const total = body.components.reduce((sum, component) => sum + component.weight, 0);
    if (Math.abs(total - 100) > 1e-9) {
      context.addIssue({
        code: 'custom',
        path: ['components'],
        message: `weights must add up to 100, not ${total}`,
      });
    }
    const names = body.components.map((component) => component.name.toLowerCase());
    if (new Set(names).size !== names.length) {
      context.addIssue({ code: 'custom', path: ['components'], message: 'component names must differ' });
    }
    body.gradeBands.forEach((band, index) => {
      if (band.minMark < body.overallPassMark) {
        context.addIssue({
          code: 'custom',
          path: ['gradeBands', index, 'minMark'],
          message: 'a grade band starts at or above the pass mark',
        });
      }
    });
  });

export type CreateSchemeBody = z.output<typeof createSchemeBody>;
