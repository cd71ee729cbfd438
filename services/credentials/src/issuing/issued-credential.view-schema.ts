import { credentialId, id, timestamp } from '@lib/contracts';
import { z } from 'zod';

/** `credentialView`: a learner's credential, with its signed JWT. */
export const issuedCredentialView = z.object({
  credentialId,
  achievementName: z.string(),
  achievementVersion: z.int().min(1),
  offeringId: id,
  issuedAt: timestamp,
  jwt: z.string(),
});

/** `holdView`: an award held, as the registrar sees it. */
export const awardHoldView = z.object({
  offeringId: id,
  learnerId: id,
  reason: z.string(),
  heldAt: timestamp,
});
