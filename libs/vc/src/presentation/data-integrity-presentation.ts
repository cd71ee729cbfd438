import { bundledDocumentLoader, didAuthV1DocumentLoader } from '../data-integrity/document-loader';
import { verifyDataIntegrity } from '../data-integrity/verify-data-integrity';
import {
  checkChallengeAndDomain,
  type PresentationExpectations,
  type PresentationProofResult,
  PresentationReport,
} from './presentation-checks';
import {
  holderKeyOf,
  holderKeyProblem,
  isVcV1Presentation,
  presentationContentOf,
} from './presentation-shape';

/**
 * A presentation secured with a Data Integrity proof (eddsa-rdfc-2022, proofPurpose authentication) by the holder's
 * did:key. Every check is made, so that each failure is named.
 */
export async function verifyDataIntegrityPresentation(
  presentation: Record<string, unknown>,
  expected: PresentationExpectations,
): Promise<PresentationProofResult> {
  const report = new PresentationReport();
  const v1DidAuth = expected.acceptV1DidAuth === true;
  const content = presentationContentOf(presentation, { v1DidAuth });
  report.check('presentation-format', typeof content === 'string' ? content : undefined);
  if (typeof content === 'string') return report.result([]);
  const proof = presentation.proof;
  if (proof === null || typeof proof !== 'object' || Array.isArray(proof)) {
    report.check('presentation-proof', 'The presentation has no proof, or several.');
    return report.result(content.credentials);
  }
  const { verificationMethod, challenge, domain } = proof as Record<string, unknown>;
  checkChallengeAndDomain(
    report,
    expected,
    { challenge, domain },
    { challenge: 'proof.challenge', domain: 'proof.domain' },
  );
  const holderKey = holderKeyOf(verificationMethod);
  if (typeof holderKey === 'string') {
    report.check('presentation-proof', holderKey);
    return report.result(content.credentials);
  }
  report.check('holder-key', holderKeyProblem(content.holder, holderKey.did));
  // A 1.1 DIDAuth (older wallets) is read with the 1.1 context besides ours; a 2.0 presentation never is.
  const documentLoader =
    v1DidAuth && isVcV1Presentation(presentation) ? didAuthV1DocumentLoader : bundledDocumentLoader;
  const verification = await verifyDataIntegrity(presentation, () => Promise.resolve(holderKey.key), {
    expectedProofPurpose: 'authentication',
    documentLoader,
  });
  report.check(
    'presentation-proof',
    verification.verified ? undefined : `The holder's proof does not verify: ${verification.problem}.`,
  );
  return report.result(content.credentials, holderKey.did);
}
