import { createPrivateKey, type KeyObject, sign, verify } from 'node:crypto';
import { type VerificationAlgorithm, VERIFICATION_ALGORITHMS } from './keys';

interface AlgorithmRule {
  /** The digest, or null for EdDSA, which hashes internally. */
  readonly hash: 'sha256' | 'sha384' | null;
  readonly keyType: 'ec' | 'ed25519' | 'rsa';
  /** Node's name for the curve an EC key must be on. */
  readonly curve?: 'prime256v1' | 'secp384r1';
  readonly keyNeeded: string;
}

/** What each algorithm needs of its key: a key of another type or curve must never verify it (RFC 7518, 8037). */
const RULES: Record<VerificationAlgorithm, AlgorithmRule> = {
  ES256: { hash: 'sha256', keyType: 'ec', curve: 'prime256v1', keyNeeded: 'a P-256 EC key' },
  ES384: { hash: 'sha384', keyType: 'ec', curve: 'secp384r1', keyNeeded: 'a P-384 EC key' },
  EdDSA: { hash: null, keyType: 'ed25519', keyNeeded: 'an Ed25519 key' },
  RS256: { hash: 'sha256', keyType: 'rsa', keyNeeded: 'an RSA key of at least 2048 bits' },
};

/** Below this, RSA keys are refused, as jsonwebtoken refuses them. */
const MIN_RSA_BITS = 2048;

const KEY_KINDS: Record<string, string> = {
  prime256v1: 'a P-256 EC key',
  secp384r1: 'a P-384 EC key',
  ed25519: 'an Ed25519 key',
  ed448: 'an Ed448 key',
};

/** What kind of key this is, in the words the rules use. */
function keyKind(key: KeyObject): string {
  if (key.type === 'secret') return 'a shared secret';
  const type = String(key.asymmetricKeyType);
  const details = key.asymmetricKeyDetails;
  if (type === 'rsa') return `a ${details?.modulusLength}-bit RSA key`;
  if (type === 'ec') return KEY_KINDS[String(details?.namedCurve)] ?? `an EC key on ${details?.namedCurve}`;
  return KEY_KINDS[type] ?? `a key of type ${type}`;
}

/** Why a header's `alg` is refused, naming it: `none`, HS* (a shared secret) and all we do not verify. */
export function algorithmRefusal(alg: unknown): string {
  const accepted = `${VERIFICATION_ALGORITHMS.slice(0, -1).join(', ')} and ${VERIFICATION_ALGORITHMS.at(-1)}`;
  return `The algorithm ${String(alg)} is not accepted (only ${accepted}).`;
}

/** Why `key` cannot verify (or sign) `alg`, or undefined when it can. */
export function keyMismatch(alg: VerificationAlgorithm, key: KeyObject): string | undefined {
  const rule = RULES[alg];
  const fits =
    key.type !== 'secret' &&
    key.asymmetricKeyType === rule.keyType &&
    (rule.curve === undefined || key.asymmetricKeyDetails?.namedCurve === rule.curve) &&
    (rule.keyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS);
  return fits ? undefined : `${alg} needs ${rule.keyNeeded}; the key is ${keyKind(key)}`;
}

/** ECDSA signatures in a JWS are r||s (IEEE P1363), not DER. */
const options = (alg: VerificationAlgorithm, key: KeyObject) =>
  RULES[alg].keyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' as const } : key;

/**
 * Why a compact JWS's signature does not verify with `key` under `alg`, or undefined when it does. The caller has
 * checked that `alg` is the header's and one we accept; the key must be of that algorithm's type and curve.
 */
export function jwsSignatureProblem(
  compact: string,
  alg: VerificationAlgorithm,
  key: KeyObject,
): string | undefined {
  const mismatch = keyMismatch(alg, key);
  if (mismatch) return mismatch;
  const [header, payload, signature] = compact.split('.');
  if (header === undefined || payload === undefined || !signature) return 'there is no signature';
  const signed = Buffer.from(`${header}.${payload}`);
  try {
    return verify(RULES[alg].hash, signed, options(alg, key), Buffer.from(signature, 'base64url'))
      ? undefined
      : 'invalid signature';
  } catch (error) {
    return (error as Error).message;
  }
}

/** A compact JWS of `payload`, for any algorithm we verify; we issue with ES256 and RS256 only (see signCredential). */
export function signJws(
  header: { alg: VerificationAlgorithm; [member: string]: unknown },
  payload: object,
  privateKey: KeyObject | string,
): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const mismatch = keyMismatch(header.alg, key);
  if (mismatch) throw new Error(`Cannot sign: ${mismatch}.`);
  const input = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign(RULES[header.alg].hash, Buffer.from(input), options(header.alg, key));
  return `${input}.${signature.toString('base64url')}`;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
