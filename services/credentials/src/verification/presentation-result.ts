import type { CheckId, PresentationCheckId, PresentationProofResult } from '@lib/vc';
import type { VcApiResult } from './vc-api-result';

/** A check that did not pass: the presentation's own, or one of a credential it carries (`credentialIndex`). */
export interface PresentationVcApiProblem {
  check: PresentationCheckId | CheckId;
  message: string;
  credentialIndex?: number;
}

/** The W3C VC-API answer for a presentation: its own checks, and each credential's VC-API answer in order. */
export interface PresentationVcApiResult {
  verified: boolean;
  checks: PresentationCheckId[];
  warnings: PresentationVcApiProblem[];
  errors: PresentationVcApiProblem[];
  credentialResults: VcApiResult[];
}

/** A presentation that did not verify, answered 400 in the one error shape, each error naming the field. */
export interface PresentationVcApiRejection extends Omit<PresentationVcApiResult, 'verified' | 'errors'> {
  statusCode: 400;
  error: 'Bad Request';
  message: string;
  verified: false;
  errors: (PresentationVcApiProblem & { field: 'verifiablePresentation' })[];
}

/** Verified only when the presentation's own checks passed and every credential it carries verified. */
export function presentationResultOf(
  proof: PresentationProofResult,
  credentialResults: VcApiResult[],
): PresentationVcApiResult {
  const credentialErrors = credentialResults.flatMap((result, credentialIndex) =>
    result.verified
      ? []
      : [
          {
            check: 'credentials' as const,
            message: `Credential ${credentialIndex}: ${result.result.headline}`,
            credentialIndex,
          },
          ...result.errors.map((problem) => ({ ...problem, credentialIndex })),
        ],
  );
  const formRead = proof.passed.includes('presentation-format');
  const errors = [...proof.problems, ...credentialErrors];
  return {
    verified: errors.length === 0,
    checks: formRead && credentialErrors.length === 0 ? [...proof.passed, 'credentials'] : proof.passed,
    warnings: proof.warnings,
    errors,
    credentialResults,
  };
}

export function presentationRejectionOf(answer: PresentationVcApiResult): PresentationVcApiRejection {
  return {
    statusCode: 400,
    error: 'Bad Request',
    message: `The presentation did not verify: ${answer.errors.map((problem) => problem.message).join(' ')}`,
    ...answer,
    verified: false,
    errors: answer.errors.map((problem) => ({ field: 'verifiablePresentation', ...problem })),
  };
}
