import type { KeyObject } from 'node:crypto';
import { asList, asObject, asText } from '../json-reading';
import { jwsSignatureProblem, signJws } from '../jws';
import {
  isVerificationAlgorithm,
  jwkThumbprint,
  type PublishedJwk,
  publicKeyFromJwk,
  type SigningAlgorithm,
} from '../keys';
import { decodeCompact } from '../verification/input';
import type { TrustAnchor } from './offline-context';

/**
 * A trust snapshot: the hub's trust list with each of its own issuers' public keys, signed by the hub's trust-list
 * key. An employer saves it once, online, and verifies offline bundles against it later: the bundle's own
 * trust-list entry and keys are sealed by the issuer alone, so a bundle forged end to end with another key would
 * vouch for itself; the snapshot is what the verifier already holds.
 */
export const TRUST_SNAPSHOT_TYPE = 'CreditBridgeTrustSnapshot';
/** The snapshot JWS's `typ`: never taken for a credential or a bundle seal. */
export const TRUST_SNAPSHOT_JWS_TYPE = 'trust-list-snapshot+jwt';

export interface TrustSnapshotEntry {
  issuerId: string;
  name: string;
  kind: 'own' | 'external';
  /** The issuer's did:web, when it has one (our own awarding bodies). */
  did?: string;
  /** External issuers: where their keys are published (not pinned: offline, only pinned keys are believed). */
  jwksUrl?: string;
  /** The issuer's VC-JWT public keys at the snapshot (our own awarding bodies); none for external issuers. */
  keys?: PublishedJwk[];
}

export interface TrustSnapshotClaims {
  /** The hub that signed it: its public origin. */
  iss: string;
  iat: number;
  takenAt: string;
  entries: TrustSnapshotEntry[];
}

/** What `GET /api/credentials/trust-list/snapshot` answers, and the file a verifier keeps. */
export interface TrustSnapshotFile {
  type: typeof TRUST_SNAPSHOT_TYPE;
  version: 1;
  /** Compact JWS by the hub's trust-list key (named in its header `jwk`) over `TrustSnapshotClaims`. */
  jws: string;
}

export interface TrustListSigner {
  algorithm: SigningAlgorithm;
  kid: string;
  privateKey: KeyObject | string;
  publicJwk: PublishedJwk;
}

export function signTrustSnapshot(claims: TrustSnapshotClaims, signer: TrustListSigner): TrustSnapshotFile {
  const header = {
    alg: signer.algorithm,
    typ: TRUST_SNAPSHOT_JWS_TYPE,
    kid: signer.kid,
    jwk: signer.publicJwk,
  };
  return { type: TRUST_SNAPSHOT_TYPE, version: 1, jws: signJws(header, claims, signer.privateKey) };
}

/** A snapshot read and its signature checked, with the thumbprint of the key that signed it. */
export interface ReadTrustSnapshot {
  claims: TrustSnapshotClaims;
  keyThumbprint: string;
}

/**
 * The snapshot, when its signature verifies with the trust-list key its header names (and, when the verifier
 * pinned one, that key is the pinned one); otherwise why it is refused. Any change to an entry breaks the
 * signature. `input` is the file as saved (its JSON) or the bare JWS.
 */
export function readTrustSnapshot(input: unknown, pinnedThumbprint?: string): ReadTrustSnapshot | string {
  const jws = typeof input === 'string' ? input.trim() : asText(asObject(input).jws);
  if (!jws) return 'The trust snapshot is not one: it carries no signed trust list (jws).';
  const decoded = decodeCompact(jws);
  if (typeof decoded === 'string') return `The trust snapshot cannot be read (${decoded}).`;
  const { alg, typ, jwk } = decoded.header;
  if (typ !== TRUST_SNAPSHOT_JWS_TYPE || !isVerificationAlgorithm(alg))
    return 'The trust snapshot is not signed as a trust list.';
  let key: KeyObject;
  let keyThumbprint: string;
  try {
    key = publicKeyFromJwk(asObject(jwk));
    keyThumbprint = jwkThumbprint(asObject(jwk));
  } catch {
    return 'The trust snapshot names no public key it was signed with.';
  }
  if (jwsSignatureProblem(jws, alg, key))
    return 'The trust snapshot’s signature does not verify: it was altered after the hub signed it.';
  if (pinnedThumbprint !== undefined && pinnedThumbprint !== keyThumbprint)
    return `The trust snapshot was signed by key ${keyThumbprint}, not the hub’s trust-list key ${pinnedThumbprint}.`;
  const claims = decoded.payload;
  const entries = asList(claims.entries).map(asObject);
  if (
    typeof claims.iss !== 'string' ||
    typeof claims.takenAt !== 'string' ||
    entries.some((entry) => typeof entry.issuerId !== 'string')
  )
    return 'The trust snapshot is signed but is not a trust list this verifier reads.';
  return { claims: claims as unknown as TrustSnapshotClaims, keyThumbprint };
}

/**
 * What a verifier already holds, from a trust snapshot: an issuer is trusted when the snapshot lists it (by its id
 * or its DID), and its keys are the snapshot's, never the bundle's. An issuer the snapshot lists without pinned keys
 * (an external issuer with a JWK set URL) has no key an offline verifier may believe, except a did:key, which is its
 * own key.
 */
export function snapshotAnchor({ claims }: ReadTrustSnapshot): TrustAnchor {
  const entryOf = (issuerId: string) =>
    claims.entries.find((entry) => entry.issuerId === issuerId || entry.did === issuerId);
  return {
    isTrusted: (issuerId) => Promise.resolve(entryOf(issuerId) !== undefined),
    knownKey: (kid, issuerId) => {
      const entry = entryOf(issuerId);
      // An issuer the snapshot does not list is untrusted whatever its keys: the trust check says so.
      if (!entry) return Promise.resolve(undefined);
      if (issuerId.startsWith('did:key:') && !entry.keys) return Promise.resolve(undefined);
      return Promise.resolve({ key: pinnedKey(entry.keys ?? [], kid, entry.issuerId) });
    },
  };
}

/**
 * The anchor of an issuer's public keys the verifier saved (`jwks`, e.g. the hub's /.well-known/jwks.json): an
 * issuer is trusted when a key names it (`iss`), or, for keys that name none, when it is the `issuer` given.
 */
export function issuerKeysAnchor(jwks: unknown, issuer?: string): TrustAnchor | string {
  const keys = asList(asObject(jwks).keys).map(asObject);
  if (keys.length === 0) return 'The issuer keys file is not a JWK set with keys.';
  const ownerOf = (jwk: Record<string, unknown>) => asText(jwk.iss) ?? issuer;
  const pinned = keys.filter((jwk) => issuer === undefined || ownerOf(jwk) === issuer);
  if (pinned.length === 0) return `The issuer keys file holds no key of ${issuer}.`;
  const trusts = (issuerId: string) => pinned.some((jwk) => ownerOf(jwk) === issuerId);
  return {
    isTrusted: (issuerId) => Promise.resolve(trusts(issuerId)),
    knownKey: (kid, issuerId) =>
      Promise.resolve(
        trusts(issuerId)
          ? { key: pinnedKey(pinned as unknown as PublishedJwk[], kid, issuerId, issuer) }
          : {},
      ),
  };
}

/** The key by that kid among pinned keys, when it is the issuer's (a key naming another issuer is not). */
function pinnedKey(
  keys: readonly PublishedJwk[],
  kid: string,
  issuerId: string,
  fallbackOwner?: string,
): KeyObject | undefined {
  const jwk = keys.find(
    (candidate) => candidate.kid === kid && (candidate.iss ?? fallbackOwner) === issuerId,
  );
  if (!jwk) return undefined;
  try {
    return publicKeyFromJwk(jwk);
  } catch {
    return undefined;
  }
}
