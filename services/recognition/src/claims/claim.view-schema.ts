import type { ViewFits } from '@lib/platform';
import { id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import { CLAIM_STATES } from './claim-state';
import type { ClaimsService } from './claims.service';
import type { ExamBoardClaim } from './exam-board-claims.service';

/** Credential ids here may be another issuer's, in any form. */
const credentialRef = z.string();

/** `Proposal` (rules/types.ts): what each module would get from the learner's credentials now. */
const proposalView = z.object({
  modules: z.array(
    z.object({
      moduleCode: z.string(),
      exempt: z.boolean(),
      credits: z.number(),
      explanation: z.string(),
      credentialIds: z.array(credentialRef),
      alreadyCredited: z.boolean().optional(),
      needs: z.string().optional(),
    }),
  ),
  unused: z.array(
    z.object({
      credentialId: credentialRef,
      reason: z.enum([
        'revoked',
        'suspended',
        'untrusted-issuer',
        'invalid',
        'external-not-accepted',
        'too-old',
        'already-used',
        'level-too-low',
        'not-enough-credits',
        'no-matching-rule',
        'cap-reached',
      ]),
      explanation: z.string(),
    }),
  ),
  creditsProposed: z.number(),
  creditsAlreadyCredited: z.number(),
  cap: z.number(),
  order: z.string(),
});

/** An exam board decision on one module of a claim. */
export const decisionView = z.object({
  claimId: id,
  moduleCode: z.string(),
  decision: z.enum(['approved', 'rejected']),
  reason: z.string(),
  creditId: id.optional(),
  decidedBy: z.string(),
  decidedAt: timestamp,
});

/** A claim with its proposal worked out now, the credentials uploaded to it and the decisions on it. */
export const claimView = z.object({
  id,
  programme: z.object({ id, code: z.string(), title: z.string() }),
  learnerId: id,
  openedBy: z.string(),
  openedAt: timestamp,
  chosenCredentialIds: z.array(credentialRef),
  proposal: proposalView,
  uploaded: z.array(
    z.object({
      credentialId: credentialRef,
      status: z.string(),
      headline: z.string(),
      course: z.string().optional(),
    }),
  ),
  decisions: z.array(decisionView),
});

/** `ClaimSummary`: a claim as the learner's list shows it. */
export const claimSummaryView = z.object({ id, programmeId: id, openedAt: timestamp });

/** `ExamBoardClaim`: a claim as the exam board's list shows it, with a summary of its proposal now. */
export const examBoardClaimView = z.object({
  id,
  state: z.enum(CLAIM_STATES),
  learner: z.object({ id, email: z.string().optional().describe('when the hub has recorded it') }),
  programme: z.object({ id, code: z.string(), title: z.string() }),
  openedAt: timestamp,
  proposal: z.object({
    modulesProposed: z.array(z.string()).describe('modules proposed for exemption, not credited yet'),
    creditsProposed: z.number(),
    modulesDecided: z.number(),
  }),
});

/** A learner's standing in a programme: credited modules, the cap, and what the rest need. */
export const standingView = z.object({
  programme: z.object({ id, code: z.string(), title: z.string(), credits: z.number() }),
  cap: z.number(),
  creditsCredited: z.number(),
  credited: z.array(
    z.object({
      moduleCode: z.string(),
      credits: z.number(),
      credentialIds: z.array(credentialRef),
      onHold: z.boolean(),
      decidedAt: timestamp,
    }),
  ),
  remaining: z.array(
    z.object({
      moduleCode: z.string(),
      title: z.string().optional(),
      credits: z.number().optional(),
      couldBeCreditedNow: z.boolean(),
      explanation: z.string().optional(),
      needs: z.string().optional(),
    }),
  ),
});

/** Credit withdrawn, or on hold, because a credential it rests on was revoked or suspended. */
export const reviewsView = z.object({
  withdrawn: z.array(
    z.object({
      creditId: id,
      programmeId: id,
      awardingBodyId: id,
      learnerId: id,
      moduleCode: z.string(),
      credentialId: credentialRef,
      reason: z.string(),
      withdrawnAt: timestamp,
    }),
  ),
  onHold: z.array(
    z.object({
      creditId: id,
      credentialId: credentialRef,
      awardingBodyId: id,
      action: z.literal('hold'),
      reason: z.string(),
      at: timestamp,
    }),
  ),
});

// What the service returns fits what the document says (checked by the compiler).
export type ClaimViewFits = ViewFits<Awaited<ReturnType<ClaimsService['view']>>, typeof claimView>;
export type DecisionViewFits = ViewFits<Awaited<ReturnType<ClaimsService['decide']>>, typeof decisionView>;
export type StandingViewFits = ViewFits<Awaited<ReturnType<ClaimsService['standing']>>, typeof standingView>;
export type ReviewsViewFits = ViewFits<Awaited<ReturnType<ClaimsService['reviews']>>, typeof reviewsView>;
export type ClaimSummaryViewFits = ViewFits<
  Awaited<ReturnType<ClaimsService['listOwn']>>['items'][number],
  typeof claimSummaryView
>;
export type ExamBoardClaimViewFits = ViewFits<ExamBoardClaim, typeof examBoardClaimView>;
