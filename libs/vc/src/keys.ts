import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

/** The signing algorithms we issue with: ES256 by default, RS256 where a verifier needs RSA. */
export type SigningAlgorithm = 'ES256' | 'RS256';
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['ES256', 'RS256'];

/**
 * The algorithms of an issuer's keys: ES256 and RS256 sign VC-JWTs; an Ed25519 key signs Data Integrity proofs
 * (`eddsa-rdfc-2022`). Each family has its own active key.
 */
export type IssuerKeyAlgorithm = SigningAlgorithm | 'Ed25519';
export const ISSUER_KEY_ALGORITHMS: readonly IssuerKeyAlgorithm[] = [...SIGNING_ALGORITHMS, 'Ed25519'];

/** The algorithms we accept from any issuer: ours, and those other hubs sign with. Never `none` or HS*. */
export type VerificationAlgorithm = SigningAlgorithm | 'ES384' | 'EdDSA';
export const VERIFICATION_ALGORITHMS: readonly VerificationAlgorithm[] = ['ES256', 'ES384', 'EdDSA', 'RS256'];

export function isVerificationAlgorithm(alg: unknown): alg is VerificationAlgorithm {
  return VERIFICATION_ALGORITHMS.includes(alg as VerificationAlgorithm);
}

/** A public JWK as we publish it: with its kid, alg, use and the issuer it belongs to (key provenance). */
export interface PublishedJwk<A extends VerificationAlgorithm = SigningAlgorithm> extends JsonWebKey {
  kty: string;
  kid: string;
  alg: A;
  use: 'sig';
  /** The issuer profile id this key signs for. */
  iss: string;
}

export interface GeneratedKey<A extends VerificationAlgorithm = SigningAlgorithm> {
  readonly algorithm: A;
  /** PKCS#8 PEM; encrypt it before it is stored. */
  readonly privateKeyPem: string;
  readonly publicJwk: JsonWebKey;
  /** RFC 7638 thumbprint of the public key: a stable, unique name for it. */
  readonly thumbprint: string;
}

/** A new signing key pair for the keys we issue with: P-256 for ES256, 3072-bit RSA for RS256. */
export function generateSigningKey(algorithm: SigningAlgorithm = 'ES256'): GeneratedKey {
  return generateKey(algorithm);
}

/** A new key pair for any algorithm we verify: also P-384 for ES384 and Ed25519 for EdDSA (other hubs' keys). */
export function generateKey<A extends VerificationAlgorithm>(algorithm: A): GeneratedKey<A> {
  const { privateKey } =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : algorithm === 'ES384'
        ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
        : algorithm === 'EdDSA'
          ? generateKeyPairSync('ed25519')
          : generateKeyPairSync('rsa', { modulusLength: 3072 });
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return {
    algorithm,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicJwk,
    thumbprint: jwkThumbprint(publicJwk),
  };
}

/** The JWK we publish for a key: only public members, with kid, alg, use and iss. */
export function publishedJwk<A extends VerificationAlgorithm = SigningAlgorithm>(
  publicJwk: JsonWebKey,
  meta: { kid: string; alg: A; iss: string },
): PublishedJwk<A> {
  const members =
    publicJwk.kty === 'EC'
      ? { kty: 'EC', crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y }
      : publicJwk.kty === 'OKP'
        ? { kty: 'OKP', crv: publicJwk.crv, x: publicJwk.x }
        : { kty: 'RSA', n: publicJwk.n, e: publicJwk.e };
  return { ...members, kid: meta.kid, alg: meta.alg, use: 'sig', iss: meta.iss };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const required =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : jwk.kty === 'OKP'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x }
        : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(required)).digest('base64url');
}

/** A JWK's public key: EC (P-256, P-384), OKP (Ed25519) or RSA; members such as kid, alg and iss are ignored. */
export function publicKeyFromJwk(jwk: JsonWebKey): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' });
}
