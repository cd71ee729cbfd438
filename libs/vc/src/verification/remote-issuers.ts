import type { KeyObject } from 'node:crypto';
import { jwsSignatureProblem } from '../jws';
import { asObject } from '../json-reading';
import { isVerificationAlgorithm, publicKeyFromJwk } from '../keys';
import { decodeStatusList, getBit } from '../status-list';
import { type StatusEntryRef, type StatusReading, UnreachableError } from './context';
import type { HttpSource } from './http-source';
import { decodeCompact } from './input';
import { type IssuerKeyResolver, NOT_THE_ISSUERS_LIST, provenJsonListSubject } from './remote-status-json';

/** Finds where an issuer publishes its keys: its JWKS URL on the trust list. */
export type JwksUrlOf = (issuerId: string) => Promise<string | undefined>;

/** How a failure to fetch or read an issuer's keys is reported, whatever the cause (see HttpSource). */
export const ISSUER_KEYS = 'The issuer’s keys';

/**
 * Resolves a `kid` through the issuer's published JWK set: the key must be in that set, and when the set says
 * whose a key is (`iss`), it must say this issuer.
 */
export function jwksKeyResolver(http: HttpSource, jwksUrlOf: JwksUrlOf) {
  return async (kid: string, issuerId: string): Promise<KeyObject | undefined> => {
    const url = await jwksUrlOf(issuerId);
    if (!url) return undefined;
    let keys: unknown;
    try {
      keys = (JSON.parse(await http.text(url, ISSUER_KEYS)) as { keys?: unknown }).keys;
    } catch (error) {
      if (error instanceof UnreachableError) throw error;
      throw new UnreachableError(`${ISSUER_KEYS} are not a JWK set.`);
    }
    const jwk = (Array.isArray(keys) ? keys : []).find(
      (candidate: Record<string, unknown>) => candidate?.kid === kid,
    ) as (Record<string, unknown> & { kty: string }) | undefined;
    if (!jwk || (jwk.iss !== undefined && jwk.iss !== issuerId)) return undefined;
    return publicKeyFromJwk(jwk);
  };
}

/**
 * The forms of a status list a verifier asks for (Bitstring Status List v1.0, 3.2), both accepted whichever comes:
 * an http(s) issuer's keys are JWKs, so its VC-JWT first; a DID issuer's keys are verification methods, so its JSON
 * with a Data Integrity proof first (a hub serving both forms signs the VC-JWT with a JWK, never with the DID's key).
 */
export function statusListAcceptFor(issuerId: string): string {
  return issuerId.startsWith('did:')
    ? 'application/vc, application/json;q=0.9, application/vc+jwt;q=0.8'
    : 'application/vc+jwt, application/vc;q=0.9, application/json;q=0.8';
}

/**
 * Reads a bit of another issuer's status list: fetches the list credential (a VC-JWT, or JSON secured with a Data
 * Integrity proof), checks it is signed by a key of the same issuer, within its validity, and is a list of the right
 * purpose, then decodes it.
 */
export function remoteStatusReader(
  http: HttpSource,
  resolveKey: IssuerKeyResolver,
  // An offline bundle's lists are read as of its snapshot: they were signed to be valid then.
  listTime: () => Date = () => new Date(),
) {
  return async (entry: StatusEntryRef, issuerId: string): Promise<StatusReading> => {
    const accept = statusListAcceptFor(issuerId);
    const text = (await http.text(entry.listUrl, 'The issuer’s status list', accept)).trim();
    const subject = text.startsWith('{')
      ? await provenJsonListSubject(text, issuerId, resolveKey, listTime())
      : await signedJwtListSubject(text, issuerId, resolveKey, listTime());
    if (subject.statusPurpose !== entry.purpose || typeof subject.encodedList !== 'string')
      throw new UnreachableError(`The status list is not a ${entry.purpose} list.`);
    let bits: Uint8Array;
    try {
      bits = decodeStatusList(subject.encodedList);
    } catch {
      throw new UnreachableError('The status list cannot be decoded.');
    }
    if (!Number.isInteger(entry.index) || entry.index < 0 || entry.index >= bits.length * 8)
      throw new UnreachableError(`Index ${entry.index} is outside the status list.`);
    return { set: getBit(bits, entry.index) };
  };
}

/** The list of a VC-JWT signed by a key of the issuer, read within its nbf and exp. */
async function signedJwtListSubject(
  compact: string,
  issuerId: string,
  resolveKey: IssuerKeyResolver,
  at: Date,
): Promise<Record<string, unknown>> {
  const decoded = decodeCompact(compact);
  if (typeof decoded === 'string') throw new UnreachableError('The status list is not a signed list.');
  const { alg, kid } = decoded.header;
  if (typeof kid !== 'string' || !isVerificationAlgorithm(alg))
    throw new UnreachableError(NOT_THE_ISSUERS_LIST);
  const key = await resolveKey(kid, issuerId);
  if (!key) throw new UnreachableError(NOT_THE_ISSUERS_LIST);
  if (jwsSignatureProblem(compact, alg, key))
    throw new UnreachableError('The status list’s signature does not verify.');
  const stale = timesProblem(decoded.payload, Math.floor(at.getTime() / 1000));
  if (stale) throw new UnreachableError(`The status list ${stale}.`);
  return asObject(decoded.payload.credentialSubject);
}

/** A signed list is read only within its nbf and exp, as jsonwebtoken checked before EdDSA lists were accepted. */
function timesProblem({ nbf, exp }: Record<string, unknown>, now: number): string | undefined {
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) return 'is not valid yet (nbf)';
  if (exp !== undefined && (typeof exp !== 'number' || exp <= now)) return 'has expired (exp)';
  return undefined;
}
