import type { ViewFits } from '@lib/platform';
import { credentialId, id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { credentialView, holdView } from './issued-credential-views';

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

// What the service returns fits what the document says (checked by the compiler).
export type IssuedCredentialViewFits = ViewFits<
  ReturnType<typeof credentialView>,
  typeof issuedCredentialView
>;
export type AwardHoldViewFits = ViewFits<ReturnType<typeof holdView>, typeof awardHoldView>;
