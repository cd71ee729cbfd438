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
