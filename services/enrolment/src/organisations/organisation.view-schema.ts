import type { ViewFits } from '@lib/platform';
import { id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { OrganisationView } from './organisations.service';

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

// What the service returns fits what the document says (checked by the compiler).
export type OrganisationViewFits = ViewFits<OrganisationView, typeof organisationView>;
