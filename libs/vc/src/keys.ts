import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

/** The signing algorithms we issue and accept: ES256 by default, RS256 where a verifier needs RSA. */
export type SigningAlgorithm = 'ES256' | 'RS256';
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['ES256', 'RS256'];

/**
 * The algorithms of an issuer's keys: ES256 and RS256 sign VC-JWTs; an Ed25519 key signs Data Integrity proofs
 * (`eddsa-rdfc-2022`). Each family has its own active key.
 */
export type IssuerKeyAlgorithm = SigningAlgorithm | 'Ed25519';
export const ISSUER_KEY_ALGORITHMS: readonly IssuerKeyAlgorithm[] = [...SIGNING_ALGORITHMS, 'Ed25519'];

/** A public JWK as we publish it: with its kid, alg, use and the issuer it belongs to (key provenance). */
export interface PublishedJwk extends JsonWebKey {
  kty: string;
  kid: string;
  alg: SigningAlgorithm;
  use: 'sig';
  /** The issuer profile id this key signs for. */
  iss: string;
}

export interface GeneratedKey<A extends IssuerKeyAlgorithm = SigningAlgorithm> {
  readonly algorithm: A;
  /** PKCS#8 PEM; encrypt it before it is stored. */
  readonly privateKeyPem: string;
  readonly publicJwk: JsonWebKey;
  /** RFC 7638 thumbprint of the public key: a stable, unique name for it. */
  readonly thumbprint: string;
}

/** A new signing key pair: P-256 for ES256, 3072-bit RSA for RS256, Ed25519 for Data Integrity proofs. */
export function generateSigningKey(algorithm?: SigningAlgorithm): GeneratedKey;
export function generateSigningKey(algorithm: IssuerKeyAlgorithm): GeneratedKey<IssuerKeyAlgorithm>;
export function generateSigningKey(algorithm: IssuerKeyAlgorithm = 'ES256'): GeneratedKey<IssuerKeyAlgorithm> {
  const { privateKey } =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : algorithm === 'Ed25519'
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
export function publishedJwk(
  publicJwk: JsonWebKey,
  meta: { kid: string; alg: SigningAlgorithm; iss: string },
): PublishedJwk {
  const members =
    publicJwk.kty === 'EC'
      ? { kty: 'EC', crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y }
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

export function publicKeyFromJwk(jwk: JsonWebKey): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' });
}
