import { asList, asObject, type JsonObject } from '../json-reading';

/**
 * An offline bundle: one JSON file holding a credential and everything a verifier would otherwise fetch, as the
 * issuer published it when the learner downloaded it. One JSON document, not a zip: it needs no unpacking library
 * (a browser reads it with `JSON.parse`), the verification API takes it as a request body, and nothing in it is
 * binary. `contents` is a list of kinds: a single credential (kind `credential`), or a learner record (kind `clr`,
 * first) followed by each credential it holds (kind `credential`, for each one's hold slot and partner answer).
 */
export const OFFLINE_BUNDLE_TYPE = 'CreditBridgeOfflineBundle';
export const OFFLINE_BUNDLE_VERSION = 1;

/** A document as its publisher served it at `url`: verification reads it in place of fetching that URL. */
export interface BundledDocument {
  role: 'jwks' | 'did-document' | 'status-list';
  url: string;
  mediaType: string;
  body: string;
}

/** What a trust list said of the issuer (GET /api/credentials/trust-list), at the snapshot. */
export interface BundledTrustEntry {
  issuerId: string;
  name?: string;
  jwksUrl?: string;
  kind: 'own' | 'external';
  trustedBy?: string;
}

/** The credential, in the forms the issuer signed, with what only its issuer's records could say. */
export interface BundledCredential {
  kind: 'credential';
  id: string;
  /** The VC-JWT: what an offline verifier checks. */
  jwt: string;
  /** The same credential with a Data Integrity proof, as the issuer's DID. */
  dataIntegrity?: JsonObject;
  /** Its slot in a suspension list (not written in the credential: Open Badges 3.0 allows one status entry). */
  hold?: { listUrl: string; index: number };
  /** The issuer's answer, at the snapshot, on the delivering partner named in the credential. */
  partner?: { partnerId: string; authorised: boolean };
}

/** A learner record (CLR 2.0 ClrCredential), in the forms the issuer signed; its credentials follow it. */
export interface BundledRecord {
  kind: 'clr';
  id: string;
  /** The VC-JWT: what an offline verifier checks, with each credential it holds. */
  jwt: string;
  /** The same record with a Data Integrity proof, as the issuer's DID. */
  dataIntegrity?: JsonObject;
}

export type BundledContent = BundledCredential | BundledRecord;

export interface OfflineBundle {
  type: typeof OFFLINE_BUNDLE_TYPE;
  version: typeof OFFLINE_BUNDLE_VERSION;
  /** When the issuer's keys, status lists and trust were read: what the statuses are "last known at". */
  snapshotAt: string;
  issuer: {
    id: string;
    did?: string;
    profile: JsonObject;
    trustListEntry: BundledTrustEntry;
  };
  /** The credential or learner record verified first; after a record, the credentials it holds. */
  contents: BundledContent[];
  documents: BundledDocument[];
  /** A compact JWS by the issuer's key over the digest of every part above (see bundle-seal.ts). */
  seal: string;
}

/** Whether a parsed document claims to be an offline bundle (then it is verified as one, or refused). */
export function isOfflineBundle(input: unknown): boolean {
  return asObject(input).type === OFFLINE_BUNDLE_TYPE;
}

/** The bundle, or the first part that is missing or not of its shape, named for a person. */
export function readBundle(input: unknown): OfflineBundle | { missing: string } {
  const bundle = asObject(input);
  const issuer = asObject(bundle.issuer);
  const trust = asObject(issuer.trustListEntry);
  const contents = asList(bundle.contents).map(asObject);
  const first = contents[0] ?? {};
  const documents = asList(bundle.documents).map(asObject);
  const text = (value: unknown) => typeof value === 'string' && value !== '';
  const checks: [boolean, string][] = [
    [bundle.version === OFFLINE_BUNDLE_VERSION, 'a version this verifier reads (1)'],
    [text(bundle.snapshotAt) && !Number.isNaN(Date.parse(String(bundle.snapshotAt))), 'snapshot date'],
    [text(issuer.id), 'issuer'],
    [Object.keys(asObject(issuer.profile)).length > 0, 'issuer profile'],
    [text(trust.issuerId) && (trust.kind === 'own' || trust.kind === 'external'), 'trust-list entry'],
    [
      (first.kind === 'credential' || first.kind === 'clr') && text(first.id) && text(first.jwt),
      'credential',
    ],
    [
      contents.slice(1).every((held) => held.kind === 'credential' && text(held.id) && text(held.jwt)),
      'credentials the record holds (each a credential with its id and JWT)',
    ],
    [
      first.kind === 'clr' || contents.length === 1,
      'learner record first (a bundle of several credentials holds the record they are in)',
    ],
    [documents.some((document) => document.role === 'jwks' && text(document.body)), 'issuer’s keys (JWKS)'],
    [
      documents.every((document) => text(document.url) && text(document.body) && text(document.mediaType)),
      'documents (each with its url, media type and body)',
    ],
    [text(bundle.seal), 'seal'],
  ];
  const missing = checks.find(([present]) => !present);
  return missing ? { missing: missing[1] } : (bundle as unknown as OfflineBundle);
}

/** The status lists a credential's entries (and its hold slot) point at that the bundle does not hold. */
export function missingStatusLists(bundle: OfflineBundle, listUrls: readonly string[]): string[] {
  const held = new Set(bundle.documents.filter((d) => d.role === 'status-list').map((d) => d.url));
  return listUrls.filter((url) => !held.has(url));
}
