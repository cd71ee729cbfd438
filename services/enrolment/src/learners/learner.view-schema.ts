import type { ViewFits } from '@lib/platform';
import { id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { LearnerView } from './learners.service';

/** `LearnerView` as the API documents it. */
export const learnerView = z.object({
  id,
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  externalIds: z.array(z.object({ scheme: z.string(), value: z.string() })),
  registeredAt: timestamp,
});

/** What registering a learner answers: their id, and whether this call recorded them. */
export const registeredLearnerView = z.object({ learnerId: id, created: z.boolean() });

// What the service returns fits what the document says (checked by the compiler).
export type LearnerViewFits = ViewFits<LearnerView, typeof learnerView>;
