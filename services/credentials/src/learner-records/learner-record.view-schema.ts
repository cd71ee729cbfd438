import type { ViewFits } from '@lib/platform';
import { credentialId, id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { learnerRecordView as recordView } from './learner-record-views';

/** `learnerRecordView`: a learner's Comprehensive Learner Record, with its signed JWT and status now. */
export const learnerRecordView = z.object({
  credentialId,
  awardingBodyId: id,
  issuedAt: timestamp,
  credentialIds: z.array(credentialId).describe('the credentials the record holds, as issued'),
  credits: z
    .array(
      z.object({
        creditId: id,
        programmeCode: z.string(),
        moduleCode: z.string(),
        credits: z.number().positive(),
        sourceCredentialIds: z.array(credentialId),
        decidedAt: timestamp,
      }),
    )
    .describe('the MSc credit recognition approved from them'),
  status: z.object({
    state: z.enum(['active', 'revoked', 'suspended']),
    reason: z.string().optional().describe('why it was revoked, e.g. "Superseded by <id>"'),
    changedAt: timestamp.optional(),
  }),
  jwt: z.string().describe('the ClrCredential as a compact VC-JWT signed by the awarding body'),
});

/** The answer to a request for a record: the record, and whether it was made now (or was unchanged). */
export const learnerRecordAnswerView = z.object({
  created: z.boolean().describe('false when your newest record was unchanged and is answered again'),
  record: learnerRecordView,
});

export type LearnerRecordViewFits = ViewFits<ReturnType<typeof recordView>, typeof learnerRecordView>;
