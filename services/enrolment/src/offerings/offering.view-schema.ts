import type { ViewFits } from '@lib/platform';
import { date, id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { OfferingView } from './offerings.service';

/** `OfferingView` as the API documents it. */
export const offeringView = z.object({
  id,
  courseId: id,
  awardingBodyId: id,
  deliveringOrganisationId: id,
  startDate: date,
  endDate: date,
  mode: z.enum(['in-person', 'online', 'blended']),
  location: z.string().optional(),
  capacity: z.int().min(0),
  courseCode: z.string(),
  courseTitle: z.string(),
  enrolmentOpensAt: timestamp,
  enrolmentClosesAt: timestamp,
  status: z.enum(['draft', 'open', 'closed', 'completed']),
});

// What the service returns fits what the document says (checked by the compiler).
export type OfferingViewFits = ViewFits<OfferingView, typeof offeringView>;
