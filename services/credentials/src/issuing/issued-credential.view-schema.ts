import type { ViewFits } from '@lib/platform';
import { credentialId, id, level, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { bodyCredentialView, credentialView, holdView } from './issued-credential-views';

/** `credentialView`: a learner's credential, with its signed JWT. */
export const issuedCredentialView = z.object({
  credentialId,
  achievementName: z.string(),
  achievementVersion: z.int().min(1),
  awardingBodyId: id.describe(
    'the awarding body that issued it, e.g. to ask for your learner record from it',
  ),
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

/** `bodyCredentialView`: one of the awarding body's credentials, as its registrar sees it, with its status now. */
export const registrarCredentialView = z.object({
  credentialId,
  learner: z.object({
    id,
    name: z.string().optional().describe('as the signed credential records it'),
  }),
  course: z.object({ id: id.optional(), code: z.string().optional(), title: z.string().optional() }),
  achievementName: z.string(),
  achievementVersion: z.int().min(1),
  credits: z.number().min(0).optional(),
  level: level.optional(),
  offeringId: id,
  issuedAt: timestamp,
  status: z.object({
    state: z.enum(['active', 'revoked', 'suspended']),
    reason: z.string().optional().describe('why it was revoked or suspended, when a reason was given'),
    changedAt: timestamp.optional().describe('when it was revoked or suspended'),
  }),
});

// What the service returns fits what the document says (checked by the compiler).
export type IssuedCredentialViewFits = ViewFits<
  ReturnType<typeof credentialView>,
  typeof issuedCredentialView
>;
export type AwardHoldViewFits = ViewFits<ReturnType<typeof holdView>, typeof awardHoldView>;
export type RegistrarCredentialViewFits = ViewFits<
  ReturnType<typeof bodyCredentialView>,
  typeof registrarCredentialView
>;
