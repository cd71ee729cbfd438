import type { KeyObject } from 'node:crypto';
import { verifyDataIntegrity } from '../data-integrity';
import { asObject, type JsonObject } from '../json-reading';
import { UnreachableError } from './context';
import { issuerIdOf } from './content-checks';

/** Resolves a key id of an issuer: a verifier's `resolveKey`. */
export type IssuerKeyResolver = (kid: string, issuerId: string) => Promise<KeyObject | undefined>;

export const NOT_THE_ISSUERS_LIST = 'The status list is not signed by a key of the credential’s issuer.';

/**
 * The list of a status list credential served as JSON (`application/vc`), secured with a Data Integrity proof
 * (eddsa-rdfc-2022) by a key of the credential's issuer, and read only within its validFrom and validUntil.
 */
export async function provenJsonListSubject(
  text: string,
  issuerId: string,
  resolveKey: IssuerKeyResolver,
  now = new Date(),
): Promise<JsonObject> {
  let list: JsonObject;
  try {
    list = asObject(JSON.parse(text));
  } catch {
    throw new UnreachableError('The status list is not JSON.');
  }
  const method = asObject(list.proof).verificationMethod;
  if (issuerIdOf(list) !== issuerId || typeof method !== 'string')
    throw new UnreachableError(NOT_THE_ISSUERS_LIST);
  const key = await resolveKey(method, issuerId);
  if (!key) throw new UnreachableError(NOT_THE_ISSUERS_LIST);
  const checked = await verifyDataIntegrity(list, () => Promise.resolve(key), { now });
  if (!checked.verified) throw new UnreachableError('The status list’s proof does not verify.');
  const stale = validityProblem(list, now);
  if (stale) throw new UnreachableError(`The status list ${stale}.`);
  return asObject(list.credentialSubject);
}

/** A list is read only within its validity period (VC Data Model 2.0, 4.9). */
function validityProblem({ validFrom, validUntil }: JsonObject, now: Date): string | undefined {
  const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);
  if (validFrom !== undefined && !(time(validFrom) <= now.getTime())) return 'is not valid yet (validFrom)';
  if (validUntil !== undefined && !(time(validUntil) > now.getTime())) return 'has expired (validUntil)';
  return undefined;
}
