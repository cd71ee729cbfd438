import { createPublicKey, type KeyObject } from 'node:crypto';
import { multibaseBase58btcDecode, publicKeyOfMultibase } from '../data-integrity';
import { asList, asObject, type JsonObject } from '../json-reading';
import { publicKeyFromJwk } from '../keys';

/** A key found in a controller document, or why it is not the one asked for. */
export type KeyFinding = { key: KeyObject } | { problem: string };

/** SPKI DER up to a compressed P-256 point (RFC 5480), for a Multikey's P-256 key. */
const P256_SPKI_PREFIX = Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex');

/**
 * The verification method `methodId` of the controller document of `controllerId` (a DID document is one), when it
 * may make assertions (W3C Controlled Identifiers 1.0, "Retrieve Verification Method"): the document's id is the
 * controller's, the method is one of its `assertionMethod`s (listed there, or referenced from there to its
 * `verificationMethod`s) and names the same controller.
 */
export function assertionKeyOf(document: unknown, controllerId: string, methodId: string): KeyFinding {
  const found = asObject(document);
  if (found.id !== controllerId)
    return { problem: `the document's id is ${JSON.stringify(found.id)}, not ${controllerId}` };
  const absolute = (id: unknown) => absoluteId(id, controllerId);
  const declared = asList(found.verificationMethod).map(asObject);
  const assertions = asList(found.assertionMethod);
  const method = assertions
    .map((entry) =>
      typeof entry === 'string'
        ? declared.find((candidate) => absolute(candidate.id) === absolute(entry))
        : asObject(entry),
    )
    .find((candidate) => candidate !== undefined && absolute(candidate.id) === methodId);
  if (!method) {
    const listed = declared.some((candidate) => absolute(candidate.id) === methodId);
    return { problem: `${methodId} is ${listed ? 'not an assertion method' : 'not listed'} in the document` };
  }
  return keyOfMethod(method, controllerId);
}

/** The ids of a controller document's assertion methods, listed or referenced, relative ones (`#key-1`) made whole. */
export function assertionMethodIds(document: unknown, controllerId: string): string[] {
  return asList(asObject(document).assertionMethod)
    .map((entry) => absoluteId(typeof entry === 'string' ? entry : asObject(entry).id, controllerId))
    .filter((id): id is string => typeof id === 'string');
}

function absoluteId(id: unknown, controllerId: string): unknown {
  return typeof id === 'string' && id.startsWith('#') ? `${controllerId}${id}` : id;
}

/** The key of one verification method (Multikey or JsonWebKey), which must name `controllerId` as its controller. */
export function keyOfMethod(method: JsonObject, controllerId: string): KeyFinding {
  if (method.controller !== controllerId)
    return { problem: `its controller is ${JSON.stringify(method.controller)}, not ${controllerId}` };
  try {
    if (method.type === 'Multikey' && typeof method.publicKeyMultibase === 'string')
      return { key: multikeyPublicKey(method.publicKeyMultibase) };
    const jwk = asObject(method.publicKeyJwk);
    if ((method.type === 'JsonWebKey' || method.type === 'JsonWebKey2020') && typeof jwk.kty === 'string') {
      if ('d' in jwk) return { problem: 'its publicKeyJwk holds a private key' };
      return { key: publicKeyFromJwk(jwk) };
    }
  } catch (error) {
    return { problem: `its key cannot be read (${(error as Error).message})` };
  }
  return { problem: 'it is not a Multikey with publicKeyMultibase or a JsonWebKey with publicKeyJwk' };
}

/** A Multikey's public key: Ed25519 (multicodec 0xed01) or P-256 (0x1200, a compressed point). */
export function multikeyPublicKey(publicKeyMultibase: string): KeyObject {
  const bytes = multibaseBase58btcDecode(publicKeyMultibase);
  if (bytes.length === 35 && bytes[0] === 0x80 && bytes[1] === 0x24)
    return createPublicKey({
      key: Buffer.concat([P256_SPKI_PREFIX, bytes.subarray(2)]),
      format: 'der',
      type: 'spki',
    });
  return publicKeyOfMultibase(publicKeyMultibase);
}

/**
 * The key an https key id names, from the document at its URL: the verification method itself (its id the key id),
 * or its controller's document listing it as an assertion method; either way controlled by `controllerId`.
 */
export function keyOfKeyDocument(document: unknown, kid: string, controllerId: string): KeyFinding {
  const found = asObject(document);
  return found.id === kid ? keyOfMethod(found, controllerId) : assertionKeyOf(found, controllerId, kid);
}
