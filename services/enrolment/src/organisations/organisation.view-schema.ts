import { id, timestamp } from '@lib/contracts';
import { z } from 'zod';

/** `OrganisationView` as the API documents it. */
export const organisationView = z.object({
  id,
  kind: z.enum(['awarding-body', 'partner']),
  name: z.string(),
  url: z.string().optional(),
  email: z.string().optional(),
  ukprn: z.string().optional(),
  registeredAt: timestamp,
});
