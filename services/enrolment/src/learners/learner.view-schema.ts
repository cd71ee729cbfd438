import { id, timestamp } from '@lib/contracts';
import { z } from 'zod';

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
