import { type KeyObject, verify } from 'node:crypto';
import type { Cryptosuite } from './cryptosuite';
import { ECDSA_CURVES, ecdsaCurveOf } from './ec-keys';
import { DATA_INTEGRITY_PROOF } from './proof-options';

export const ECDSA_RDFC_2019 = 'ecdsa-rdfc-2019';

/**
 * W3C Data Integrity ECDSA Cryptosuites v1.0, ecdsa-rdfc-2019: P-256 with SHA-256 or P-384 with SHA-384 (the key's
 * curve decides), over the same RDFC hashing as the other suites; the signature is IEEE P1363 r||s.
 */
export const ecdsaRdfc2019: Cryptosuite = {
  label: `${DATA_INTEGRITY_PROOF}, ${ECDSA_RDFC_2019}`,
  keyProblem: (key) => (ecdsaCurveOf(key) ? undefined : 'is not a P-256 or P-384 key'),
  hashWith: (key) => ECDSA_CURVES[curveOf(key)].hash,
  signatureProblem: (signature, key) => {
    const curve = curveOf(key);
    const expected = 2 * ECDSA_CURVES[curve].coordinateBytes;
    return signature.length === expected
      ? undefined
      : `the proofValue is ${signature.length} bytes, not a ${curve} signature (${expected} bytes, r||s)`;
  },
  verifySignature: (hashData, signature, key) =>
    verify(ECDSA_CURVES[curveOf(key)].hash, hashData, { key, dsaEncoding: 'ieee-p1363' }, signature),
};

function curveOf(key: KeyObject) {
  const curve = ecdsaCurveOf(key);
  if (!curve) throw new Error('the key is not a P-256 or P-384 key');
  return curve;
}
