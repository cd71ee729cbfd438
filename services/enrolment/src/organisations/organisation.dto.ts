import { plainLine } from '@lib/contracts';
import { z } from 'zod';

export const registerOrganisationBody = z.strictObject({
  kind: z.enum(['awarding-body', 'partner']),
  name: plainLine(200),
  url: z.url().optional(),
  email: z.email().optional(),
  ukprn: z
    .string()
    .regex(/^1\d{7}$/, 'a UKPRN is 8 digits starting with 1')
    .optional(),
});

export type RegisterOrganisationBody = z.output<typeof registerOrganisationBody>;
