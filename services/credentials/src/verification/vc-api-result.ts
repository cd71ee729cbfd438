import type { CheckId, VerificationResult, VerificationStatus } from '@lib/vc';

/** A check named with what it said. */
export interface VcApiProblem {
  check: CheckId;
  message: string;
}

/** The W3C VC-API answer: `verified`, the checks that passed, skipped checks as warnings, the problems as errors. */
export interface VcApiResult {
  verified: boolean;
  status: VerificationStatus;
  checks: CheckId[];
  warnings: VcApiProblem[];
  errors: VcApiProblem[];
  /** Our full result, for callers that want the detail. */
  result: VerificationResult;
}

export function vcApiResultOf(result: VerificationResult): VcApiResult {
  return {
    verified: result.verified,
    status: result.status,
    checks: result.checks.filter((check) => check.outcome === 'passed').map((check) => check.id),
    warnings: result.checks
      .filter((check) => check.outcome === 'skipped')
      .map((check) => ({ check: check.id, message: check.message })),
    errors: result.checks
      .filter((check) => check.outcome === 'failed' || check.outcome === 'error')
      .map((check) => ({ check: check.id, message: check.message })),
    result,
  };
}

/**
 * The VC-API answer for a credential that did not verify, sent with a 400 as the VC-API asks: `verified: false` and
 * the problems as `errors`, in the one error shape besides (`statusCode`, `error`, `message`), each error naming
 * the `verifiableCredential` field and the check that failed.
 */
export interface VcApiRejection extends Omit<VcApiResult, 'verified' | 'errors'> {
  statusCode: 400;
  error: 'Bad Request';
  message: string;
  verified: false;
  errors: (VcApiProblem & { field: 'verifiableCredential' })[];
}

export function vcApiRejectionOf(answer: VcApiResult): VcApiRejection {
  return {
    statusCode: 400,
    error: 'Bad Request',
    message: `The credential did not verify: ${answer.result.headline}`,
    ...answer,
    verified: false,
    errors: answer.errors.map((problem) => ({ field: 'verifiableCredential', ...problem })),
  };
}
