import type { ViewFits } from '@lib/platform';
import { CHECKS, PRESENTATION_CHECKS } from '@lib/vc';
import { z } from 'zod';
import type { PresentationVcApiRejection, PresentationVcApiResult } from './presentation-result';
import { vcApiResultView } from './verification.view-schema';

type PresentationCheck = keyof typeof PRESENTATION_CHECKS;
type AnyCheck = PresentationCheck | keyof typeof CHECKS;

const presentationCheck = z.enum(
  Object.keys(PRESENTATION_CHECKS) as [PresentationCheck, ...PresentationCheck[]],
);
const anyCheck = z.enum([...Object.keys(PRESENTATION_CHECKS), ...Object.keys(CHECKS)] as [
  AnyCheck,
  ...AnyCheck[],
]);

const problem = z.object({
  check: anyCheck,
  message: z.string(),
  credentialIndex: z.int().min(0).optional().describe('the credential of the presentation the check was of'),
});

/** `PresentationVcApiResult`: the presentation's checks, and each credential's VC-API answer in order. */
export const presentationResultView = z.object({
  verified: z.boolean(),
  checks: z.array(presentationCheck),
  warnings: z.array(problem),
  errors: z.array(problem),
  credentialResults: z.array(vcApiResultView),
});

/** `PresentationVcApiRejection`: a presentation that did not verify, answered 400 as the VC-API asks. */
export const presentationRejectionView = presentationResultView.extend({
  statusCode: z.literal(400),
  error: z.literal('Bad Request'),
  message: z.string(),
  verified: z.literal(false),
  errors: z.array(problem.extend({ field: z.literal('verifiablePresentation') })).min(1),
});

// What the service returns fits what the document says (checked by the compiler).
export type PresentationResultViewFits = ViewFits<PresentationVcApiResult, typeof presentationResultView>;
export type PresentationRejectionViewFits = ViewFits<
  PresentationVcApiRejection,
  typeof presentationRejectionView
>;
