import { credentialId, plainText } from '@lib/contracts';
import { paginationQuery } from '@lib/persistence';
import { z } from 'zod';
import { CLAIM_STATES } from './claim-state';

const MAX_CHOSEN_CREDENTIALS = 50;

export const openClaimBody = z.strictObject({
  programmeId: z.uuid(),
  learnerId: z.uuid().optional().describe('a registrar opens a claim for a learner; a learner, for themself'),
  credentialIds: z
    .array(credentialId)
    .max(MAX_CHOSEN_CREDENTIALS)
    .optional()
    .describe(
      'your credentials from this hub to put in the claim (learner only); a claim always sees those the programme’s awarding body issued',
    ),
  externalCredentials: z.array(z.string().trim().min(1).max(70_000)).max(50).default([]),
});
export type OpenClaimBody = z.output<typeof openClaimBody>;

export const externalCredentialBody = z.strictObject({
  credential: z.string().trim().min(1).max(70_000).describe('the compact VC-JWT from another issuer'),
});

export const chosenCredentialBody = z.strictObject({
  credentialId: credentialId.describe('one of your credentials from this hub, e.g. urn:uuid:...'),
});

export const decisionBody = z.strictObject({
  moduleCode: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'is not a module code'),
  decision: z.enum(['approve', 'reject']),
  reason: plainText(2000),
});
export type DecisionBody = z.output<typeof decisionBody>;

/** The exam board's list: each item's proposal is worked out when listed, so pages are kept small. */
export const claimsQuery = paginationQuery.extend({
  state: z
    .enum(CLAIM_STATES)
    .default('awaiting-decision')
    .describe('awaiting-decision: some module undecided'),
  programmeId: z.uuid().optional().describe('only the claims in this programme'),
  pageSize: z.coerce.number().int().min(1).max(50).default(20).describe('items a page, at most 50'),
});
export type ClaimsQuery = z.output<typeof claimsQuery>;
