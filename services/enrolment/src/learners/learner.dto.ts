import { plainLine } from '@lib/contracts';
import { z } from 'zod';

export const learnerDetails = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  givenName: plainLine(100),
  familyName: plainLine(100),
  externalIds: z
    .array(z.strictObject({ scheme: plainLine(50), value: plainLine(100) }))
    .max(10)
    .optional()
    .describe('e.g. { "scheme": "nhs-staff-number", "value": "123456" }'),
});

export type LearnerDetails = z.output<typeof learnerDetails>;

/** `?id=a,b,c`: the learners a staff page names at once (e.g. a page of an offering's results), at most 200. */
export const learnersQuery = z.strictObject({
  id: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(z.uuid()).min(1).max(200, 'at most 200 learners at once'))
    .describe("learners' ids separated by commas, at most 200"),
});

export type LearnersQuery = z.output<typeof learnersQuery>;
