import { createPublicKey, ECDH, type KeyObject } from 'node:crypto';

/** The NIST curves ecdsa-rdfc-2019 verifies with, each with its hash and OpenSSL's name. */
export const ECDSA_CURVES = {
  'P-256': { openSslName: 'prime256v1', hash: 'sha256', coordinateBytes: 32 },
  'P-384': { openSslName: 'secp384r1', hash: 'sha384', coordinateBytes: 48 },
} as const;

export type EcdsaCurve = keyof typeof ECDSA_CURVES;

/** The curve of an EC public key, when it is one ecdsa-rdfc-2019 knows. */
export function ecdsaCurveOf(key: KeyObject): EcdsaCurve | undefined {
  if (key.type !== 'public' || key.asymmetricKeyType !== 'ec') return undefined;
  const { namedCurve } = key.asymmetricKeyDetails ?? {};
  return (Object.keys(ECDSA_CURVES) as EcdsaCurve[]).find(
    (curve) => ECDSA_CURVES[curve].openSslName === namedCurve,
  );
}

/** A compressed point (SEC 1: 0x02 or 0x03, then x), as P-256 and P-384 Multikeys carry it; checked on the curve. */
export function ecPublicKeyFromCompressed(curve: EcdsaCurve, compressed: Uint8Array): KeyObject {
  const { openSslName, coordinateBytes } = ECDSA_CURVES[curve];
  if (compressed.length !== coordinateBytes + 1 || (compressed[0] !== 0x02 && compressed[0] !== 0x03)) {
    throw new Error(`a compressed ${curve} public key is ${coordinateBytes + 1} bytes starting 02 or 03`);
  }
  // convertKey decompresses, and refuses a point that is not on the curve.
  const uncompressed = ECDH.convertKey(
    Buffer.from(compressed),
    openSslName,
    undefined,
    undefined,
    'uncompressed',
  );
  const point = Buffer.from(uncompressed as Buffer);
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: curve,
      x: point.subarray(1, 1 + coordinateBytes).toString('base64url'),
      y: point.subarray(1 + coordinateBytes).toString('base64url'),
    },
    format: 'jwk',
  });
}

/** The compressed point of a P-256 or P-384 public key. */
export function compressedEcPublicKey(key: KeyObject): { curve: EcdsaCurve; compressed: Buffer } {
  const curve = ecdsaCurveOf(key);
  if (!curve) throw new Error('expected a P-256 or P-384 public key');
  const { x, y } = key.export({ format: 'jwk' });
  const yBytes = Buffer.from(y ?? '', 'base64url');
  const prefix = (yBytes.at(-1) ?? 0) % 2 === 0 ? 0x02 : 0x03;
  return { curve, compressed: Buffer.concat([Buffer.from([prefix]), Buffer.from(x ?? '', 'base64url')]) };
}
