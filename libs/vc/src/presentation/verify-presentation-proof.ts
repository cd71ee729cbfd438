import { verifyDataIntegrityPresentation } from './data-integrity-presentation';
import {
  type PresentationExpectations,
  type PresentationProofResult,
  PresentationReport,
} from './presentation-checks';
import { verifyVpJwt } from './vp-jwt';

const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const VP_JWT_DATA_URL = 'data:application/vp+jwt,';

/**
 * The presentation's own checks (its form, the holder's proof, the challenge and domain), in whichever form it came:
 * a VP-JWT, its data URL or enveloped form (`EnvelopedVerifiablePresentation`), or a Data Integrity presentation.
 * The credentials it carries are returned for the caller to verify.
 */
export async function verifyPresentationProof(
  presentation: unknown,
  expected: PresentationExpectations = {},
): Promise<PresentationProofResult> {
  if (typeof presentation === 'string') {
    const text = presentation.trim();
    return verifyVpJwt(
      text.startsWith(VP_JWT_DATA_URL) ? text.slice(VP_JWT_DATA_URL.length) : text,
      expected,
    );
  }
  if (presentation === null || typeof presentation !== 'object' || Array.isArray(presentation))
    return refused('A presentation is a VP-JWT or a JSON object.');
  const form = presentation as Record<string, unknown>;
  if (form.type !== 'EnvelopedVerifiablePresentation') return verifyDataIntegrityPresentation(form, expected);
  const context = form['@context'];
  if (!Array.isArray(context) || context[0] !== VC_CONTEXT)
    return refused(`An enveloped presentation's @context must be an array beginning with ${VC_CONTEXT}.`);
  if (typeof form.id !== 'string' || !form.id.startsWith(VP_JWT_DATA_URL))
    return refused(`An enveloped presentation's id must be a ${VP_JWT_DATA_URL} URL carrying the VP-JWT.`);
  return verifyVpJwt(form.id.slice(VP_JWT_DATA_URL.length), expected);
}

function refused(problem: string): PresentationProofResult {
  const report = new PresentationReport();
  report.check('presentation-format', problem);
  return report.result([]);
}
