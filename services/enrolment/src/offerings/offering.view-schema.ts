import { date, id, timestamp } from '@lib/contracts';
import { z } from 'zod';

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
