import type { ViewFits } from '@lib/platform';
import { date, id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { AuthorisationView } from './authorisations.service';

/** `AuthorisationView` as the API documents it. */
export const authorisationView = z.object({
  id,
  awardingBodyId: id,
  partnerId: id,
  partnerName: z.string().describe("the partner organisation's registered name"),
  courseId: id,
  validFrom: date,
  validUntil: date.optional(),
  grantedAt: timestamp,
  withdrawal: z.object({ effectiveFrom: date, reason: z.string(), withdrawnAt: timestamp }).optional(),
  activeToday: z.boolean(),
});

// What the service returns fits what the document says (checked by the compiler).
export type AuthorisationViewFits = ViewFits<AuthorisationView, typeof authorisationView>;
