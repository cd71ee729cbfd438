import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { SigningAlgorithm } from './keys';

/** The credential fields the JWT claims mirror. */
export interface SignableCredential {
  id: string;
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string } | { id?: string }[];
  [member: string]: unknown;
}

export interface SigningKey {
  readonly algorithm: SigningAlgorithm;
  /** The URL that returns this one public JWK. */
  readonly kid: string;
  readonly privateKey: KeyObject | string;
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** A UTC ISO-8601 time without milliseconds: what `validFrom` and the JWT's NumericDate can both state exactly. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function issuerIdOf(credential: Pick<SignableCredential, 'issuer'>): string {
  return typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
}

/**
 * Signs a credential as a VC-JWT that satisfies both Open Badges 3.0 and VC-JOSE-COSE: header `{alg, typ: "JWT", kid}`,
 * the payload is the credential itself plus `iss`, `jti`, `sub`, `nbf`, `iat` and (when it expires) `exp`.
 */
export function signCredential(credential: SignableCredential, key: SigningKey, now = new Date()): string {
  return jwt.sign(credentialClaims(credential, now), key.privateKey, {
    algorithm: key.algorithm,
    header: { alg: key.algorithm, typ: 'JWT', kid: key.kid },
  });
}

/** A VC-JWT's payload: the credential itself plus the claims that mirror its fields. */
export function credentialClaims(credential: SignableCredential, now = new Date()): Record<string, unknown> {
  const subject = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject[0]
    : credential.credentialSubject;
  return {
    ...credential,
    iss: issuerIdOf(credential),
    jti: credential.id,
    ...(subject?.id ? { sub: subject.id } : {}),
    nbf: seconds(credential.validFrom),
    iat: Math.floor(now.getTime() / 1000),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
}

/** The JSON form of a VC-JWT for VC-API answers and JSON downloads. */
export function envelope(compactJwt: string): {
  '@context': ['https://www.w3.org/ns/credentials/v2'];
  type: 'EnvelopedVerifiableCredential';
  id: string;
} {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: 'EnvelopedVerifiableCredential',
    id: `data:application/vc+jwt,${compactJwt}`,
  };
}
