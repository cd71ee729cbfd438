import { createHash, type KeyObject } from 'node:crypto';
import { asList, asObject } from '../json-reading';
import { jwsSignatureProblem, signJws } from '../jws';
import { isVerificationAlgorithm, publicKeyFromJwk, type SigningAlgorithm } from '../keys';
import { decodeCompact } from '../verification/input';
import type { BundledDocument, OfflineBundle } from './bundle-format';

/** The seal's JWS `typ`: it is no credential, and must never be taken for one. */
const SEAL_TYPE = 'offline-bundle-seal+jwt';

const ROLE_NAMES: Record<BundledDocument['role'], string> = {
  jwks: 'issuer’s keys (JWKS)',
  'did-document': 'issuer’s DID document',
  'status-list': 'status list',
};

/**
 * Each part of a bundle, named for a person, with the SHA-256 of what it holds. The credential and the status
 * lists are signed on their own; the seal covers them too, and it alone covers the issuer profile and the trust-list
 * entry, which are not signed documents.
 */
export function bundleParts(bundle: Omit<OfflineBundle, 'seal'>): Map<string, string> {
  const parts = new Map<string, string>();
  const add = (name: string, value: unknown) =>
    parts.set(name, createHash('sha256').update(JSON.stringify(value)).digest('base64url'));
  add('snapshot date', bundle.snapshotAt);
  add('issuer', { id: bundle.issuer.id, did: bundle.issuer.did });
  add('issuer profile', bundle.issuer.profile);
  add('trust-list entry', bundle.issuer.trustListEntry);
  for (const content of bundle.contents) add(`${content.kind} ${content.id}`, content);
  for (const document of bundle.documents)
    // A URL may serve several forms (a status list as a VC-JWT and as JSON): each is a part of its own.
    add(
      `${ROLE_NAMES[document.role] ?? document.role} at ${document.url} (${document.mediaType})`,
      document.body,
    );
  return parts;
}

/** Seals a bundle with the issuer's VC-JWT key: the same key, published in the same JWKS, as its credentials. */
export function sealBundle(
  bundle: Omit<OfflineBundle, 'seal'>,
  key: { algorithm: SigningAlgorithm; kid: string; privateKey: KeyObject | string },
): OfflineBundle {
  const payload = {
    iss: bundle.issuer.id,
    iat: Math.floor(Date.parse(bundle.snapshotAt) / 1000),
    snapshotAt: bundle.snapshotAt,
    parts: Object.fromEntries(bundleParts(bundle)),
  };
  const seal = signJws({ alg: key.algorithm, typ: SEAL_TYPE, kid: key.kid }, payload, key.privateKey);
  return { ...bundle, seal };
}

/** The kid of the key the seal names, when it can be read. */
export function sealKid(bundle: OfflineBundle): string | undefined {
  const decoded = decodeCompact(bundle.seal);
  return typeof decoded === 'string' || typeof decoded.header.kid !== 'string'
    ? undefined
    : decoded.header.kid;
}

/**
 * Why the bundle's parts are not as the issuer sealed them, naming the first part altered, missing or added; or
 * undefined when each part is the one sealed. The seal is checked with the issuer's key from the bundled JWKS: a
 * changed key set either fails the seal or shows as an altered part. A verifier that knows the issuer's keys itself
 * gives the key it holds by the seal's kid (`pinned`): then the bundled keys are not believed for the seal either.
 */
export function sealProblem(bundle: OfflineBundle, pinned?: { key?: KeyObject }): string | undefined {
  const decoded = decodeCompact(bundle.seal);
  if (typeof decoded === 'string') return `The bundle’s seal cannot be read (${decoded}).`;
  const { alg, kid, typ } = decoded.header;
  if (typ !== SEAL_TYPE || !isVerificationAlgorithm(alg) || typeof kid !== 'string')
    return 'The bundle’s seal is not an offline bundle seal.';
  const key = pinned ? pinned.key : bundledKey(bundle, kid);
  if (pinned && (!key || jwsSignatureProblem(bundle.seal, alg, key)))
    return 'The bundle’s seal does not verify with the issuer’s keys this verifier holds: the bundle is not the issuer’s.';
  if (!key || jwsSignatureProblem(bundle.seal, alg, key))
    return 'The bundle’s seal does not verify with the issuer’s bundled keys: the keys or the seal were altered.';
  const sealed = asObject(decoded.payload.parts) as Record<string, unknown>;
  if (decoded.payload.iss !== bundle.issuer.id) return 'The bundle’s issuer was altered after it was sealed.';
  const now = bundleParts(bundle);
  for (const [name, digest] of Object.entries(sealed)) {
    if (!now.has(name)) return `The ${name} is missing from the bundle.`;
    if (now.get(name) !== digest) return `The ${name} was altered after the bundle was sealed.`;
  }
  const added = [...now.keys()].find((name) => !(name in sealed));
  return added ? `The ${added} was added after the bundle was sealed.` : undefined;
}

/** The issuer's key `kid` in a bundled JWK set, when the set says it is that issuer's. */
function bundledKey(bundle: OfflineBundle, kid: string): KeyObject | undefined {
  for (const document of bundle.documents.filter((candidate) => candidate.role === 'jwks')) {
    let keys: unknown[];
    try {
      keys = asList(asObject(JSON.parse(document.body)).keys);
    } catch {
      continue;
    }
    const jwk = keys.map(asObject).find((candidate) => candidate.kid === kid);
    if (jwk && jwk.iss === bundle.issuer.id) {
      try {
        return publicKeyFromJwk(jwk);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
