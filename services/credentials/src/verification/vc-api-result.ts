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
