import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './keys';
import { issuerIdOf, type SignableCredential } from './vc-jwt';

/** The steps of checking a VC-JWT, in the order a verifier runs them (credentials-standards.md, section 4). */
export type VerificationStep = 'format' | 'header' | 'key' | 'signature' | 'claims';

export class CredentialVerificationError extends Error {
  constructor(
    readonly step: VerificationStep,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifiedJwt {
  readonly header: { alg: SigningAlgorithm; kid: string; typ?: string };
  readonly credential: SignableCredential;
}

/** Looks up the public key a `kid` names, for the issuer the token claims; undefined when it is not that issuer's. */
export type KeyResolver = (kid: string, issuerId: string) => Promise<KeyObject | undefined>;

export const MAX_JWT_BYTES = 64 * 1024;

/**
 * Checks format, header, key, signature and that the JWT claims agree with the credential. Status, trust and shape
 * are the verifier's further steps. Throws CredentialVerificationError naming the step that failed.
 */
export async function verifyCredentialJwt(
  compact: string,
  resolveKey: KeyResolver,
  now = new Date(),
): Promise<VerifiedJwt> {
  if (Buffer.byteLength(compact) > MAX_JWT_BYTES)
    throw new CredentialVerificationError('format', 'larger than 64 KB');
  const decoded = jwt.decode(compact, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object')
    throw new CredentialVerificationError('format', 'not a compact JWS with a JSON payload');
  const { alg, kid, typ } = decoded.header as { alg?: string; kid?: string; typ?: string };
  if (!SIGNING_ALGORITHMS.includes(alg as SigningAlgorithm))
    throw new CredentialVerificationError('header', `algorithm ${alg} is not accepted`);
  if (typ !== undefined && typ !== 'JWT' && typ !== 'vc+jwt')
    throw new CredentialVerificationError('header', `typ ${typ} is not a credential`);
  if (!kid) throw new CredentialVerificationError('header', 'no kid names the signing key');
  const payload = decoded.payload as SignableCredential & Record<string, unknown>;
  const issuerId = payload.issuer ? issuerIdOf(payload) : String(payload.iss);
  const key = await resolveKey(kid, issuerId);
  if (!key) throw new CredentialVerificationError('key', `${kid} is not a key published for ${issuerId}`);
  try {
    jwt.verify(compact, key, {
      algorithms: [alg as SigningAlgorithm],
      ignoreExpiration: true,
      ignoreNotBefore: true,
    });
  } catch (error) {
    throw new CredentialVerificationError('signature', (error as Error).message);
  }
  const problem = claimProblem(payload, now);
  if (problem) throw new CredentialVerificationError('claims', problem);
  return { header: { alg: alg as SigningAlgorithm, kid, ...(typ ? { typ } : {}) }, credential: payload };
}

function claimProblem(payload: SignableCredential & Record<string, unknown>, now: Date): string | undefined {
  const subject = Array.isArray(payload.credentialSubject)
    ? payload.credentialSubject[0]
    : payload.credentialSubject;
  if (payload.iss !== issuerIdOf(payload)) return 'iss does not equal issuer.id';
  if (payload.jti !== payload.id) return 'jti does not equal the credential id';
  if (subject?.id !== undefined && payload.sub !== subject.id)
    return 'sub does not equal credentialSubject.id';
  if (payload.nbf !== Math.floor(Date.parse(payload.validFrom) / 1000)) return 'nbf does not equal validFrom';
  if (payload.nbf * 1000 > now.getTime()) return 'not valid yet';
  if (payload.exp !== undefined && (payload.exp as number) * 1000 <= now.getTime()) return 'expired';
  return undefined;
}
