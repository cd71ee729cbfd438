import { z } from 'zod';

export const learnerDetails = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  externalIds: z
    .array(
      z.strictObject({ scheme: z.string().trim().min(1).max(50), value: z.string().trim().min(1).max(100) }),
    )
    .max(10)
    .optional()
    .describe('e.g. { "scheme": "nhs-staff-number", "value": "123456" }'),
});

export type LearnerDetails = z.output<typeof learnerDetails>;
