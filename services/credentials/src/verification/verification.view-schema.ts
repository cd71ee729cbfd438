import type { ViewFits } from '@lib/platform';
import { CHECKS } from '@lib/vc';
import { z } from 'zod';
import type { VerificationResult } from '@lib/vc';
import type { BatchSummary } from './batch-summary';
import type { VcApiRejection, VcApiResult } from './vc-api-result';

const status = z.enum([
  'valid',
  'invalid',
  'revoked',
  'suspended',
  'expired',
  'not-yet-valid',
  'untrusted-issuer',
  'unverifiable',
]);
const checkId = z.enum(Object.keys(CHECKS) as [keyof typeof CHECKS, ...(keyof typeof CHECKS)[]]);

/** `CredentialSummary`: read defensively from any issuer's credential, so all but `results` may be missing. */
const summaryView = z.object({
  credentialId: z.string().optional(),
  learnerName: z.string().optional(),
  course: z.string().optional(),
  courseCode: z.string().optional(),
  credits: z.number().optional(),
  creditScheme: z.string().optional(),
  level: z.string().optional(),
  results: z.array(z.string()),
  awardingBody: z.string().optional(),
  awardingBodyId: z.string().optional(),
  deliveringPartner: z.string().optional(),
  awardedOn: z.string().optional(),
  validUntil: z.string().optional(),
});

/** One credential's result: the status, the headline, each check and what the credential says. */
const credentialResultView = z.object({
  status,
  verified: z.boolean(),
  headline: z.string(),
  reason: z.string().optional(),
  checks: z.array(
    z.object({
      id: checkId,
      title: z.string(),
      outcome: z.enum(['passed', 'failed', 'skipped', 'error']),
      message: z.string(),
    }),
  ),
  summary: summaryView,
  checkedAt: z.iso.datetime(),
  snapshot: z
    .object({
      takenAt: z.iso.datetime(),
      ageDays: z.int().min(0),
      stale: z.boolean(),
      warning: z.string().optional(),
    })
    .optional()
    .describe(
      'for an offline bundle: when its statuses were last known, and a warning when that is older than VERIFY_BUNDLE_MAX_AGE_DAYS',
    ),
});

/** `VerificationResult` (libs/vc): a credential's result; a learner record's (CLR 2.0) lists each it holds. */
export const verificationResultView = credentialResultView.extend({
  heldCredentials: z
    .array(credentialResultView.extend({ index: z.int().min(0) }))
    .optional()
    .describe(
      'a learner record (CLR 2.0) only: each credential it holds, verified on its own, in order (index: its place in credentialSubject.verifiableCredential)',
    ),
});

/** `BatchSummary`: counts by status, and each result with its place in the batch. */
export const batchSummaryView = z.object({
  total: z.int().min(0),
  counts: z.partialRecord(status, z.int().min(1)),
  results: z.array(verificationResultView.extend({ index: z.int().min(0) })),
});

const problem = z.object({ check: checkId, message: z.string() });

/** `VcApiResult`: the W3C VC-API answer, with our full result. */
export const vcApiResultView = z.object({
  verified: z.boolean(),
  status,
  checks: z.array(checkId),
  warnings: z.array(problem),
  errors: z.array(problem),
  result: verificationResultView,
});

/** `VcApiRejection`: a credential that did not verify, answered 400 as the VC-API asks. */
export const vcApiRejectionView = vcApiResultView.extend({
  statusCode: z.literal(400),
  error: z.literal('Bad Request'),
  message: z.string(),
  verified: z.literal(false),
  errors: z.array(problem.extend({ field: z.literal('verifiableCredential') })).min(1),
});

/** The partner check's answer. */
export const partnerCheckView = z.object({ authorised: z.boolean() });
export const holdCheckView = z.object({
  suspended: z.boolean(),
  reason: z.string().optional().describe('why, as the awarding body recorded it, while suspended'),
});

// What the service returns fits what the document says (checked by the compiler).
export type VerificationResultViewFits = ViewFits<VerificationResult, typeof verificationResultView>;
export type BatchSummaryViewFits = ViewFits<BatchSummary, typeof batchSummaryView>;
export type VcApiResultViewFits = ViewFits<VcApiResult, typeof vcApiResultView>;
export type VcApiRejectionViewFits = ViewFits<VcApiRejection, typeof vcApiRejectionView>;
