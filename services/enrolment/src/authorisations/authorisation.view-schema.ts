import { date, id, timestamp } from '@lib/contracts';
import { z } from 'zod';

/** `AuthorisationView` as the API documents it. */
export const authorisationView = z.object({
  id,
  awardingBodyId: id,
  partnerId: id,
  courseId: id,
  validFrom: date,
  validUntil: date.optional(),
  grantedAt: timestamp,
  withdrawal: z.object({ effectiveFrom: date, reason: z.string(), withdrawnAt: timestamp }).optional(),
  activeToday: z.boolean(),
});
