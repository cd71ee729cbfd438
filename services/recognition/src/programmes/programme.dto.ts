import { level, plainLine } from '@lib/contracts';
import { z } from 'zod';

const criterion = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('achievement'), achievementId: z.url().max(500) }),
  z.strictObject({
    kind: z.literal('properties'),
    minimumLevel: level.optional(),
    minimumCredits: z.number().positive().max(180).optional(),
    fieldOfStudy: plainLine(200).optional(),
    outcomes: z.array(plainLine(500)).max(50).optional(),
  }),
]);

export const recognitionRule = z.strictObject({
  combination: z.enum(['any', 'all', 'stacked']),
  criteria: z.array(criterion).min(1).max(20),
});

export const moduleBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/, 'capitals, digits and hyphens, 2 to 20'),
  title: plainLine(200),
  credits: z.number().int().positive().max(180),
  level,
  learningOutcomes: z.array(plainLine(500)).max(50).default([]),
  core: z.boolean().default(false),
  eligible: z
    .boolean()
    .default(true)
    .describe('false for modules recognition cannot replace, e.g. the dissertation'),
  rule: recognitionRule.optional(),
});
export type ModuleBody = z.output<typeof moduleBody>;

export const programmeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/, 'capitals, digits and hyphens, 2 to 20'),
  title: plainLine(200),
  credits: z.number().int().positive().max(540),
  level,
  policy: z
    .strictObject({
      maxRecognitionCredits: z
        .number()
        .int()
        .min(0)
        .max(540)
        .optional()
        .describe('default: a third of the credits'),
      recencyYears: z.number().int().min(1).max(50).default(5),
      acceptExternal: z.boolean().default(true),
    })
    .default({ recencyYears: 5, acceptExternal: true }),
  modules: z.array(moduleBody).max(60).default([]),
});
export type ProgrammeBody = z.output<typeof programmeBody>;

export const ruleBody = z.strictObject({ rule: recognitionRule });
