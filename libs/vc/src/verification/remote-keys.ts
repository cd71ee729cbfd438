import type { KeyObject } from 'node:crypto';
import { publicKeyOfDidKey } from '../data-integrity';
import { UnreachableError } from './context';
import { didWebDocumentUrl, isDidWeb } from './did-web';
import type { HttpSource } from './http-source';
import { ISSUER_KEYS, jwksKeyResolver, type JwksUrlOf } from './remote-issuers';
import { assertionKeyOf, type KeyFinding, keyOfKeyDocument } from './verification-methods';

/** DID documents (DID Core's media type first), then controller documents, then any JSON. */
export const KEY_DOCUMENT_ACCEPT =
  'application/did+json, application/did+ld+json, application/cid+json, application/json;q=0.9';

/** Why a key document did not give the key asked for, for the log: callers hear only that it is not the issuer's. */
export type KeyRefusalLog = (kid: string, issuerId: string, problem: string) => void;

/**
 * Resolves a key id of an issuer that is not ours, by what the issuer is, fetching only from the issuer's own host:
 * - a did:key issuer: the key id must be its own DID (with its key as fragment), which is the key;
 * - a did:web issuer: the key id must be a DID URL of that DID, an assertion method in the DID document its DID
 *   resolves to;
 * - an http(s) issuer: the key must be in the JWK set its trust-list entry names; failing that, an https key id on
 *   the issuer's own origin is fetched as a verification method or controller document naming the issuer. A key id
 *   anywhere else is never fetched.
 * Documents are fetched once per resolver (one verification, or one batch), besides HttpSource's own cache.
 */
export function remoteKeyResolver(
  http: HttpSource,
  jwksUrlOf: JwksUrlOf,
  onRefusal: KeyRefusalLog = () => {},
) {
  const fromJwks = jwksKeyResolver(http, jwksUrlOf);
  const documents = new Map<string, Promise<unknown>>();
  const documentAt = (url: string): Promise<unknown> => {
    let pending = documents.get(url);
    if (!pending) {
      pending = http.text(url, ISSUER_KEYS, KEY_DOCUMENT_ACCEPT).then(parsedDocument);
      documents.set(url, pending);
    }
    return pending;
  };
  const keyOf = (finding: KeyFinding, kid: string, issuerId: string): KeyObject | undefined => {
    if ('key' in finding) return finding.key;
    onRefusal(kid, issuerId, finding.problem);
    return undefined;
  };
  return async (kid: string, issuerId: string): Promise<KeyObject | undefined> => {
    if (issuerId.startsWith('did:key:')) return didKeyOfIssuer(kid, issuerId);
    if (isDidWeb(issuerId)) {
      const url = didWebDocumentUrlOrNone(issuerId);
      if (!url || !kid.startsWith(`${issuerId}#`)) return undefined;
      return keyOf(assertionKeyOf(await documentAt(url), issuerId, kid), kid, issuerId);
    }
    const listed = await fromJwks(kid, issuerId);
    if (listed || !onIssuersHttpsOrigin(kid, issuerId)) return listed;
    const document = await documentAt(kid.split('#')[0]!);
    return keyOf(keyOfKeyDocument(document, kid, issuerId), kid, issuerId);
  };
}

/** A did:key names its own key, and is the issuer's only when the issuer is that did:key. */
function didKeyOfIssuer(kid: string, issuerId: string): KeyObject | undefined {
  if (kid.split('#')[0] !== issuerId) return undefined;
  try {
    return publicKeyOfDidKey(kid);
  } catch {
    return undefined;
  }
}

function didWebDocumentUrlOrNone(did: string): string | undefined {
  try {
    return didWebDocumentUrl(did);
  } catch {
    return undefined;
  }
}

/** Whether a key id is an https URL on the origin of an https issuer id: the only key URLs fetched. */
export function onIssuersHttpsOrigin(kid: string, issuerId: string): boolean {
  try {
    const key = new URL(kid);
    const issuer = new URL(issuerId);
    return key.protocol === 'https:' && issuer.protocol === 'https:' && key.origin === issuer.origin;
  } catch {
    return false;
  }
}

function parsedDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreachableError(`${ISSUER_KEYS} are not a JSON document.`);
  }
}
