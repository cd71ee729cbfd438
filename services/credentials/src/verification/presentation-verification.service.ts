import { type PresentationExpectations, verifyPresentationProof } from '@lib/vc';
import { Injectable } from '@nestjs/common';
import { type PresentationVcApiResult, presentationResultOf } from './presentation-result';
import { vcApiResultOf } from './vc-api-result';
import type { TrustScope } from './verification-request';
import { VerificationService } from './verification.service';

/**
 * Verifies a holder's presentation: its own proof, challenge and domain, then each credential it carries with the
 * same verifier and trust as a credential sent alone.
 */
@Injectable()
export class PresentationVerificationService {
  constructor(private readonly verification: VerificationService) {}

  async verify(
    presentation: unknown,
    expected: PresentationExpectations,
    scope: TrustScope = {},
  ): Promise<PresentationVcApiResult> {
    const proof = await verifyPresentationProof(presentation, expected);
    const results = await this.verification.verifyMany(proof.credentials, {}, scope);
    return presentationResultOf(proof, results.map(vcApiResultOf));
  }
}
