import { decodeCompact } from '../verification/input';
import { jwsSignatureProblem } from '../jws';
import {
  checkChallengeAndDomain,
  type PresentationExpectations,
  type PresentationProofResult,
  PresentationReport,
} from './presentation-checks';
import { holderKeyOf, holderKeyProblem, presentationContentOf } from './presentation-shape';

/**
 * A VP-JWT (VC-JOSE-COSE): a compact JWS whose payload is the presentation, `nonce` its challenge and `aud` its
 * domain, signed EdDSA by the holder's did:key (`kid`).
 */
export function verifyVpJwt(
  compact: string,
  expected: PresentationExpectations,
  now = new Date(),
): PresentationProofResult {
  const report = new PresentationReport();
  const decoded = decodeCompact(compact);
  const content = typeof decoded === 'string' ? decoded : presentationContentOf(decoded.payload);
  report.check('presentation-format', typeof content === 'string' ? content : undefined);
  if (typeof decoded === 'string' || typeof content === 'string') return report.result([]);
  const { header, payload } = decoded;
  checkChallengeAndDomain(
    report,
    expected,
    { challenge: payload.nonce, domain: payload.aud },
    { challenge: 'nonce', domain: 'aud' },
  );
  if (header.alg !== 'EdDSA') {
    report.check(
      'presentation-proof',
      `A VP-JWT must be signed EdDSA by the holder's did:key, not ${String(header.alg)}.`,
    );
    return report.result(content.credentials);
  }
  const holderKey = holderKeyOf(header.kid);
  if (typeof holderKey === 'string') {
    report.check('presentation-proof', holderKey);
    return report.result(content.credentials);
  }
  const issuer = typeof payload.iss === 'string' ? payload.iss : undefined;
  report.check(
    'holder-key',
    holderKeyProblem(content.holder, holderKey.did) ??
      (issuer === undefined || issuer === holderKey.did
        ? undefined
        : `The iss (${issuer}) is not the key's DID (${holderKey.did}).`),
  );
  const signature = jwsSignatureProblem(compact, 'EdDSA', holderKey.key);
  report.check(
    'presentation-proof',
    signature ? `The holder's signature does not verify: ${signature}.` : lifetimeProblem(payload, now),
  );
  return report.result(content.credentials, holderKey.did);
}

/** `exp` and `nbf` (seconds since the epoch), when given. */
function lifetimeProblem(payload: Record<string, unknown>, now: Date): string | undefined {
  const seconds = now.getTime() / 1000;
  if (typeof payload.exp === 'number' && payload.exp <= seconds) return 'The presentation has expired (exp).';
  if (typeof payload.nbf === 'number' && payload.nbf > seconds)
    return 'The presentation is not valid yet (nbf).';
  return undefined;
}
